import type { FastifyInstance } from 'fastify';

/** HTTP routes of the landed-cost capability (under /v1). */
export async function landedCostRoutes(_fastify: FastifyInstance): Promise<void> {}

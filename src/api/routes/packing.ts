import type { FastifyInstance } from 'fastify';

/** HTTP routes of the packing capability (under /v1). */
export async function packingRoutes(_fastify: FastifyInstance): Promise<void> {}

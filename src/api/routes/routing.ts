import type { FastifyInstance } from 'fastify';

/** HTTP routes of the routing capability (under /v1). */
export async function routingRoutes(_fastify: FastifyInstance): Promise<void> {}

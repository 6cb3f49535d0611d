import type { FastifyInstance } from 'fastify';

/** HTTP routes of the network capability (under /v1). */
export async function networkRoutes(_fastify: FastifyInstance): Promise<void> {}

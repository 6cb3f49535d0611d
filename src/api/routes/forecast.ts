import type { FastifyInstance } from 'fastify';

/** HTTP routes of the forecast capability (under /v1). */
export async function forecastRoutes(_fastify: FastifyInstance): Promise<void> {}

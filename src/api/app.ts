/** The HTTP API and the console, as one Fastify instance. */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { and, eq } from 'drizzle-orm';
import type { Services } from '../services/index.js';
import { idempotencyKeys } from '../store/schema.js';
import { capabilityRoutes } from '../capabilities.js';
import { errorHandler, sendProblem } from './problem.js';
import { accountRoutes } from './routes/account.js';
import { catalogRoutes } from './routes/catalog.js';
import { orderRoutes } from './routes/orders.js';
import './context.js';

export interface AppOptions {
  services: Services;
  logger?: boolean | object;
  /** Folder of the built console; served at / when it exists. */
  webDist?: string;
  /** Capability route plugins under /v1; all of them unless given. */
  plugins?: ((app: FastifyInstance) => Promise<void>)[];
}

export const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 50 * 1024 * 1024,
    ajv: { customOptions: { coerceTypes: false } },
  });
  app.decorate('services', options.services);
  app.decorateRequest('principal', null);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((req, reply) => sendProblem(reply, 404, 'Not Found', `no route ${req.method} ${req.url.split('?')[0]}`));
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string' }, (_req, body, done) => done(null, body));

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Portolan API',
        version: '1.0.0',
        description: 'Logistics decisions for e-commerce merchants: network design, forecasting, packing, rates, landed cost, routing and tracking. Authenticate with `Authorization: Bearer <API key>`. Errors are application/problem+json. Creating POSTs accept an `Idempotency-Key` header.',
      },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/ready', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await options.services.store.query('select 1');
      return { status: 'ready' };
    } catch (e) {
      return sendProblem(reply, 503, 'Service Unavailable', `database not reachable: ${(e as Error).message}`);
    }
  });

  await app.register(async (v1) => {
    v1.addHook('onRequest', async (req, reply) => {
      const header = req.headers.authorization ?? '';
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      if (!m) return sendProblem(reply, 401, 'Unauthorized', 'send an API key as Authorization: Bearer <key>');
      const principal = await options.services.merchants.authenticate(m[1]);
      if (!principal) return sendProblem(reply, 401, 'Unauthorized', 'this API key is unknown or revoked');
      req.principal = principal;
    });
    registerIdempotency(v1, options.services);
    await v1.register(accountRoutes);
    await v1.register(catalogRoutes);
    await v1.register(orderRoutes);
    for (const plugin of options.plugins ?? capabilityRoutes) await v1.register(plugin);
  }, { prefix: '/v1' });

  const webDist = options.webDist ?? defaultWebDist;
  if (existsSync(webDist)) await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false });
  return app;
}

/**
 * A creating POST with an Idempotency-Key header is answered once; a retry with the same key and
 * body gets the first answer again, the same key with another body is refused.
 */
function registerIdempotency(app: FastifyInstance, services: Services) {
  const db = services.store.db;
  app.addHook('preHandler', async (req, reply) => {
    const key = req.headers['idempotency-key'];
    if (req.method !== 'POST' || typeof key !== 'string' || !req.principal) return;
    if (key.length > 200) return sendProblem(reply, 400, 'Bad Request', 'Idempotency-Key is longer than 200 characters', [{ field: 'Idempotency-Key', message: 'too long' }]);
    const hash = requestHash(req.method, req.url, req.body);
    const [seen] = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.merchantId, req.principal.merchantId), eq(idempotencyKeys.key, key)));
    if (!seen) {
      (req as { idempotency?: { key: string; hash: string } }).idempotency = { key, hash };
      return;
    }
    if (seen.requestHash !== hash) {
      return sendProblem(reply, 422, 'Unprocessable Content', 'this Idempotency-Key was already used with a different request', [{ field: 'Idempotency-Key', message: 'reused with another request' }]);
    }
    return reply.status(seen.statusCode).header('idempotent-replayed', 'true').send(seen.response);
  });
  app.addHook('onSend', async (req, reply, payload) => {
    const idem = (req as { idempotency?: { key: string; hash: string } }).idempotency;
    if (!idem || reply.statusCode >= 500 || reply.statusCode === 401) return payload;
    // Only JSON answers are replayed; other answers (PDF documents) have no side effect to protect.
    if (typeof payload !== 'string' || !/json/.test(String(reply.getHeader('content-type') ?? ''))) return payload;
    let body: unknown;
    try {
      body = JSON.parse(payload);
    } catch {
      return payload;
    }
    await db.insert(idempotencyKeys).values({
      merchantId: req.principal!.merchantId, key: idem.key, method: req.method, path: req.url, requestHash: idem.hash, statusCode: reply.statusCode, response: body as object,
    }).onConflictDoNothing();
    return payload;
  });
}

function requestHash(method: string, url: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${url}\n${typeof body === 'string' ? body : JSON.stringify(body ?? null)}`).digest('hex');
}

import type { FastifyInstance, FastifyReply, FastifyRequest, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../services/index.js';
import type { Principal } from '../services/merchants.js';

export type App = FastifyInstance<RawServerDefault> & { withTypeProvider: FastifyInstance['withTypeProvider'] };
export type ZApp = ReturnType<FastifyInstance['withTypeProvider']> & FastifyInstance;

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyInstance {
    services: Services;
  }
}

export type Typed = FastifyInstance & { withTypeProvider<T extends ZodTypeProvider>(): FastifyInstance };

export function merchantOf(request: FastifyRequest): string {
  // The auth hook guarantees a principal on every /v1 route.
  return request.principal!.merchantId;
}

export type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

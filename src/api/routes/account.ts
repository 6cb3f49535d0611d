/** The merchant, its API keys, its jobs, CSV imports and the overview numbers. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiKey, Job, Merchant } from '../../domain/resources.js';
import { csvTemplate, importKinds, type ImportKind } from '../../services/csv-formats.js';
import { merchantOf } from '../context.js';
import { errorResponses, IdParams, PageQuery, pageOf, security } from './common.js';

const ImportReport = z.object({
  kind: z.string(), outcome: z.enum(['committed', 'rejected']), rowsRead: z.number(), inserted: z.number(), updated: z.number(), skipped: z.number(),
  errors: z.array(z.object({ row: z.number(), column: z.string(), reason: z.string() })),
}).meta({ id: 'ImportReport' });

const Overview = z.object({
  totals: z.object({ orders: z.number(), units: z.number(), revenue: z.string(), currency: z.string(), skus: z.number(), warehouses: z.number(), countries: z.number(), crossBorderShare: z.number() }),
  ordersPerDay: z.array(z.object({ date: z.string(), orders: z.number(), units: z.number() })),
  ordersByCountry: z.array(z.object({ country: z.string(), orders: z.number() })),
  warehouses: z.array(z.object({ code: z.string(), name: z.string(), country: z.string(), lat: z.number(), lng: z.number(), operator: z.string(), orders: z.number() })),
  topSkus: z.array(z.object({ sku: z.string(), name: z.string(), units: z.number(), revenue: z.string() })),
  channels: z.array(z.object({ code: z.string(), name: z.string(), orders: z.number() })),
}).meta({ id: 'Overview' });

const Kind = z.object({ kind: z.enum(importKinds as [ImportKind, ...ImportKind[]]) });

export async function accountRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const s = fastify.services;

  app.get('/merchant', { schema: { tags: ['Merchant'], summary: 'The merchant this key belongs to', security, response: { 200: Merchant, ...errorResponses } } },
    (req) => s.merchants.get(merchantOf(req)));

  app.get('/api-keys', { schema: { tags: ['API keys'], summary: "List the merchant's API keys", security, response: { 200: z.object({ data: z.array(ApiKey) }), ...errorResponses } } },
    async (req) => ({ data: await s.merchants.listKeys(merchantOf(req)) }));
  app.post('/api-keys', {
    schema: { tags: ['API keys'], summary: 'Create an API key (the key is shown once)', security, body: z.strictObject({ name: z.string().trim().min(1).max(100) }), response: { 201: ApiKey.extend({ key: z.string() }), ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await s.merchants.createKey(merchantOf(req), req.body.name)));
  app.delete('/api-keys/:id', { schema: { tags: ['API keys'], summary: 'Revoke an API key', security, params: IdParams, response: { 200: ApiKey, ...errorResponses } } },
    (req) => s.merchants.revokeKey(merchantOf(req), req.params.id));

  app.get('/jobs', { schema: { tags: ['Jobs'], summary: 'List jobs, newest first', security, querystring: z.object({ ...PageQuery, kind: z.string().optional(), status: z.string().optional() }), response: { 200: pageOf(Job), ...errorResponses } } },
    (req) => s.jobs.list(merchantOf(req), req.query));
  app.get('/jobs/:id', { schema: { tags: ['Jobs'], summary: 'A job: status, progress, result or error', security, params: IdParams, response: { 200: Job, ...errorResponses } } },
    (req) => s.jobs.get(merchantOf(req), req.params.id));
  app.post('/jobs/:id/cancel', { schema: { tags: ['Jobs'], summary: 'Cancel a queued or running job', security, params: IdParams, response: { 200: Job, ...errorResponses } } },
    (req) => s.jobs.cancel(merchantOf(req), req.params.id));

  app.post('/imports/:kind', {
    schema: {
      tags: ['Imports'], summary: 'Import a CSV file (orders, products, warehouses or inventory)', security,
      description: 'Send the file as the body with Content-Type text/csv. With any bad row nothing is written (422 with the row-level report) unless skipInvalid=true. Rows are upserted on natural keys (SKU, warehouse code, order id), so re-importing a file creates no duplicates.',
      params: Kind, querystring: z.object({ skipInvalid: z.enum(['true', 'false']).default('false') }),
      body: z.string().meta({ description: 'CSV text' }),
      response: { 200: ImportReport, 422: ImportReport, ...errorResponses },
    },
  }, async (req, reply) => {
    const report = await s.imports.run(merchantOf(req), req.params.kind, req.body, req.query.skipInvalid === 'true');
    return reply.status(report.outcome === 'rejected' ? 422 : 200).send(report);
  });
  app.get('/imports/templates/:kind', { schema: { tags: ['Imports'], summary: 'A CSV template: the header and one example row', security, params: Kind } },
    async (req, reply) => reply.type('text/csv').header('content-disposition', `attachment; filename="${req.params.kind}-template.csv"`).send(csvTemplate(req.params.kind)));

  app.get('/stats/overview', {
    schema: { tags: ['Overview'], summary: "The overview numbers for the merchant's last N days of orders", security, querystring: z.object({ days: z.coerce.number().int().min(1).max(3660).default(365) }), response: { 200: Overview, ...errorResponses } },
  }, (req) => s.stats.overview(merchantOf(req), req.query.days));
}

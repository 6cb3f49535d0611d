import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Job, OrderStatus } from '../../domain/resources.js';
import { CartonizationJob, CartonizationOut, CartonizationRequest, PackableOrder } from '../../services/packing/contract.js';
import { PACKING_BATCH, PackingService } from '../../services/packing/packing-service.js';
import { merchantOf } from '../context.js';
import { errorResponses, IdParams, security } from './common.js';
import { sendAccepted } from './jobs-common.js';

const tags = ['Packing'];

/** HTTP routes of the packing capability (under /v1). */
export async function packingRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const packing = new PackingService(fastify.services);

  app.post('/cartonizations', {
    schema: {
      tags, summary: 'Choose boxes for an order and place its items (one order now, a batch as a job)', security,
      description: [
        'One order: `{ orderId }` (an order id or the external order number) or `{ items: [...] }` answers 200 with the boxes, every item’s position and orientation, and the costs.',
        'A batch: `{ orderIds: [...] }` or `{ status: "open", limit }` answers 202 with a job; follow it at `GET /v1/cartonizations/{id}`.',
        'Items that fit no box, weigh more than any box takes or have sizes ≤ 0 are listed under `unpackable` with the reason; the rest is packed.',
        'Positions are in millimetres from the box’s front-left-bottom inner corner: x along the inner width, y along the inner length, z up.',
        'Cost = box price + an estimated carrier price (perParcel + ratePerKg × started kg of max(actual, dimensional weight)).',
      ].join('\n\n'),
      body: CartonizationRequest,
      response: { 200: CartonizationOut, 202: Job, ...errorResponses },
    },
  }, async (req, reply) => {
    const merchantId = merchantOf(req);
    if (req.body.orderIds || req.body.status) return sendAccepted(reply, await packing.startBatch(merchantId, req.body), '/v1/cartonizations');
    return reply.status(200).send(await packing.cartonize(merchantId, req.body));
  });

  app.get('/cartonizations/orders', {
    schema: {
      tags, summary: 'Orders to pack: newest first, searchable by order number', security,
      querystring: z.object({
        q: z.string().max(100).optional().meta({ description: 'part of the external order number, or an order id' }),
        status: OrderStatus.optional(),
        limit: z.coerce.number().int().min(1).max(100).default(20),
      }),
      response: { 200: z.object({ data: z.array(PackableOrder) }), ...errorResponses },
    },
  }, async (req) => ({ data: await packing.packableOrders(merchantOf(req), req.query) }));

  app.get('/cartonizations/:id', {
    schema: { tags, summary: 'A batch cartonization job: status, progress, and per order the boxes and a summary', security, params: IdParams, response: { 200: CartonizationJob, ...errorResponses } },
  }, (req) => fastify.services.jobs.getOfKind(merchantOf(req), req.params.id, [PACKING_BATCH], 'cartonization') as never);
}

/** Orders, inventory levels and shipments. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InventoryLevel, InventoryUpsert, Order, OrderCreate, OrderPatch, OrderStatus, Shipment, ShipmentCreate } from '../../domain/resources.js';
import { merchantOf } from '../context.js';
import { errorResponses, IdParams, PageQuery, pageOf, security } from './common.js';

export async function orderRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const s = fastify.services;

  app.get('/orders', {
    schema: {
      tags: ['Orders'], summary: 'List orders', security,
      querystring: z.object({
        ...PageQuery, country: z.string().optional(), channel: z.string().optional(), status: OrderStatus.optional(),
        from: z.string().optional().meta({ description: 'placed at or after (ISO date)' }), to: z.string().optional().meta({ description: 'placed before (ISO date)' }),
      }),
      response: { 200: pageOf(Order), ...errorResponses },
    },
  }, (req) => s.orders.listOrders(merchantOf(req), req.query));
  app.post('/orders', { schema: { tags: ['Orders'], summary: 'Create an order', security, body: OrderCreate, response: { 201: Order, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await s.orders.create(merchantOf(req), req.body)));
  app.get('/orders/:id', { schema: { tags: ['Orders'], summary: 'Get an order with its lines', security, params: IdParams, response: { 200: Order, ...errorResponses } } },
    (req) => s.orders.getOrder(merchantOf(req), req.params.id));
  app.patch('/orders/:id', { schema: { tags: ['Orders'], summary: 'Update an order (status, warehouse, ship-to)', security, params: IdParams, body: OrderPatch, response: { 200: Order, ...errorResponses } } },
    (req) => s.orders.update(merchantOf(req), req.params.id, req.body));
  app.delete('/orders/:id', { schema: { tags: ['Orders'], summary: 'Delete an order', security, params: IdParams, response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => { await s.orders.remove(merchantOf(req), req.params.id); return reply.status(204).send(null); });

  app.get('/inventory', {
    schema: { tags: ['Inventory'], summary: 'List inventory levels per SKU and warehouse', security, querystring: z.object({ ...PageQuery, sku: z.string().optional(), warehouse: z.string().optional() }), response: { 200: pageOf(InventoryLevel), ...errorResponses } },
  }, (req) => s.inventory.list(merchantOf(req), req.query));
  app.put('/inventory', { schema: { tags: ['Inventory'], summary: 'Set the level of one SKU in one warehouse', security, body: InventoryUpsert, response: { 200: InventoryLevel, 201: InventoryLevel, ...errorResponses } } },
    async (req, reply) => {
      const { created, level } = await s.inventory.upsert(merchantOf(req), req.body);
      return reply.status(created ? 201 : 200).send(level);
    });

  app.get('/shipments', { schema: { tags: ['Shipments'], summary: 'List shipments with their parcels', security, querystring: z.object({ ...PageQuery, orderId: z.string().optional(), status: z.string().optional() }), response: { 200: pageOf(Shipment), ...errorResponses } } },
    (req) => s.shipments.listShipments(merchantOf(req), req.query));
  app.post('/shipments', { schema: { tags: ['Shipments'], summary: 'Create a shipment with its parcels', security, body: ShipmentCreate, response: { 201: Shipment, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await s.shipments.create(merchantOf(req), req.body)));
  app.get('/shipments/:id', { schema: { tags: ['Shipments'], summary: 'Get a shipment', security, params: IdParams, response: { 200: Shipment, ...errorResponses } } },
    (req) => s.shipments.getShipment(merchantOf(req), req.params.id));
  app.delete('/shipments/:id', { schema: { tags: ['Shipments'], summary: 'Delete a shipment', security, params: IdParams, response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => { await s.shipments.remove(merchantOf(req), req.params.id); return reply.status(204).send(null); });
}

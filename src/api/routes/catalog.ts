/** Warehouses, products and channels: plain create/read/update/delete resources. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Box, BoxCreate, BoxPatch, Channel, ChannelCreate, ChannelPatch, Product, ProductCreate, ProductPatch, Warehouse, WarehouseCreate, WarehousePatch } from '../../domain/resources.js';
import { merchantOf } from '../context.js';
import { errorResponses, IdParams, PageQuery, pageOf, security } from './common.js';

export async function catalogRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const s = fastify.services;

  // Warehouses
  app.get('/warehouses', {
    schema: { tags: ['Warehouses'], summary: 'List warehouses', security, querystring: z.object({ ...PageQuery, country: z.string().optional(), operator: z.enum(['own', '3pl']).optional() }), response: { 200: pageOf(Warehouse), ...errorResponses } },
  }, (req) => s.warehouses.listFiltered(merchantOf(req), req.query));
  app.post('/warehouses', {
    schema: { tags: ['Warehouses'], summary: 'Create a warehouse', security, body: WarehouseCreate, response: { 201: Warehouse, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await s.warehouses.create(merchantOf(req), req.body)));
  app.get('/warehouses/:id', { schema: { tags: ['Warehouses'], summary: 'Get a warehouse', security, params: IdParams, response: { 200: Warehouse, ...errorResponses } } },
    (req) => s.warehouses.get(merchantOf(req), req.params.id));
  app.patch('/warehouses/:id', { schema: { tags: ['Warehouses'], summary: 'Update a warehouse', security, params: IdParams, body: WarehousePatch, response: { 200: Warehouse, ...errorResponses } } },
    (req) => s.warehouses.update(merchantOf(req), req.params.id, req.body));
  app.delete('/warehouses/:id', { schema: { tags: ['Warehouses'], summary: 'Delete a warehouse', security, params: IdParams, response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => { await s.warehouses.remove(merchantOf(req), req.params.id); return reply.status(204).send(null); });

  // Products
  app.get('/products', {
    schema: { tags: ['Products'], summary: 'List products (SKUs)', security, querystring: z.object({ ...PageQuery, q: z.string().optional().meta({ description: 'words in the SKU or name' }), category: z.string().optional() }), response: { 200: pageOf(Product), ...errorResponses } },
  }, (req) => s.products.listFiltered(merchantOf(req), req.query));
  app.post('/products', { schema: { tags: ['Products'], summary: 'Create a product', security, body: ProductCreate, response: { 201: Product, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await s.products.create(merchantOf(req), req.body)));
  app.get('/products/:id', { schema: { tags: ['Products'], summary: 'Get a product', security, params: IdParams, response: { 200: Product, ...errorResponses } } },
    (req) => s.products.get(merchantOf(req), req.params.id));
  app.patch('/products/:id', { schema: { tags: ['Products'], summary: 'Update a product', security, params: IdParams, body: ProductPatch, response: { 200: Product, ...errorResponses } } },
    (req) => s.products.update(merchantOf(req), req.params.id, req.body));
  app.delete('/products/:id', { schema: { tags: ['Products'], summary: 'Delete a product', security, params: IdParams, response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => { await s.products.remove(merchantOf(req), req.params.id); return reply.status(204).send(null); });

  // Channels
  app.get('/channels', { schema: { tags: ['Channels'], summary: 'List sales channels', security, querystring: z.object(PageQuery), response: { 200: pageOf(Channel), ...errorResponses } } },
    (req) => s.channels.list(merchantOf(req), req.query));
  app.post('/channels', { schema: { tags: ['Channels'], summary: 'Create a sales channel', security, body: ChannelCreate, response: { 201: Channel, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await s.channels.create(merchantOf(req), req.body)));
  app.get('/channels/:id', { schema: { tags: ['Channels'], summary: 'Get a sales channel', security, params: IdParams, response: { 200: Channel, ...errorResponses } } },
    (req) => s.channels.get(merchantOf(req), req.params.id));
  app.patch('/channels/:id', { schema: { tags: ['Channels'], summary: 'Update a sales channel', security, params: IdParams, body: ChannelPatch, response: { 200: Channel, ...errorResponses } } },
    (req) => s.channels.update(merchantOf(req), req.params.id, req.body));
  app.delete('/channels/:id', { schema: { tags: ['Channels'], summary: 'Delete a sales channel', security, params: IdParams, response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => { await s.channels.remove(merchantOf(req), req.params.id); return reply.status(204).send(null); });

  // Boxes (the packing catalogue)
  app.get('/boxes', { schema: { tags: ['Boxes'], summary: 'List the box catalogue', security, querystring: z.object(PageQuery), response: { 200: pageOf(Box), ...errorResponses } } },
    (req) => s.boxes.list(merchantOf(req), req.query));
  app.post('/boxes', { schema: { tags: ['Boxes'], summary: 'Add a box to the catalogue', security, body: BoxCreate, response: { 201: Box, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await s.boxes.create(merchantOf(req), req.body)));
  app.get('/boxes/:id', { schema: { tags: ['Boxes'], summary: 'Get a box', security, params: IdParams, response: { 200: Box, ...errorResponses } } },
    (req) => s.boxes.get(merchantOf(req), req.params.id));
  app.patch('/boxes/:id', { schema: { tags: ['Boxes'], summary: 'Update a box', security, params: IdParams, body: BoxPatch, response: { 200: Box, ...errorResponses } } },
    (req) => s.boxes.update(merchantOf(req), req.params.id, req.body));
  app.delete('/boxes/:id', { schema: { tags: ['Boxes'], summary: 'Remove a box', security, params: IdParams, response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => { await s.boxes.remove(merchantOf(req), req.params.id); return reply.status(204).send(null); });
}

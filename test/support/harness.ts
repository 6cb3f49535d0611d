/**
 * Test servers: the real app on the embedded PGlite, or on PostgreSQL when
 * PORTOLAN_TEST_DATABASE_URL is set (the pg suite in .ci/run). Each test makes its own merchants,
 * so suites can share one PostgreSQL database.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.js';
import { createServices, type Services } from '../../src/services/index.js';
import { openStore, type Store } from '../../src/store/database.js';

export interface Harness {
  app: FastifyInstance;
  services: Services;
  store: Store;
  close(): Promise<void>;
}

export const testDatabaseUrl = process.env.PORTOLAN_TEST_DATABASE_URL;

export async function openTestStore(): Promise<Store> {
  return openStore(testDatabaseUrl ? { databaseUrl: testDatabaseUrl, maxConnections: 4 } : { dataDir: ':memory:' });
}

export async function startHarness(): Promise<Harness> {
  const store = await openTestStore();
  const services = createServices(store);
  const app = await buildApp({ services, webDist: '/nonexistent' });
  await app.ready();
  return { app, services, store, async close() { await app.close(); await store.close(); } };
}

export interface Tenant {
  merchantId: string;
  key: string;
  auth: { authorization: string };
}

let counter = 0;

export async function newTenant(h: { services: Services }, name = 'Test merchant'): Promise<Tenant> {
  const m = await h.services.merchants.create(`${name} ${++counter}`, 'EUR');
  const k = await h.services.merchants.createKey(m.id, 'test');
  return { merchantId: m.id, key: k.key, auth: { authorization: `Bearer ${k.key}` } };
}

export const sampleWarehouse = (code = 'AMS1') => ({
  code, name: 'Amsterdam', operator: 'own', address: { line1: 'Dock 1', city: 'Amsterdam', country: 'NL' }, lat: 52.37, lng: 4.9, currency: 'EUR',
});

export const sampleProduct = (sku = 'TEE-1') => ({
  sku, name: 'Tee', lengthMm: 300, widthMm: 250, heightMm: 20, weightG: 180, unitValue: '24.90', currency: 'EUR', hsCode: '610910', originCountry: 'PT',
});

export const sampleOrder = (externalId = 'A-1', sku = 'TEE-1') => ({
  externalId, placedAt: '2026-03-01T10:00:00Z', currency: 'EUR',
  shipTo: { name: 'Ana', city: 'Lisbon', country: 'PT', lat: 38.7, lng: -9.1 },
  lines: [{ sku, quantity: 2, unitPrice: '24.90' }],
});

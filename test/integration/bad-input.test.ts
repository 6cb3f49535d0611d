/** Bad input gets a 4xx application/problem+json naming the field, and nothing is half-written. */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { newTenant, sampleOrder, sampleProduct, sampleWarehouse, startHarness, type Harness, type Tenant } from '../support/harness.js';

let h: Harness;
let t: Tenant;

before(async () => {
  h = await startHarness();
  t = await newTenant(h);
});
after(async () => h.close());

async function post(url: string, payload: string | object, headers: Record<string, string> = {}) {
  const res = await h.app.inject({ method: 'POST', url, headers: { ...t.auth, 'content-type': 'application/json', ...headers }, payload: typeof payload === 'string' ? payload : JSON.stringify(payload) });
  return { status: res.statusCode, type: res.headers['content-type'] as string, body: res.json(), headers: res.headers };
}

function assertProblem(r: { status: number; type: string; body: { errors?: { field: string }[] } }, status: number, field?: string) {
  assert.equal(r.status, status);
  assert.match(r.type, /application\/problem\+json/);
  if (field) assert.ok(r.body.errors?.some((e) => e.field === field), `expected an error on ${field}, got ${JSON.stringify(r.body.errors)}`);
}

it('names the field for each kind of bad input', async () => {
  assertProblem(await post('/v1/products', '{"sku": "A",'), 400, '(body)');
  assertProblem(await post('/v1/products', { ...sampleProduct(), colour: 'red' }), 400, 'colour');
  assertProblem(await post('/v1/products', { ...sampleProduct(), weightG: '180' }), 400, 'weightG');
  assertProblem(await post('/v1/products', { ...sampleProduct(), weightG: -5 }), 400, 'weightG');
  assertProblem(await post('/v1/products', { ...sampleProduct(), originCountry: 'XX' }), 400, 'originCountry');
  assertProblem(await post('/v1/products', { ...sampleProduct(), currency: 'EURO' }), 400, 'currency');
  assertProblem(await post('/v1/products', { ...sampleProduct(), unitValue: '12.345678' }), 400, 'unitValue');
  assertProblem(await post('/v1/products', { ...sampleProduct(), hsCode: '61' }), 400, 'hsCode');
  assertProblem(await post('/v1/warehouses', { ...sampleWarehouse(), lat: 200 }), 400, 'lat');
  assertProblem(await post('/v1/warehouses', { ...sampleWarehouse(), address: { city: 'X', country: 'ZZ' } }), 400, 'address.country');
  assertProblem(await post('/v1/orders', { ...sampleOrder(), lines: [] }), 400, 'lines');
  assertProblem(await post('/v1/orders', { ...sampleOrder(), lines: [{ sku: 'A', quantity: 0, unitPrice: '1' }] }), 400, 'lines.0.quantity');
  assertProblem(await post('/v1/orders', { ...sampleOrder(), placedAt: 'yesterday' }), 400, 'placedAt');
  const q = await h.app.inject({ method: 'GET', url: '/v1/products?limit=0', headers: t.auth });
  assert.equal(q.statusCode, 400);
  const notFound = await h.app.inject({ method: 'GET', url: '/v1/orders/ord_00000000000000000000', headers: t.auth });
  assert.equal(notFound.statusCode, 404);
  assert.match(notFound.headers['content-type'] as string, /problem\+json/);
  assert.equal((await h.app.inject({ method: 'GET', url: '/v1/nothing-here', headers: t.auth })).statusCode, 404);
  assert.equal((await h.app.inject({ method: 'PATCH', url: '/v1/products/prd_x', headers: t.auth, payload: { sku: 'new' } })).statusCode, 400);
});

it('writes nothing when an order refers to an unknown channel', async () => {
  const r = await post('/v1/orders', { ...sampleOrder('HALF-1'), channelCode: 'NOPE' });
  assertProblem(r, 400, 'channelCode');
  const list = await h.app.inject({ method: 'GET', url: '/v1/orders', headers: t.auth });
  assert.equal(list.json().data.length, 0);
});

it('answers a retried POST with the same Idempotency-Key once, and refuses the key for another body', async () => {
  const first = await post('/v1/warehouses', sampleWarehouse('IDEM'), { 'idempotency-key': 'k-1' });
  assert.equal(first.status, 201);
  const again = await post('/v1/warehouses', sampleWarehouse('IDEM'), { 'idempotency-key': 'k-1' });
  assert.equal(again.status, 201);
  assert.equal(again.body.id, first.body.id);
  assert.equal(again.headers['idempotent-replayed'], 'true');
  const other = await post('/v1/warehouses', sampleWarehouse('OTHER'), { 'idempotency-key': 'k-1' });
  assertProblem(other, 422, 'Idempotency-Key');
  const list = await h.app.inject({ method: 'GET', url: '/v1/warehouses', headers: t.auth });
  assert.equal(list.json().data.length, 1);
});

/** A key of merchant A can never read or change merchant B's data, for every resource. */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { newTenant, sampleOrder, sampleProduct, sampleWarehouse, startHarness, type Harness, type Tenant } from '../support/harness.js';

let h: Harness;
let a: Tenant;
let b: Tenant;

before(async () => {
  h = await startHarness();
  a = await newTenant(h, 'A');
  b = await newTenant(h, 'B');
});
after(async () => h.close());

const req = async (tenant: Tenant, method: string, url: string, payload?: unknown) => {
  const res = await h.app.inject({ method: method as 'GET', url, headers: tenant.auth, ...(payload !== undefined ? { payload: payload as object } : {}) });
  return { status: res.statusCode, body: res.body ? res.json() : null };
};

it("keeps every resource of one merchant out of another merchant's reach", async () => {
  const wh = (await req(a, 'POST', '/v1/warehouses', sampleWarehouse('AMS1'))).body;
  const pr = (await req(a, 'POST', '/v1/products', sampleProduct('TEE-1'))).body;
  const ch = (await req(a, 'POST', '/v1/channels', { code: 'WEB', name: 'Web', kind: 'webshop' })).body;
  const or = (await req(a, 'POST', '/v1/orders', sampleOrder('A-1'))).body;
  await req(a, 'PUT', '/v1/inventory', { sku: 'TEE-1', warehouseCode: 'AMS1', onHand: 5 });
  const sh = (await req(a, 'POST', '/v1/shipments', { orderId: or.id, carrier: 'DHL', serviceLevel: 'express', parcels: [{ lengthMm: 10, widthMm: 10, heightMm: 10, weightG: 10 }] })).body;
  const job = await h.services.jobs.create(a.merchantId, 'test.none', {});
  const key = (await req(a, 'POST', '/v1/api-keys', { name: 'second' })).body;

  const resources: [string, string][] = [
    ['warehouses', wh.id], ['products', pr.id], ['channels', ch.id], ['orders', or.id], ['shipments', sh.id], ['jobs', job.id],
  ];
  for (const [path, id] of resources) {
    assert.equal((await req(b, 'GET', `/v1/${path}/${id}`)).status, 404, `B read A's ${path}`);
    const list = await req(b, 'GET', `/v1/${path}`);
    assert.equal(list.status, 200);
    assert.equal(list.body.data.length, 0, `B listed A's ${path}`);
    assert.equal((await req(a, 'GET', `/v1/${path}/${id}`)).status, 200, `A cannot read its own ${path}`);
  }
  for (const [path, id] of resources.filter(([p]) => ['warehouses', 'products', 'channels', 'orders'].includes(p))) {
    assert.equal((await req(b, 'PATCH', `/v1/${path}/${id}`, { name: 'hijacked' })).status >= 400, true);
    assert.equal((await req(b, 'DELETE', `/v1/${path}/${id}`)).status, 404, `B deleted A's ${path}`);
  }
  assert.equal((await req(b, 'DELETE', `/v1/shipments/${sh.id}`)).status, 404);
  assert.equal((await req(b, 'POST', `/v1/jobs/${job.id}/cancel`)).status, 404);
  assert.equal((await req(b, 'DELETE', `/v1/api-keys/${key.id}`)).status, 404);
  assert.equal((await req(b, 'GET', '/v1/inventory')).body.data.length, 0);
  // B cannot write inventory against A's SKU and warehouse codes, nor import onto them.
  assert.equal((await req(b, 'PUT', '/v1/inventory', { sku: 'TEE-1', warehouseCode: 'AMS1', onHand: 99 })).status, 400);
  assert.equal((await req(b, 'GET', '/v1/api-keys')).body.data.length, 1);
  assert.equal((await req(b, 'GET', '/v1/stats/overview')).body.totals.orders, 0);
  assert.equal((await req(b, 'GET', '/v1/merchant')).body.id, b.merchantId);
  // The same natural keys are free for B to use.
  assert.equal((await req(b, 'POST', '/v1/warehouses', sampleWarehouse('AMS1'))).status, 201);
  assert.equal((await req(b, 'POST', '/v1/orders', sampleOrder('A-1'))).status, 201);
  // And A's data is untouched.
  assert.equal((await req(a, 'GET', `/v1/warehouses/${wh.id}`)).body.name, 'Amsterdam');
  assert.equal((await req(a, 'GET', '/v1/inventory')).body.data[0].onHand, 5);
});

it('refuses missing, unknown and revoked keys', async () => {
  assert.equal((await h.app.inject({ method: 'GET', url: '/v1/products' })).statusCode, 401);
  const unknown = await h.app.inject({ method: 'GET', url: '/v1/products', headers: { authorization: 'Bearer pk_nope' } });
  assert.equal(unknown.statusCode, 401);
  assert.match(unknown.headers['content-type'] as string, /application\/problem\+json/);
  const created = (await req(a, 'POST', '/v1/api-keys', { name: 'temp' })).body;
  const temp: Tenant = { merchantId: a.merchantId, key: created.key, auth: { authorization: `Bearer ${created.key}` } };
  assert.equal((await req(temp, 'GET', '/v1/products')).status, 200);
  assert.equal((await req(a, 'DELETE', `/v1/api-keys/${created.id}`)).status, 200);
  assert.equal((await req(temp, 'GET', '/v1/products')).status, 401);
  const listed = (await req(a, 'GET', '/v1/api-keys')).body.data;
  assert.ok(listed.every((k: Record<string, unknown>) => !('key' in k) && !('keyHash' in k)), 'keys are never shown again');
});

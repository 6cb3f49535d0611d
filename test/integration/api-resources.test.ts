import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newTenant, sampleOrder, sampleProduct, sampleWarehouse, startHarness, type Harness, type Tenant } from '../support/harness.js';

let h: Harness;
let t: Tenant;

before(async () => {
  h = await startHarness();
  t = await newTenant(h);
});
after(async () => h.close());

async function call(method: string, url: string, payload?: unknown, tenant = t) {
  const res = await h.app.inject({ method: method as 'GET', url, headers: tenant.auth, ...(payload !== undefined ? { payload: payload as object } : {}) });
  return { status: res.statusCode, body: res.body ? res.json() : null, type: res.headers['content-type'] };
}

describe('warehouses', () => {
  it('creates, reads, updates, lists and deletes', async () => {
    const created = await call('POST', '/v1/warehouses', sampleWarehouse('W1'));
    assert.equal(created.status, 201);
    assert.match(created.body.id, /^wh_/);
    assert.equal(created.body.address.country, 'NL');
    assert.equal(created.body.fixedCostPerYear, '0');
    const got = await call('GET', `/v1/warehouses/${created.body.id}`);
    assert.deepEqual(got.body, created.body);
    const patched = await call('PATCH', `/v1/warehouses/${created.body.id}`, { operator: '3pl', fixedCostPerYear: '12000.50' });
    assert.equal(patched.body.operator, '3pl');
    assert.equal(patched.body.fixedCostPerYear, '12000.5');
    const dup = await call('POST', '/v1/warehouses', sampleWarehouse('W1'));
    assert.equal(dup.status, 409);
    assert.equal(dup.body.errors[0].field, 'code');
    const list = await call('GET', '/v1/warehouses?operator=3pl');
    assert.deepEqual(list.body.data.map((w: { code: string }) => w.code), ['W1']);
    assert.equal((await call('DELETE', `/v1/warehouses/${created.body.id}`)).status, 204);
    assert.equal((await call('GET', `/v1/warehouses/${created.body.id}`)).status, 404);
  });
});

describe('products', () => {
  it('pages through a list with a cursor and filters by words', async () => {
    for (let i = 0; i < 7; i++) assert.equal((await call('POST', '/v1/products', { ...sampleProduct(`P-${i}`), name: i % 2 ? 'Red mug' : 'Blue tee' })).status, 201);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await call('GET', `/v1/products?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(page.status, 200);
      seen.push(...page.body.data.map((p: { sku: string }) => p.sku));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor);
    assert.equal(pages, 3);
    assert.deepEqual(seen, ['P-0', 'P-1', 'P-2', 'P-3', 'P-4', 'P-5', 'P-6']);
    const mugs = await call('GET', '/v1/products?q=mug');
    assert.deepEqual(mugs.body.data.map((p: { sku: string }) => p.sku), ['P-1', 'P-3', 'P-5']);
    const bad = await call('GET', '/v1/products?cursor=nonsense');
    assert.equal(bad.status, 400);
  });

  it('keeps money exact and units whole', async () => {
    const p = await call('POST', '/v1/products', { ...sampleProduct('EXACT'), unitValue: '0.1' });
    assert.equal(p.body.unitValue, '0.1');
    const patched = await call('PATCH', `/v1/products/${p.body.id}`, { unitValue: '1234567.8901' });
    assert.equal(patched.body.unitValue, '1234567.8901');
  });
});

describe('orders, inventory, channels, shipments', () => {
  it('creates an order with lines and a computed total, and filters by country', async () => {
    await call('POST', '/v1/products', sampleProduct('TEE-1'));
    await call('POST', '/v1/warehouses', sampleWarehouse('AMS1'));
    const ch = await call('POST', '/v1/channels', { code: 'WEB', name: 'Webshop', kind: 'webshop' });
    assert.equal(ch.status, 201);
    const order = await call('POST', '/v1/orders', { ...sampleOrder('A-1'), channelCode: 'WEB', warehouseCode: 'AMS1', lines: [{ sku: 'TEE-1', quantity: 3, unitPrice: '19.99' }, { sku: 'OTHER', quantity: 1, unitPrice: '0.03' }] });
    assert.equal(order.status, 201);
    assert.equal(order.body.totalValue, '60');
    assert.equal(order.body.channelCode, 'WEB');
    assert.equal(order.body.lines.length, 2);
    await call('POST', '/v1/orders', { ...sampleOrder('A-2'), shipTo: { city: 'Berlin', country: 'de' } });
    const pt = await call('GET', '/v1/orders?country=PT');
    assert.deepEqual(pt.body.data.map((o: { externalId: string }) => o.externalId), ['A-1']);
    const de = await call('GET', '/v1/orders?country=DE');
    assert.equal(de.body.data[0].shipTo.country, 'DE');
    const patched = await call('PATCH', `/v1/orders/${order.body.id}`, { status: 'shipped' });
    assert.equal(patched.body.status, 'shipped');
    const unknownWh = await call('PATCH', `/v1/orders/${order.body.id}`, { warehouseCode: 'NOPE' });
    assert.equal(unknownWh.status, 400);
    assert.equal(unknownWh.body.errors[0].field, 'warehouseCode');
    const dup = await call('POST', '/v1/orders', sampleOrder('A-1'));
    assert.equal(dup.status, 409);

    const inv = await call('PUT', '/v1/inventory', { sku: 'TEE-1', warehouseCode: 'AMS1', onHand: 40 });
    assert.equal(inv.status, 201);
    const inv2 = await call('PUT', '/v1/inventory', { sku: 'TEE-1', warehouseCode: 'AMS1', onHand: 35, reorderPoint: 10 });
    assert.equal(inv2.status, 200);
    const levels = await call('GET', '/v1/inventory?sku=TEE-1');
    assert.deepEqual(levels.body.data.map((l: { onHand: number; reorderPoint: number }) => [l.onHand, l.reorderPoint]), [[35, 10]]);
    const missing = await call('PUT', '/v1/inventory', { sku: 'NOPE', warehouseCode: 'AMS1', onHand: 1 });
    assert.equal(missing.status, 400);

    const shp = await call('POST', '/v1/shipments', { orderId: order.body.id, warehouseCode: 'AMS1', carrier: 'PostNL', serviceLevel: 'standard', parcels: [{ lengthMm: 300, widthMm: 200, heightMm: 100, weightG: 700 }] });
    assert.equal(shp.status, 201);
    assert.equal(shp.body.parcels.length, 1);
    const byOrder = await call('GET', `/v1/shipments?orderId=${order.body.id}`);
    assert.equal(byOrder.body.data.length, 1);
  });
});

describe('overview', () => {
  it('counts orders, countries and top SKUs', async () => {
    const ov = await call('GET', '/v1/stats/overview?days=3650');
    assert.equal(ov.status, 200);
    assert.equal(ov.body.totals.orders, 2);
    assert.deepEqual(ov.body.ordersByCountry.map((c: { country: string }) => c.country).sort(), ['DE', 'PT']);
    assert.equal(ov.body.topSkus[0].sku, 'TEE-1');
  });
});

describe('OpenAPI and health', () => {
  it('serves an OpenAPI 3.1 document that lists the resources', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/openapi.json' });
    const doc = res.json();
    assert.equal(doc.openapi, '3.1.0');
    for (const path of ['/v1/warehouses', '/v1/products', '/v1/orders', '/v1/inventory', '/v1/jobs/{id}', '/v1/imports/{kind}', '/v1/api-keys']) assert.ok(doc.paths[path], `missing ${path}`);
    assert.equal((await h.app.inject({ method: 'GET', url: '/health' })).json().status, 'ok');
    assert.equal((await h.app.inject({ method: 'GET', url: '/ready' })).json().status, 'ready');
    assert.equal((await h.app.inject({ method: 'GET', url: '/docs/' })).statusCode, 200);
  });
});

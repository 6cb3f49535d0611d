/**
 * Cartonization end to end on the demo merchant: one order packed now, typed-in items, bad input,
 * tenancy, a batch job in a worker thread, and the `portolan pack` command.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { startServer, type RunningServer } from '../../src/server.js';
import { seedDemo } from '../../src/services/demo/seed.js';
import { orderLines, orders, products } from '../../src/store/schema.js';
import type { BatchResult, CartonizationOut } from '../../src/services/packing/contract.js';
import { testDatabaseUrl } from '../support/harness.js';
import { waitFor } from '../support/jobs.js';
import { runPortolan, type CliRun } from '../support/cli.js';

const work = mkdtempSync(join(tmpdir(), 'portolan-packing-'));
let server: RunningServer;
let key: string;
let merchantId: string;
let otherKey: string;

async function call<T = unknown>(method: string, path: string, body?: unknown, apiKey = key): Promise<{ status: number; body: T; type: string }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T, type: res.headers.get('content-type') ?? '' };
}

function portolan(args: string[]): Promise<CliRun> {
  return runPortolan(args, { PORTOLAN_URL: server.url, PORTOLAN_API_KEY: key, PORTOLAN_DATA_DIR: join(work, 'cli-data') });
}

/** Every placement inside its box, no two overlapping, weight within the box's limit. */
function assertValidPacking(r: CartonizationOut, maxWeight: Record<string, number>) {
  for (const b of r.boxes) {
    for (const p of b.items) {
      assert.ok(p.xMm >= 0 && p.yMm >= 0 && p.zMm >= 0, `${b.boxCode}: ${p.sku} starts inside`);
      assert.ok(p.xMm + p.widthMm <= b.inner.widthMm && p.yMm + p.lengthMm <= b.inner.lengthMm && p.zMm + p.heightMm <= b.inner.heightMm, `${b.boxCode}: ${p.sku} ends inside`);
    }
    for (let i = 0; i < b.items.length; i++) {
      for (let j = i + 1; j < b.items.length; j++) {
        const a = b.items[i], c = b.items[j];
        const apart = a.xMm + a.widthMm <= c.xMm || c.xMm + c.widthMm <= a.xMm || a.yMm + a.lengthMm <= c.yMm || c.yMm + c.lengthMm <= a.yMm || a.zMm + a.heightMm <= c.zMm || c.zMm + c.heightMm <= a.zMm;
        assert.ok(apart, `${b.boxCode}: items ${a.seq} and ${c.seq} overlap`);
      }
    }
    // nothing hangs in the air: by default 70 % of each base rests on the floor or on items below
    for (const p of b.items.filter((i) => i.zMm > 0)) {
      let supported = 0;
      for (const q of b.items) {
        if (q.zMm + q.heightMm !== p.zMm) continue;
        const dx = Math.min(p.xMm + p.widthMm, q.xMm + q.widthMm) - Math.max(p.xMm, q.xMm);
        const dy = Math.min(p.yMm + p.lengthMm, q.yMm + q.lengthMm) - Math.max(p.yMm, q.yMm);
        if (dx > 0 && dy > 0) supported += dx * dy;
      }
      assert.ok(supported >= 0.7 * p.widthMm * p.lengthMm - 1e-6, `${b.boxCode}: item ${p.seq} rests on ${Math.round((100 * supported) / (p.widthMm * p.lengthMm))} % of its base`);
    }
    if (b.boxCode) assert.ok(b.weightG <= maxWeight[b.boxCode], `${b.boxCode} within its weight limit`);
  }
}

const boxLimits = { MAILER: 2000, 'MAILER-L': 3000, S: 10000, M: 20000, L: 25000, XL: 30000, LONG: 20000 };

/** A demo order whose only line is one unit of the given category. */
async function singleItemOrder(category: string, extra = sql`true`): Promise<{ id: string; externalId: string; sku: string }> {
  const db = server.services.store.db;
  const rows = await db.select({ id: orders.id, externalId: orders.externalId, sku: orderLines.sku }).from(orders)
    .innerJoin(orderLines, eq(orderLines.orderId, orders.id))
    .innerJoin(products, and(eq(products.merchantId, orders.merchantId), eq(products.sku, orderLines.sku)))
    .where(and(eq(orders.merchantId, merchantId), eq(products.category, category), eq(orderLines.quantity, 1), extra,
      sql`(select count(*) from order_lines l where l.order_id = ${orders.id}) = 1`))
    .limit(1);
  assert.ok(rows[0], `the demo has a single-item ${category} order`);
  return rows[0];
}

before(async () => {
  server = await startServer({ port: 0, dataDir: join(work, 'server'), databaseUrl: testDatabaseUrl, seed: false, runner: { concurrency: 1, heartbeatMs: 200 } });
  // seeded here rather than by the server, which seeds only an empty database (the pg suite shares one)
  const demo = await seedDemo(server.services, { orders: 600, seed: 5 });
  key = demo.apiKey;
  merchantId = demo.merchantId;
  const other = await server.services.merchants.create('Other merchant', 'EUR');
  otherKey = (await server.services.merchants.createKey(other.id, 'other')).key;
});
after(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

it('packs a T-shirt in a mailer and shoes in a box, with positions, weights and costs', async () => {
  const tee = await singleItemOrder('Apparel', sql`${products.name} ilike '%T-shirt%'`);
  const r = await call<CartonizationOut>('POST', '/v1/cartonizations', { orderId: tee.id });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.boxes.length, 1);
  const b = r.body.boxes[0];
  assert.equal(b.boxCode, 'MAILER');
  assert.equal(b.items[0].orientation, 'upright');
  assert.equal(r.body.externalId, tee.externalId);
  assert.equal(b.items.length, 1);
  assert.equal(b.items[0].sku, tee.sku);
  assert.ok(b.dimensionalWeightG > 0 && b.chargeableWeightG >= b.weightG && b.chargeableWeightG >= b.dimensionalWeightG);
  assert.match(b.cost, /^\d+\.\d{2,4}$/);
  assert.equal(r.body.currency, 'EUR');
  assert.deepEqual(r.body.unpackable, []);

  const shoe = await singleItemOrder('Footwear');
  // by the external order number, as a packer reads it off the pick list
  const s = await call<CartonizationOut>('POST', '/v1/cartonizations', { orderId: shoe.externalId });
  assert.equal(s.status, 200);
  assert.equal(s.body.orderId, shoe.id);
  assert.ok(s.body.boxes[0].boxCode && s.body.boxes[0].boxCode !== 'MAILER', `shoes go in a box, got ${s.body.boxes[0].boxCode}`);
  assertValidPacking(s.body, boxLimits);
});

it('packs typed-in items, keeps fragile items on top and reports what cannot be packed', async () => {
  const items = [
    { sku: 'BOOT', lengthMm: 340, widthMm: 220, heightMm: 130, weightG: 1400, quantity: 2 },
    { sku: 'MUG', lengthMm: 100, widthMm: 100, heightMm: 100, weightG: 300, quantity: 3, fragile: true },
    { sku: 'CANDLE', lengthMm: 90, widthMm: 90, heightMm: 110, weightG: 400, rotation: 'this-side-up' },
    { sku: 'KAYAK', lengthMm: 3000, widthMm: 600, heightMm: 400, weightG: 20000 },
    { sku: 'GHOST', lengthMm: 0, widthMm: 100, heightMm: 100, weightG: 10 },
    { sku: 'ANVIL', lengthMm: 200, widthMm: 150, heightMm: 100, weightG: 40000 },
  ];
  const r = await call<CartonizationOut>('POST', '/v1/cartonizations', { items, options: { ratePerKg: '0.80', perParcel: '5', dimDivisor: 139, dimDivisorUnit: 'in3/lb' } });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assertValidPacking(r.body, boxLimits);
  const placed = r.body.boxes.flatMap((b) => b.items);
  assert.equal(placed.filter((p) => p.sku === 'BOOT').length, 2);
  assert.equal(placed.filter((p) => p.sku === 'MUG').length, 3);
  const candle = placed.find((p) => p.sku === 'CANDLE')!;
  assert.equal(candle.orientation, 'upright');
  assert.equal(candle.heightMm, 110);
  const reasons = Object.fromEntries(r.body.unpackable.map((u) => [u.sku, u.reason]));
  assert.deepEqual(reasons, { KAYAK: 'too-large', GHOST: 'invalid-dimensions', ANVIL: 'too-heavy' });
  assert.ok(r.body.unpackable.every((u) => u.detail.length > 10));
  // nothing but another fragile item rests on a mug
  for (const b of r.body.boxes) {
    for (const mug of b.items.filter((p) => p.fragile)) {
      const onTop = b.items.filter((p) => p.zMm === mug.zMm + mug.heightMm && p.xMm < mug.xMm + mug.widthMm && mug.xMm < p.xMm + p.widthMm && p.yMm < mug.yMm + mug.lengthMm && mug.yMm < p.yMm + p.lengthMm);
      assert.ok(onTop.every((p) => p.fragile), `only fragile items on a mug in ${b.boxCode}`);
    }
  }
  assert.equal(r.body.assumptions.dimDivisorCm3PerKg, 5021.7);
  assert.equal(r.body.totals.boxes, r.body.boxes.length);
  assert.equal(r.body.totals.items, placed.length);

  // a subset of the catalogue
  const only = await call<CartonizationOut>('POST', '/v1/cartonizations', { items: items.slice(1, 2), boxCodes: ['L'] });
  assert.equal(only.status, 200);
  assert.deepEqual(only.body.boxes.map((b) => b.boxCode), ['L']);
  // dangerous goods travel apart from the rest
  const hz = await call<CartonizationOut>('POST', '/v1/cartonizations', { items: [{ sku: 'GAS', lengthMm: 110, widthMm: 110, heightMm: 95, weightG: 380, hazmat: true }, { sku: 'TEE', lengthMm: 300, widthMm: 240, heightMm: 20, weightG: 180 }] });
  assert.equal(hz.status, 200);
  assert.equal(hz.body.boxes.length, 2);
  assert.ok(hz.body.boxes.every((b) => new Set(b.items.map((p) => p.hazmat)).size === 1));
  const together = await call<CartonizationOut>('POST', '/v1/cartonizations', { items: [{ sku: 'GAS', lengthMm: 110, widthMm: 110, heightMm: 95, weightG: 380, hazmat: true }, { sku: 'TEE', lengthMm: 300, widthMm: 240, heightMm: 20, weightG: 180 }], options: { separateHazmat: false } });
  assert.equal(together.body.boxes.length, 1);
});

it('answers malformed requests with 400 naming the field', async () => {
  const cases: [unknown, string][] = [
    [{}, 'orderId'],
    [{ orderId: 'x', items: [] }, 'items'],
    [{ items: [{ lengthMm: 'big', widthMm: 1, heightMm: 1, weightG: 1 }] }, 'items.0.lengthMm'],
    [{ items: [{ lengthMm: 1, widthMm: 1, heightMm: 1, weightG: -5 }] }, 'items.0.weightG'],
    [{ items: [{ lengthMm: 1, widthMm: 1, heightMm: 1, weightG: 1, quantity: 0 }] }, 'items.0.quantity'],
    [{ items: [{ lengthMm: 1, widthMm: 1, heightMm: 1, weightG: 1, rotation: 'sideways' }] }, 'items.0.rotation'],
    [{ items: [{ lengthMm: 1, widthMm: 1, heightMm: 1, weightG: 1, colour: 'red' }] }, 'items.0.colour'],
    [{ items: [{ lengthMm: 1, widthMm: 1, heightMm: 1, weightG: 1 }], boxCodes: ['NOPE'] }, 'boxCodes[0]'],
    [{ items: [{ lengthMm: 1, widthMm: 1, heightMm: 1, weightG: 1 }], options: { ratePerKg: 'cheap' } }, 'options.ratePerKg'],
    [{ items: [{ lengthMm: 1, widthMm: 1, heightMm: 1, weightG: 1 }], options: { timeLimitMs: 999999 } }, 'options.timeLimitMs'],
    [{ orderIds: ['ord_doesnotexist', 'nor-this'] }, 'orderIds[0]'],
    [{ status: 'lost' }, 'status'],
    [{ orderId: 'x', limit: 5 }, 'limit'],
  ];
  for (const [body, field] of cases) {
    const r = await call<{ errors?: { field: string }[]; detail: string }>('POST', '/v1/cartonizations', body);
    assert.equal(r.status, 400, `${JSON.stringify(body)} → ${r.status} ${JSON.stringify(r.body)}`);
    assert.match(r.type, /application\/problem\+json/);
    assert.ok(r.body.errors?.some((e) => e.field === field), `${JSON.stringify(body)} names ${field}: ${JSON.stringify(r.body.errors)}`);
  }
  const missing = await call('POST', '/v1/cartonizations', { orderId: 'ord_00000000000000000000' });
  assert.equal(missing.status, 404);
});

it("keeps merchants apart: another merchant's key sees neither the order, nor the boxes, nor the job", async () => {
  const tee = await singleItemOrder('Apparel');
  const r = await call('POST', '/v1/cartonizations', { orderId: tee.id }, otherKey);
  assert.equal(r.status, 404);
  const noBoxes = await call<{ errors: { field: string }[] }>('POST', '/v1/cartonizations', { items: [{ lengthMm: 10, widthMm: 10, heightMm: 10, weightG: 10 }] }, otherKey);
  assert.equal(noBoxes.status, 409);
  const job = await call<{ id: string }>('POST', '/v1/cartonizations', { orderIds: [tee.id] });
  assert.equal(job.status, 202);
  assert.equal((await call('GET', `/v1/cartonizations/${job.body.id}`, undefined, otherKey)).status, 404);
  const orderList = await call<{ data: unknown[] }>('GET', '/v1/cartonizations/orders?limit=5', undefined, otherKey);
  assert.deepEqual(orderList.body.data, []);
});

it('packs the open orders in a batch job and summarises boxes, utilisation and cost', async () => {
  const list = await call<{ data: { id: string; externalId: string; status: string; units: number }[] }>('GET', '/v1/cartonizations/orders?status=open&limit=5');
  assert.equal(list.status, 200);
  assert.ok(list.body.data.length > 0 && list.body.data.every((o) => o.status === 'open' && o.units > 0));
  const search = await call<{ data: { externalId: string }[] }>('GET', `/v1/cartonizations/orders?q=${list.body.data[0].externalId}`);
  assert.ok(search.body.data.some((o) => o.externalId === list.body.data[0].externalId));

  const started = await call<{ id: string; kind: string; status: string }>('POST', '/v1/cartonizations', { status: 'open', limit: 25 });
  assert.equal(started.status, 202);
  assert.equal(started.body.kind, 'packing.batch');
  const done = await waitFor('the batch to finish', async () => {
    const j = await call<{ status: string; result: BatchResult | null; error: unknown }>('GET', `/v1/cartonizations/${started.body.id}`);
    return j.body.status === 'succeeded' || j.body.status === 'failed' ? j.body : null;
  }, 60_000, 250);
  assert.equal(done.status, 'succeeded', JSON.stringify(done.error));
  const result = done.result!;
  assert.ok(result.summary.orders > 0 && result.summary.orders <= 25);
  assert.equal(result.orders.length, result.summary.orders);
  assert.equal(result.summary.boxes, Object.values(result.summary.boxesByCode).reduce((a, b) => a + b, 0));
  assert.ok(result.summary.meanVolumeUsedPercent > 0 && result.summary.meanVolumeUsedPercent <= 100);
  assert.match(result.summary.cost, /^\d+\.\d{2,4}$/);
  for (const o of result.orders) assertValidPacking(o, boxLimits);

  const byIds = await call<{ id: string }>('POST', '/v1/cartonizations', { orderIds: list.body.data.slice(0, 2).map((o) => o.externalId) });
  assert.equal(byIds.status, 202);
  assert.equal((await call('GET', '/v1/cartonizations/job_00000000000000000000')).status, 404);
});

it('portolan pack prints a packing list, JSON, and follows a batch job', async () => {
  const tee = await singleItemOrder('Apparel');
  const text = await portolan(['pack', '--order', tee.externalId]);
  assert.equal(text.code, 0, text.err);
  assert.match(text.out, new RegExp(tee.sku));
  assert.match(text.out, /Total/);

  const file = join(work, 'items.json');
  writeFileSync(file, JSON.stringify([{ sku: 'BOOT', lengthMm: 340, widthMm: 220, heightMm: 130, weightG: 1400, quantity: 2 }, { sku: 'KAYAK', lengthMm: 3000, widthMm: 600, heightMm: 400, weightG: 20000 }]));
  const json = await portolan(['pack', '--items', file, '--json']);
  assert.equal(json.code, 0, json.err);
  const parsed = JSON.parse(json.out) as CartonizationOut;
  assert.equal(parsed.boxes.flatMap((b) => b.items).length, 2);
  assert.equal(parsed.unpackable[0].reason, 'too-large');

  const batch = await portolan(['pack', '--open-orders', '--limit', '5', '--json']);
  assert.equal(batch.code, 0, batch.err);
  assert.equal(JSON.parse(batch.out).status, 'succeeded');

  writeFileSync(join(work, 'bad.json'), '{"not": "an array"}');
  const bad = await portolan(['pack', '--items', join(work, 'bad.json')]);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /array/);
  const none = await portolan(['pack']);
  assert.equal(none.code, 1);
  assert.match(none.err, /--order/);
  const badItem = await portolan(['pack', '--items', file.replace('items', 'nope')]);
  assert.equal(badItem.code, 1);
  assert.match(badItem.err, /cannot read/);
});

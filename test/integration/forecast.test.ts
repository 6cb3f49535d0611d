/** Demand forecasts end to end: on the demo merchant's history, bad input, tenancy, the CLI. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Job } from '../../src/domain/resources.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { seedDemo } from '../../src/services/demo/seed.js';
import type { ForecastListItem, ForecastResult, ForecastSeriesResult } from '../../src/services/forecast/schema.js';
import { sampleOrder, sampleProduct, sampleWarehouse, testDatabaseUrl } from '../support/harness.js';
import { waitFor } from '../support/jobs.js';
import { runPortolan, type CliRun } from '../support/cli.js';

const work = mkdtempSync(join(tmpdir(), 'portolan-forecast-'));
let server: RunningServer;
let demoKey: string;
let otherKey: string;

async function api(method: string, path: string, key: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.url}${path}`, {
    method, headers: { authorization: `Bearer ${key}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function finished(id: string, key = demoKey): Promise<Job> {
  return waitFor(`forecast ${id}`, async () => {
    const r = await api('GET', `/v1/forecasts/${id}`, key);
    return r.body.status === 'succeeded' || r.body.status === 'failed' ? (r.body as Job) : null;
  }, 180_000, 250);
}

function portolan(args: string[]): Promise<CliRun> {
  return runPortolan(args, { PORTOLAN_URL: server.url, PORTOLAN_API_KEY: demoKey, PORTOLAN_DATA_DIR: join(work, 'cli-data') });
}

/** Every number a client reads must be finite: JSON turns NaN into null, so nulls in arrays are the tell. */
function assertFinite(value: unknown, path = 'result'): void {
  if (typeof value === 'number') assert.ok(Number.isFinite(value), `${path} is ${value}`);
  else if (Array.isArray(value)) value.forEach((v, i) => { assert.notEqual(v, null, `${path}[${i}] is null`); assertFinite(v, `${path}[${i}]`); });
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) assertFinite(v, `${path}.${k}`);
}

function checkSeries(s: ForecastSeriesResult, horizon: number) {
  assert.equal(s.forecast.point.length, horizon);
  for (let h = 0; h < horizon; h++) {
    const f = s.forecast;
    assert.ok(f.lower95[h] <= f.lower80[h] + 0.011 && f.lower80[h] <= f.point[h] + 0.011 && f.point[h] <= f.upper80[h] + 0.011 && f.upper80[h] <= f.upper95[h] + 0.011,
      `${s.key} intervals are nested at step ${h}`);
    assert.ok(f.lower95[h] >= 0, 'demand forecasts are not negative');
  }
}

const near = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) <= 0.02 * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);

before(async () => {
  server = await startServer({ port: 0, dataDir: join(work, 'server'), databaseUrl: testDatabaseUrl, seed: false, runner: { concurrency: 1 } });
  const demo = await seedDemo(server.services, { orders: 4000, seed: 5 });
  demoKey = demo.apiKey;
  const m = await server.services.merchants.create('Forecast other merchant', 'EUR');
  otherKey = (await server.services.merchants.createKey(m.id, 'test')).key;
});
after(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

describe('forecasts', () => {
  let id: string;
  let result: ForecastResult;

  it('forecasts the demo merchant: every series, intervals, a hierarchy that adds up, a backtest against seasonal naive', async () => {
    const created = await api('POST', '/v1/forecasts', demoKey, { horizonDays: 21, top: 20 });
    assert.equal(created.status, 202, JSON.stringify(created.body));
    assert.equal(created.body.kind, 'forecast.run');
    id = created.body.id;
    const job = await finished(id);
    assert.equal(job.status, 'succeeded', JSON.stringify(job.error));
    result = job.result as ForecastResult;
    assertFinite(result);

    assert.equal(result.horizon.days, 21);
    assert.equal(result.window.days, 730);
    assert.deepEqual(result.seasonalPeriods, [7, 365], 'two years of history bring the yearly season');
    assert.ok(result.events.some((e) => e.name === 'black-friday' && e.history.length === 2));
    assert.equal(result.summary.forecastSkus, 20);
    assert.ok(result.summary.skus > 20);

    const total = result.series.find((s) => s.key === 'total')!;
    assert.ok(total, 'a total series');
    assert.equal(result.series[0].key, 'total', 'the total comes first');
    const bottoms = result.series.filter((s) => s.bottom);
    assert.equal(bottoms.length, result.summary.bottomSeries);
    assert.ok(bottoms.every((s) => s.level === 'sku-warehouse' && s.warehouse !== null || s.key.includes('*none')));
    assert.ok(bottoms.some((s) => s.key.startsWith('sku:*other|category:')), 'the long tail is forecast as "other" per category');
    for (const s of result.series) checkSeries(s, 21);

    // Bottom-up: the total and every category are the sums of their bottom series.
    for (let h = 0; h < 21; h++) near(bottoms.reduce((a, s) => a + s.forecast.point[h], 0), total.forecast.point[h], `total at step ${h}`);
    const categories = result.series.filter((s) => s.level === 'category');
    assert.ok(categories.length >= 5);
    for (const c of categories) near(bottoms.filter((s) => s.category === c.category).reduce((a, s) => a + s.totals.horizon, 0), c.totals.horizon, c.key);
    near(categories.reduce((a, c) => a + c.totals.horizon, 0), total.totals.horizon, 'categories add up to the total');
    const warehouses = result.series.filter((s) => s.level === 'warehouse');
    assert.ok(warehouses.length >= 2);
    near(warehouses.reduce((a, c) => a + c.totals.horizon, 0), total.totals.horizon, 'warehouses add up to the total');
    const skus = result.series.filter((s) => s.level === 'sku' && s.sku !== null);
    assert.equal(skus.length, 20);
    for (const sku of skus.slice(0, 5)) {
      const parts = bottoms.filter((b) => b.sku === sku.sku);
      near(parts.reduce((a, b) => a + b.totals.horizon, 0), sku.totals.horizon, sku.key);
    }

    // The history shown ends the day before the forecast starts, and sums to what was sold.
    assert.equal(total.history.values.length, 120);
    const lastHistoryDay = Date.parse(`${total.history.start}T00:00:00Z`) + 119 * 86_400_000;
    assert.equal(new Date(lastHistoryDay + 86_400_000).toISOString().slice(0, 10), total.forecast.start);
    assert.ok(total.totals.last28Days > 0 && total.totals.horizon > 0);

    // Backtest: rolling origin, our model and seasonal naive on the same folds.
    assert.ok(result.accuracy);
    assert.equal(result.accuracy.folds, 3);
    assert.equal(result.accuracy.skipped, 0);
    assert.ok(result.accuracy.total && result.accuracy.bottom);
    for (const a of [result.accuracy.total, result.accuracy.bottom]) {
      for (const m of [a.model, a.seasonalNaive]) {
        assert.ok(m.mase >= 0 && m.smape >= 0 && m.smape <= 200 && m.rmsse >= 0);
        assert.ok(m.coverage80 >= 0 && m.coverage80 <= m.coverage95 + 1e-9 && m.coverage95 <= 1);
      }
    }
    assert.ok(result.accuracy.bottom.model.mase < result.accuracy.bottom.seasonalNaive.mase * 1.1, `our forecast is not far worse than seasonal naive: ${JSON.stringify(result.accuracy.bottom)}`);
    assert.ok(bottoms.every((s) => s.accuracy && s.accuracy.folds >= 1 || s.flags.includes('short-history')));
    assert.ok(result.accuracy.byLevel.some((l) => l.level === 'category'));

    assert.ok(bottoms.some((s) => s.flags.includes('intermittent')), 'slow movers are recognised as intermittent');
    assert.ok(result.notes.some((n) => /other/.test(n)));
  });

  it('lists forecasts with their headline and serves one series on its own', async () => {
    const list = await api('GET', '/v1/forecasts', demoKey);
    assert.equal(list.status, 200);
    const item = (list.body.data as ForecastListItem[]).find((f) => f.id === id)!;
    assert.equal(item.status, 'succeeded');
    assert.equal(item.summary?.horizonDays, 21);
    assert.equal(item.summary?.bottomSeries, result.summary.bottomSeries);

    const sku = result.series.find((s) => s.level === 'sku-warehouse')!;
    const one = await api('GET', `/v1/forecasts/${id}?series=${encodeURIComponent(`total,${sku.key}`)}`, demoKey);
    assert.equal(one.status, 200);
    assert.deepEqual((one.body.result as ForecastResult).series.map((s) => s.key), ['total', sku.key]);
    const unknown = await api('GET', `/v1/forecasts/${id}?series=sku:NOPE`, demoKey);
    assert.equal(unknown.status, 404);
    assert.match(unknown.body.detail, /sku:NOPE/);
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const cases: [unknown, RegExp][] = [
      [{ horizonDays: 0 }, /horizonDays/],
      [{ horizonDays: -3 }, /horizonDays/],
      [{ horizonDays: 400 }, /horizonDays/],
      [{ horizonDays: 2.5 }, /horizonDays/],
      [{ level: 'country' }, /level/],
      [{ top: 0 }, /top/],
      [{ from: 'yesterday' }, /from/],
      [{ from: '2026-05-01', to: '2026-04-01' }, /from/],
      [{ from: '2001-01-01', to: '2001-02-01' }, /from/],
      [{ timeLimitSeconds: 0 }, /timeLimitSeconds/],
      [{ colour: 'blue' }, /colour|body/],
    ];
    for (const [body, field] of cases) {
      const r = await api('POST', '/v1/forecasts', demoKey, body);
      assert.equal(r.status, 400, `${JSON.stringify(body)} → ${r.status} ${JSON.stringify(r.body)}`);
      assert.ok((r.body.errors as { field: string }[]).some((e) => field.test(e.field)), `${JSON.stringify(body)} names ${field}: ${JSON.stringify(r.body.errors)}`);
    }
    const none = await api('POST', '/v1/forecasts', otherKey, {});
    assert.equal(none.status, 400, 'a merchant without orders has nothing to forecast');
    assert.ok((none.body.errors as { field: string }[]).some((e) => e.field === 'to'));
  });

  it("keeps merchants apart: another merchant's key gets 404", async () => {
    assert.equal((await api('GET', `/v1/forecasts/${id}`, otherKey)).status, 404);
    const list = await api('GET', '/v1/forecasts', otherKey);
    assert.equal(list.status, 200);
    assert.ok(!(list.body.data as ForecastListItem[]).some((f) => f.id === id));
  });

  it('forecasts a brand-new merchant with two days of sales: a flagged fallback, never NaN', async () => {
    const m = await server.services.merchants.create('Forecast tiny merchant', 'EUR');
    const key = (await server.services.merchants.createKey(m.id, 'test')).key;
    assert.equal((await api('POST', '/v1/warehouses', key, sampleWarehouse())).status, 201);
    assert.equal((await api('POST', '/v1/products', key, sampleProduct())).status, 201);
    for (const [externalId, placedAt] of [['T-1', '2026-03-01T10:00:00Z'], ['T-2', '2026-03-02T10:00:00Z']])
      assert.equal((await api('POST', '/v1/orders', key, { ...sampleOrder(externalId), placedAt, warehouseCode: 'AMS1' })).status, 201);
    const created = await api('POST', '/v1/forecasts', key, { horizonDays: 7, level: 'sku-warehouse-channel' });
    assert.equal(created.status, 202, JSON.stringify(created.body));
    const job = await finished(created.body.id, key);
    assert.equal(job.status, 'succeeded', JSON.stringify(job.error));
    const r = job.result as ForecastResult;
    assertFinite(r);
    const bottom = r.series.find((s) => s.bottom)!;
    assert.equal(bottom.key, 'sku:TEE-1|warehouse:AMS1|channel:*none');
    assert.ok(bottom.flags.includes('short-history'), bottom.flags.join());
    assert.deepEqual(r.seasonalPeriods, [7]);
    for (const s of r.series) checkSeries(s, 7);
  });

  it('runs from the CLI: a progress-bar job, the accuracy summary and next week per series; show one series', async () => {
    const run = await portolan(['forecast', '--horizon', '14', '--top', '10']);
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /Backtest: 3 rolling origins × 14 days/);
    assert.match(run.out, /seasonal naive/);
    assert.match(run.out, /Next 7 days: [\d.]+ units in total/);
    assert.match(run.out, /All SKUs/);

    const show = await portolan(['forecast', 'show', id, '--series', 'total', '--json']);
    assert.equal(show.code, 0, show.err);
    const series = JSON.parse(show.out) as ForecastSeriesResult;
    assert.equal(series.key, 'total');
    assert.equal(series.forecast.point.length, 21);

    const table = await portolan(['forecast', 'show', id, '--series', 'total']);
    assert.equal(table.code, 0, table.err);
    assert.match(table.out, /80% low/);

    const bad = await portolan(['forecast', '--horizon', '0']);
    assert.notEqual(bad.code, 0);
    assert.match(bad.err, /--horizon/);
  });
});

/** Network studies end to end: on the demo merchant's history, bad input, tenancy, the CLI. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Decimal } from 'decimal.js';
import type { Job } from '../../src/domain/resources.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { seedDemo } from '../../src/services/demo/seed.js';
import type { NetworkStudyListItem, NetworkStudyResult, StudyScenario } from '../../src/services/network/study-schema.js';
import { testDatabaseUrl } from '../support/harness.js';
import { waitFor } from '../support/jobs.js';
import { runPortolan, type CliRun } from '../support/cli.js';

const work = mkdtempSync(join(tmpdir(), 'portolan-network-'));
let server: RunningServer;
let demoKey: string;
let otherKey: string;

async function api(method: string, path: string, key: string, body?: unknown): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(`${server.url}${path}`, {
    method, headers: { authorization: `Bearer ${key}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

async function finished(id: string, key = demoKey): Promise<Job> {
  return waitFor(`study ${id}`, async () => {
    const r = await api('GET', `/v1/network-studies/${id}`, key);
    return r.body.status === 'succeeded' || r.body.status === 'failed' ? (r.body as Job) : null;
  }, 120_000, 250);
}

function portolan(args: string[]): Promise<CliRun> {
  return runPortolan(args, { PORTOLAN_URL: server.url, PORTOLAN_API_KEY: demoKey, PORTOLAN_DATA_DIR: join(work, 'cli-data') });
}

function order(externalId: string, city: string, country: string, lat: number | null, lng: number | null, quantity = 1) {
  return {
    externalId, placedAt: '2026-03-01T10:00:00Z', currency: 'EUR',
    shipTo: { city, country, lat, lng }, lines: [{ sku: 'TEE-1', quantity, unitPrice: '10' }],
  };
}

before(async () => {
  server = await startServer({ port: 0, dataDir: join(work, 'server'), databaseUrl: testDatabaseUrl, seed: false, runner: { concurrency: 1 } });
  const demo = await seedDemo(server.services, { orders: 3000, seed: 5 });
  demoKey = demo.apiKey;
  const m = await server.services.merchants.create('Network other merchant', 'EUR');
  otherKey = (await server.services.merchants.createKey(m.id, 'test')).key;
});
after(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

function checkScenario(s: StudyScenario, r: NetworkStudyResult) {
  assert.notEqual(s.status, 'infeasible', s.infeasibleReason ?? '');
  assert.equal(s.openSites.length, s.warehouses);
  assert.equal(s.assignment.length, r.zones.length);
  const open = new Set(s.openSites);
  for (const i of s.assignment) assert.ok(i >= 0 && open.has(r.sites[i].code), 'every zone is served by an open site');
  assert.equal(new Decimal(s.cost.fixed).plus(s.cost.transport).toFixed(2), new Decimal(s.cost.total).toFixed(2));
  if (s.objective.kind === 'cost') assert.ok(s.cost.lowerBound !== null && new Decimal(s.cost.lowerBound).lte(s.cost.total));
  else assert.equal(s.cost.lowerBound, null, 'sites chosen for coverage have no cost bound');
  // The bound's tightness is the engine's business (and its benchmark's); here it must be reported and sane.
  assert.ok(s.gap !== null && s.gap >= 0 && s.gap <= 1, `gap ${s.gap}`);
  assert.ok(s.shareWithinDays['1'] <= s.shareWithinDays['2'] && s.shareWithinDays['2'] <= s.shareWithinDays['3'] && s.shareWithinDays['3'] <= 1);
  assert.ok(s.distanceKm.mean > 0 && s.distanceKm.p90 >= 0);
  const served = s.siteLoads.reduce((a, l) => a + l.share, 0);
  assert.ok(Math.abs(served - 1) < 1e-6, 'the open sites carry all demand');
}

describe('network studies', () => {
  let studyId: string;

  it('studies 1..3 warehouses on the demo history and compares today\'s network', async () => {
    const r = await api('POST', '/v1/network-studies', demoKey, { maxWarehouses: 3, timeLimitSeconds: 8, candidateCities: 8 });
    assert.equal(r.status, 202, JSON.stringify(r.body));
    assert.equal(r.body.kind, 'network.study');
    assert.equal(r.headers.get('location'), `/v1/network-studies/${r.body.id}`);
    studyId = r.body.id;
    const job = await finished(studyId);
    assert.equal(job.status, 'succeeded', JSON.stringify(job.error));
    const result = job.result as NetworkStudyResult;
    assert.equal(result.currency, 'EUR');
    assert.ok(result.demand.orders > 1000, `orders in the last year: ${result.demand.orders}`);
    assert.equal(result.demand.ordersWithoutCoordinates, 0);
    assert.ok(result.zones.length > 50 && result.zones.length <= 600 + 22);
    assert.ok(Math.abs(result.zones.reduce((a, z) => a + z.unitsPerYear, 0) - result.demand.unitsPerYear) < 5, 'merging keeps every unit');
    const codes = result.sites.map((s) => s.code);
    for (const w of ['AMS1', 'EWR1', 'SYD1']) assert.ok(codes.includes(w), `${w} is a candidate`);
    assert.ok(result.sites.filter((s) => s.kind === 'city').length >= 3, 'demand cities are candidates');
    assert.deepEqual(result.scenarios.map((s) => s.warehouses), [1, 2, 3]);
    for (const s of result.scenarios) checkScenario(s, result);
    // More warehouses bring demand closer.
    assert.ok(result.scenarios[2].distanceKm.mean < result.scenarios[0].distanceKm.mean);
    assert.ok(result.current, 'today\'s network is costed');
    assert.deepEqual([...result.current!.openSites].sort(), ['AMS1', 'EWR1', 'SYD1']);
    checkScenario(result.current!, result);
    assert.ok(result.summary.recommendedWarehouses !== null && result.summary.recommendedTotalCost !== null);
    assert.ok(new Decimal(result.summary.recommendedTotalCost!).lte(result.current!.cost.total), 'the best scenario is no dearer than today (today is one of the 3-site options)');

    const list = await api('GET', '/v1/network-studies', demoKey);
    assert.equal(list.status, 200);
    const item = (list.body.data as NetworkStudyListItem[]).find((s) => s.id === studyId);
    assert.ok(item && item.summary && item.summary.recommendedWarehouses === result.summary.recommendedWarehouses);
    assert.equal(item.maxWarehouses, 3);
  });

  it('still shows a study saved before scenarios said what their sites were chosen for', async () => {
    const { rows } = await server.services.store.query<{ result: NetworkStudyResult }>('select result from jobs where id = $1', [studyId]);
    const old = structuredClone(rows[0].result) as any;
    for (const s of [...old.scenarios, old.current]) delete s.objective;
    await server.services.store.query('update jobs set result = $2 where id = $1', [studyId, JSON.stringify(old)]);
    const r = await api('GET', `/v1/network-studies/${studyId}`, demoKey);
    assert.equal(r.status, 200, JSON.stringify(r.body).slice(0, 300));
    const result = r.body.result as NetworkStudyResult;
    for (const s of [...result.scenarios, result.current!]) assert.deepEqual(s.objective, { kind: 'cost' });
    const shown = await portolan(['network', 'show', studyId]);
    assert.equal(shown.code, 0, shown.err);
    assert.match(shown.out, /Lowest cost: \d warehouse/);
  });

  it('keeps a mustKeep warehouse open in every scenario', async () => {
    const r = await api('POST', '/v1/network-studies', demoKey, { maxWarehouses: 2, mustKeep: ['SYD1'], candidates: 'existing', timeLimitSeconds: 4 });
    assert.equal(r.status, 202, JSON.stringify(r.body));
    const job = await finished(r.body.id);
    assert.equal(job.status, 'succeeded', JSON.stringify(job.error));
    const result = job.result as NetworkStudyResult;
    assert.equal(result.sites.length, 3);
    for (const s of result.scenarios) assert.ok(s.openSites.includes('SYD1'), `k=${s.warehouses} keeps SYD1`);
  });

  it('chooses sites for coverage within N days when asked, and reaches at least as much demand as the cheapest network', async () => {
    const body = { maxWarehouses: 2, candidateCities: 8, timeLimitSeconds: 4 };
    const [byCost, byReach] = await Promise.all([
      api('POST', '/v1/network-studies', demoKey, body),
      api('POST', '/v1/network-studies', demoKey, { ...body, objective: 'coverage', coverageWithinDays: 2 }),
    ]);
    assert.equal(byReach.status, 202, JSON.stringify(byReach.body));
    const cost = (await finished(byCost.body.id)).result as NetworkStudyResult;
    const job = await finished(byReach.body.id);
    assert.equal(job.status, 'succeeded', JSON.stringify(job.error));
    const reach = job.result as NetworkStudyResult;
    assert.deepEqual(reach.sites.map((s) => s.code), cost.sites.map((s) => s.code));
    for (const [k, s] of reach.scenarios.entries()) {
      checkScenario(s, reach);
      assert.equal(s.objective.kind, 'coverage');
      if (s.objective.kind !== 'coverage') continue;
      assert.equal(s.objective.withinDays, 2);
      assert.equal(s.objective.radiusKm, 800);
      const { coveredShare, coveredShareBound } = s.objective;
      assert.ok(coveredShare !== null && coveredShareBound !== null, 'a feasible scenario reports its reach and bound');
      assert.ok(Math.abs(coveredShare - s.shareWithinDays['2']) < 1e-9, 'the reported reach is the served network\'s');
      assert.ok(coveredShare <= coveredShareBound + 1e-9);
      assert.ok(Math.abs(s.gap! - (coveredShareBound - coveredShare)) < 1e-9, 'the gap is the reach the bound still allows');
      assert.equal(cost.scenarios[k].objective.kind, 'cost');
      // the cheapest network is one of the candidates the coverage solve weighed
      if (s.status === 'optimal') assert.ok(s.shareWithinDays['2'] >= cost.scenarios[k].shareWithinDays['2'] - 1e-9, `k=${s.warehouses}: ${s.shareWithinDays['2']} vs ${cost.scenarios[k].shareWithinDays['2']}`);
    }
    assert.ok(reach.scenarios.some((s) => s.status === 'optimal'), 'coverage on a few hundred zones is proven');
  });

  it('zones by postal code when asked', async () => {
    const r = await api('POST', '/v1/network-studies', demoKey, { zoneBy: 'postalCode', maxWarehouses: 1, candidates: 'existing', timeLimitSeconds: 2, maxZones: 200 });
    assert.equal(r.status, 202, JSON.stringify(r.body));
    const job = await finished(r.body.id);
    assert.equal(job.status, 'succeeded', JSON.stringify(job.error));
    const result = job.result as NetworkStudyResult;
    assert.equal(result.assumptions.zoneBy, 'postalCode');
    assert.ok(result.demand.zones > result.zones.length, 'postal codes are finer than the study keeps');
    assert.ok(result.zones.length <= 200 + 22);
    assert.ok(result.zones.every((z) => /\d/.test(z.label)), 'zones are named by postal code');
    assert.ok(result.notes.some((n) => /reduced/.test(n)));
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const cases: [unknown, RegExp][] = [
      [{ maxWarehouses: 9 }, /^maxWarehouses$/],
      [{ maxWarehouses: 0 }, /^maxWarehouses$/],
      [{ costPerUnitKm: '-0.01' }, /^costPerUnitKm$/],
      [{ defaultFixedCostPerYear: '-5' }, /^defaultFixedCostPerYear$/],
      [{ zoneBy: 'street' }, /^zoneBy$/],
      [{ from: 'yesterday' }, /^from$/],
      [{ from: '2026-05-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, /^to$/],
      [{ mustKeep: ['NOPE'] }, /^mustKeep\[0\]$/],
      [{ mustKeep: ['AMS1', 'EWR1', 'SYD1'], maxWarehouses: 2 }, /^mustKeep$/],
      [{ candidates: [{ code: 'X', lat: 95, lng: 0 }] }, /^candidates\.0\.lat$/],
      [{ candidates: [{ code: 'X', lat: 50, lng: 0, fixedCostPerYear: '-1' }] }, /^candidates\.0\.fixedCostPerYear$/],
      [{ candidates: [{ code: 'X', lat: 50, lng: 0 }, { code: 'X', lat: 51, lng: 0 }] }, /^candidates\[1\]\.code$/],
      [{ unknownOption: true }, /^unknownOption$/],
      [{ objective: 'speed' }, /^objective$/],
      [{ objective: 'coverage', coverageWithinDays: 4 }, /^coverageWithinDays$/],
      [{ coverageWithinDays: 1 }, /^coverageWithinDays$/],
    ];
    for (const [body, field] of cases) {
      const r = await api('POST', '/v1/network-studies', demoKey, body);
      assert.equal(r.status, 400, `${JSON.stringify(body)} → ${r.status} ${JSON.stringify(r.body)}`);
      assert.match(r.headers.get('content-type') ?? '', /problem\+json/);
      assert.ok((r.body.errors as { field: string }[]).some((e) => field.test(e.field)), `${JSON.stringify(body)} names ${field}: ${JSON.stringify(r.body.errors)}`);
    }
  });

  it('refuses a merchant without usable orders, and reports orders without coordinates', async () => {
    const none = await api('POST', '/v1/network-studies', otherKey, {});
    assert.equal(none.status, 400);
    assert.ok((none.body.errors as { field: string }[]).some((e) => e.field === 'orders'));
    assert.equal((await api('POST', '/v1/products', otherKey, { sku: 'TEE-1', name: 'Tee', lengthMm: 300, widthMm: 200, heightMm: 20, weightG: 180, unitValue: '10', currency: 'EUR' })).status, 201);
    assert.equal((await api('POST', '/v1/orders', otherKey, order('N-1', 'Nowhere', 'DE', null, null))).status, 201);
    const unplaced = await api('POST', '/v1/network-studies', otherKey, {});
    assert.equal(unplaced.status, 400);
    assert.ok((unplaced.body.errors as { field: string }[]).some((e) => /lat/.test(e.field)), JSON.stringify(unplaced.body));

    for (const [id, city, lat, lng, q] of [['N-2', 'Berlin', 52.52, 13.4, 3], ['N-3', 'Munich', 48.14, 11.58, 2], ['N-4', 'Paris', 48.86, 2.35, 4]] as const) {
      assert.equal((await api('POST', '/v1/orders', otherKey, order(id, city, id === 'N-4' ? 'FR' : 'DE', lat, lng, q))).status, 201);
    }
    // An order without coordinates to a city that has located orders is placed at that city.
    assert.equal((await api('POST', '/v1/orders', otherKey, order('N-5', 'Berlin', 'DE', null, null, 5))).status, 201);
    // Capacity below demand: all sites together cannot serve a year of orders.
    const tiny = await api('POST', '/v1/network-studies', otherKey, { candidates: [{ code: 'TINY', lat: 52, lng: 5, capacityUnitsPerYear: 10 }] });
    assert.equal(tiny.status, 400, JSON.stringify(tiny.body));
    assert.match(tiny.body.detail, /less than the demand/);
    assert.ok((tiny.body.errors as { field: string }[]).some((e) => /capacity/i.test(e.field)));
    const r = await api('POST', '/v1/network-studies', otherKey, { candidates: [{ code: 'FRA', lat: 50.11, lng: 8.68, fixedCostPerYear: '100' }], maxWarehouses: 1, timeLimitSeconds: 2 });
    assert.equal(r.status, 202, JSON.stringify(r.body));
    const job = await finished(r.body.id, otherKey);
    assert.equal(job.status, 'succeeded', JSON.stringify(job.error));
    const result = job.result as NetworkStudyResult;
    assert.equal(result.demand.ordersWithoutCoordinates, 2);
    assert.equal(result.demand.placedAtZoneCentre, 1);
    assert.equal(result.demand.excludedOrders, 1);
    assert.deepEqual(result.demand.excludedZones, ['Nowhere, DE']);
    assert.ok(result.notes.some((n) => /no coordinates/.test(n)));
    assert.equal(result.zones.length, 3);
    assert.equal(result.zones.find((z) => z.label.startsWith('Berlin'))?.orders, 2);
    assert.equal(result.current, null, 'no warehouses, so no current network');
    assert.equal(result.scenarios[0].openSites[0], 'FRA');

    // Two sites of 60 % of the demand each: one alone cannot serve it, and the result says why.
    const cap = Math.ceil(result.demand.unitsPerYear * 0.6);
    const pair = await api('POST', '/v1/network-studies', otherKey, {
      maxWarehouses: 2, timeLimitSeconds: 2,
      candidates: [{ code: 'P1', lat: 50.1, lng: 8.7, fixedCostPerYear: '1000', capacityUnitsPerYear: cap }, { code: 'P2', lat: 48.9, lng: 2.4, fixedCostPerYear: '1000', capacityUnitsPerYear: cap }],
    });
    assert.equal(pair.status, 202, JSON.stringify(pair.body));
    const pairJob = await finished(pair.body.id, otherKey);
    assert.equal(pairJob.status, 'succeeded', JSON.stringify(pairJob.error));
    const split = pairJob.result as NetworkStudyResult;
    assert.equal(split.scenarios[0].status, 'infeasible');
    assert.match(split.scenarios[0].infeasibleReason ?? '', /capacity/);
    assert.equal(split.scenarios[0].gap, null);
    assert.notEqual(split.scenarios[1].status, 'infeasible');
    assert.equal(split.summary.recommendedWarehouses, 2);
  });

  it('keeps studies to their merchant', async () => {
    assert.equal((await api('GET', `/v1/network-studies/${studyId}`, otherKey)).status, 404);
    const list = await api('GET', '/v1/network-studies', otherKey);
    assert.ok(!(list.body.data as { id: string }[]).some((s) => s.id === studyId));
    assert.equal((await api('GET', '/v1/network-studies/job_00000000000000000000', demoKey)).status, 404);
    assert.equal((await api('GET', '/v1/network-studies', 'pk_wrong')).status, 401);
  });

  it('runs from the CLI: study prints the scenario table, show --json the result', async () => {
    const r = await portolan(['network', 'study', '--max-warehouses', '2', '--time-limit', '3', '--cities', '4']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Network study job_\w+/);
    assert.match(r.out, /total/);
    assert.match(r.out, /^today\s/m);
    assert.match(r.out, /Lowest cost: \d warehouse/);
    const id = /Network study (job_\w+)/.exec(r.out)![1];
    const shown = await portolan(['network', 'show', id, '--json']);
    assert.equal(shown.code, 0, shown.err);
    const job = JSON.parse(shown.out) as Job;
    assert.equal(job.status, 'succeeded');
    assert.equal((job.result as NetworkStudyResult).scenarios.length, 2);
    const reach = await portolan(['network', 'study', '--max-warehouses', '1', '--time-limit', '2', '--cities', '4', '--within-days', '1', '--json']);
    assert.equal(reach.code, 0, reach.err);
    const reachJob = JSON.parse(reach.out) as Job;
    assert.deepEqual((reachJob.result as NetworkStudyResult).scenarios.map((s) => s.objective), [
      { ...(reachJob.result as NetworkStudyResult).scenarios[0].objective, kind: 'coverage', withinDays: 1, radiusKm: 300 },
    ]);
    const tooSlow = await portolan(['network', 'study', '--within-days', '5']);
    assert.equal(tooSlow.code, 1);
    assert.match(tooSlow.err, /400.*coverageWithinDays/);
    const bad = await portolan(['network', 'study', '--max-warehouses', '12']);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /400.*maxWarehouses/);
    const missing = await portolan(['network', 'show', 'job_00000000000000000000']);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /404/);
  });
});

/** Route plans end to end: the demo merchant's orders near a depot, explicit stops, bad input, tenancy, exports, the CLI. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Job } from '../../src/domain/resources.js';
import { haversineMetres, legSeconds } from '../../src/engines/routing/index.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { seedDemo } from '../../src/services/demo/seed.js';
import { matrixFromOsrm, osrmTableUrl } from '../../src/services/routing/osrm-table.js';
import type { RoutePlanResult } from '../../src/services/routing/plan-schema.js';
import { testDatabaseUrl } from '../support/harness.js';
import { waitFor } from '../support/jobs.js';
import { runPortolan, type CliRun } from '../support/cli.js';

const work = mkdtempSync(join(tmpdir(), 'portolan-routing-'));
let server: RunningServer;
let demoKey: string;
let otherKey: string;
let demoPlanId = '';

async function api(method: string, path: string, key: string, body?: unknown): Promise<{ status: number; body: any; text: string; headers: Headers }> {
  const res = await fetch(`${server.url}${path}`, {
    method, headers: { authorization: `Bearer ${key}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = null;
  try { parsed = text ? JSON.parse(text) : null; } catch { parsed = null; }
  return { status: res.status, body: parsed, text, headers: res.headers };
}

async function finished(id: string, key = demoKey): Promise<Job> {
  return waitFor(`route plan ${id}`, async () => {
    const r = await api('GET', `/v1/route-plans/${id}`, key);
    return ['succeeded', 'failed', 'cancelled'].includes(r.body.status) ? (r.body as Job) : null;
  }, 120_000, 250);
}

function portolan(args: string[]): Promise<CliRun> {
  return runPortolan(args, { PORTOLAN_URL: server.url, PORTOLAN_API_KEY: demoKey, PORTOLAN_DATA_DIR: join(work, 'cli-data') });
}

const depot = { lat: 52.37, lng: 4.9 };
const stop = (id: string, dLat: number, dLng: number, extra: Record<string, unknown> = {}) => ({ id, lat: depot.lat + dLat, lng: depot.lng + dLng, ...extra });

before(async () => {
  server = await startServer({ port: 0, dataDir: join(work, 'server'), databaseUrl: testDatabaseUrl, seed: false, runner: { concurrency: 1 } });
  const demo = await seedDemo(server.services, { orders: 3000, seed: 5, days: 60 });
  demoKey = demo.apiKey;
  const m = await server.services.merchants.create('Routing other merchant', 'EUR');
  otherKey = (await server.services.merchants.createKey(m.id, 'test')).key;
});

after(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('route plans on the demo merchant', () => {
  it('lists the warehouses as depots with their latest nearby order', async () => {
    const r = await api('GET', '/v1/route-plans/depots', demoKey);
    assert.equal(r.status, 200);
    const ams = r.body.data.find((d: { code: string }) => d.code === 'AMS1');
    assert.ok(ams, 'AMS1 is a depot');
    assert.match(ams.latestOrderDate, /^\d{4}-\d{2}-\d{2}$/);
  });

  it('plans the last week of orders near Amsterdam: every stop served once, within its window, loads within capacity', async () => {
    const created = await api('POST', '/v1/route-plans', demoKey, { depotCode: 'AMS1', vehicles: 3, options: { timeLimitSeconds: 2 } });
    assert.equal(created.status, 202, created.text);
    assert.equal(created.body.kind, 'routing.plan');
    assert.equal(created.headers.get('location'), `/v1/route-plans/${created.body.id}`);
    const job = await finished(created.body.id);
    assert.equal(job.status, 'succeeded', JSON.stringify(job.error));
    demoPlanId = job.id;
    const plan = job.result as RoutePlanResult;
    assert.equal(plan.depot.code, 'AMS1');
    assert.ok(plan.orders && plan.orders.found >= 10, `a useful number of stops (${plan.orders?.found})`);
    assert.equal(plan.totals.stops, plan.orders!.found);
    const served = plan.routes.flatMap((r) => r.stops.map((s) => s.stopId));
    assert.equal(new Set(served).size, served.length, 'no stop twice');
    assert.equal(served.length + plan.unassigned.length, plan.totals.stops, 'each stop served or listed as unassigned');
    assert.equal(plan.totals.stopsServed, served.length);
    assert.ok(plan.totals.vehiclesUsed >= 1 && plan.totals.vehiclesUsed <= 3);
    assert.ok(Number(plan.totals.cost) > 0 && /^\d+\.\d{2}$/.test(plan.totals.cost));
    for (const r of plan.routes) {
      assert.ok(r.load.weightG <= (r.capacity.weightG ?? Infinity));
      for (const s of r.stops) {
        assert.ok(haversineMetres(plan.depot, s) <= 100_000, 'stops lie within 100 km');
        assert.ok(s.arrivalSeconds + s.waitSeconds >= 9 * 3600 - 1 && s.arrivalSeconds + s.waitSeconds <= 18 * 3600 + 1, `service starts 09:00–18:00 (${s.serviceStart})`);
        assert.match(s.orderNumber ?? '', /^\d+$/);
        assert.match(s.arrival, /^\d\d:\d\d$/);
      }
      assert.ok(r.start.seconds >= 8 * 3600 && r.end.seconds <= 19 * 3600 + 1, 'inside the shift');
      assert.ok(r.distanceKm > 0);
    }
    const km = plan.routes.reduce((x, r) => x + r.distanceKm, 0);
    assert.ok(Math.abs(km - plan.totals.distanceKm) < 0.5);
  });

  it('lists plans with their totals, newest first', async () => {
    const r = await api('GET', '/v1/route-plans?limit=5', demoKey);
    assert.equal(r.status, 200);
    const item = r.body.data.find((p: { id: string }) => p.id === demoPlanId);
    assert.equal(item.status, 'succeeded');
    assert.equal(item.depotCode, 'AMS1');
    assert.ok(item.totals.stopsServed >= 1);
  });

  it('exports CSV (one row per stop) and GeoJSON (a line per route, a point per stop)', async () => {
    const plan = (await api('GET', `/v1/route-plans/${demoPlanId}`, demoKey)).body.result as RoutePlanResult;
    const csv = await api('GET', `/v1/route-plans/${demoPlanId}/export.csv`, demoKey);
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    const rows = csv.text.trim().split('\n');
    assert.equal(rows[0].split(',').slice(0, 8).join(','), 'vehicle,sequence,stop_id,order_number,arrival,departure,lat,lng');
    assert.equal(rows.length - 1, plan.totals.stopsServed);
    const geo = await api('GET', `/v1/route-plans/${demoPlanId}/export.geojson`, demoKey);
    assert.equal(geo.status, 200);
    const fc = JSON.parse(geo.text);
    assert.equal(fc.type, 'FeatureCollection');
    assert.equal(fc.features.filter((f: any) => f.geometry.type === 'LineString').length, plan.routes.length);
    assert.equal(fc.features.filter((f: any) => f.properties.kind === 'stop').length, plan.totals.stopsServed);
  });

  it('another merchant sees none of it', async () => {
    assert.equal((await api('GET', `/v1/route-plans/${demoPlanId}`, otherKey)).status, 404);
    assert.equal((await api('GET', `/v1/route-plans/${demoPlanId}/export.csv`, otherKey)).status, 404);
    const list = await api('GET', '/v1/route-plans', otherKey);
    assert.equal(list.body.data.length, 0);
    const r = await api('POST', '/v1/route-plans', otherKey, { depotCode: 'AMS1' });
    assert.equal(r.status, 400);
    assert.equal(r.body.errors[0].field, 'depotCode');
  });
});

describe('explicit stops', () => {
  it('serves what it can and lists the rest with reasons: too heavy, missing skill, unreachable window', async () => {
    const created = await api('POST', '/v1/route-plans', demoKey, {
      depot: { ...depot, name: 'Test depot' },
      stops: [
        stop('a', 0.02, 0.01, { demand: { weightG: 20_000, volumeL: 40, parcels: 2 } }),
        stop('b', -0.03, 0.02, { timeWindows: [{ from: '10:00', to: '11:00' }] }),
        stop('c', 0.01, -0.04, { serviceMinutes: 10 }),
        stop('heavy', 0.02, 0.02, { demand: { weightG: 5_000_000 } }),
        stop('fridge', 0.01, 0.01, { skills: ['cold'] }),
        stop('early', 0.5, 0.5, { timeWindows: [{ from: '00:00', to: '00:10' }] }),
      ],
      vehicles: [{ id: 'small', capacity: { weightG: 500_000 }, shift: { from: '08:00', to: '18:00' }, costPerKm: '0.25' }, { id: 'big', capacity: { weightG: 900_000 } }],
      options: { timeLimitSeconds: 1, seed: 3 },
    });
    assert.equal(created.status, 202, created.text);
    const job = await finished(created.body.id);
    assert.equal(job.status, 'succeeded', JSON.stringify(job.error));
    const plan = job.result as RoutePlanResult;
    const served = plan.routes.flatMap((r) => r.stops.map((s) => s.stopId)).sort();
    assert.deepEqual(served, ['a', 'b', 'c']);
    const reasons = Object.fromEntries(plan.unassigned.map((u) => [u.stopId, u]));
    assert.equal(reasons.heavy.reason, 'capacity');
    assert.match(reasons.heavy.detail, /5000 kg.*900 kg/);
    assert.equal(reasons.fridge.reason, 'skill');
    assert.ok(['time_window', 'shift'].includes(reasons.early.reason), reasons.early.reason);
    const b = plan.routes.flatMap((r) => r.stops).find((s) => s.stopId === 'b')!;
    assert.ok(b.serviceStart >= '10:00' && b.serviceStart <= '11:00', b.serviceStart);
    assert.equal(plan.depot.name, 'Test depot');
  });

  it('uses a given matrix', async () => {
    const n = 3;
    const dist = Array.from({ length: n + 1 }, (_, i) => Array.from({ length: n + 1 }, (_, j) => (i === j ? 0 : 1000 * Math.abs(i - j))));
    const created = await api('POST', '/v1/route-plans', demoKey, {
      depotCode: 'AMS1', stops: [stop('x', 0.01, 0), stop('y', 0.02, 0), stop('z', 0.03, 0)], vehicles: 1,
      options: { timeLimitSeconds: 1, matrix: { distancesMetres: dist, durationsSeconds: dist.map((r) => r.map((d) => d / 10)) } },
    });
    assert.equal(created.status, 202, created.text);
    const plan = (await finished(created.body.id)).result as RoutePlanResult;
    assert.equal(plan.settings.travel, 'matrix');
    assert.equal(plan.totals.distanceKm, 6);
  });

  it('reads an OSRM table answer, falling back to the estimate for unroutable pairs', () => {
    const points = [depot, { lat: 52.4, lng: 4.95 }];
    assert.equal(osrmTableUrl('http://osrm:5000/', points), 'http://osrm:5000/table/v1/driving/4.900000,52.370000;4.950000,52.400000?annotations=duration,distance');
    assert.match(osrmTableUrl('http://osrm:5000/table/v1/bike', points), /^http:\/\/osrm:5000\/table\/v1\/bike\/4\.9/);
    const m = matrixFromOsrm({ code: 'Ok', durations: [[0, 300], [null, 0]], distances: [[0, 4500], [null, 0]] }, points, { circuityFactor: 1.3, speedKmh: 45 });
    assert.equal(m.durationsSeconds[0][1], 300);
    assert.equal(m.distancesMetres[0][1], 4500);
    assert.ok(m.distancesMetres[1][0] > 3000 && m.durationsSeconds[1][0] > 0);
    assert.throws(() => matrixFromOsrm({ code: 'InvalidQuery', message: 'bad' }, points, { circuityFactor: 1.3, speedKmh: 45 }), /InvalidQuery/);
  });
});

describe('a speed profile for the estimate', () => {
  const urban = [{ upToKm: 2, kmh: 20 }, { upToKm: 10, kmh: 35 }, { kmh: 60 }];
  // due north of the depot: legs of about 1.4, 5.8 and 13 road km, inside the first band, across two, into the last
  const farStops = [stop('near', 0.01, 0), stop('mid', 0.05, 0), stop('far', 0.14, 0)];

  async function plan(options: Record<string, unknown>): Promise<RoutePlanResult> {
    const created = await api('POST', '/v1/route-plans', demoKey, { depot, stops: farStops, vehicles: 1, options: { timeLimitSeconds: 1, ...options } });
    assert.equal(created.status, 202, created.text);
    const job = await finished(created.body.id);
    assert.equal(job.status, 'succeeded', JSON.stringify(job.error));
    return job.result as RoutePlanResult;
  }

  /** Each leg's drive as the profile gives it over the estimated road distance (great-circle × 1.3). */
  function assertDrives(result: RoutePlanResult, profile: { upToKm?: number; kmh: number }[]): void {
    assert.equal(result.totals.stopsServed, 3);
    const route = result.routes[0];
    let at: { lat: number; lng: number } = depot, left = route.start.seconds;
    const drive = (to: { lat: number; lng: number }) => Math.round(legSeconds(Math.round(haversineMetres(at, to) * 1.3), profile));
    for (const s of route.stops) {
      assert.equal(s.arrivalSeconds - left, drive(s), `drive to ${s.stopId} (${s.legKm} km)`);
      at = s;
      left = s.departureSeconds;
    }
    assert.equal(route.end.seconds - left, drive(depot), 'drive back to the depot');
  }

  it('drives each leg by the profile and says so in the settings', async () => {
    const result = await plan({ speedProfile: urban });
    assertDrives(result, urban);
    assert.deepEqual(result.settings.speedProfile, urban);
    assert.equal(result.settings.speedKmh, null, 'no one constant speed');
    assert.equal(result.settings.travel, 'estimate');
    // slower than 60 km/h throughout, faster than 20: between the two constant speeds
    const driving = result.routes[0].drivingSeconds;
    const km = result.routes[0].distanceKm;
    assert.ok(driving > (km / 60) * 3600 && driving < (km / 20) * 3600, `${driving} s for ${km} km`);
  });

  it('a constant speed is a one-band profile; 45 km/h by default', async () => {
    const byDefault = await plan({});
    assert.equal(byDefault.settings.speedKmh, 45);
    assert.deepEqual(byDefault.settings.speedProfile, [{ kmh: 45 }]);
    assertDrives(byDefault, [{ kmh: 45 }]);
    const oneBand = await plan({ speedProfile: [{ kmh: 30 }] });
    const constant = await plan({ speedKmh: 30 });
    assert.equal(oneBand.settings.speedKmh, 30);
    assert.deepEqual(constant.settings.speedProfile, [{ kmh: 30 }]);
    assert.deepEqual(oneBand.routes.map((r) => r.stops.map((s) => s.arrivalSeconds)), constant.routes.map((r) => r.stops.map((s) => s.arrivalSeconds)));
    assertDrives(constant, [{ kmh: 30 }]);
  });
});

/** A tiny routing server on 127.0.0.1: records each request and answers with the handler's status and JSON ('hang': never answers). */
interface FakeServer { url: string; requests: { method: string; url: string; body: any }[]; close(): Promise<void> }
async function fakeRoutingServer(handle: (req: { method: string; url: string; body: any }) => { status: number; json: unknown } | 'hang'): Promise<FakeServer> {
  const requests: FakeServer['requests'] = [];
  const http = createServer((req: IncomingMessage, res: ServerResponse) => {
    let text = '';
    req.on('data', (c: Buffer) => { text += c.toString(); });
    req.on('end', () => {
      const seen = { method: req.method ?? '', url: req.url ?? '', body: text ? JSON.parse(text) : null };
      requests.push(seen);
      const answer = handle(seen);
      if (answer === 'hang') return;
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.json));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => { http.closeAllConnections(); http.close(() => resolve()); }),
  };
}

describe('road travel from a routing server', () => {
  // Stops due north of the depot, 0.01° apart (about 1.1 km); the server says 10 km and 10 minutes per
  // step instead, so the best tour (out to the farthest and back) is 60 km by the server, about 8.7 by the estimate.
  const lineStops = [stop('x', 0.01, 0), stop('y', 0.02, 0), stop('z', 0.03, 0)];
  const stepOf = (lat: number) => Math.round((lat - depot.lat) / 0.01);
  const valhalla = (costing = 'auto', columnar = false) => (req: { method: string; url: string; body: any }) => {
    if (req.method !== 'POST' || !req.url.startsWith('/sources_to_targets') || req.body?.costing !== costing) {
      return { status: 400, json: { error_code: 100, error: `unexpected ${req.method} ${req.url} costing ${req.body?.costing}`, status_code: 400, status: 'Bad Request' } };
    }
    const sources = req.body.sources as { lat: number; lon: number }[];
    const targets = req.body.targets as { lat: number; lon: number }[];
    const steps = (i: number, j: number) => Math.abs(stepOf(sources[i].lat) - stepOf(targets[j].lat));
    if (columnar) {
      return { status: 200, json: { units: 'kilometers', sources_to_targets: {
        distances: sources.map((_, i) => targets.map((_t, j) => 10 * steps(i, j))),
        durations: sources.map((_, i) => targets.map((_t, j) => 600 * steps(i, j))) } } };
    }
    return { status: 200, json: { units: 'kilometers', sources_to_targets: sources.map((_, i) => targets.map((_t, j) => ({ from_index: i, to_index: j, distance: 10 * steps(i, j), time: 600 * steps(i, j) }))) } };
  };

  async function planWith(options: Record<string, unknown>): Promise<Job> {
    const created = await api('POST', '/v1/route-plans', demoKey, { depot, stops: lineStops, vehicles: 1, options: { timeLimitSeconds: 1, ...options } });
    assert.equal(created.status, 202, created.text);
    return finished(created.body.id);
  }

  function assertServerDistances(plan: RoutePlanResult): void {
    assert.equal(plan.totals.stopsServed, 3);
    assert.equal(plan.totals.distanceKm, 60, 'the server distances, not the estimate');
    // each leg as the server gave it: 10 km and 10 minutes a step
    const route = plan.routes[0];
    let at = depot.lat, left = route.start.seconds;
    for (const s of route.stops) {
      const steps = Math.abs(stepOf(s.lat) - stepOf(at));
      assert.equal(s.legKm, 10 * steps, `leg to ${s.stopId}`);
      assert.equal(s.arrivalSeconds - left, 600 * steps, `drive to ${s.stopId}`);
      at = s.lat;
      left = s.departureSeconds;
    }
    assert.equal(route.end.seconds - left, 600 * stepOf(at), 'drive back to the depot');
  }

  it('plans with a Valhalla server: its distances and times, the costing asked for', async () => {
    const server = await fakeRoutingServer(valhalla('truck'));
    try {
      const job = await planWith({ tableUrl: server.url, tableProvider: 'valhalla', costing: 'truck' });
      assert.equal(job.status, 'succeeded', JSON.stringify(job.error));
      const plan = job.result as RoutePlanResult;
      assert.equal(plan.settings.travel, 'valhalla');
      assert.equal(plan.settings.costing, 'truck');
      assertServerDistances(plan);
      assert.equal(server.requests.length, 1, 'one matrix request, when the job runs (none when it is created)');
      const sent = server.requests[0];
      assert.equal(sent.url, '/sources_to_targets');
      assert.equal(sent.body.units, 'kilometers');
      const six = (x: number) => Number(x.toFixed(6));
      assert.deepEqual(sent.body.sources, [depot, ...lineStops].map((p) => ({ lat: six(p.lat), lon: six(p.lng) })));
      assert.deepEqual(sent.body.targets, sent.body.sources);
    } finally {
      await server.close();
    }
  });

  it('reads the columnar answer of newer Valhalla servers, costing auto by default', async () => {
    const server = await fakeRoutingServer(valhalla('auto', true));
    try {
      const job = await planWith({ tableUrl: `${server.url}/sources_to_targets`, tableProvider: 'valhalla' });
      assert.equal(job.status, 'succeeded', JSON.stringify(job.error));
      assert.equal((job.result as RoutePlanResult).settings.costing, 'auto');
      assertServerDistances(job.result as RoutePlanResult);
    } finally {
      await server.close();
    }
  });

  it('still plans with an OSRM server given as before (tableUrl alone)', async () => {
    const server = await fakeRoutingServer((req) => {
      const coords = req.url.split('?')[0].split('/').pop()!.split(';').map((c) => Number(c.split(',')[1]));
      if (!req.url.startsWith('/table/v1/driving/')) return { status: 400, json: { code: 'InvalidUrl', message: req.url } };
      const steps = (i: number, j: number) => Math.abs(stepOf(coords[i]) - stepOf(coords[j]));
      return { status: 200, json: { code: 'Ok', distances: coords.map((_, i) => coords.map((_c, j) => 10_000 * steps(i, j))), durations: coords.map((_, i) => coords.map((_c, j) => 600 * steps(i, j))) } };
    });
    try {
      const job = await planWith({ tableUrl: server.url });
      assert.equal(job.status, 'succeeded', JSON.stringify(job.error));
      assert.equal((job.result as RoutePlanResult).settings.travel, 'osrm');
      assert.equal((job.result as RoutePlanResult).settings.costing, undefined);
      assertServerDistances(job.result as RoutePlanResult);
    } finally {
      await server.close();
    }
  });

  it('a Valhalla error fails the plan with its reason', async () => {
    const server = await fakeRoutingServer(() => ({ status: 400, json: { error_code: 171, error: 'No suitable edges near location', status_code: 400, status: 'Bad Request' } }));
    try {
      const job = await planWith({ tableUrl: server.url, tableProvider: 'valhalla' });
      assert.equal(job.status, 'failed');
      const error = job.error as { message: string; errors: { field: string }[] };
      assert.match(error.message, /the routing server answered 400, error 171: No suitable edges near location/);
      assert.equal(error.errors[0].field, 'options.tableUrl');
    } finally {
      await server.close();
    }
  });

  it('a server that cannot be reached fails the plan, saying so', async () => {
    const gone = await fakeRoutingServer(() => 'hang');
    await gone.close();
    for (const tableProvider of ['valhalla', 'osrm']) {
      const job = await planWith({ tableUrl: gone.url, tableProvider });
      assert.equal(job.status, 'failed', tableProvider);
      const error = job.error as { message: string; errors: { field: string }[] };
      assert.match(error.message, /cannot reach the routing server at 127\.0\.0\.1:\d+: ECONNREFUSED/);
      assert.equal(error.errors[0].field, 'options.tableUrl');
    }
  });

  it('a server that does not answer fails the plan after the timeout, not a hang', async () => {
    const server = await fakeRoutingServer(() => 'hang');
    const before = process.env.PORTOLAN_TABLE_TIMEOUT_MS;
    process.env.PORTOLAN_TABLE_TIMEOUT_MS = '400';
    try {
      const job = await planWith({ tableUrl: server.url, tableProvider: 'valhalla' });
      assert.equal(job.status, 'failed');
      assert.match((job.error as { message: string }).message, /did not answer within 0\.4 s/);
      assert.equal(server.requests.length, 1);
    } finally {
      if (before === undefined) delete process.env.PORTOLAN_TABLE_TIMEOUT_MS;
      else process.env.PORTOLAN_TABLE_TIMEOUT_MS = before;
      await server.close();
    }
  });
});

describe('driver breaks', () => {
  const lunch = { durationMinutes: 30, windows: [{ from: '12:00', to: '12:30' }] };
  const clock = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

  it('each van takes its break inside the window, where it is; later stops are shifted and the exports show it', async () => {
    const stops = Array.from({ length: 10 }, (_, i) => stop(`b${i}`, 0.01 * Math.cos(i), 0.012 * Math.sin(i), { serviceMinutes: 25 }));
    const created = await api('POST', '/v1/route-plans', demoKey, {
      depot, stops,
      vehicles: [{ id: 'north', shift: { from: '10:00', to: '18:00' }, break: lunch }, { id: 'south', shift: { from: '10:00', to: '18:00' }, break: lunch }],
      options: { timeLimitSeconds: 1, seed: 2 },
    });
    assert.equal(created.status, 202, created.text);
    const job = await finished(created.body.id);
    assert.equal(job.status, 'succeeded', JSON.stringify(job.error));
    const id = job.id;
    const plan = job.result as RoutePlanResult;
    assert.equal(plan.unassigned.length, 0);
    assert.deepEqual(plan.settings.fleetBreak, lunch);
    for (const r of plan.routes) {
      const b = r.break!;
      assert.ok(b, `${r.vehicleId} takes a break`);
      assert.ok(b.start >= '12:00' && b.start <= '12:30', `${r.vehicleId} break at ${b.start}`);
      assert.equal(b.endSeconds - b.startSeconds, 1800);
      assert.equal(r.breakSeconds, 1800);
      assert.ok(b.afterStops >= 0 && b.afterStops <= r.stops.length);
      assert.ok(r.stops.slice(0, b.afterStops).every((s) => s.departureSeconds <= b.startSeconds), 'stops before it end before it');
      assert.ok(r.stops.slice(b.afterStops).every((s) => s.departureSeconds - s.serviceSeconds >= b.endSeconds), 'stops after it are served after it');
      assert.ok(Math.abs(r.durationSeconds - (r.end.seconds - r.start.seconds)) <= 1, 'duration from start to end, break included');
      assert.ok(Math.abs(r.drivingSeconds + r.serviceSeconds + r.waitSeconds + r.breakSeconds! - r.durationSeconds) <= 2, 'driving + service + waiting + break = duration');
      assert.ok(haversineMetres(b, depot) < 3000, 'taken at the depot or at a stop');
    }
    const csv = (await api('GET', `/v1/route-plans/${id}/export.csv`, demoKey)).text.trim().split('\n');
    assert.equal(csv[0].split(',').at(-1), 'kind');
    const breakRows = csv.filter((l) => l.endsWith(',break'));
    assert.equal(breakRows.length, plan.routes.length, 'one break row per van');
    assert.equal(csv.length - 1 - breakRows.length, plan.totals.stopsServed);
    const first = plan.routes[0];
    const rowsOfFirst = csv.slice(1).filter((l) => l.startsWith(`${first.vehicleId},`));
    assert.ok(rowsOfFirst[first.break!.afterStops].endsWith(',break'), 'the break row sits in its place in the sequence');
    assert.equal(rowsOfFirst[first.break!.afterStops].split(',')[4], first.break!.start);
    const fc = JSON.parse((await api('GET', `/v1/route-plans/${id}/export.geojson`, demoKey)).text);
    const line = fc.features.find((f: any) => f.properties.kind === 'route' && f.properties.vehicle === first.vehicleId);
    assert.equal(line.properties.breakStart, first.break!.start);
    assert.equal(line.properties.breakMinutes, 30);
    assert.equal(fc.features.filter((f: any) => f.properties.kind === 'break').length, plan.routes.length);
    assert.equal(clock(first.break!.end) - clock(first.break!.start), 30);
  });

  const badBreaks: [string, unknown, string][] = [
    ['a negative break', { durationMinutes: -5, windows: [{ from: '12:00', to: '13:00' }] }, 'vehicles.0.break.durationMinutes'],
    ['a break window closing before it opens', { durationMinutes: 30, windows: [{ from: '13:00', to: '12:00' }] }, 'vehicles.0.break.windows.0.to'],
    ['a break without a window', { durationMinutes: 30, windows: [] }, 'vehicles.0.break.windows'],
    ['a break outside the shift', { durationMinutes: 30, windows: [{ from: '20:00', to: '21:00' }] }, 'vehicles.0.break.windows'],
    ['an unknown break field', { minutes: 30, windows: [{ from: '12:00', to: '13:00' }] }, 'vehicles.0.break.minutes'],
  ];
  for (const [what, brk, field] of badBreaks) {
    it(`${what} is a 400 naming ${field}`, async () => {
      const r = await api('POST', '/v1/route-plans', demoKey, { depot, stops: [stop('a', 0, 0.01)], vehicles: [{ break: brk }] });
      assert.equal(r.status, 400, r.text);
      assert.match(r.headers.get('content-type') ?? '', /problem\+json/);
      assert.ok(r.body.errors.some((e: { field: string }) => e.field === field), `${field} in ${JSON.stringify(r.body.errors)}`);
    });
  }

  it('the OpenAPI document describes the break in and out', async () => {
    const doc = (await api('GET', '/openapi.json', demoKey)).body;
    const text = JSON.stringify(doc);
    assert.match(text, /"DriverBreak"/);
    assert.match(text, /"PlannedBreak"/);
  });
});

describe('bad input is a 400 naming the field', () => {
  const cases: [string, unknown, string][] = [
    ['a window closing before it opens', { depot, stops: [stop('a', 0, 0.01, { timeWindows: [{ from: '12:00', to: '10:00' }] })] }, 'stops.0.timeWindows.0.to'],
    ['a malformed time', { depot, stops: [stop('a', 0, 0.01, { timeWindows: [{ from: '9am', to: '10:00' }] })] }, 'stops.0.timeWindows.0.from'],
    ['duplicate stop ids', { depot, stops: [stop('a', 0, 0.01), stop('a', 0.01, 0)] }, 'stops.1.id'],
    ['a missing latitude', { depot, stops: [{ id: 'a', lng: 4.9 }] }, 'stops.0.lat'],
    ['a null longitude', { depot, stops: [{ id: 'a', lat: 52, lng: null }] }, 'stops.0.lng'],
    ['a latitude out of range', { depot, stops: [stop('a', 95, 0)] }, 'stops.0.lat'],
    ['no vehicles', { depot, stops: [stop('a', 0, 0.01)], vehicles: 0 }, 'vehicles'],
    ['an empty fleet', { depot, stops: [stop('a', 0, 0.01)], vehicles: [] }, 'vehicles'],
    ['a negative demand', { depot, stops: [stop('a', 0, 0.01, { demand: { weightG: -1 } })] }, 'stops.0.demand.weightG'],
    ['neither depot nor stops', { date: '2026-01-01' }, 'depotCode'],
    ['stops without a depot', { stops: [stop('a', 0, 0.01)] }, 'depot'],
    ['an unknown warehouse', { depotCode: 'NOPE' }, 'depotCode'],
    ['a bad date', { depotCode: 'AMS1', date: '2026-02-30' }, 'date'],
    ['a day with no orders', { depotCode: 'AMS1', date: '2001-01-01', days: 1 }, 'date'],
    ['a matrix of the wrong size', { depot, stops: [stop('a', 0, 0.01)], options: { matrix: { distancesMetres: [[0]], durationsSeconds: [[0]] } } }, 'options.matrix.distancesMetres'],
    ['a speed and a speed profile', { depot, stops: [stop('a', 0, 0.01)], options: { speedKmh: 40, speedProfile: [{ kmh: 40 }] } }, 'options.speedProfile'],
    ['speed bands out of order', { depot, stops: [stop('a', 0, 0.01)], options: { speedProfile: [{ upToKm: 10, kmh: 35 }, { upToKm: 2, kmh: 20 }, { kmh: 60 }] } }, 'options.speedProfile.1.upToKm'],
    ['a speed band too fast', { depot, stops: [stop('a', 0, 0.01)], options: { speedProfile: [{ upToKm: 2, kmh: 20 }, { kmh: 200 }] } }, 'options.speedProfile.1.kmh'],
    ['a speed band too slow', { depot, stops: [stop('a', 0, 0.01)], options: { speedProfile: [{ upToKm: 2, kmh: 0 }, { kmh: 50 }] } }, 'options.speedProfile.0.kmh'],
    ['a last speed band with a limit', { depot, stops: [stop('a', 0, 0.01)], options: { speedProfile: [{ upToKm: 2, kmh: 20 }, { upToKm: 10, kmh: 50 }] } }, 'options.speedProfile.1.upToKm'],
    ['a speed band without a limit before the last', { depot, stops: [stop('a', 0, 0.01)], options: { speedProfile: [{ kmh: 20 }, { kmh: 50 }] } }, 'options.speedProfile.0.upToKm'],
    ['an empty speed profile', { depot, stops: [stop('a', 0, 0.01)], options: { speedProfile: [] } }, 'options.speedProfile'],
    ['an unknown speed band field', { depot, stops: [stop('a', 0, 0.01)], options: { speedProfile: [{ kmh: 20, untilKm: 3 }] } }, 'options.speedProfile.0.untilKm'],
    ['a time limit too long', { depotCode: 'AMS1', options: { timeLimitSeconds: 10_000 } }, 'options.timeLimitSeconds'],
    ['a table provider without a tableUrl', { depot, stops: [stop('a', 0, 0.01)], options: { tableProvider: 'valhalla' } }, 'options.tableProvider'],
    ['an unknown table provider', { depot, stops: [stop('a', 0, 0.01)], options: { tableUrl: 'http://127.0.0.1:1', tableProvider: 'graphhopper' } }, 'options.tableProvider'],
    ['a costing for an OSRM server', { depot, stops: [stop('a', 0, 0.01)], options: { tableUrl: 'http://127.0.0.1:1', costing: 'truck' } }, 'options.costing'],
    ['an unknown Valhalla costing', { depot, stops: [stop('a', 0, 0.01)], options: { tableUrl: 'http://127.0.0.1:1', tableProvider: 'valhalla', costing: 'boat' } }, 'options.costing'],
  ];
  for (const [what, body, field] of cases) {
    it(what, async () => {
      const r = await api('POST', '/v1/route-plans', demoKey, body);
      assert.equal(r.status, 400, r.text);
      assert.match(r.headers.get('content-type') ?? '', /problem\+json/);
      assert.ok(r.body.errors.some((e: { field: string }) => e.field === field), `${field} in ${JSON.stringify(r.body.errors)}`);
    });
  }

  it('an unknown plan is a 404', async () => {
    assert.equal((await api('GET', '/v1/route-plans/job_nope', demoKey)).status, 404);
    assert.equal((await api('GET', '/v1/route-plans/job_nope/export.geojson', demoKey)).status, 404);
  });
});

describe('the CLI', () => {
  it('plans with a progress bar and prints the routes; shows and exports a plan', async () => {
    const plan = await portolan(['routes', 'plan', '--depot', 'AMS1', '--vehicles', '2', '--time-limit', '1']);
    assert.equal(plan.code, 0, plan.err);
    assert.match(plan.out, /vehicle/);
    assert.match(plan.out, /van-\d/);
    const id = /plan (job_[A-Za-z0-9_-]+)/.exec(plan.out)?.[1];
    assert.ok(id, plan.out);

    const shown = await portolan(['routes', 'show', id!, '--json']);
    assert.equal(shown.code, 0, shown.err);
    assert.equal(JSON.parse(shown.out).id, id);

    const out = join(work, 'plan.geojson');
    const exported = await portolan(['routes', 'export', id!, '--format', 'geojson', '--out', out]);
    assert.equal(exported.code, 0, exported.err);
    assert.equal(JSON.parse(readFileSync(out, 'utf8')).type, 'FeatureCollection');

    const bad = await portolan(['routes', 'plan', '--depot', 'NOPE']);
    assert.notEqual(bad.code, 0);
    assert.match(bad.err, /depotCode|NOPE/);
  });

  it('plans with a driver break for every van, and refuses a break without its window or fleet size', async () => {
    const plan = await portolan(['routes', 'plan', '--depot', 'AMS1', '--vehicles', '2', '--break', '30', '--break-window', '12:00-14:00', '--time-limit', '1', '--json']);
    assert.equal(plan.code, 0, plan.err);
    const result = JSON.parse(plan.out).result as RoutePlanResult;
    assert.ok(result.routes.length >= 1);
    for (const r of result.routes) assert.ok(r.break && r.break.start >= '12:00' && r.break.start <= '14:00', JSON.stringify(r.break));
    const noWindow = await portolan(['routes', 'plan', '--depot', 'AMS1', '--vehicles', '2', '--break', '30']);
    assert.notEqual(noWindow.code, 0);
    assert.match(noWindow.err, /--break-window/);
    const noFleet = await portolan(['routes', 'plan', '--depot', 'AMS1', '--break', '30', '--break-window', '12:00-14:00']);
    assert.notEqual(noFleet.code, 0);
    assert.match(noFleet.err, /--vehicles/);
  });
});

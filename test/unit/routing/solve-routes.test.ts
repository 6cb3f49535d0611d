import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Random } from '../../../src/shared/random.js';
import { buildHaversineMatrix, RoutingInputError, solveRoutes, type RoutingPlan, type RoutingProblem } from '../../../src/engines/routing/index.js';

/** Euclidean matrix over points, time = distance / speed. */
function euclid(points: [number, number][], secondsPerMetre = 1): RoutingProblem['matrix'] {
  const distancesMetres = points.map((a) => points.map((b) => Math.round(Math.hypot(a[0] - b[0], a[1] - b[1]))));
  return { distancesMetres, durationsSeconds: distancesMetres.map((r) => r.map((d) => d * secondsPerMetre)) };
}

function randomProblem(seed: number, n: number, vehicles: number, withWindows: boolean): RoutingProblem {
  const rng = new Random(seed);
  const pts: [number, number][] = [[500, 500]];
  for (let i = 0; i < n; i++) pts.push([rng.int(1000), rng.int(1000)]);
  return {
    matrix: euclid(pts),
    stops: pts.slice(1).map((_, i) => {
      const open = rng.int(6000);
      return {
        id: `s${i}`,
        location: i + 1,
        demand: [1 + rng.int(9), 1 + rng.int(3)],
        serviceSeconds: 60,
        timeWindows: withWindows ? [[open, open + 1500 + rng.int(3000)] as [number, number]] : undefined,
      };
    }),
    vehicles: Array.from({ length: vehicles }, (_, k) => ({ id: `v${k}`, startLocation: 0, capacity: [40, 12], shiftSeconds: [0, 12_000] as [number, number] })),
  };
}

/** Checks a plan against the problem without engine code. */
function assertValid(problem: RoutingProblem, plan: RoutingPlan): void {
  const seen = new Map<number, number>();
  for (const route of plan.routes) {
    const v = problem.vehicles[route.vehicleIndex];
    const load = v.capacity.map(() => 0);
    let t = route.startSeconds;
    let loc = v.startLocation;
    let dist = 0;
    for (const visit of route.visits) {
      const s = problem.stops[visit.stopIndex];
      seen.set(visit.stopIndex, (seen.get(visit.stopIndex) ?? 0) + 1);
      s.demand?.forEach((d, i) => (load[i] += d));
      dist += problem.matrix.distancesMetres[loc][s.location];
      const arrival = t + problem.matrix.durationsSeconds[loc][s.location];
      assert.ok(Math.abs(visit.arrivalSeconds - arrival) < 1e-6, 'arrival follows travel time');
      assert.ok(visit.serviceStartSeconds >= arrival - 1e-6);
      if (s.timeWindows?.length) {
        assert.ok(s.timeWindows.some(([o, c]) => visit.serviceStartSeconds >= o - 1e-6 && visit.serviceStartSeconds <= c + 1e-6), `stop ${s.id} served inside a window`);
      }
      for (const skill of s.skills ?? []) assert.ok(v.skills?.includes(skill), `vehicle ${v.id} has skill ${skill}`);
      t = visit.serviceStartSeconds + (s.serviceSeconds ?? 0);
      loc = s.location;
    }
    const end = v.openEnd ? loc : v.endLocation ?? v.startLocation;
    dist += problem.matrix.distancesMetres[loc][end];
    t += problem.matrix.durationsSeconds[loc][end];
    load.forEach((l, i) => assert.ok(l <= v.capacity[i], `capacity of ${v.id}`));
    if (v.shiftSeconds) {
      assert.ok(route.startSeconds >= v.shiftSeconds[0] - 1e-6 && t <= v.shiftSeconds[1] + 1e-6, 'inside the shift');
    }
    assert.ok(Math.abs(route.distanceMetres - dist) < 1e-6, 'route distance recomputes');
  }
  for (const u of plan.unassigned) seen.set(u.stopIndex, (seen.get(u.stopIndex) ?? 0) + 1);
  problem.stops.forEach((_, i) => assert.equal(seen.get(i), 1, `stop ${i} planned or unassigned exactly once`));
}

test('finds the optimum of a small capacitated instance (brute force reference)', () => {
  const pts: [number, number][] = [[0, 0], [10, 0], [10, 10], [0, 10], [-10, 0], [-10, -10], [0, -10]];
  const demand = [3, 4, 2, 5, 3, 4];
  const problem: RoutingProblem = {
    matrix: euclid(pts),
    stops: demand.map((d, i) => ({ id: `c${i + 1}`, location: i + 1, demand: [d] })),
    vehicles: [0, 1, 2].map((k) => ({ id: `v${k}`, startLocation: 0, capacity: [10] })),
  };
  // brute force: every assignment of 6 customers to 3 vehicles, best order per route
  const d = problem.matrix.distancesMetres;
  const bestTour = (set: number[]): number => {
    if (set.length === 0) return 0;
    let best = Infinity;
    const perm = (rest: number[], at: number, acc: number): void => {
      if (rest.length === 0) best = Math.min(best, acc + d[at][0]);
      rest.forEach((c, i) => perm(rest.filter((_, j) => j !== i), c, acc + d[at][c]));
    };
    perm(set, 0, 0);
    return best;
  };
  let optimum = Infinity;
  for (let code = 0; code < 3 ** 6; code++) {
    const groups: number[][] = [[], [], []];
    let c = code;
    for (let i = 0; i < 6; i++, c = Math.floor(c / 3)) groups[c % 3].push(i + 1);
    if (groups.some((g) => g.reduce((s, x) => s + demand[x - 1], 0) > 10)) continue;
    optimum = Math.min(optimum, groups.reduce((s, g) => s + bestTour(g), 0));
  }
  const plan = solveRoutes(problem, { seed: 3, timeLimitMs: 2000 }, { maxIterations: 200 });
  assertValid(problem, plan);
  assert.equal(plan.unassigned.length, 0);
  assert.equal(plan.totals.distanceMetres, optimum);
});

test('plans with time windows, two capacity dimensions and shifts are valid', () => {
  const problem = randomProblem(11, 60, 8, true);
  const plan = solveRoutes(problem, { seed: 1, timeLimitMs: 3000 }, { maxIterations: 60 });
  assertValid(problem, plan);
  assert.ok(plan.totals.stopsServed + plan.unassigned.length === 60);
  assert.equal(plan.totals.cost, plan.routes.reduce((s, r) => s + r.cost, 0));
  for (const r of plan.routes) for (const v of r.visits) assert.ok(v.departureSeconds >= v.serviceStartSeconds && v.waitSeconds >= 0);
});

test('is deterministic for a seed', () => {
  const problem = randomProblem(5, 40, 6, true);
  const a = solveRoutes(problem, { seed: 42, timeLimitMs: 10_000 }, { maxIterations: 40 });
  const b = solveRoutes(problem, { seed: 42, timeLimitMs: 10_000 }, { maxIterations: 40 });
  assert.deepEqual(a.routes, b.routes);
  assert.deepEqual(a.unassigned, b.unassigned);
});

test('honours the time limit loosely and reports progress', () => {
  const problem = randomProblem(9, 250, 20, false);
  let progressCalls = 0;
  const started = performance.now();
  const plan = solveRoutes(problem, { seed: 1, timeLimitMs: 400, onProgress: () => progressCalls++ });
  const elapsed = performance.now() - started;
  assert.ok(elapsed < 2500, `took ${elapsed} ms`);
  assert.ok(progressCalls > 0);
  assertValid(problem, plan);
});

test('stops that cannot be served come back with the reason', () => {
  const matrix = euclid([[0, 0], [100, 0], [0, 100], [100, 100], [50, 50], [-50, 0]]);
  const problem: RoutingProblem = {
    matrix,
    stops: [
      { id: 'heavy', location: 1, demand: [50] },
      { id: 'fridge', location: 2, demand: [1], skills: ['refrigerated'] },
      { id: 'too-early', location: 3, demand: [1], timeWindows: [[0, 10]] },
      { id: 'ok', location: 4, demand: [1], timeWindows: [[0, 500]] },
      { id: 'after-shift', location: 5, demand: [1], timeWindows: [[5000, 6000]] },
    ],
    vehicles: [{ id: 'van', startLocation: 0, capacity: [10], shiftSeconds: [0, 1000] }],
  };
  const plan = solveRoutes(problem, { seed: 1, timeLimitMs: 1000 }, { maxIterations: 20 });
  assertValid(problem, plan);
  const reasons = Object.fromEntries(plan.unassigned.map((u) => [u.stopId, u.reason]));
  assert.deepEqual(reasons, { heavy: 'capacity', fridge: 'skill', 'too-early': 'time_window', 'after-shift': 'shift' });
  assert.deepEqual(plan.routes.flatMap((r) => r.visits.map((v) => v.stopId)), ['ok']);
});

test('a fleet too small drops the lowest priorities and keeps every route valid', () => {
  const pts: [number, number][] = [[0, 0]];
  for (let i = 0; i < 12; i++) pts.push([Math.cos(i) * 100, Math.sin(i) * 100]);
  const problem: RoutingProblem = {
    matrix: euclid(pts),
    stops: pts.slice(1).map((_, i) => ({ id: `s${i}`, location: i + 1, demand: [1], priority: i < 4 ? 10 : 0 })),
    vehicles: [{ id: 'a', startLocation: 0, capacity: [4] }, { id: 'b', startLocation: 0, capacity: [4] }],
  };
  const plan = solveRoutes(problem, { seed: 2, timeLimitMs: 2000 }, { maxIterations: 50 });
  assertValid(problem, plan);
  assert.equal(plan.totals.stopsServed, 8);
  assert.equal(plan.unassigned.length, 4);
  for (const u of plan.unassigned) assert.equal(u.reason, 'capacity');
  for (let i = 0; i < 4; i++) assert.ok(!plan.unassigned.some((u) => u.stopIndex === i), 'high priority stops are served');
});

test('skills, heterogeneous vehicles, open ends, several windows per stop', () => {
  const pts: [number, number][] = [[0, 0], [1000, 0], [10, 10], [20, 0], [30, 10], [40, 0], [50, 10], [60, 0]];
  const problem: RoutingProblem = {
    matrix: euclid(pts),
    stops: [
      { id: 'a', location: 2, demand: [1], skills: ['lift'] },
      { id: 'b', location: 3, demand: [1], timeWindows: [[0, 5], [200, 300]], serviceSeconds: 10 },
      { id: 'c', location: 4, demand: [1] },
      { id: 'd', location: 5, demand: [1], skills: ['lift'] },
      { id: 'e', location: 6, demand: [1] },
      { id: 'f', location: 7, demand: [1], timeWindows: [[0, 100], [400, 500]] },
    ],
    vehicles: [
      { id: 'small', startLocation: 0, capacity: [3], fixedCost: 100 },
      { id: 'lift', startLocation: 1, openEnd: true, capacity: [6], skills: ['lift'], fixedCost: 100 },
    ],
  };
  const plan = solveRoutes(problem, { seed: 4, timeLimitMs: 2000 }, { maxIterations: 80 });
  assertValid(problem, plan);
  assert.equal(plan.unassigned.length, 0);
  const lift = plan.routes.find((r) => r.vehicleId === 'lift');
  assert.ok(lift && ['a', 'd'].every((id) => lift.visits.some((v) => v.stopId === id)));
  assert.equal(lift.endSeconds, lift.visits[lift.visits.length - 1].departureSeconds, 'an open route ends at its last stop');
});

test('rejects malformed input with a clear error', () => {
  const base = randomProblem(1, 3, 1, false);
  const bad: [string, (p: RoutingProblem) => void][] = [
    ['no vehicles', (p) => (p.vehicles = [])],
    ['duplicate stop id', (p) => (p.stops[1].id = p.stops[0].id)],
    ['NaN distance', (p) => (p.matrix.distancesMetres[0][1] = Number.NaN)],
    ['window opens after it closes', (p) => (p.stops[0].timeWindows = [[100, 50]])],
    ['unknown location', (p) => (p.stops[0].location = 99)],
    ['negative demand', (p) => (p.stops[0].demand = [-1])],
  ];
  for (const [what, mutate] of bad) {
    const p = structuredClone(base);
    mutate(p);
    assert.throws(() => solveRoutes(p, { timeLimitMs: 100 }), RoutingInputError, what);
  }
});

test('an empty stop list gives an empty plan', () => {
  const plan = solveRoutes({ matrix: euclid([[0, 0]]), stops: [], vehicles: [{ id: 'v', startLocation: 0, capacity: [1] }] }, { timeLimitMs: 100 });
  assert.equal(plan.routes.length, 0);
  assert.equal(plan.totals.cost, 0);
});

test('haversine matrix applies circuity and speed', () => {
  const m = buildHaversineMatrix([{ lat: 48.8566, lng: 2.3522 }, { lat: 48.8606, lng: 2.3376 }], { circuityFactor: 1.5, speedKmPerHour: 36 });
  const straight = 1145; // Paris Hotel de Ville to the Louvre, about 1.15 km
  assert.ok(Math.abs(m.distancesMetres[0][1] - 1.5 * straight) < 30);
  assert.equal(m.durationsSeconds[0][1], Math.round(m.distancesMetres[0][1] / 10));
  assert.throws(() => buildHaversineMatrix([{ lat: Number.NaN, lng: 0 }]), RoutingInputError);
});

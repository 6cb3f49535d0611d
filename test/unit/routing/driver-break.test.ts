/** Drivers' breaks: placement inside the window, timelines, waiting used as the break, exactness against brute force. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Random } from '../../../src/shared/random.js';
import { RoutingInputError, solveRoutes, type RoutingPlan, type RoutingProblem, type RoutingVehicle } from '../../../src/engines/routing/index.js';
import { measureRoute } from '../../../src/engines/routing/individual.js';
import { compileProblem } from '../../../src/engines/routing/routing-model.js';

function euclid(points: [number, number][]): RoutingProblem['matrix'] {
  const distancesMetres = points.map((a) => points.map((b) => Math.round(Math.hypot(a[0] - b[0], a[1] - b[1]))));
  return { distancesMetres, durationsSeconds: distancesMetres.map((r) => r.slice()) };
}

/**
 * Checks a plan's timetable against the problem without engine code: travel, windows, shifts, and
 * for a vehicle with a break: taken once, whole, starting in a window, while neither driving nor
 * serving, and counted in the route's duration.
 */
function assertTimeline(problem: RoutingProblem, plan: RoutingPlan): void {
  const { durationsSeconds: T, distancesMetres: Dm } = problem.matrix;
  const seen = new Set<number>();
  for (const route of plan.routes) {
    const v = problem.vehicles[route.vehicleIndex];
    const b = route.break;
    if (v.break) assert.ok(b, `${v.id} takes its break`);
    else assert.equal(b, undefined, `${v.id} has no break`);
    if (b) {
      assert.ok(Math.abs(b.endSeconds - b.startSeconds - v.break!.durationSeconds) < 1e-6, 'the whole break');
      assert.ok(v.break!.windows.some(([o, c]) => b.startSeconds >= o - 1e-6 && b.startSeconds <= c + 1e-6), `${v.id} break starts in a window (${b.startSeconds})`);
      assert.ok(b.waitSeconds >= -1e-6);
    }
    let breakTaken = false;
    let t = route.startSeconds;
    let loc = v.startLocation;
    let dist = 0;
    const legs = [...route.visits.map((x) => ({ visit: x, to: problem.stops[x.stopIndex].location })), { visit: null, to: v.openEnd ? -1 : v.endLocation ?? v.startLocation }];
    legs.forEach(({ visit, to }, i) => {
      const travel = to < 0 ? 0 : T[loc][to];
      dist += to < 0 ? 0 : Dm[loc][to];
      const arrivalSeen = visit ? visit.arrivalSeconds : route.endSeconds;
      let arrival = t + travel;
      let notBefore = arrival;
      if (b && b.afterVisits === i) {
        const beforeDrive = b.location === loc && b.startSeconds >= t - 1e-6 && Math.abs(arrivalSeen - (b.endSeconds + travel)) < 1e-6;
        if (beforeDrive) {
          assert.ok(Math.abs(b.startSeconds - t - b.waitSeconds) < 1e-6, 'idle before the break adds up');
          arrival = notBefore = b.endSeconds + travel;
        } else {
          assert.ok(b.startSeconds >= arrival - 1e-6, 'a break on arrival starts after arriving');
          assert.equal(b.location, to < 0 ? loc : to, 'a break on arrival is taken where the vehicle is');
          assert.ok(Math.abs(b.startSeconds - arrival - b.waitSeconds) < 1e-6, 'idle before the break adds up');
          notBefore = b.endSeconds;
        }
        breakTaken = true;
      }
      if (visit) {
        assert.ok(Math.abs(visit.arrivalSeconds - arrival) < 1e-6, `arrival at ${visit.stopId} follows travel (${visit.arrivalSeconds} vs ${arrival})`);
        const s = problem.stops[visit.stopIndex];
        assert.ok(Math.abs(visit.serviceStartSeconds - notBefore - visit.waitSeconds) < 1e-6 && visit.waitSeconds >= -1e-6, `wait at ${visit.stopId} adds up`);
        if (s.timeWindows?.length) assert.ok(s.timeWindows.some(([o, c]) => visit.serviceStartSeconds >= o - 1e-6 && visit.serviceStartSeconds <= c + 1e-6), `${s.id} served in a window`);
        assert.ok(Math.abs(visit.departureSeconds - visit.serviceStartSeconds - (s.serviceSeconds ?? 0)) < 1e-6);
        t = visit.departureSeconds;
        seen.add(visit.stopIndex);
      } else {
        assert.ok(Math.abs(route.endSeconds - notBefore) < 1e-6, `${v.id} ends when it is back and done (${route.endSeconds} vs ${notBefore})`);
      }
      if (to >= 0) loc = to;
    });
    if (b) assert.ok(breakTaken, 'the break sits between two consecutive events of the route');
    if (v.shiftSeconds) assert.ok(route.startSeconds >= v.shiftSeconds[0] - 1e-6 && route.endSeconds <= v.shiftSeconds[1] + 1e-6, `${v.id} inside its shift`);
    if (v.maxDurationSeconds !== undefined) assert.ok(route.durationSeconds <= v.maxDurationSeconds + 1e-6);
    assert.ok(Math.abs(route.durationSeconds - (route.endSeconds - route.startSeconds)) < 1e-6, 'duration includes the break');
    assert.ok(Math.abs(route.distanceMetres - dist) < 1e-6);
  }
  for (const u of plan.unassigned) seen.add(u.stopIndex);
  assert.equal(seen.size, problem.stops.length, 'every stop planned or unassigned');
}

const lunch = (durationSeconds: number, ...windows: [number, number][]): RoutingVehicle['break'] => ({ durationSeconds, windows });

/** Six stops on a line, 100 s apart, 300 s each; no windows. */
function lineProblem(vehicleBreak?: RoutingVehicle['break']): RoutingProblem {
  const pts: [number, number][] = [[0, 0]];
  for (let i = 1; i <= 6; i++) pts.push([100 * i, 0]);
  return {
    matrix: euclid(pts),
    stops: pts.slice(1).map((_, i) => ({ id: `s${i + 1}`, location: i + 1, serviceSeconds: 300 })),
    vehicles: [{ id: 'van', startLocation: 0, capacity: [10], shiftSeconds: [0, 20_000], costPerHour: 3600, ...(vehicleBreak ? { break: vehicleBreak } : {}) }],
  };
}

test('the break starts inside its window and shifts the later visits by its length', () => {
  const without = solveRoutes(lineProblem(), { seed: 1 }, { maxIterations: 30 });
  const problem = lineProblem(lunch(1800, [1000, 1100]));
  const plan = solveRoutes(problem, { seed: 1 }, { maxIterations: 30 });
  assertTimeline(problem, plan);
  const [r0] = without.routes;
  const [r] = plan.routes;
  assert.ok(r.break && r.break.startSeconds >= 1000 && r.break.startSeconds <= 1100, JSON.stringify(r.break));
  assert.equal(r.durationSeconds, r0.durationSeconds + 1800, 'no waiting: the route is exactly the break longer');
  assert.equal(r.cost, r0.cost + 1800);
  // visits after the break are 1800 s later than in the same order without it
  const sameOrder = r.visits.map((v) => v.stopId).join() === r0.visits.map((v) => v.stopId).join();
  assert.ok(sameOrder, 'the break does not change the best order here');
  r.visits.forEach((v, i) => {
    const shift = i < r.break!.afterVisits ? 0 : 1800;
    assert.equal(v.serviceStartSeconds - r.startSeconds, r0.visits[i].serviceStartSeconds - r0.startSeconds + shift, `${v.stopId} shifted by ${shift}`);
  });
});

test('waiting for a time window is used for the break: the route is no longer', () => {
  // A must be served by 1000, B not before 4000: the van waits near B either way
  const pts: [number, number][] = [[0, 0], [100, 0], [200, 0]];
  const base = (vehicleBreak?: RoutingVehicle['break']): RoutingProblem => ({
    matrix: euclid(pts),
    stops: [
      { id: 'A', location: 1, serviceSeconds: 100, timeWindows: [[0, 1000]] },
      { id: 'B', location: 2, serviceSeconds: 100, timeWindows: [[4000, 5000]] },
    ],
    vehicles: [{ id: 'van', startLocation: 0, capacity: [1], shiftSeconds: [0, 10_000], costPerHour: 3600, ...(vehicleBreak ? { break: vehicleBreak } : {}) }],
  });
  const without = solveRoutes(base(), { seed: 1 }, { maxIterations: 10 });
  const problem = base(lunch(1800, [1000, 3500]));
  const plan = solveRoutes(problem, { seed: 1 }, { maxIterations: 10 });
  assertTimeline(problem, plan);
  const [r] = plan.routes;
  assert.equal(without.routes[0].durationSeconds, 3400);
  assert.equal(r.durationSeconds, 3400, 'the break fits in the wait for B');
  assert.ok(r.break!.startSeconds >= 1000 && r.break!.endSeconds <= 4000);
  const b = r.visits.find((v) => v.stopId === 'B')!;
  assert.ok(b.waitSeconds < 2800, 'less idle waiting than without the break');
});

test('a break that can only start after the work forces waiting: taken back at the depot', () => {
  // everything must be served by 1000; the break cannot start before 3000
  const pts: [number, number][] = [[0, 0], [100, 0], [100, 100]];
  const problem: RoutingProblem = {
    matrix: euclid(pts),
    stops: [
      { id: 'A', location: 1, serviceSeconds: 100, timeWindows: [[0, 1000]] },
      { id: 'B', location: 2, serviceSeconds: 100, timeWindows: [[0, 1000]] },
    ],
    vehicles: [{ id: 'van', startLocation: 0, capacity: [2], shiftSeconds: [0, 10_000], costPerHour: 3600, break: lunch(600, [3000, 3100]) }],
  };
  const plan = solveRoutes(problem, { seed: 1 }, { maxIterations: 10 });
  assertTimeline(problem, plan);
  const [r] = plan.routes;
  assert.equal(r.break!.startSeconds, 3000, 'as early as the window allows');
  assert.equal(r.break!.afterVisits, 2);
  assert.equal(r.break!.location, 0, 'at the depot, after the drive back: the route ends with the break');
  assert.equal(r.endSeconds, 3600);
  assert.ok(r.break!.waitSeconds > 0, 'the idle time before it is reported');
});

test('a stop that only fits without the break is left to a vehicle without one, or unassigned with reason break', () => {
  // A must be served 2000-2100; the break must start 1500-2000 and lasts 1000: they cannot both happen
  const pts: [number, number][] = [[0, 0], [50, 0], [0, 50]];
  const stops: RoutingProblem['stops'] = [
    { id: 'A', location: 1, serviceSeconds: 100, timeWindows: [[2000, 2100]] },
    { id: 'B', location: 2, serviceSeconds: 100 },
  ];
  const withBreak: RoutingVehicle = { id: 'lunch', startLocation: 0, capacity: [5], shiftSeconds: [0, 10_000], break: lunch(1000, [1500, 2000]) };
  const alone: RoutingProblem = { matrix: euclid(pts), stops, vehicles: [withBreak] };
  const plan = solveRoutes(alone, { seed: 1 }, { maxIterations: 10 });
  assertTimeline(alone, plan);
  assert.deepEqual(plan.unassigned.map((u) => [u.stopId, u.reason]), [['A', 'break']]);
  const mixed: RoutingProblem = { matrix: euclid(pts), stops, vehicles: [withBreak, { id: 'no-lunch', startLocation: 0, capacity: [5], shiftSeconds: [0, 10_000], fixedCost: 10 }] };
  const plan2 = solveRoutes(mixed, { seed: 1 }, { maxIterations: 20 });
  assertTimeline(mixed, plan2);
  assert.equal(plan2.unassigned.length, 0);
  assert.equal(plan2.routes.find((r) => r.visits.some((v) => v.stopId === 'A'))!.vehicleId, 'no-lunch');
});

test('an open route can end with the break at its last stop', () => {
  const problem = lineProblem(lunch(900, [2000, 9000]));
  problem.vehicles[0].openEnd = true;
  const plan = solveRoutes(problem, { seed: 1 }, { maxIterations: 10 });
  assertTimeline(problem, plan);
  const [r] = plan.routes;
  assert.ok(r.break!.startSeconds >= 2000);
});

/**
 * Least duration of one route by brute force: every break placement (arc, before or after its
 * drive), every whole-second departure, waiting when early, never late. Null when none fits.
 */
function bruteForceDuration(problem: RoutingProblem, order: number[], vehicle: RoutingVehicle): number | null {
  const T = problem.matrix.durationsSeconds;
  const [open, close] = vehicle.shiftSeconds!;
  const b = vehicle.break!;
  let best: number | null = null;
  const places = [vehicle.startLocation, ...order.map((i) => problem.stops[i].location), vehicle.endLocation ?? vehicle.startLocation];
  for (let arc = 0; arc <= order.length; arc++) {
    for (const atNext of [false, true]) {
      for (const [bo, bc] of b.windows) {
        for (let dep = open; dep <= close; dep++) {
          let t = dep;
          let ok = true;
          const takeBreak = () => {
            t = Math.max(t, bo);
            if (t > bc) ok = false;
            t += b.durationSeconds;
          };
          for (let p = 0; p < places.length - 1 && ok; p++) {
            if (p === arc && !atNext) takeBreak();
            t += T[places[p]][places[p + 1]];
            if (p === arc && atNext) takeBreak();
            if (p < order.length) {
              const s = problem.stops[order[p]];
              const [o, c] = s.timeWindows?.[0] ?? [-Infinity, Infinity];
              t = Math.max(t, o);
              if (t > c) ok = false;
              t += s.serviceSeconds ?? 0;
            }
          }
          if (ok && t <= close && (best === null || t - dep < best)) best = t - dep;
        }
      }
    }
  }
  return best;
}

test('route evaluation places the break exactly (brute force over placements and departures)', () => {
  const rng = new Random(7);
  let compared = 0;
  let feasible = 0;
  for (let trial = 0; trial < 60; trial++) {
    const pts: [number, number][] = [[0, 0]];
    for (let i = 0; i < 4; i++) pts.push([rng.int(300), rng.int(300)]);
    const windows: [number, number][] = [[rng.int(1500), 0], [rng.int(1500), 0]].map(([o]) => [o, o + 200 + rng.int(600)] as [number, number]);
    const vehicle: RoutingVehicle = { id: 'v', startLocation: 0, capacity: [10], shiftSeconds: [0, 2400], costPerHour: 3600, break: { durationSeconds: 100 + rng.int(400), windows: windows.slice(0, 1 + rng.int(2)) } };
    const problem: RoutingProblem = {
      matrix: euclid(pts),
      stops: pts.slice(1).map((_, i) => {
        const o = rng.int(1500);
        return { id: `s${i}`, location: i + 1, serviceSeconds: 20 + rng.int(100), ...(rng.next() < 0.7 ? { timeWindows: [[o, o + 100 + rng.int(700)] as [number, number]] } : {}) };
      }),
      vehicles: [vehicle],
    };
    const { model, rejected } = compileProblem(problem);
    if (rejected.length) continue;
    const order = rng.shuffle([0, 1, 2, 3]);
    const clients = order.map((i) => Array.from(model.clientStop).indexOf(i));
    const meas = measureRoute(model, 0, clients);
    const brute = bruteForceDuration(problem, order, vehicle);
    compared++;
    if (brute === null) {
      assert.ok(meas.timeWarp > 1e-6, `trial ${trial}: no feasible schedule, so the evaluation reports time warp`);
    } else {
      feasible++;
      assert.ok(meas.timeWarp <= 1e-6, `trial ${trial}: feasible by brute force (${brute}), evaluation says time warp ${meas.timeWarp}`);
      assert.ok(Math.abs(meas.duration - brute) < 1e-6, `trial ${trial}: least duration ${brute}, evaluation ${meas.duration}`);
    }
  }
  assert.ok(compared >= 40 && feasible >= 10, `enough cases (${compared}, ${feasible} feasible)`);
});

test('larger plans with breaks, windows, shifts and mixed fleets are valid', () => {
  const rng = new Random(3);
  const pts: [number, number][] = [[500, 500]];
  for (let i = 0; i < 80; i++) pts.push([rng.int(1000), rng.int(1000)]);
  const problem: RoutingProblem = {
    matrix: euclid(pts),
    stops: pts.slice(1).map((_, i) => {
      const open = rng.int(8000);
      return { id: `s${i}`, location: i + 1, demand: [1 + rng.int(5)], serviceSeconds: 120, ...(i % 2 ? { timeWindows: [[open, open + 2000 + rng.int(3000)] as [number, number]] } : {}) };
    }),
    vehicles: Array.from({ length: 8 }, (_, k) => ({
      id: `v${k}`, startLocation: 0, capacity: [40], shiftSeconds: [0, 14_000] as [number, number], costPerHour: 360, fixedCost: 500,
      ...(k < 6 ? { break: lunch(1800, [4000, 5000], ...(k % 2 ? [[7000, 7500] as [number, number]] : [])) } : {}),
    })),
  };
  const plan = solveRoutes(problem, { seed: 2, timeLimitMs: 20_000 }, { maxIterations: 60 });
  assertTimeline(problem, plan);
  assert.ok(plan.routes.some((r) => r.break), 'some used vehicle takes a break');
  assert.ok(plan.totals.stopsServed >= 70, `most stops served (${plan.totals.stopsServed})`);
  const again = solveRoutes(problem, { seed: 2, timeLimitMs: 20_000 }, { maxIterations: 60 });
  assert.deepEqual(again.routes, plan.routes, 'deterministic for a seed');
});

test('vehicles without a break plan exactly as before breaks existed (fixed seed and iterations)', () => {
  // figures from the engine before driver breaks were added, same problem, seed and iterations
  const rng = new Random(5);
  const pts: [number, number][] = [[500, 500]];
  for (let i = 0; i < 40; i++) pts.push([rng.int(1000), rng.int(1000)]);
  const problem: RoutingProblem = {
    matrix: euclid(pts),
    stops: pts.slice(1).map((_, i) => {
      const open = rng.int(6000);
      return { id: `s${i}`, location: i + 1, demand: [1 + rng.int(9), 1 + rng.int(3)], serviceSeconds: 60, timeWindows: [[open, open + 1500 + rng.int(3000)]] };
    }),
    vehicles: Array.from({ length: 6 }, (_, k) => ({ id: `v${k}`, startLocation: 0, capacity: [40, 12], shiftSeconds: [0, 12_000], costPerHour: 360 })),
  };
  const plan = solveRoutes(problem, { seed: 42, timeLimitMs: 60_000 }, { maxIterations: 40 });
  assert.deepEqual(
    { cost: plan.totals.cost, distance: plan.totals.distanceMetres, duration: plan.totals.durationSeconds, routes: plan.routes.map((r) => r.visits.map((v) => v.stopIndex).join(' ')) },
    { cost: 10452, distance: 8561, duration: 18912, routes: ['35 4 34 16 25 36 21', '29 38 14 13 2 8 39', '18 6 7 20 22 37', '0 3 30 11 1 5 15', '9 32 10 23', '19 17 26 27 12'] },
  );
  assert.ok(plan.routes.every((r) => r.break === undefined));
});

test('a break that cannot be taken is rejected, naming the field', () => {
  const bad: [string, RoutingVehicle['break'], RegExp][] = [
    ['negative length', lunch(-5, [0, 100]), /vehicles\[0\]\.break\.durationSeconds/],
    ['no window', { durationSeconds: 60, windows: [] }, /vehicles\[0\]\.break\.windows/],
    ['window closing before it opens', lunch(60, [500, 100]), /vehicles\[0\]\.break\.windows\[0\] opens after it closes/],
    ['window outside the shift', lunch(60, [30_000, 31_000]), /vehicles\[0\]\.break\.windows: no window/],
    ['break ending after the shift', lunch(1000, [19_500, 19_900]), /vehicles\[0\]\.break\.windows: no window/],
  ];
  for (const [what, b, message] of bad) {
    const p = lineProblem(b);
    assert.throws(() => solveRoutes(p, { timeLimitMs: 100 }), (e: Error) => e instanceof RoutingInputError && message.test(e.message), what);
  }
  const tooLong = lineProblem(lunch(4000, [0, 100]));
  tooLong.vehicles[0].maxDurationSeconds = 3600;
  assert.throws(() => solveRoutes(tooLong, { timeLimitMs: 100 }), /break\.durationSeconds is longer than maxDurationSeconds/);
});

test('stats count the initial solutions as well as the genetic iterations', () => {
  const plan = solveRoutes(lineProblem(lunch(600, [1000, 2000])), { seed: 1 }, { maxIterations: 5 });
  assert.equal(plan.stats.iterations, 5);
  assert.ok(plan.stats.initialSolutions >= 8, `initial population (${plan.stats.initialSolutions})`);
  assert.ok(plan.stats.descents >= plan.stats.initialSolutions + plan.stats.iterations);
});


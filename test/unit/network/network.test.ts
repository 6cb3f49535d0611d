import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isReferenceFile, parsePmedian, parseSscflp } from '../../../bench/network/readers.js';
import { randomProblem as generated } from './random-problem.js';
import { verifySolution } from '../../../bench/network/solution.js';
import { NetworkInputError, solveNetwork, solveNetworkScenarios, transitDaysForKm } from '../../../src/engines/network/index.js';
import type { NetworkProblem } from '../../../src/engines/network/index.js';
import { Random } from '../../../src/shared/random.js';

/** Random capacitated instance, capacity 2-3 times the mean demand per site. */
function randomProblem(seed: number, sites: number, zones: number, kind: NetworkProblem['kind'] = 'single-source'): NetworkProblem {
  return generated(seed, sites, zones, { kind, capacity: (perSite, draw) => Math.ceil(perSite * (2 + draw)), fixedCost: [100, 400] });
}

/** Exhaustive optimum of a tiny single-source problem. */
function bruteForce(p: NetworkProblem): number {
  const { siteCount: I, zoneCount: J } = p;
  let best = Infinity;
  const assign = new Array<number>(J).fill(0);
  const walk = (z: number, load: number[], cost: number) => {
    if (cost >= best) return;
    if (z === J) {
      const used = new Set(assign);
      let total = cost;
      for (const i of used) total += p.fixedCost?.[i] ?? 0;
      if (p.openCount !== undefined && used.size > p.openCount) return;
      best = Math.min(best, total);
      return;
    }
    for (let i = 0; i < I; i++) {
      const cap = p.capacity?.[i] ?? Infinity;
      if (load[i] + p.demand[z] > (cap ?? Infinity)) continue;
      load[i] += p.demand[z];
      assign[z] = i;
      walk(z + 1, load, cost + p.serviceCost[z * I + i]);
      load[i] -= p.demand[z];
    }
  };
  walk(0, new Array<number>(I).fill(0), 0);
  return best;
}

describe('single-source capacitated facility location', () => {
  it('finds the optimum of small instances and proves it', async () => {
    for (const seed of [1, 2, 3]) {
      const problem = randomProblem(seed, 4, 7);
      const optimum = bruteForce(problem);
      const solution = await solveNetwork(problem, { timeLimitMs: 3000, seed: 1 });
      assert.equal(solution.cost, optimum);
      assert.equal(solution.status, 'optimal');
      assert.equal(solution.lowerBound, optimum);
      const verdict = verifySolution(problem, solution.assignment);
      assert.ok(verdict.valid, verdict.problems.join('; '));
      assert.equal(verdict.cost, solution.cost);
      assert.equal(solution.fixedCost + solution.serviceCost, solution.cost);
    }
  });

  it('keeps must-open sites open and honours maxOpen', async () => {
    const problem = { ...randomProblem(5, 6, 20), mustOpen: [5], maxOpen: 3 };
    const solution = await solveNetwork(problem, { timeLimitMs: 2000 });
    assert.ok(solution.open.includes(5));
    assert.ok(solution.open.length <= 3);
    assert.ok(verifySolution(problem, solution.assignment).valid);
    assert.ok(solution.lowerBound <= solution.cost + 1e-9);
    // a must-open site too small for the demand, and room for no other: the tree must not open a
    // second site for a zone it forced there
    const tooSmall = await solveNetwork(
      { kind: 'single-source', siteCount: 2, zoneCount: 4, demand: [10, 10, 10, 5], serviceCost: [9, 1, 9, 1, 9, 1, 1, 9], fixedCost: [0, 1000], capacity: [100, 30], mustOpen: [1], openCount: 1 },
      { timeLimitMs: 1000 },
    );
    assert.equal(tooSmall.status, 'infeasible');
    assert.deepEqual(tooSmall.open, []);
  });

  it('is deterministic for a seed and returns a valid answer within the time limit', async () => {
    const problem = randomProblem(9, 40, 300);
    const started = performance.now();
    const a = await solveNetwork(problem, { timeLimitMs: 400, seed: 7, useMip: false });
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 3000, `took ${elapsed} ms`);
    assert.ok(verifySolution(problem, a.assignment).valid);
    assert.ok(a.lowerBound <= a.cost + 1e-6);
    assert.ok(a.gap >= 0 && a.lowerBound > 0);
    // determinism is checked on a run that ends by convergence, not by the clock
    const small = randomProblem(11, 8, 30);
    const x = await solveNetwork(small, { timeLimitMs: 5000, seed: 3, useMip: false });
    const y = await solveNetwork(small, { timeLimitMs: 5000, seed: 3, useMip: false });
    assert.deepEqual(x.assignment, y.assignment);
    assert.equal(x.cost, y.cost);
  });
});

describe('multi-source, p-median and coverage', () => {
  it('splits demand when that is cheaper and respects capacities', async () => {
    // one zone of 10 units, two free sites of capacity 6: a single site cannot serve it
    const problem: NetworkProblem = { kind: 'multi-source', siteCount: 2, zoneCount: 1, demand: [10], serviceCost: [10, 20], capacity: [6, 6], fixedCost: [0, 0] };
    const solution = await solveNetwork(problem, { timeLimitMs: 2000 });
    assert.equal(solution.status, 'optimal');
    assert.ok(Math.abs(solution.cost - (0.6 * 10 + 0.4 * 20)) < 1e-6);
    const shares = solution.flows!.reduce((a, f) => a + f.share, 0);
    assert.ok(Math.abs(shares - 1) < 1e-6);
  });

  it('solves a small p-median to optimality (brute force check)', async () => {
    const r = new Random(4);
    const n = 9;
    const pts = Array.from({ length: n }, () => [r.next() * 50, r.next() * 50]);
    const d: number[] = [];
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) d.push(Math.round(Math.hypot(pts[a][0] - pts[b][0], pts[a][1] - pts[b][1])));
    let best = Infinity;
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) for (let c = b + 1; c < n; c++) {
      let total = 0;
      for (let z = 0; z < n; z++) total += Math.min(d[z * n + a], d[z * n + b], d[z * n + c]);
      best = Math.min(best, total);
    }
    const problem: NetworkProblem = { kind: 'p-median', siteCount: n, zoneCount: n, demand: new Array(n).fill(1), serviceCost: d, openCount: 3 };
    const solution = await solveNetwork(problem, { timeLimitMs: 2000 });
    assert.equal(solution.cost, best);
    assert.equal(solution.open.length, 3);
    assert.equal(solution.status, 'optimal');
  });

  it('maximises covered demand with at most maxOpen sites', async () => {
    // zones on a line at 0..9; sites at the same points; radius 1 => one site covers 3 zones
    const n = 10;
    const distance: number[] = [];
    for (let z = 0; z < n; z++) for (let i = 0; i < n; i++) distance.push(Math.abs(z - i));
    const problem: NetworkProblem = { kind: 'coverage', siteCount: n, zoneCount: n, demand: new Array(n).fill(1), serviceCost: distance, distance, coverageRadius: 1, maxOpen: 3 };
    const solution = await solveNetwork(problem, { timeLimitMs: 2000 });
    assert.equal(solution.cost, 1); // 9 of 10 zones covered
    assert.ok(Math.abs(solution.coveredShare! - 0.9) < 1e-9);
    assert.equal(solution.status, 'optimal');
  });
});

describe('bad input', () => {
  it('rejects negative costs, wrong lengths and capacity below demand, naming the field', async () => {
    const good = randomProblem(1, 3, 4);
    const bad = (change: Partial<NetworkProblem>) => solveNetwork({ ...good, ...change }, { timeLimitMs: 200 });
    await assert.rejects(bad({ serviceCost: good.serviceCost.map((c, k) => (k === 2 ? -1 : c)) }), (e: unknown) => e instanceof NetworkInputError && e.field === 'serviceCost[2]');
    await assert.rejects(bad({ fixedCost: [1, 2] }), (e: unknown) => e instanceof NetworkInputError && e.field === 'fixedCost');
    await assert.rejects(bad({ capacity: [1, 1, 1] }), (e: unknown) => e instanceof NetworkInputError && e.field === 'capacity' && /below total demand/.test(e.message));
    await assert.rejects(bad({ kind: 'p-median' }), (e: unknown) => e instanceof NetworkInputError && e.field === 'openCount');
  });

  it('rejects zones without coordinates in the scenario helper', async () => {
    const input = {
      zones: [{ id: 'a', lat: 48.8, lng: Number.NaN, demandUnits: 5 }],
      sites: [{ id: 's', lat: 48, lng: 2, fixedCostMinor: 100 }],
      transportCostPerUnitKmMinor: 1,
      maxSites: 1,
    };
    await assert.rejects(solveNetworkScenarios(input), (e: unknown) => e instanceof NetworkInputError && e.field === 'zones[0].lng');
    await assert.rejects(
      solveNetworkScenarios({ ...input, zones: [{ id: 'a', lat: 48.8, lng: 2.3, demandUnits: 5 }], sites: [{ id: 's', lat: 48, lng: 2, fixedCostMinor: -1 }] }),
      (e: unknown) => e instanceof NetworkInputError && e.field === 'sites[0].fixedCostMinor',
    );
  });
});

describe('scenario helper', () => {
  it('builds the cost versus distance curve for k = 1..K', async () => {
    // three city clusters far apart, one candidate site in each
    const centres = [
      { id: 'paris', lat: 48.86, lng: 2.35 },
      { id: 'madrid', lat: 40.42, lng: -3.7 },
      { id: 'berlin', lat: 52.52, lng: 13.4 },
    ];
    const zones = centres.flatMap((c, k) => [0, 1, 2].map((m) => ({ id: `${c.id}-${m}`, lat: c.lat + 0.1 * m, lng: c.lng - 0.1 * m, demandUnits: 10 + k })));
    const sites = centres.map((c) => ({ id: c.id, lat: c.lat, lng: c.lng, fixedCostMinor: 1000 }));
    const result = await solveNetworkScenarios({ zones, sites, transportCostPerUnitKmMinor: 1, maxSites: 3, currentSiteIds: ['paris'] }, { timeLimitMs: 3000 });
    assert.equal(result.scenarios.length, 3);
    const [one, two, three] = result.scenarios;
    assert.equal(one.openSiteIds.length, 1);
    assert.deepEqual([...three.openSiteIds].sort(), ['berlin', 'madrid', 'paris']);
    assert.ok(three.meanDistanceKm < two.meanDistanceKm && two.meanDistanceKm < one.meanDistanceKm);
    assert.equal(three.shareWithinDays['1'], 1);
    assert.ok(one.shareWithinDays['1'] < 1);
    assert.equal(three.fixedCostMinor, 3000);
    assert.equal(three.totalCostMinor, three.fixedCostMinor + three.transportCostMinor);
    assert.equal(result.current!.openSiteIds[0], 'paris');
    for (const s of result.scenarios) assert.equal(Object.keys(s.assignment).length, zones.length);
  });

  it('chooses sites for the demand within N days when asked, then serves zones as cheaply as those sites allow', async () => {
    // the cheap site (Paris) is near little demand; the dear one (Madrid) is near most of it
    const zones = [
      ...[0, 1, 2].map((m) => ({ id: `madrid-${m}`, lat: 40.42 + 0.1 * m, lng: -3.7, demandUnits: 10 })),
      { id: 'paris-0', lat: 48.86, lng: 2.35, demandUnits: 5 },
    ];
    const sites = [
      { id: 'paris', lat: 48.86, lng: 2.35, fixedCostMinor: 0 },
      { id: 'madrid', lat: 40.42, lng: -3.7, fixedCostMinor: 1e9 },
    ];
    const input = { zones, sites, transportCostPerUnitKmMinor: 1, maxSites: 2 };
    const [cheapest] = (await solveNetworkScenarios(input, { timeLimitMs: 2000 })).scenarios;
    assert.deepEqual(cheapest.openSiteIds, ['paris']);
    assert.deepEqual(cheapest.objective, { kind: 'cost' });
    assert.ok(cheapest.lowerBoundMinor !== null && cheapest.lowerBoundMinor <= cheapest.totalCostMinor);

    const [one, two] = (await solveNetworkScenarios({ ...input, coverageWithinDays: 1 }, { timeLimitMs: 2000 })).scenarios;
    assert.deepEqual(one.openSiteIds, ['madrid']);
    assert.equal(one.status, 'optimal');
    assert.deepEqual(one.objective, { kind: 'coverage', withinDays: 1, radiusKm: 300, coveredShare: 30 / 35, coveredShareBound: 30 / 35 });
    assert.equal(one.shareWithinDays['1'], 30 / 35);
    assert.equal(one.lowerBoundMinor, null);
    assert.equal(one.fixedCostMinor, 1e9);
    assert.equal(one.totalCostMinor, one.fixedCostMinor + one.transportCostMinor);
    assert.equal(two.objective.kind === 'coverage' && two.objective.coveredShare, 1);
    assert.equal(two.assignment['paris-0'], 'paris');

    // with capacities the chosen sites must hold the demand: Madrid alone cannot, so one site is Paris
    const capped = sites.map((s) => ({ ...s, capacityUnits: s.id === 'madrid' ? 30 : 100 }));
    const [alone, both] = (await solveNetworkScenarios({ ...input, sites: capped, coverageWithinDays: 1 }, { timeLimitMs: 2000 })).scenarios;
    assert.deepEqual(alone.openSiteIds, ['paris']);
    assert.equal(alone.status, 'optimal');
    assert.deepEqual(alone.objective, { kind: 'coverage', withinDays: 1, radiusKm: 300, coveredShare: 5 / 35, coveredShareBound: 5 / 35 });
    assert.equal(alone.lowerBoundMinor, null);
    assert.deepEqual([...both.openSiteIds].sort(), ['madrid', 'paris']);
    assert.equal(both.assignment['paris-0'], 'paris');
    assert.equal(both.objective.kind === 'coverage' && both.objective.coveredShare, 1);
    assert.equal(both.fixedCostMinor, 1e9);
    assert.equal(both.totalCostMinor, both.fixedCostMinor + both.transportCostMinor);
    // Paris too small as well: no single site holds the demand
    const tight = capped.map((s) => ({ ...s, capacityUnits: 30 }));
    const [none] = (await solveNetworkScenarios({ ...input, sites: tight, coverageWithinDays: 1 }, { timeLimitMs: 2000 })).scenarios;
    assert.equal(none.status, 'infeasible');
    assert.match(none.infeasibleReason ?? '', /capacity/);
    assert.deepEqual(none.objective, { kind: 'coverage', withinDays: 1, radiusKm: 300, coveredShare: null, coveredShareBound: null });
    await assert.rejects(solveNetworkScenarios({ ...input, coverageWithinDays: 4 }), (e: unknown) => e instanceof NetworkInputError && e.field === 'coverageWithinDays');
  });

  it('keeps the reach when the cheapest assignment to the chosen sites would lose it, and still serves each zone as cheaply as that allows', async () => {
    // on the equator, 1 degree of longitude is about 133 road km. Site a holds one of z1 (20 units,
    // 290 km away, in reach only of a) and z2 (10 units, at a): reach wants z1 there, cost wants
    // z2 there and z1 at b. far is out of reach of every site and nearest to c.
    const zones = [
      { id: 'z1', lat: 0, lng: 2.17, demandUnits: 20 },
      { id: 'z2', lat: 0, lng: 0, demandUnits: 10 },
      { id: 'far', lat: 0, lng: 40, demandUnits: 5 },
    ];
    const sites = [
      { id: 'a', lat: 0, lng: 0, fixedCostMinor: 0, capacityUnits: 20 },
      { id: 'b', lat: 0, lng: 5, fixedCostMinor: 0, capacityUnits: 100 },
      { id: 'c', lat: 0, lng: 20, fixedCostMinor: 0, capacityUnits: 100 },
    ];
    const { scenarios } = await solveNetworkScenarios({ zones, sites, transportCostPerUnitKmMinor: 1, maxSites: 3, coverageWithinDays: 1 }, { timeLimitMs: 3000 });
    const three = scenarios[2];
    assert.deepEqual(three.assignment, { z1: 'a', z2: 'b', far: 'c' });
    assert.deepEqual(three.objective, { kind: 'coverage', withinDays: 1, radiusKm: 300, coveredShare: 20 / 35, coveredShareBound: 20 / 35 });
    assert.equal(three.status, 'optimal');
    assert.equal(three.gap, 0);
  });

  it('estimates transit days from distance', () => {
    assert.deepEqual([0, 300, 301, 800, 1500, 1501, 2200, 2201].map(transitDaysForKm), [1, 1, 2, 2, 3, 4, 4, 5]);
  });
});

describe('benchmark readers and verifier', () => {
  it('reads the SSCFLP layout and catches an over-capacity solution', () => {
    const text = '2 3\n10 10\n5 7\n4 4 4\n1 2\n3 1\n2 2\n';
    const instance = parseSscflp('tiny', text);
    assert.deepEqual(instance.problem.capacity, [10, 10]);
    assert.deepEqual(instance.problem.serviceCost, [1, 2, 3, 1, 2, 2]);
    assert.equal(verifySolution(instance.problem, [0, 1, 0]).cost, 5 + 7 + 1 + 1 + 2);
    const over = verifySolution(instance.problem, [0, 0, 0]);
    assert.equal(over.valid, false);
  });

  it('computes shortest paths for p-median and lets the last duplicate edge win', () => {
    const text = '3 3 1\n1 2 5\n2 3 1\n1 2 1\n';
    const instance = parsePmedian('tiny', text);
    // d(1,2) = 1 (last edge), d(1,3) = 2 through vertex 2
    assert.equal(instance.problem.serviceCost[0 * 3 + 1], 1);
    assert.equal(instance.problem.serviceCost[0 * 3 + 2], 2);
  });

  it('tells the reference files from instances, so a folder can be passed with a glob', () => {
    assert.ok(isReferenceFile('/data/pmedian-orlib/pmedopt.txt'));
    assert.ok(isReferenceFile('/data/sscflp-holmberg/os'));
    assert.ok(!isReferenceFile('/data/pmedian-orlib/pmed12.txt'));
    assert.ok(!isReferenceFile('/data/sscflp-holmberg/p57'));
  });
});

import assert from 'node:assert/strict';
import { emptyState, recompute, totalCost } from '../../../src/engines/network/assignment-state.js';
import { buildInstance } from '../../../src/engines/network/instance.js';
import type { NetworkProblem, NetworkSolution } from '../../../src/engines/network/index.js';
import { Random } from '../../../src/shared/random.js';

export interface RandomProblemShape {
  kind?: NetworkProblem['kind'];
  /** a site's capacity from the mean demand per site and a draw in [0, 1) */
  capacity: (demandPerSite: number, draw: number) => number;
  fixedCost: [number, number];
}

/** Random capacitated instance on a 100 x 100 square with integral data, seeded. */
export function randomProblem(seed: number, sites: number, zones: number, shape: RandomProblemShape): NetworkProblem {
  const r = new Random(seed);
  const sitePts = Array.from({ length: sites }, () => [r.next() * 100, r.next() * 100]);
  const zonePts = Array.from({ length: zones }, () => [r.next() * 100, r.next() * 100]);
  const demand = zonePts.map(() => r.range(5, 30));
  const total = demand.reduce((a, b) => a + b, 0);
  const serviceCost: number[] = [];
  for (let z = 0; z < zones; z++)
    for (let i = 0; i < sites; i++) serviceCost.push(Math.round((demand[z] * Math.hypot(zonePts[z][0] - sitePts[i][0], zonePts[z][1] - sitePts[i][1])) / 10));
  const capacity = sitePts.map(() => shape.capacity(total / sites, r.next()));
  const fixedCost = sitePts.map(() => r.range(shape.fixedCost[0], shape.fixedCost[1]));
  return { kind: shape.kind ?? 'single-source', siteCount: sites, zoneCount: zones, demand, serviceCost, fixedCost, capacity };
}

/** The solution's open sites and assignment are feasible for the problem and cost what it reports. */
export function assertConsistent(problem: NetworkProblem, solution: NetworkSolution): void {
  const inst = buildInstance(problem);
  const s = emptyState(inst);
  for (const i of solution.open) s.open[i] = 1;
  s.assign.set(solution.assignment);
  assert.ok(recompute(inst, s), 'the solution must be feasible');
  assert.equal(totalCost(s), solution.cost);
}

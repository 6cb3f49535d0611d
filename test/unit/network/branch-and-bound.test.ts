import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Deadline } from '../../../src/engines/control.js';
import { branchAndBound } from '../../../src/engines/network/branch-and-bound.js';
import { buildInstance } from '../../../src/engines/network/instance.js';
import { knapsackScratch, solveKnapsack } from '../../../src/engines/network/knapsack.js';
import { runLagrangian } from '../../../src/engines/network/lagrangian.js';
import type { NetworkProblem } from '../../../src/engines/network/index.js';
import { Random } from '../../../src/shared/random.js';
import { randomProblem } from './random-problem.js';

/** Tight capacities (total about 1.3 x demand) so that the Lagrangian bound leaves a gap to branch on. */
function tightProblem(seed: number, sites: number, zones: number): NetworkProblem {
  return randomProblem(seed, sites, zones, { capacity: (perSite, draw) => Math.max(30, Math.ceil(1.3 * perSite * (0.7 + 0.6 * draw))), fixedCost: [50, 300] });
}

function exhaustive(p: NetworkProblem): number {
  const { siteCount: I, zoneCount: J } = p;
  let best = Infinity;
  const used = new Array<number>(I).fill(0);
  const walk = (z: number, load: number[], cost: number) => {
    if (cost >= best) return;
    if (z === J) {
      best = cost;
      return;
    }
    for (let i = 0; i < I; i++) {
      if (load[i] + p.demand[z] > p.capacity![i]!) continue;
      const opening = used[i] === 0 ? p.fixedCost![i] : 0;
      load[i] += p.demand[z];
      used[i]++;
      walk(z + 1, load, cost + opening + p.serviceCost[z * I + i]);
      used[i]--;
      load[i] -= p.demand[z];
    }
  };
  walk(0, new Array<number>(I).fill(0), 0);
  return best;
}

describe('branch-and-bound on the Lagrangian bound', () => {
  it('proves the exhaustive optimum from a poor incumbent, and reports it', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const problem = tightProblem(seed, 5, 10);
      const optimum = exhaustive(problem);
      const inst = buildInstance(problem);
      let incumbent = optimum * 1.5;
      let found: Int32Array | null = null;
      const deadline = new Deadline({ timeLimitMs: 20_000 });
      const lag = runLagrangian(inst, { deadline, upperBound: () => incumbent, closeEnough: () => false, maxIterations: 300 });
      assert.ok(lag.bound <= optimum + 1e-9, `seed ${seed}: root bound ${lag.bound} above optimum ${optimum}`);
      const result = branchAndBound(inst, {
        deadline,
        multipliers: lag.multipliers,
        rootBound: lag.bound,
        upperBound: () => incumbent,
        onFeasible: (_open, assign, cost) => {
          if (cost < incumbent) {
            incumbent = cost;
            found = assign;
          }
        },
      });
      assert.equal(result.complete, true, `seed ${seed}`);
      assert.equal(incumbent, optimum, `seed ${seed}`);
      assert.ok(found, `seed ${seed}: the tree itself found the optimum`);
      assert.equal(result.lowerBound, optimum);
    }
  });

  it('returns a valid lower bound when stopped by the clock', () => {
    const problem = tightProblem(9, 12, 60);
    const inst = buildInstance(problem);
    let incumbent = Infinity;
    const deadline = new Deadline({ timeLimitMs: 2_000 });
    const lag = runLagrangian(inst, { deadline, upperBound: () => incumbent, closeEnough: () => false, maxIterations: 200 });
    const stopAt = new Deadline({ timeLimitMs: 30 });
    const result = branchAndBound(inst, {
      deadline: stopAt,
      multipliers: lag.multipliers,
      rootBound: lag.bound,
      upperBound: () => incumbent,
      onFeasible: (_o, _a, cost) => (incumbent = Math.min(incumbent, cost)),
    });
    assert.ok(result.lowerBound >= lag.bound - 1e-9);
    if (!result.complete) assert.ok(result.lowerBound <= incumbent);
  });
});

/** Weight and profit of the items a knapsack solution takes. */
function chosenTotals(chosen: Float64Array, weight: Float64Array, profit: Float64Array): { w: number; p: number } {
  let w = 0;
  let p = 0;
  for (let i = 0; i < chosen.length; i++) if (chosen[i] > 0.5) (w += weight[i]), (p += profit[i]);
  return { w, p };
}

describe('0/1 knapsack', () => {
  it('matches enumeration on both of its dynamic programs', () => {
    const r = new Random(4);
    const scratch = knapsackScratch(12);
    for (let t = 0; t < 400; t++) {
      const n = 1 + Math.floor(r.next() * 14);
      const items = Int32Array.from({ length: n }, (_, i) => i);
      const profit = Float64Array.from({ length: n }, () => r.next() * 40);
      const weight = Float64Array.from({ length: n }, () => 3 * r.range(1, 12));
      const capacity = r.range(0, 90);
      let best = 0;
      for (let m = 0; m < 1 << n; m++) {
        let w = 0;
        let p = 0;
        for (let i = 0; i < n; i++) if ((m >> i) & 1) (w += weight[i]), (p += profit[i]);
        if (w <= capacity && p > best) best = p;
      }
      for (const needTable of [false, true]) {
        const chosen = new Float64Array(n);
        const result = solveKnapsack(items, n, profit, weight, capacity, chosen, scratch, false, needTable);
        const { w, p } = chosenTotals(chosen, weight, profit);
        assert.ok(Math.abs(result.value - best) < 1e-9, `case ${t}: ${result.value} vs ${best}`);
        assert.ok(Math.abs(p - best) < 1e-9 && w <= capacity, `case ${t}: chosen items do not realise the optimum`);
      }
    }
  });

  it('keeps the optimum when the reduction decides most items (many items, ratios close together)', () => {
    const r = new Random(9);
    const scratch = knapsackScratch(300);
    for (let t = 0; t < 60; t++) {
      const n = 30 + Math.floor(r.next() * 250);
      const items = Int32Array.from({ length: n }, (_, i) => i);
      const weight = Float64Array.from({ length: n }, () => r.range(5, 40));
      // profits near a common ratio, as at multipliers close to the Lagrangian optimum
      const profit = Float64Array.from(weight, (w) => w * (1 + 0.3 * (r.next() - 0.5)) + (t % 3 === 0 ? r.next() * 5 : 0));
      const capacity = r.range(50, Math.max(60, Math.floor(weight.reduce((a, b) => a + b, 0) * 0.7)));
      const direct = solveKnapsack(items, n, profit, weight, capacity, new Float64Array(n), scratch, false, true).value;
      const chosen = new Float64Array(n);
      const reduced = solveKnapsack(items, n, profit, weight, capacity, chosen, scratch, false, false);
      const { w, p } = chosenTotals(chosen, weight, profit);
      assert.ok(Math.abs(reduced.value - direct) < 1e-7, `case ${t}: ${reduced.value} vs ${direct}`);
      assert.ok(Math.abs(p - direct) < 1e-7 && w <= capacity, `case ${t}: chosen items do not realise the optimum`);
    }
  });

  it('keeps the optimum on wide tables, which a search settles instead of the table (sites covering demand)', () => {
    const r = new Random(21);
    const scratch = knapsackScratch(64);
    let ties = 0;
    for (let t = 0; t < 200; t++) {
      const n = 8 + Math.floor(r.next() * 40);
      const items = Int32Array.from({ length: n }, (_, i) => i);
      // capacities in the hundreds, no common divisor: a table thousands of units wide per item
      const weight = Float64Array.from({ length: n }, () => r.range(35, 400));
      const profit = Float64Array.from(weight, (w) => w * (1 + (t % 2 ? 0.02 : 0.4) * (r.next() - 0.5)));
      // every fourth case: equal ratios throughout, where the search has no bound to prune with
      if (t % 4 === 0) {
        profit.set(weight);
        ties++;
      }
      const total = weight.reduce((a, b) => a + b, 0);
      const capacity = Math.floor(total * (0.2 + 0.7 * r.next()));
      const direct = solveKnapsack(items, n, profit, weight, capacity, new Float64Array(n), scratch, false, true).value;
      const chosen = new Float64Array(n);
      const searched = solveKnapsack(items, n, profit, weight, capacity, chosen, scratch, false, false);
      const { w, p } = chosenTotals(chosen, weight, profit);
      assert.ok(searched.exact, `case ${t}: not solved exactly`);
      assert.ok(Math.abs(searched.value - direct) < 1e-7 * Math.max(1, direct), `case ${t}: ${searched.value} vs ${direct}`);
      assert.ok(Math.abs(p - searched.value) < 1e-7 * Math.max(1, p) && w <= capacity, `case ${t}: chosen items do not realise the value`);
    }
    assert.equal(ties, 50);
  });
});

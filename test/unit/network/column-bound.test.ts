import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Deadline } from '../../../src/engines/control.js';
import { emptyState, recompute } from '../../../src/engines/network/assignment-state.js';
import { columnBoundApplies, columnGenerationBound } from '../../../src/engines/network/column-bound.js';
import { buildInstance } from '../../../src/engines/network/instance.js';
import { runLagrangian } from '../../../src/engines/network/lagrangian.js';
import { serialSiteKnapsacks } from '../../../src/engines/network/site-knapsacks.js';
import { solveNetwork, type NetworkProblem } from '../../../src/engines/network/index.js';
import { randomProblem } from './random-problem.js';

function problemOf(seed: number): NetworkProblem {
  return randomProblem(seed, 12, 50, { capacity: (perSite, draw) => Math.max(30, Math.ceil(2.2 * perSite * (0.6 + 0.8 * draw))), fixedCost: [150, 500] });
}

describe('column generation bound (Dantzig–Wolfe on the site knapsacks)', () => {
  it('raises a stalled subgradient bound and never passes the proven optimum', async () => {
    for (const seed of [3, 8]) {
      const problem = problemOf(seed);
      const optimum = await solveNetwork(problem, { timeLimitMs: 20_000, seed: 1 });
      assert.equal(optimum.status, 'optimal', 'the tree proves this size optimal');
      const inst = buildInstance(problem);
      const incumbent = emptyState(inst);
      for (const i of optimum.open) incumbent.open[i] = 1;
      incumbent.assign.set(optimum.assignment);
      assert.ok(recompute(inst, incumbent));
      // a subgradient cut short, as a large model's is within its share of the time
      const lag = runLagrangian(inst, { deadline: new Deadline({ timeLimitMs: 5000 }), upperBound: () => optimum.cost, closeEnough: () => false, maxIterations: 15 });
      const raised = await columnGenerationBound(inst, {
        deadline: new Deadline({ timeLimitMs: 10_000 }),
        multipliers: lag.multipliers,
        bound: lag.bound,
        incumbent,
        knapsacks: serialSiteKnapsacks(inst, false),
      });
      assert.ok(raised.rounds > 0);
      assert.equal(raised.converged, true, 'the master reaches its optimum on this size');
      assert.ok(raised.bound > lag.bound + 1e-6, `seed ${seed}: ${raised.bound} should beat the stalled ${lag.bound}`);
      assert.ok(raised.bound <= optimum.cost + 1e-6, `seed ${seed}: bound ${raised.bound} above the optimum ${optimum.cost}`);
    }
  });

  it('stops at the master optimum with fractional demands, and a capacity HiGHS refuses leaves the bound as it was', async () => {
    const integral = problemOf(3);
    // every knapsack falls back to its LP bound: pricing must still see the sets it adds as they are
    const problem = { ...integral, demand: integral.demand.map((d) => d * 1.1) };
    const inst = buildInstance(problem);
    const start = await solveNetwork(problem, { timeLimitMs: 2000, seed: 1 });
    const incumbent = emptyState(inst);
    for (const i of start.open) incumbent.open[i] = 1;
    incumbent.assign.set(start.assignment);
    assert.ok(recompute(inst, incumbent));
    const lag = runLagrangian(inst, { deadline: new Deadline({ timeLimitMs: 5000 }), upperBound: () => start.cost, closeEnough: () => false, maxIterations: 15 });
    const raised = await columnGenerationBound(inst, { deadline: new Deadline({ timeLimitMs: 20_000 }), multipliers: lag.multipliers, bound: lag.bound, incumbent, knapsacks: serialSiteKnapsacks(inst, false) });
    assert.equal(raised.converged, true, `ran ${raised.rounds} rounds without reaching the optimum`);
    assert.ok(raised.bound >= lag.bound && raised.bound <= start.cost + 1e-6);

    const huge = buildInstance({ ...integral, capacity: integral.capacity!.map((c, i) => (i === 0 ? 1e15 : c)) });
    const hugeStart = emptyState(huge);
    hugeStart.open.fill(1);
    hugeStart.assign.fill(0);
    assert.ok(recompute(huge, hugeStart));
    const kept = await columnGenerationBound(huge, { deadline: new Deadline({ timeLimitMs: 5000 }), multipliers: lag.multipliers, bound: 123, incumbent: hugeStart, knapsacks: serialSiteKnapsacks(huge, false) });
    assert.equal(kept.bound, 123);
  });

  it('applies to single-source models without limits on open sites only', () => {
    const problem = problemOf(3);
    assert.equal(columnBoundApplies(buildInstance(problem)), true);
    assert.equal(columnBoundApplies(buildInstance({ ...problem, maxOpen: 11 })), false);
    assert.equal(columnBoundApplies(buildInstance({ ...problem, kind: 'multi-source' })), false);
  });
});

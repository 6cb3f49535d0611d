import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Deadline } from '../../../src/engines/control.js';
import { assignByRegret, emptyState, recompute, totalCost, type AssignmentState } from '../../../src/engines/network/assignment-state.js';
import { solveCapacitated } from '../../../src/engines/network/capacitated.js';
import { buildInstance, type Instance } from '../../../src/engines/network/instance.js';
import { reoptimiseRegions, type RegionSolver } from '../../../src/engines/network/region-search.js';
import { solveNetwork, type NetworkProblem } from '../../../src/engines/network/index.js';
import { Random } from '../../../src/shared/random.js';
import { randomProblem } from './random-problem.js';

function problemOf(seed: number, sites: number, zones: number, capacityRatio: number): NetworkProblem {
  return randomProblem(seed, sites, zones, { capacity: (perSite, draw) => Math.max(30, Math.ceil(capacityRatio * perSite * (0.7 + 0.6 * draw))), fixedCost: [100, 400] });
}

/** Every site open, zones placed by regret: feasible and far from optimal. */
function poorStart(inst: Instance): AssignmentState {
  const s = emptyState(inst);
  s.open.fill(1);
  recompute(inst, s);
  assert.ok(assignByRegret(inst, s));
  assert.ok(recompute(inst, s));
  return s;
}

describe('region search (decomposition for instances too large for the tree)', () => {
  it('improves a poor solution region by region, each region solved from the current solution', async () => {
    const problem = { ...problemOf(11, 14, 60, 2), mustOpen: [3] };
    const inst = buildInstance(problem);
    const start = poorStart(inst);
    const random = new Random(1);
    let regionsSeen = 0;
    const solver: RegionSolver = async (region, incumbent, deadline, limitMs) => {
      regionsSeen++;
      // the region's current solution is feasible on its own, and no larger than the instance
      assert.ok(recompute(region, incumbent), 'region incumbent must be feasible');
      assert.ok(region.sites <= inst.sites && region.zones <= inst.zones);
      const out = await solveCapacitated(region, deadline, limitMs, () => false, false, random, incumbent);
      return { best: out.best, optimal: out.optimal };
    };
    const result = await reoptimiseRegions(inst, start, new Deadline({ timeLimitMs: 4_000 }), random, solver, { maxPairs: 400, regionMs: 200 });
    assert.ok(regionsSeen > 0 && result.regions === regionsSeen);
    assert.ok(result.improvements > 0);
    const check = { ...result.best, load: result.best.load.slice() };
    assert.ok(recompute(inst, check), 'the result must be feasible');
    assert.equal(totalCost(check), totalCost(result.best));
    assert.ok(totalCost(result.best) < totalCost(start) * 0.9, `${totalCost(result.best)} vs start ${totalCost(start)}`);
    assert.equal(result.best.open[3], 1, 'a must-open site stays open');
  });

  it('respects a limit on open sites that spans regions', async () => {
    const problem = { ...problemOf(12, 14, 60, 3), maxOpen: 6 };
    const inst = buildInstance(problem);
    // a feasible start with 6 sites open: the largest ones
    const s = emptyState(inst);
    const largest = Array.from({ length: inst.sites }, (_, i) => i).sort((a, b) => inst.capacity[b] - inst.capacity[a]).slice(0, 6);
    for (const i of largest) s.open[i] = 1;
    recompute(inst, s);
    assert.ok(assignByRegret(inst, s) && recompute(inst, s));
    const random = new Random(2);
    const solver: RegionSolver = async (region, incumbent, deadline, limitMs) => {
      const out = await solveCapacitated(region, deadline, limitMs, () => false, false, random, incumbent);
      return { best: out.best, optimal: out.optimal };
    };
    const result = await reoptimiseRegions(inst, s, new Deadline({ timeLimitMs: 3_000 }), random, solver, { maxPairs: 300, regionMs: 200 });
    assert.ok(result.best.openCount <= 6);
    assert.ok(totalCost(result.best) <= totalCost(s));
  });

  it('takes over from the tree on a model above its size, with a valid bound', async () => {
    // 110 sites x 560 zones = 61,600 pairs, above the tree's limit
    const problem = problemOf(13, 110, 560, 2);
    const solution = await solveNetwork(problem, { timeLimitMs: 6_000, seed: 1 });
    assert.ok(solution.methods.includes('region-search'), solution.methods.join(','));
    assert.ok(!solution.methods.includes('branch-and-bound'));
    assert.ok(solution.lowerBound <= solution.cost + 1e-9);
    assert.ok(solution.gap < 0.05, `gap ${solution.gap}`);
    const inst = buildInstance(problem);
    const s = emptyState(inst);
    for (const i of solution.open) s.open[i] = 1;
    s.assign.set(solution.assignment);
    assert.ok(recompute(inst, s));
    assert.equal(totalCost(s), solution.cost);
  });
});

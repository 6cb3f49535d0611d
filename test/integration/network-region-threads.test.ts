/** The network engine's helper threads: real worker threads solving regions and site knapsacks of a large model. */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { emptyState, recompute, totalCost } from '../../src/engines/network/assignment-state.js';
import { buildInstance } from '../../src/engines/network/instance.js';
import { solveNetwork } from '../../src/engines/network/index.js';
import type { RegionHelpers } from '../../src/engines/network/region-task.js';
import { createRegionHelpers } from '../../src/threads/region-helpers.js';
import { assertConsistent, randomProblem } from '../unit/network/random-problem.js';

const helpers = createRegionHelpers(2);
after(() => helpers.close());

describe('region helper threads', () => {
  it('solve a region task in another thread and return a solution no worse than the one sent', async () => {
    const problem = randomProblem(21, 8, 40, { capacity: (perSite, draw) => Math.max(30, Math.ceil(2 * perSite * (0.7 + 0.6 * draw))), fixedCost: [100, 400] });
    const region = buildInstance(problem);
    const start = emptyState(region);
    start.open.fill(1);
    for (let z = 0; z < region.zones; z++) {
      // every zone on the largest site that still has room: feasible and poor
      let pick = -1;
      for (let i = 0; i < region.sites; i++) if (start.load[i] + region.demand[z] <= region.capacity[i] && (pick < 0 || region.capacity[i] - start.load[i] > region.capacity[pick] - start.load[pick])) pick = i;
      start.assign[z] = pick;
      start.load[pick] += region.demand[z];
    }
    assert.ok(recompute(region, start));
    const answer = await helpers.solve({ region, open: start.open, assign: start.assign, limitMs: 2_000, seed: 1 });
    assert.ok(answer.open && answer.assign);
    const solved = emptyState(region);
    solved.open.set(answer.open);
    solved.assign.set(answer.assign);
    assert.ok(recompute(region, solved), 'the answer must be feasible');
    assert.ok(totalCost(solved) < totalCost(start), `${totalCost(solved)} vs ${totalCost(start)}`);
    assert.equal(answer.optimal, true, 'a model this small is closed by the tree');
  });

  it('take the region search of a model above the tree size, with a valid result', async () => {
    // 110 sites x 560 zones = 61,600 pairs, above the tree's limit
    const problem = randomProblem(13, 110, 560, { capacity: (perSite, draw) => Math.max(30, Math.ceil(2 * perSite * (0.7 + 0.6 * draw))), fixedCost: [100, 400] });
    let sent = 0;
    let knapsackRounds = 0;
    const counted: RegionHelpers = {
      threads: helpers.threads,
      solve: (task) => (sent++, helpers.solve(task)),
      warm: helpers.warm,
      siteKnapsacks: (inst, fractional) => {
        const shared = helpers.siteKnapsacks!(inst, fractional);
        return { solve: (u, value, served) => (knapsackRounds++, shared.solve(u, value, served)) };
      },
    };
    const solution = await solveNetwork(problem, { timeLimitMs: 6_000, seed: 1, regionHelpers: counted });
    assert.ok(solution.methods.includes('region-search'), solution.methods.join(','));
    assert.ok(sent > 0, 'regions must go to the helper threads');
    assert.ok(knapsackRounds > 0, 'the subgradient must share its site knapsacks with the helper threads');
    assert.ok(solution.lowerBound <= solution.cost + 1e-9);
    assert.ok(solution.gap < 0.05, `gap ${solution.gap}`);
    assertConsistent(problem, solution);
  });
});

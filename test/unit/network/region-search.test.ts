import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Deadline } from '../../../src/engines/control.js';
import { assignByRegret, emptyState, recompute, totalCost, type AssignmentState } from '../../../src/engines/network/assignment-state.js';
import { buildInstance, type Instance } from '../../../src/engines/network/instance.js';
import { reoptimiseRegions } from '../../../src/engines/network/region-search.js';
import { solveCapacitated } from '../../../src/engines/network/capacitated.js';
import { solveRegionTask, type RegionAnswer, type RegionHelpers, type RegionTask } from '../../../src/engines/network/region-task.js';
import { solveNetwork, type NetworkProblem } from '../../../src/engines/network/index.js';
import { Random } from '../../../src/shared/random.js';
import { assertConsistent, randomProblem } from './random-problem.js';

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
    let kickTasks = 0;
    // the search solves a region on its own thread when a helper throws: collect, then assert
    const failures: unknown[] = [];
    const solver: RegionHelpers = {
      threads: 1,
      solve: async (task) => {
        try {
          checkTask(task);
        } catch (error) {
          failures.push(error);
        }
        return solveRegionTask(task);
      },
    };
    const checkTask = (task: RegionTask) => {
        regionsSeen++;
        // the region's current solution, when it has one, is feasible on its own, and no larger than the instance
        if (task.open && task.assign) {
          const incumbent = emptyState(task.region);
          incumbent.open.set(task.open);
          incumbent.assign.set(task.assign);
          assert.ok(recompute(task.region, incumbent), 'region incumbent must be feasible');
        } else kickTasks++;
        assert.ok(task.region.sites <= inst.sites && task.region.zones <= inst.zones);
    };
    const result = await reoptimiseRegions(inst, start, new Deadline({ timeLimitMs: 4_000 }), random, solver, { maxPairs: 400, regionMs: 200 });
    assert.deepEqual(failures, []);
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
    for (const threads of [1, 3]) {
      const solver: RegionHelpers = { threads, solve: solveRegionTask };
      const result = await reoptimiseRegions(inst, s, new Deadline({ timeLimitMs: 2_000 }), new Random(2), solver, { maxPairs: 300, regionMs: 200 });
      assert.ok(result.best.openCount <= 6, `${threads} threads: ${result.best.openCount} open`);
      assert.ok(totalCost(result.best) <= totalCost(s));
    }
  });

  it('keeps the limits on open sites when regions solved at once all want to open, or all to close, sites', async () => {
    const roomy = (perSite: number, draw: number) => Math.ceil(8 * perSite * (0.7 + 0.6 * draw));
    const startWith = (inst: Instance, count: number): AssignmentState => {
      const s = emptyState(inst);
      const largest = Array.from({ length: inst.sites }, (_, i) => i).sort((a, b) => inst.capacity[b] - inst.capacity[a] || a - b).slice(0, count);
      for (const i of largest) s.open[i] = 1;
      recompute(inst, s);
      assert.ok(assignByRegret(inst, s) && recompute(inst, s));
      return s;
    };
    // no opening costs: every region would open all its sites
    const opener = buildInstance({ ...randomProblem(15, 14, 60, { capacity: roomy, fixedCost: [0, 0] }), maxOpen: 6 });
    // high opening costs: every region would close all it can
    const closer = buildInstance(randomProblem(16, 14, 60, { capacity: roomy, fixedCost: [5_000, 6_000] }));
    closer.minOpen = 5;
    for (const threads of [1, 3]) {
      const solver: RegionHelpers = { threads, solve: solveRegionTask };
      const opened = await reoptimiseRegions(opener, startWith(opener, 3), new Deadline({ timeLimitMs: 2_000 }), new Random(4), solver, { maxPairs: 300, regionMs: 200 });
      assert.equal(opened.best.openCount, 6, `${threads} threads: the room is used, and no more`);
      const closed = await reoptimiseRegions(closer, startWith(closer, 10), new Deadline({ timeLimitMs: 2_000 }), new Random(5), solver, { maxPairs: 300, regionMs: 200 });
      assert.equal(closed.best.openCount, 5, `${threads} threads: sites close down to the minimum, and no further`);
    }
  });

  it('once no region improves the solution, kicks it: an area solved without one of its open sites, kept only when the regions around it repair it to something cheaper', async () => {
    const inst = buildInstance(problemOf(21, 16, 70, 2));
    const start = poorStart(inst);
    const kicked: { closed: number; answer: RegionAnswer }[] = [];
    const solver: RegionHelpers = {
      threads: 2,
      solve: async (task) => {
        const answer = await solveRegionTask(task);
        // a kick's area is the only region with a site without room (the instance has none)
        const closed = Array.from(task.region.capacity).flatMap((c, j) => (c === 0 ? [j] : []));
        if (closed.length > 0) {
          assert.equal(closed.length, 1, 'a kick closes one site');
          if (task.open && task.assign) assert.ok(task.open[closed[0]] === 0 && !task.assign.includes(closed[0]), 'the area starts without it');
          kicked.push({ closed: closed[0], answer });
        }
        return answer;
      },
    };
    const result = await reoptimiseRegions(inst, start, new Deadline({ timeLimitMs: 3_000 }), new Random(8), solver, { maxPairs: 300, regionMs: 100 });
    assert.ok(result.kicks > 0 && kicked.length >= result.kicks, `${result.kicks} kicks`);
    for (const { closed, answer } of kicked) if (answer.assign) assert.ok(!answer.assign.includes(closed), 'no zone is served by the site the kick closed');
    const check = { ...result.best, load: result.best.load.slice() };
    assert.ok(recompute(inst, check), 'the result must be feasible');
    assert.equal(totalCost(check), totalCost(result.best));
    assert.ok(totalCost(result.best) <= totalCost(start));
  });

  it('gives a region whose bound comes near its current cost a short tree and nothing after it', async () => {
    const inst = buildInstance(problemOf(23, 12, 60, 1.3));
    const start = poorStart(inst);
    const solve = (nearlyProven?: { gapShare: number; treeMs: number }) =>
      solveCapacitated(inst, new Deadline({ timeLimitMs: 3_000 }), 3_000, () => false, false, new Random(1), { initial: start, nearlyProven });
    // every gap counts as near: the tree gets no time, and no local search follows it
    const cut = await solve({ gapShare: 1, treeMs: 0 });
    assert.ok(cut.methods.includes('branch-and-bound'), 'the bound alone did not prove this one');
    assert.ok(!cut.methods.includes('iterated-local-search'));
    assert.equal(cut.optimal, false);
    assert.ok(cut.cost <= totalCost(start) && cut.lowerBound <= cut.cost);
    // no gap counts as near: the tree runs to the end
    const full = await solve({ gapShare: 0, treeMs: 0 });
    assert.equal(full.optimal, true);
    assert.ok(full.cost <= cut.cost);
  });

  it('solves a region on its own thread when a helper thread fails', async () => {
    const inst = buildInstance(problemOf(17, 14, 60, 2));
    const start = poorStart(inst);
    let failures = 0;
    const broken: RegionHelpers = {
      threads: 2,
      solve: async () => {
        failures++;
        throw new Error('worker terminated');
      },
    };
    const result = await reoptimiseRegions(inst, start, new Deadline({ timeLimitMs: 2_000 }), new Random(6), broken, { maxPairs: 400, regionMs: 100 });
    assert.ok(failures > 0);
    assert.ok(result.improvements > 0 && totalCost(result.best) < totalCost(start));
  });

  it('with several threads, solves regions that share no site at the same time and applies each answer', async () => {
    const problem = problemOf(14, 24, 120, 2);
    const inst = buildInstance(problem);
    const fingerprints = new Set(Array.from({ length: inst.sites }, (_, i) => `${inst.fixed[i]}:${inst.capacity[i]}`));
    assert.equal(fingerprints.size, inst.sites, 'the test tells sites apart by fixed cost and capacity');
    const start = poorStart(inst);
    let running = 0;
    let mostAtOnce = 0;
    const inFlightSites: Set<string>[] = [];
    const solver: RegionHelpers = {
      threads: 3,
      solve: async (task: RegionTask) => {
        // a region's sites, by their costs (a fingerprint that survives the renumbering)
        const mine = new Set<string>();
        for (let j = 0; j < task.region.sites; j++) mine.add(`${task.region.fixed[j]}:${task.region.capacity[j]}`);
        for (const other of inFlightSites) for (const key of mine) assert.ok(!other.has(key), 'regions solved at once must not share a site');
        inFlightSites.push(mine);
        running++;
        mostAtOnce = Math.max(mostAtOnce, running);
        // answers come back out of order, as from threads of different speeds
        await new Promise((resolve) => setTimeout(resolve, 5 + (task.seed % 20)));
        const answer = await solveRegionTask(task);
        running--;
        inFlightSites.splice(inFlightSites.indexOf(mine), 1);
        return answer;
      },
    };
    const result = await reoptimiseRegions(inst, start, new Deadline({ timeLimitMs: 3_000 }), new Random(3), solver, { maxPairs: 300, regionMs: 100 });
    assert.ok(mostAtOnce >= 2, `at most ${mostAtOnce} regions at once`);
    assert.ok(result.improvements > 0);
    const check = { ...result.best, load: result.best.load.slice() };
    assert.ok(recompute(inst, check), 'the result must be feasible');
    assert.equal(totalCost(check), totalCost(result.best));
    assert.ok(totalCost(result.best) < totalCost(start));
  });

  it('takes over from the tree on a model above its size, with a valid bound', async () => {
    // 110 sites x 560 zones = 61,600 pairs, above the tree's limit
    const problem = problemOf(13, 110, 560, 2);
    const solution = await solveNetwork(problem, { timeLimitMs: 6_000, seed: 1 });
    assert.ok(solution.methods.includes('region-search'), solution.methods.join(','));
    assert.ok(!solution.methods.includes('branch-and-bound'));
    assert.ok(solution.lowerBound <= solution.cost + 1e-9);
    assert.ok(solution.gap < 0.05, `gap ${solution.gap}`);
    assertConsistent(problem, solution);
  });
});

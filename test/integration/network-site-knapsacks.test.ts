/** Site knapsacks of the Lagrangian subproblem shared with real helper threads. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildInstance } from '../../src/engines/network/instance.js';
import { runLagrangian } from '../../src/engines/network/lagrangian.js';
import { serialSiteKnapsacks } from '../../src/engines/network/site-knapsacks.js';
import { Deadline } from '../../src/engines/control.js';
import { Random } from '../../src/shared/random.js';
import { createSharedSiteKnapsacks } from '../../src/threads/site-knapsack-helpers.js';
import { randomProblem } from '../unit/network/random-problem.js';

const problem = randomProblem(31, 60, 300, { capacity: (perSite, draw) => Math.max(30, Math.ceil(2 * perSite * (0.7 + 0.6 * draw))), fixedCost: [100, 400] });
const inst = buildInstance(problem);

/** Multipliers around each zone's cheapest cost, so that every site's knapsack has something to choose from. */
function multipliers(random: Random): Float64Array {
  const u = new Float64Array(inst.zones);
  for (let z = 0; z < inst.zones; z++) {
    let cheapest = Infinity;
    for (let i = 0; i < inst.sites; i++) cheapest = Math.min(cheapest, inst.cost[z * inst.sites + i]);
    u[z] = cheapest * (1 + 2 * random.next());
  }
  return u;
}

describe('shared site knapsacks', () => {
  for (const threads of [0, 1, 2]) {
    it(`give every site the same value and zones as one thread alone (${threads} helper threads)`, async () => {
      const shared = createSharedSiteKnapsacks(inst, false, threads);
      const serial = serialSiteKnapsacks(inst, false);
      const random = new Random(5);
      try {
        let taken = 0;
        // many rounds, so that helpers that start late join some of them
        for (let round = 0; round < 40; round++) {
          const u = multipliers(random);
          const expectedValue = new Float64Array(inst.sites);
          const expectedServed: Int32Array[] = new Array(inst.sites);
          serial.solve(u, expectedValue, expectedServed);
          const value = new Float64Array(inst.sites);
          const served: Int32Array[] = new Array(inst.sites);
          shared.solve(u, value, served);
          assert.deepEqual(value, expectedValue, `round ${round}`);
          for (let i = 0; i < inst.sites; i++) assert.deepEqual(Array.from(served[i]), Array.from(expectedServed[i]), `round ${round}, site ${i}`);
          taken += expectedServed.reduce((sum, list) => sum + list.length, 0);
          if (round % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 50));
        }
        assert.ok(taken > 0, 'the knapsacks must take zones');
      } finally {
        shared.close();
      }
    });
  }

  it('leave the subgradient where one thread alone would take it', () => {
    const shared = createSharedSiteKnapsacks(inst, false, 1);
    try {
      const options = { deadline: new Deadline({ timeLimitMs: 60_000 }), upperBound: () => Infinity, closeEnough: () => false, maxIterations: 150 };
      const alone = runLagrangian(inst, options);
      const together = runLagrangian(inst, { ...options, knapsacks: shared });
      assert.equal(together.iterations, alone.iterations);
      assert.equal(together.bound, alone.bound);
      assert.deepEqual(together.multipliers, alone.multipliers);
    } finally {
      shared.close();
    }
  });
});

/**
 * Helper threads for the network engine's region search: a piscina pool whose threads each solve
 * one region at a time (`solveRegionTask`), and, before the regions, the subgradient's site
 * knapsacks shared with the calling thread (`site-knapsack-helpers.ts`). The engine itself never
 * starts threads; the benchmark and the network-study job create helpers and hand them over
 * through `regionHelpers`.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { RegionAnswer, RegionHelpers, RegionTask } from '../engines/network/region-task.js';
import { createSharedSiteKnapsacks, type ClosableSiteKnapsacks } from './site-knapsack-helpers.js';

export interface ClosableRegionHelpers extends RegionHelpers {
  /** stops the threads; the helpers start them again if asked to solve afterwards */
  close(): Promise<void>;
}

/** One thread per core by default: while they work, the calling thread only hands out regions. */
export function createRegionHelpers(threads = availableParallelism()): ClosableRegionHelpers {
  let pool: Piscina | null = null;
  let knapsacks: ClosableSiteKnapsacks | null = null;
  // threads start on first use (or `warm`), so a solve that never needs regions costs nothing
  const started = (): Piscina =>
    (pool ??= new Piscina({
      filename: new URL('../../bin/region-thread.mjs', import.meta.url).href,
      minThreads: threads,
      maxThreads: threads,
    }));
  return {
    threads,
    solve: (task: RegionTask): Promise<RegionAnswer> => started().run(task),
    warm: () => void started(),
    siteKnapsacks(inst, fractional) {
      // one model at a time: its shared memory and threads go when the next model comes
      knapsacks?.close();
      // the calling thread solves its share of the knapsacks too
      knapsacks = createSharedSiteKnapsacks(inst, fractional, threads - 1);
      return knapsacks;
    },
    async close() {
      knapsacks?.close();
      knapsacks = null;
      const running = pool;
      pool = null;
      await running?.destroy();
    },
  };
}

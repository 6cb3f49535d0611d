import type { Instance } from './instance.js';
import { knapsackScratch, solveKnapsack, type KnapsackScratch } from './knapsack.js';

/**
 * The Lagrangian subproblem's expensive part: for multipliers u, one knapsack per site over the
 * zones worth u_z − cost > 0 with the site's capacity as room. Sites are independent, so another
 * thread may solve some of them (see `src/threads/site-knapsack-helpers.ts`); the engine only sees
 * this interface.
 */
export interface SiteKnapsacks {
  /**
   * Writes f_i − knapsack profit per site into `siteValue` and the zones each site's knapsack
   * takes into `served`. The lists may be views of memory the next call overwrites (the shared
   * version's are): keep a copy of any that must outlive the step.
   */
  solve(u: Float64Array, siteValue: Float64Array, served: Int32Array[]): void;
}

/** One thread's scratch for solving site knapsacks. */
export interface SiteKnapsackWork {
  profit: Float64Array;
  chosen: Float64Array;
  items: Int32Array;
  knapsack: KnapsackScratch;
}

export function siteKnapsackWork(zones: number): SiteKnapsackWork {
  return { profit: new Float64Array(zones), chosen: new Float64Array(zones), items: new Int32Array(zones), knapsack: knapsackScratch(zones) };
}

/**
 * Solves site i's knapsack for multipliers u: writes f_i − profit into `siteValue[i]` and the zones
 * taken into `taken` from `offset` on, and returns how many it took. `fractional` (multi-source)
 * makes the knapsack continuous; a zone counts as taken when more than half of it is.
 */
export function solveSiteKnapsack(
  inst: Instance,
  u: Float64Array,
  i: number,
  fractional: boolean,
  work: SiteKnapsackWork,
  siteValue: Float64Array,
  taken: Int32Array,
  offset: number,
): number {
  const { sites, zones, cost, demand, capacity, fixed } = inst;
  const { profit, chosen, items } = work;
  let count = 0;
  for (let z = 0; z < zones; z++) {
    const p = u[z] - cost[z * sites + i];
    if (p > 1e-12) {
      profit[z] = p;
      items[count++] = z;
    }
  }
  const value = count > 0 ? solveKnapsack(items, count, profit, demand, capacity[i], chosen, work.knapsack, fractional).value : 0;
  siteValue[i] = fixed[i] - value;
  let n = 0;
  for (let k = 0; k < count; k++) if (chosen[items[k]] > 0.5) taken[offset + n++] = items[k];
  return n;
}

/** Every site's knapsack on the calling thread. */
export function serialSiteKnapsacks(inst: Instance, fractional: boolean): SiteKnapsacks {
  const work = siteKnapsackWork(inst.zones);
  const taken = new Int32Array(inst.zones);
  return {
    solve(u, siteValue, served) {
      for (let i = 0; i < inst.sites; i++) served[i] = taken.slice(0, solveSiteKnapsack(inst, u, i, fractional, work, siteValue, taken, 0));
    },
  };
}

import type { Instance } from './instance.js';
import { knapsackScratch, solveKnapsack, type KnapsackScratch } from './knapsack.js';

/** Per site: must be open, must stay closed, or free for the relaxation to choose. */
export const SITE_OPEN = 1;
export const SITE_CLOSED = 0;
export const SITE_FREE = -1;

export interface SiteChoiceScratch {
  order: number[];
  items: Int32Array;
  profit: Float64Array;
  chosen: Float64Array;
  knapsack: KnapsackScratch;
  /** the aggregate "open capacity covers demand" constraint applies (no cardinality limit, finite capacities) */
  useCover: boolean;
}

export function siteChoiceScratch(inst: Instance): SiteChoiceScratch {
  const anyUnbounded = inst.capacity.some((c) => !Number.isFinite(c));
  const capacitated = inst.kind === 'single-source' || inst.kind === 'multi-source';
  return {
    order: [],
    items: new Int32Array(inst.sites),
    profit: new Float64Array(inst.sites),
    chosen: new Float64Array(inst.sites),
    knapsack: knapsackScratch(inst.sites),
    useCover: capacitated && !anyUnbounded && inst.maxOpen >= inst.sites && inst.minOpen === 0,
  };
}

export interface SiteChoice {
  /** false when the sites forced open exceed the limit, or the sites not forced closed cannot hold the total demand */
  feasible: boolean;
  /** false when some share is fractional (the site knapsack fell back to its LP bound) */
  integral: boolean;
}

/**
 * The Lagrangian subproblem over sites, for site values f_i − knapsack profit: sites that must be
 * open, then the most negative values up to the maximum count (and at least the minimum count);
 * when no cardinality limit applies, further capacity until it covers total demand, keeping
 * closed the sites whose values sum highest (a knapsack over sites). Writes 1 / 0 per site into
 * `share`, or a fraction where the knapsack's LP bound splits a site.
 */
export function chooseOpenSites(inst: Instance, value: Float64Array, status: Int8Array, share: Float64Array, scratch: SiteChoiceScratch): SiteChoice {
  const { sites, capacity } = inst;
  const order = scratch.order;
  order.length = 0;
  let opened = 0;
  for (let i = 0; i < sites; i++) {
    share[i] = 0;
    if (status[i] === SITE_OPEN) {
      share[i] = 1;
      opened++;
    } else if (status[i] === SITE_FREE) order.push(i);
  }
  // sites a branch forced open (or zones forced onto them) may already exceed the limit
  if (opened > inst.maxOpen) return { feasible: false, integral: true };
  order.sort((a, b) => value[a] - value[b] || a - b);
  for (const i of order) {
    if (opened >= inst.maxOpen) break;
    if (value[i] < 0 || opened < inst.minOpen) {
      share[i] = 1;
      opened++;
    }
  }
  if (!scratch.useCover) return { feasible: true, integral: true };
  let openCapacity = 0;
  let closedCapacity = 0;
  let count = 0;
  for (let i = 0; i < sites; i++) {
    if (share[i] === 1) openCapacity += capacity[i];
    else if (status[i] !== SITE_CLOSED) {
      closedCapacity += capacity[i];
      scratch.items[count++] = i;
      scratch.profit[i] = value[i];
    }
  }
  const deficit = inst.totalDemand - openCapacity;
  if (deficit <= 1e-9) return { feasible: true, integral: true };
  if (closedCapacity < deficit - 1e-9) return { feasible: false, integral: true };
  const result = solveKnapsack(scratch.items, count, scratch.profit, capacity, closedCapacity - deficit, scratch.chosen, scratch.knapsack);
  for (let k = 0; k < count; k++) share[scratch.items[k]] = 1 - scratch.chosen[scratch.items[k]];
  return { feasible: true, integral: result.exact };
}

/**
 * 0/1 knapsack, maximising profit. Exact by dynamic programming when weights are integral (after
 * dividing by their common divisor) and the table is small; otherwise the Dantzig LP bound, which
 * is still an upper bound and so keeps a Lagrangian lower bound valid.
 */
const MAX_DP_CELLS = 4_000_000;

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

export interface KnapsackScratch {
  order: Int32Array;
  table: Float64Array;
  take: Uint8Array;
  /** items by profit per weight, and the undecided ones after reduction */
  ranked: Int32Array;
  core: Int32Array;
}

export function knapsackScratch(items: number): KnapsackScratch {
  return { order: new Int32Array(items), table: new Float64Array(1024), take: new Uint8Array(1024), ranked: new Int32Array(items), core: new Int32Array(items) };
}

/** Below this many items the reduction costs more than the dynamic program it shrinks. */
const REDUCE_MIN_ITEMS = 8;

/**
 * Items are given by index lists into `profit`/`weight`. Writes the chosen fraction per item into
 * `chosen` (1 or 0, one item may be fractional on the LP path) and returns the profit bound.
 * `exact` in the return tells whether the value is the integer optimum.
 */
export interface KnapsackResult {
  value: number;
  exact: boolean;
  /** set when the dynamic program ran: scratch.table[c] is the best profit within weight c * divisor */
  divisor?: number;
}

export function solveKnapsack(
  items: Int32Array,
  count: number,
  profit: Float64Array,
  weight: Float64Array,
  capacity: number,
  chosen: Float64Array,
  scratch: KnapsackScratch,
  fractional = false,
  /** fill scratch.table for every capacity (penalty tests need it); otherwise the smaller of two tables is used */
  needTable = false,
): KnapsackResult {
  let totalWeight = 0;
  let totalProfit = 0;
  for (let k = 0; k < count; k++) {
    totalWeight += weight[items[k]];
    totalProfit += profit[items[k]];
  }
  if (totalWeight <= capacity) {
    for (let k = 0; k < count; k++) chosen[items[k]] = 1;
    return { value: totalProfit, exact: true };
  }
  let divisor = 0;
  let integral = !fractional && Number.isFinite(capacity);
  for (let k = 0; k < count && integral; k++) {
    const w = weight[items[k]];
    if (!Number.isInteger(w)) integral = false;
    else divisor = gcd(divisor, w);
  }
  if (integral && divisor > 0) {
    const exact =
      !needTable && count >= REDUCE_MIN_ITEMS
        ? reduceThenSolve(items, count, profit, weight, divisor, capacity, chosen, scratch)
        : integralDynamicProgram(items, count, profit, weight, divisor, capacity, totalWeight, totalProfit, chosen, scratch, needTable);
    if (exact) return exact;
  }
  return dantzigBound(items, count, profit, weight, capacity, chosen, scratch);
}

/** The smaller of the two tables, or null when even that one is too large. */
function integralDynamicProgram(
  items: Int32Array,
  count: number,
  profit: Float64Array,
  weight: Float64Array,
  divisor: number,
  capacity: number,
  totalWeight: number,
  totalProfit: number,
  chosen: Float64Array,
  scratch: KnapsackScratch,
  needTable: boolean,
): KnapsackResult | null {
  const cap = Math.floor(capacity / divisor);
  const excess = Math.round(totalWeight / divisor) - cap;
  if (!needTable && excess < cap && (excess + 1) * (count + 1) <= MAX_DP_CELLS)
    return dropDynamicProgram(items, count, profit, weight, divisor, excess, totalProfit, chosen, scratch);
  if ((cap + 1) * (count + 1) <= MAX_DP_CELLS) return dynamicProgram(items, count, profit, weight, divisor, cap, chosen, scratch);
  return null;
}

/**
 * Dembo–Hammer reduction before the dynamic program. With the items ranked by profit per weight,
 * the LP optimum takes every item before the break item b. Forcing an item against its LP value
 * lowers the LP bound U by at least |p_j - r_b w_j| (r_b = b's ratio), so an item for which that
 * drop exceeds U minus a greedy solution's value is decided: every optimal solution agrees with
 * the LP on it. Only the items with ratios near r_b are left to the table; at the multipliers a
 * subgradient run produces that is usually a small fraction of them.
 */
function reduceThenSolve(
  items: Int32Array,
  count: number,
  profit: Float64Array,
  weight: Float64Array,
  divisor: number,
  capacity: number,
  chosen: Float64Array,
  scratch: KnapsackScratch,
): KnapsackResult | null {
  if (scratch.ranked.length < count) {
    scratch.ranked = new Int32Array(count);
    scratch.core = new Int32Array(count);
  }
  const ranked = scratch.ranked;
  let positive = 0;
  for (let k = 0; k < count; k++) {
    const item = items[k];
    // an item worth nothing never improves a solution
    if (profit[item] > 0) ranked[positive++] = item;
    else chosen[item] = 0;
  }
  const order = ranked.subarray(0, positive);
  order.sort((a, b) => profit[b] * weight[a] - profit[a] * weight[b]);
  let room = capacity;
  let before = 0;
  let b = 0;
  for (; b < positive; b++) {
    const w = weight[order[b]];
    if (w > room) break;
    room -= w;
    before += profit[order[b]];
  }
  if (b === positive) {
    for (let k = 0; k < positive; k++) chosen[order[k]] = 1;
    return { value: before, exact: true };
  }
  const ratio = profit[order[b]] / weight[order[b]];
  const upper = before + room * ratio;
  let greedy = before;
  let left = room;
  for (let k = b + 1; k < positive; k++)
    if (weight[order[k]] <= left) {
      left -= weight[order[k]];
      greedy += profit[order[k]];
    }
  const slack = upper - greedy + 1e-9 * Math.max(1, Math.abs(upper));
  const core = scratch.core;
  let coreCount = 0;
  let coreWeight = 0;
  let coreProfit = 0;
  let fixedProfit = 0;
  let coreCapacity = capacity;
  for (let k = 0; k < positive; k++) {
    const item = order[k];
    const w = weight[item];
    const p = profit[item];
    if (k < b && p - ratio * w > slack) {
      chosen[item] = 1;
      fixedProfit += p;
      coreCapacity -= w;
    } else if (k >= b && (w > capacity || ratio * w - p > slack)) chosen[item] = 0;
    else {
      core[coreCount++] = item;
      coreWeight += w;
      coreProfit += p;
    }
  }
  if (coreWeight <= coreCapacity) {
    for (let k = 0; k < coreCount; k++) chosen[core[k]] = 1;
    return { value: fixedProfit + coreProfit, exact: true };
  }
  const solved = integralDynamicProgram(core, coreCount, profit, weight, divisor, coreCapacity, coreWeight, coreProfit, chosen, scratch, false);
  return solved ? { value: fixedProfit + solved.value, exact: true } : null;
}

function dynamicProgram(
  items: Int32Array,
  count: number,
  profit: Float64Array,
  weight: Float64Array,
  divisor: number,
  cap: number,
  chosen: Float64Array,
  scratch: KnapsackScratch,
): KnapsackResult {
  if (scratch.table.length < cap + 1) scratch.table = new Float64Array(Math.max(cap + 1, scratch.table.length * 2));
  const cells = (cap + 1) * count;
  if (scratch.take.length < cells) scratch.take = new Uint8Array(Math.max(cells, scratch.take.length * 2));
  if (scratch.order.length < count) scratch.order = new Int32Array(Math.max(count, scratch.order.length * 2));
  const best = scratch.table;
  const take = scratch.take;
  // prefix[k]: weight of items 0..k. Up to that weight every item so far fits, so the table is
  // only filled to min(cap, prefix) — the Lagrangian subproblems are mostly far below capacity.
  const prefix = scratch.order;
  best[0] = 0;
  let reach = 0;
  let reachProfit = 0;
  for (let k = 0; k < count; k++) {
    const item = items[k];
    const w = (weight[item] / divisor) | 0;
    const p = profit[item];
    const hi = Math.min(cap, reach + w);
    for (let c = reach + 1; c <= hi; c++) best[c] = reachProfit;
    const row = k * (cap + 1);
    for (let c = hi; c >= w; c--) {
      const candidate = best[c - w] + p;
      if (candidate > best[c]) {
        best[c] = candidate;
        take[row + c] = 1;
      } else take[row + c] = 0;
    }
    reach = hi;
    reachProfit = best[hi];
    prefix[k] = k === 0 ? w : prefix[k - 1] + w;
  }
  for (let c = reach + 1; c <= cap; c++) best[c] = reachProfit;
  const value = best[cap];
  let c = cap;
  for (let k = count - 1; k >= 0; k--) {
    const item = items[k];
    if (c >= prefix[k]) {
      for (let j = 0; j <= k; j++) chosen[items[j]] = 1;
      break;
    }
    const w = (weight[item] / divisor) | 0;
    if (c >= w && take[k * (cap + 1) + c]) {
      chosen[item] = 1;
      c -= w;
    } else chosen[item] = 0;
  }
  return { value, exact: true, divisor };
}

/**
 * The same optimum seen from the other side: the cheapest set of items to leave out so that the
 * rest fits, i.e. weight left out >= excess. When the items overflow the capacity only slightly
 * (the usual Lagrangian case) this table is a fraction of the size of the direct one.
 */
function dropDynamicProgram(
  items: Int32Array,
  count: number,
  profit: Float64Array,
  weight: Float64Array,
  divisor: number,
  excess: number,
  totalProfit: number,
  chosen: Float64Array,
  scratch: KnapsackScratch,
): KnapsackResult {
  if (scratch.table.length < excess + 1) scratch.table = new Float64Array(Math.max(excess + 1, scratch.table.length * 2));
  const cells = (excess + 1) * count;
  if (scratch.take.length < cells) scratch.take = new Uint8Array(Math.max(cells, scratch.take.length * 2));
  const lost = scratch.table;
  const take = scratch.take;
  lost[0] = 0;
  lost.fill(Infinity, 1, excess + 1);
  for (let k = 0; k < count; k++) {
    const item = items[k];
    const w = (weight[item] / divisor) | 0;
    const p = profit[item];
    const row = k * (excess + 1);
    // written without branches on the comparison: its outcome is unpredictable
    for (let e = excess; e > w; e--) {
      const candidate = lost[e - w] + p;
      const current = lost[e];
      const better = candidate < current;
      lost[e] = better ? candidate : current;
      take[row + e] = better ? 1 : 0;
    }
    for (let e = Math.min(w, excess); e >= 1; e--) {
      const current = lost[e];
      const better = p < current;
      lost[e] = better ? p : current;
      take[row + e] = better ? 1 : 0;
    }
  }
  const value = totalProfit - lost[excess];
  let e = excess;
  for (let k = count - 1; k >= 0; k--) {
    const item = items[k];
    if (e > 0 && take[k * (excess + 1) + e]) {
      chosen[item] = 0;
      const w = (weight[item] / divisor) | 0;
      e = e > w ? e - w : 0;
    } else chosen[item] = 1;
  }
  return { value, exact: true };
}

function dantzigBound(
  items: Int32Array,
  count: number,
  profit: Float64Array,
  weight: Float64Array,
  capacity: number,
  chosen: Float64Array,
  scratch: KnapsackScratch,
): KnapsackResult {
  if (scratch.order.length < count) scratch.order = new Int32Array(count);
  const order = Array.from(items.subarray(0, count));
  order.sort((a, b) => profit[b] * weight[a] - profit[a] * weight[b]);
  let room = capacity;
  let value = 0;
  for (const item of order) {
    const w = weight[item];
    if (w <= room) {
      chosen[item] = 1;
      room -= w;
      value += profit[item];
    } else if (room > 0) {
      const share = room / w;
      chosen[item] = share;
      value += profit[item] * share;
      room = 0;
    } else chosen[item] = 0;
  }
  return { value, exact: false };
}

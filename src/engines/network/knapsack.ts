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
  /** the search's current and best choice per core item */
  path: Uint8Array;
  bestPath: Uint8Array;
  /** profit per weight of `ranked`'s items, kept in step with them while sorting */
  ratio: Float64Array;
}

export function knapsackScratch(items: number): KnapsackScratch {
  return {
    order: new Int32Array(items),
    table: new Float64Array(1024),
    take: new Uint8Array(1024),
    ranked: new Int32Array(items),
    core: new Int32Array(items),
    path: new Uint8Array(items),
    bestPath: new Uint8Array(items),
    ratio: new Float64Array(items),
  };
}

/** The scratch arrays sized for `count` items; returns `scratch.ranked` for the caller to fill. */
function roomFor(scratch: KnapsackScratch, count: number): Int32Array {
  if (scratch.ranked.length < count) {
    scratch.ranked = new Int32Array(count);
    scratch.core = new Int32Array(count);
    scratch.path = new Uint8Array(count);
    scratch.bestPath = new Uint8Array(count);
    scratch.ratio = new Float64Array(count);
  }
  return scratch.ranked;
}

/** Sorts the first `count` items of `scratch.ranked` by profit per weight, highest first. */
function rankByRatio(count: number, profit: Float64Array, weight: Float64Array, scratch: KnapsackScratch): Int32Array {
  const order = scratch.ranked.subarray(0, count);
  for (let k = 0; k < count; k++) {
    const p = profit[order[k]];
    const w = weight[order[k]];
    // an item that weighs nothing comes first when it is worth something, and last when it costs
    scratch.ratio[k] = w > 0 ? p / w : p > 0 ? Infinity : p < 0 ? -Infinity : 0;
  }
  sortByRatio(order, scratch.ratio, 0, count - 1);
  return order;
}

/**
 * Sorts items[lo..hi] by ratio, highest first, moving the ratios with them (ties by item index).
 * A comparator passed to the typed array's sort is called through a function per comparison,
 * which made the sort the largest single cost of the subgradient's knapsacks.
 */
function sortByRatio(items: Int32Array, ratio: Float64Array, lo: number, hi: number): void {
  while (hi - lo > 16) {
    const mid = (lo + hi) >>> 1;
    // median of three as pivot
    if (ranksAhead(ratio, items, mid, lo)) swap(items, ratio, mid, lo);
    if (ranksAhead(ratio, items, hi, lo)) swap(items, ratio, hi, lo);
    if (ranksAhead(ratio, items, hi, mid)) swap(items, ratio, hi, mid);
    const pivotRatio = ratio[mid];
    const pivotItem = items[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (ratio[i] > pivotRatio || (ratio[i] === pivotRatio && items[i] < pivotItem)) i++;
      while (ratio[j] < pivotRatio || (ratio[j] === pivotRatio && items[j] > pivotItem)) j--;
      if (i <= j) swap(items, ratio, i++, j--);
    }
    // recurse into the smaller side, loop on the larger: the stack stays logarithmic
    if (j - lo < hi - i) {
      sortByRatio(items, ratio, lo, j);
      lo = i;
    } else {
      sortByRatio(items, ratio, i, hi);
      hi = j;
    }
  }
  for (let k = lo + 1; k <= hi; k++) {
    const item = items[k];
    const r = ratio[k];
    let at = k;
    while (at > lo && (ratio[at - 1] < r || (ratio[at - 1] === r && items[at - 1] > item))) {
      items[at] = items[at - 1];
      ratio[at] = ratio[at - 1];
      at--;
    }
    items[at] = item;
    ratio[at] = r;
  }
}

/** Whether position a belongs before position b: higher ratio, then lower item index. */
function ranksAhead(ratio: Float64Array, items: Int32Array, a: number, b: number): boolean {
  return ratio[a] > ratio[b] || (ratio[a] === ratio[b] && items[a] < items[b]);
}

function swap(items: Int32Array, ratio: Float64Array, a: number, b: number): void {
  const item = items[a];
  items[a] = items[b];
  items[b] = item;
  const r = ratio[a];
  ratio[a] = ratio[b];
  ratio[b] = r;
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
  const ranked = roomFor(scratch, count);
  let positive = 0;
  for (let k = 0; k < count; k++) {
    const item = items[k];
    // an item worth nothing never improves a solution
    if (profit[item] > 0) ranked[positive++] = item;
    else chosen[item] = 0;
  }
  const order = rankByRatio(positive, profit, weight, scratch);
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
  // the table's cells against a search over the core: a few dozen items with room for
  // thousands of units (sites covering demand) are settled by the search in a few hundred nodes
  const cap = Math.floor(coreCapacity / divisor);
  const cells = (Math.min(cap, Math.round(coreWeight / divisor) - cap) + 1) * (coreCount + 1);
  if (cells > (coreCount + 1) * BRANCH_MIN_ROW) {
    const searched = branchAndBoundCore(core, coreCount, profit, weight, coreCapacity, chosen, scratch, cells / BRANCH_NODE_CELLS);
    if (searched !== null) return { value: fixedProfit + searched, exact: true };
  }
  const solved = integralDynamicProgram(core, coreCount, profit, weight, divisor, coreCapacity, coreWeight, coreProfit, chosen, scratch, false);
  return solved ? { value: fixedProfit + solved.value, exact: true } : null;
}

/**
 * Tables narrower than this (units of capacity per item) go straight to the dynamic program: there
 * the items are many for their room, ratios crowd around the break item and a search rarely ends
 * within its node budget (on regions of a 500 x 2,000 model six in ten gave up; on wider tables
 * three in a thousand).
 */
const BRANCH_MIN_ROW = 512;
/** Table cells one search node may cost before the table would have been cheaper. */
const BRANCH_NODE_CELLS = 8;

/**
 * Depth-first search over items ranked by profit per weight (Horowitz–Sahni): take items while
 * they fit, bound the rest by the Dantzig LP, and backtrack on the last item taken when the bound
 * cannot beat the best found. Gives up (null) after `maxNodes` bounds, leaving the problem to the
 * table.
 */
function branchAndBoundCore(
  items: Int32Array,
  count: number,
  profit: Float64Array,
  weight: Float64Array,
  capacity: number,
  chosen: Float64Array,
  scratch: KnapsackScratch,
  maxNodes: number,
): number | null {
  const path = scratch.path;
  const bestPath = scratch.bestPath;
  // the greedy solution is the first incumbent, so that ties keep it
  let best = 0;
  let room = capacity;
  for (let k = 0; k < count; k++) {
    const w = weight[items[k]];
    bestPath[k] = w <= room ? 1 : 0;
    if (bestPath[k]) {
      room -= w;
      best += profit[items[k]];
    }
  }
  const tolerance = 1e-12 * Math.max(1, Math.abs(best));
  let value = 0;
  room = capacity;
  let next = 0;
  for (let nodes = 0; ; nodes++) {
    if (nodes > maxNodes) return null;
    // the LP bound of the items from `next` on
    let taken = value;
    let left = room;
    let stop = next;
    while (stop < count && weight[items[stop]] <= left) {
      left -= weight[items[stop]];
      taken += profit[items[stop]];
      stop++;
    }
    const bound = stop < count ? taken + (left * profit[items[stop]]) / weight[items[stop]] : taken;
    if (bound > best + tolerance) {
      for (let k = next; k < stop; k++) path[k] = 1;
      value = taken;
      room = left;
      if (stop < count) path[stop] = 0;
      if (value > best + tolerance) {
        best = value;
        for (let k = 0; k < count; k++) bestPath[k] = k < stop ? path[k] : 0;
      }
      if (stop + 1 < count) {
        next = stop + 1;
        continue;
      }
      next = count;
    }
    // backtrack: leave out the last item taken and decide the ones after it again
    let last = Math.min(next, count) - 1;
    while (last >= 0 && !path[last]) last--;
    if (last < 0) break;
    path[last] = 0;
    room += weight[items[last]];
    value -= profit[items[last]];
    next = last + 1;
  }
  for (let k = 0; k < count; k++) chosen[items[k]] = bestPath[k];
  // the value the path sums to, not the running total that rounding errors have touched
  let total = 0;
  for (let k = 0; k < count; k++) if (bestPath[k]) total += profit[items[k]];
  return total;
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
  roomFor(scratch, count).set(items.subarray(0, count));
  const order = rankByRatio(count, profit, weight, scratch);
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

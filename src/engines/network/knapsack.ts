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
}

export function knapsackScratch(items: number): KnapsackScratch {
  return { order: new Int32Array(items), table: new Float64Array(1024), take: new Uint8Array(1024) };
}

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
    const cap = Math.floor(capacity / divisor);
    const cells = (cap + 1) * (count + 1);
    if (cells <= MAX_DP_CELLS) return dynamicProgram(items, count, profit, weight, divisor, cap, chosen, scratch);
  }
  return dantzigBound(items, count, profit, weight, capacity, chosen, scratch);
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
  const best = scratch.table;
  const take = scratch.take;
  best.fill(0, 0, cap + 1);
  for (let k = 0; k < count; k++) {
    const item = items[k];
    const w = weight[item] / divisor;
    const p = profit[item];
    const row = k * (cap + 1);
    take.fill(0, row, row + cap + 1);
    for (let c = cap; c >= w; c--) {
      const candidate = best[c - w] + p;
      if (candidate > best[c]) {
        best[c] = candidate;
        take[row + c] = 1;
      }
    }
  }
  const value = best[cap];
  let c = cap;
  for (let k = count - 1; k >= 0; k--) {
    const item = items[k];
    if (take[k * (cap + 1) + c]) {
      chosen[item] = 1;
      c -= weight[item] / divisor;
    } else chosen[item] = 0;
  }
  return { value, exact: true, divisor };
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

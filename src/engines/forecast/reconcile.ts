/**
 * Bottom-up reconciliation: forecasts for categories, regions and the total are the sums of the
 * SKU-level forecasts, so every level of the plan adds up. Interval widths of an aggregate assume
 * independent SKU errors (they add in quadrature), which understates them when SKUs move together.
 */
import { ForecastInputError } from './types.js';

const Z80 = 1.2815515655446004;
const Z95 = 1.959963984540054;

export interface SeriesForecast {
  point: number[];
  upper95: number[];
}

export interface ReconcileItem {
  id: string;
  /** Aggregates this series belongs to, e.g. ["category:shoes", "region:EU", "channel:web"]. */
  groups: string[];
  forecast: SeriesForecast;
}

export interface AggregateForecast {
  group: string;
  /** Ids of the bottom-level series summed into this aggregate. */
  members: string[];
  point: number[];
  lower80: number[];
  upper80: number[];
  lower95: number[];
  upper95: number[];
}

export interface Reconciliation {
  total: AggregateForecast;
  groups: AggregateForecast[];
}

export const TOTAL_GROUP = 'total';

export function reconcileBottomUp(items: ReconcileItem[], options: { nonNegative?: boolean } = {}): Reconciliation {
  if (items.length === 0) throw new ForecastInputError('nothing to reconcile');
  const horizon = items[0].forecast.point.length;
  const floor = options.nonNegative ?? true ? 0 : -Infinity;
  const sums = new Map<string, { members: string[]; point: Float64Array; variance: Float64Array }>();
  const add = (group: string, item: ReconcileItem) => {
    let entry = sums.get(group);
    if (!entry) sums.set(group, (entry = { members: [], point: new Float64Array(horizon), variance: new Float64Array(horizon) }));
    entry.members.push(item.id);
    for (let h = 0; h < horizon; h++) {
      const p = item.forecast.point[h];
      const sd = Math.max(0, (item.forecast.upper95[h] - p) / Z95);
      entry.point[h] += p;
      entry.variance[h] += sd * sd;
    }
  };
  for (const item of items) {
    if (item.forecast.point.length !== horizon || item.forecast.upper95.length !== horizon)
      throw new ForecastInputError(`series ${item.id} has a horizon different from ${horizon}`);
    add(TOTAL_GROUP, item);
    for (const group of new Set(item.groups)) if (group !== TOTAL_GROUP) add(group, item);
  }
  const build = (group: string): AggregateForecast => {
    const e = sums.get(group)!;
    const point = Array.from(e.point);
    const sd = Array.from(e.variance, (v) => Math.sqrt(v));
    return {
      group,
      members: e.members,
      point,
      lower80: point.map((p, h) => Math.max(floor, p - Z80 * sd[h])),
      upper80: point.map((p, h) => p + Z80 * sd[h]),
      lower95: point.map((p, h) => Math.max(floor, p - Z95 * sd[h])),
      upper95: point.map((p, h) => p + Z95 * sd[h]),
    };
  };
  return { total: build(TOTAL_GROUP), groups: [...sums.keys()].filter((g) => g !== TOTAL_GROUP).sort().map(build) };
}

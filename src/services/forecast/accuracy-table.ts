/**
 * The accuracy table: each backtest fold of our forecast next to seasonal naive on the same
 * origins. Aggregates are scored on the sums of their members' fold forecasts, because the
 * forecast a planner gets for a category is that bottom-up sum, not a separate model.
 */
import { intervalCoverage, mase, reconcileBottomUp, relativeBias, rmsse, smape, TOTAL_GROUP } from '../../engines/forecast/index.js';
import type { AccuracyMetrics, SeriesAccuracy } from './schema.js';

const Z80 = 1.2815515655446004;
const Z95 = 1.959963984540054;

export interface FoldForecast {
  point: number[];
  lower80: number[];
  upper80: number[];
  lower95: number[];
  upper95: number[];
}

/**
 * Same day last week. It is the benchmark a forecast must beat to be worth having; its interval
 * widens with each further week as the spread of the history's own week-on-week changes.
 */
export function seasonalNaive(y: ArrayLike<number>, origin: number, horizon: number, period = 7): FoldForecast {
  const m = origin > period ? period : 1;
  let ss = 0;
  let count = 0;
  for (let t = m; t < origin; t++) {
    ss += (y[t] - y[t - m]) ** 2;
    count++;
  }
  const sigma = count ? Math.sqrt(ss / count) : 0;
  const f: FoldForecast = { point: [], lower80: [], upper80: [], lower95: [], upper95: [] };
  for (let h = 0; h < horizon; h++) {
    const p = Math.max(0, y[origin - m + (h % m)]);
    const sd = sigma * Math.sqrt(Math.floor(h / m) + 1);
    f.point.push(p);
    f.lower80.push(Math.max(0, p - Z80 * sd));
    f.upper80.push(p + Z80 * sd);
    f.lower95.push(Math.max(0, p - Z95 * sd));
    f.upper95.push(p + Z95 * sd);
  }
  return f;
}

export function scoreFold(history: ArrayLike<number>, actual: number[], f: FoldForecast, period: number): AccuracyMetrics {
  return {
    mase: mase(history, actual, f.point, period),
    smape: smape(actual, f.point),
    rmsse: rmsse(history, actual, f.point),
    bias: relativeBias(actual, f.point),
    coverage80: intervalCoverage(actual, f.lower80, f.upper80),
    coverage95: intervalCoverage(actual, f.lower95, f.upper95),
  };
}

const KEYS: (keyof AccuracyMetrics)[] = ['mase', 'smape', 'rmsse', 'bias', 'coverage80', 'coverage95'];

/** Mean of each measure; non-finite values (which the engine should never give) are left out. */
export function meanMetrics(list: AccuracyMetrics[]): AccuracyMetrics {
  const out = {} as AccuracyMetrics;
  for (const k of KEYS) {
    let s = 0;
    let c = 0;
    for (const m of list) if (Number.isFinite(m[k])) { s += m[k]; c++; }
    out[k] = c ? s / c : 0;
  }
  return out;
}

export function meanAccuracy(list: SeriesAccuracy[]): SeriesAccuracy | null {
  if (!list.length) return null;
  return {
    model: meanMetrics(list.map((a) => a.model)),
    seasonalNaive: meanMetrics(list.map((a) => a.seasonalNaive)),
    folds: Math.max(...list.map((a) => a.folds)),
  };
}

/** One bottom series' folds, indexed by slot (0 = the latest test window). */
export interface BottomFolds {
  id: string;
  groups: string[];
  model: Map<number, FoldForecast>;
  naive: Map<number, FoldForecast>;
}

/**
 * Scores every aggregate on each slot: members without a fold in a slot (not sold yet at that
 * origin) forecast zero there. `actualOf(group)` gives the aggregate's full daily history.
 */
export function aggregateAccuracy(
  bottoms: BottomFolds[], slots: { slot: number; origin: number }[], horizon: number, period: number,
  groups: string[], actualOf: (group: string) => Float64Array,
): Map<string, SeriesAccuracy> {
  const scores = new Map<string, { model: AccuracyMetrics[]; naive: AccuracyMetrics[] }>();
  for (const g of groups) scores.set(g, { model: [], naive: [] });
  for (const { slot, origin } of slots) {
    const pick = (which: 'model' | 'naive') => bottoms.filter((b) => b[which].has(slot)).map((b) => ({ id: b.id, groups: b.groups, forecast: b[which].get(slot)! }));
    const modelItems = pick('model');
    const naiveItems = pick('naive');
    if (!modelItems.length) continue;
    const rm = reconcileBottomUp(modelItems);
    const rn = naiveItems.length ? reconcileBottomUp(naiveItems) : null;
    const zero = (): FoldForecast => ({ point: Array(horizon).fill(0), lower80: Array(horizon).fill(0), upper80: Array(horizon).fill(0), lower95: Array(horizon).fill(0), upper95: Array(horizon).fill(0) });
    const find = (r: typeof rm | null, g: string): FoldForecast => (r ? (g === TOTAL_GROUP ? r.total : r.groups.find((x) => x.group === g)) ?? zero() : zero());
    for (const g of groups) {
      const full = actualOf(g);
      const history = full.subarray(0, origin);
      const actual = Array.from(full.subarray(origin, origin + horizon));
      const s = scores.get(g)!;
      s.model.push(scoreFold(history, actual, find(rm, g), period));
      s.naive.push(scoreFold(history, actual, find(rn, g), period));
    }
  }
  const out = new Map<string, SeriesAccuracy>();
  for (const [g, s] of scores) if (s.model.length) out.set(g, { model: meanMetrics(s.model), seasonalNaive: meanMetrics(s.naive), folds: s.model.length });
  return out;
}

/**
 * Multiple seasonality (e.g. hour-of-day and hour-of-week, or day-of-week and day-of-year):
 * an MSTL-style backfitting decomposition with moving-average trends, then a non-seasonal ETS on
 * the seasonally adjusted series and the seasonal patterns added back. Working in logs when the
 * series is positive turns multiplicative patterns (traffic that scales with the level) additive.
 */
import { autoEts, forecastEts, type EtsSpec } from './ets.js';
import { seasonalIndices } from './seasonality.js';

export interface MultiSeasonalOptions {
  periods: number[];
  /** Estimate each pattern from at most this many recent cycles of it (drifting seasonality). */
  recentCycles?: number;
  logScale: boolean;
}

export interface MultiSeasonalDecomposition {
  /** Seasonal pattern per period, indexed by phase (time mod period). */
  patterns: Float64Array[];
  adjusted: Float64Array;
}

export function decompose(y: Float64Array, periods: number[], recentCycles = Infinity, sweeps = 2): MultiSeasonalDecomposition {
  const n = y.length;
  const sorted = [...periods].sort((a, b) => a - b);
  const patterns: Float64Array[] = sorted.map((p) => new Float64Array(p));
  const work = new Float64Array(n);
  for (let sweep = 0; sweep < sweeps; sweep++) {
    for (let i = 0; i < sorted.length; i++) {
      for (let t = 0; t < n; t++) {
        let v = y[t];
        for (let j = 0; j < sorted.length; j++) if (j !== i) v -= patterns[j][t % sorted[j]];
        work[t] = v;
      }
      // the window spans the same time for every period: `recentCycles` of the longest one
      const cycles = recentCycles * Math.floor(sorted[sorted.length - 1] / sorted[i]);
      patterns[i] = seasonalIndices(work, sorted[i], false, cycles);
    }
  }
  const adjusted = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    let v = y[t];
    for (let j = 0; j < sorted.length; j++) v -= patterns[j][t % sorted[j]];
    adjusted[t] = v;
  }
  return { patterns: sortedBack(patterns, sorted, periods), adjusted };
}

function sortedBack(patterns: Float64Array[], sorted: number[], periods: number[]): Float64Array[] {
  return periods.map((p) => patterns[sorted.indexOf(p)]);
}

const trendSpecs: EtsSpec[] = [
  { error: 'A', trend: 'N', season: 'N', period: 1 },
  { error: 'A', trend: 'Ad', season: 'N', period: 1 },
];

export function multiSeasonalForecast(
  y: Float64Array,
  horizon: number,
  options: MultiSeasonalOptions,
): { point: Float64Array; sd: Float64Array } | null {
  const n = y.length;
  const periods = options.periods.filter((p) => p > 1 && n >= 2 * p);
  if (periods.length === 0) return null;
  const series = options.logScale ? y.map((v) => Math.log(v)) : y;
  if (options.logScale && !series.every(Number.isFinite)) return null;
  const { patterns, adjusted } = decompose(series, periods, options.recentCycles);
  const fit = autoEts(adjusted, 1, trendSpecs, 150);
  if (!fit) return null;
  const base = forecastEts(fit, horizon);
  const point = new Float64Array(horizon);
  const sd = new Float64Array(horizon);
  for (let h = 0; h < horizon; h++) {
    let v = base.point[h];
    for (let j = 0; j < periods.length; j++) v += patterns[j][(n + h) % periods[j]];
    point[h] = options.logScale ? Math.exp(v) : v;
    sd[h] = options.logScale ? point[h] * base.sd[h] : base.sd[h];
  }
  return { point, sd };
}

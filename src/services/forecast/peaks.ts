/**
 * Peaks a planner should see coming: days where the history or the forecast stands far above the
 * usual level of the weeks around it (Black Friday, a promotion, a stock-out's catch-up).
 */
import type { Peak } from './schema.js';

const DAY_MS = 86_400_000;
/** Days on each side whose median is "the usual level". */
const RADIUS = 14;
/** A past day must be this many times the usual level... */
const HISTORY_RATIO = 2;
/** ...and this many Poisson standard deviations above it, so slow movers' noise is not a peak. */
const HISTORY_Z = 3;
/** Forecasts are expectations, already smooth: a smaller uplift is a real peak. */
const FORECAST_RATIO = 1.3;
/** Below this usual level (units per day) a ratio says little. */
const MIN_USUAL = 1;
const LOOKBACK_DAYS = 365;
const MAX_PEAKS = 5;
/** Peaks ahead matter more than those behind: they are kept besides the MAX_PEAKS past ones. */
const MAX_FORECAST_PEAKS = 3;

function median(values: number[]): number {
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

/**
 * `values` holds the history (n days from `startMs`, NaN before the series existed) followed by the
 * point forecast. Returns the most pronounced past and coming peaks, in date order.
 */
export function findPeaks(values: ArrayLike<number>, n: number, startMs: number, eventOn: Map<number, string>): Peak[] {
  const candidates: Peak[] = [];
  const indexes: number[] = [];
  const window: number[] = [];
  for (let i = Math.max(0, n - LOOKBACK_DAYS); i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v) || v <= 0) continue;
    window.length = 0;
    for (let j = Math.max(0, i - RADIUS); j <= Math.min(values.length - 1, i + RADIUS); j++)
      if (j !== i && Number.isFinite(values[j])) window.push(values[j]);
    if (window.length < RADIUS) continue;
    const usual = median(window);
    if (usual < MIN_USUAL) continue;
    const ratio = v / usual;
    const forecast = i >= n;
    if (forecast ? ratio < FORECAST_RATIO : ratio < HISTORY_RATIO || v - usual < HISTORY_Z * Math.sqrt(usual)) continue;
    candidates.push({
      date: new Date(startMs + i * DAY_MS).toISOString().slice(0, 10), kind: forecast ? 'forecast' : 'history',
      units: Math.round(v * 10) / 10, usual: Math.round(usual * 10) / 10, ratio: Math.round(ratio * 100) / 100, event: eventOn.get(i) ?? null,
    });
    indexes.push(i);
  }
  // The highest days first, leaving out the shoulders of a peak already kept.
  const order = candidates.map((_, k) => k).sort((a, b) => candidates[b].ratio - candidates[a].ratio);
  const kept: number[] = [];
  let past = 0;
  let ahead = 0;
  for (const k of order) {
    const forecast = candidates[k].kind === 'forecast';
    if (forecast ? ahead >= MAX_FORECAST_PEAKS : past >= MAX_PEAKS) continue;
    if (kept.some((q) => Math.abs(indexes[q] - indexes[k]) <= 2)) continue;
    kept.push(k);
    if (forecast) ahead++;
    else past++;
  }
  return kept.sort((a, b) => indexes[a] - indexes[b]).map((k) => candidates[k]);
}

/**
 * Rolling-origin backtest: forecast from several past origins with the same automatic procedure
 * and compare with what actually happened, so planners see how far to trust the forecast.
 */
import { Deadline } from '../control.js';
import { intervalCoverage, mase, relativeBias, rmsse, smape } from './accuracy.js';
import { cleanSeries } from './clean.js';
import { validateEvents } from './events.js';
import { forecastWithDeadline, validateOptions, validateValues } from './forecast.js';
import { ForecastInputError, type ForecastFlag, type ForecastOptions } from './types.js';

export interface BacktestOptions extends ForecastOptions {
  /** Number of forecast origins (default 3). */
  origins?: number;
  /** Periods between consecutive origins (default: the horizon, so test windows do not overlap). */
  step?: number;
}

export interface AccuracySummary {
  mase: number;
  smape: number;
  rmsse: number;
  /** (forecast − actual) / |actual| summed over the window: positive means over-forecasting. */
  bias: number;
  coverage80: number;
  coverage95: number;
}

export interface BacktestFold extends AccuracySummary {
  /** Number of observations before the origin. */
  origin: number;
  model: string;
  actual: number[];
  point: number[];
  lower80: number[];
  upper80: number[];
  lower95: number[];
  upper95: number[];
}

export interface BacktestResult {
  folds: BacktestFold[];
  /** Means over the folds. */
  summary: AccuracySummary;
  flags: ForecastFlag[];
}

export function backtestSeries(values: ArrayLike<number>, options: BacktestOptions): BacktestResult {
  validateOptions(options);
  validateValues(values);
  const { horizon } = options;
  const origins = options.origins ?? 3;
  const step = options.step ?? horizon;
  if (!Number.isInteger(origins) || origins < 1) throw new ForecastInputError(`origins must be a positive integer, got ${origins}`);
  if (!Number.isInteger(step) || step < 1) throw new ForecastInputError(`step must be a positive integer, got ${step}`);
  if (options.events) validateEvents(options.events, values.length, horizon);
  const { values: y, flags, dropped } = cleanSeries(values, options.nonNegative ?? true);
  const period = (options.seasonalPeriods ?? []).filter((p) => p > 1).sort((a, b) => a - b)[0] ?? 1;
  const deadline = new Deadline(options, 30_000);
  const folds: BacktestFold[] = [];
  for (let k = origins - 1; k >= 0; k--) {
    const origin = y.length - horizon - k * step;
    if (origin < 2) continue;
    const history = y.subarray(0, origin);
    const actual = Array.from(y.subarray(origin, origin + horizon));
    // events are indexed on the raw values; each fold sees the past ones as history and the ones
    // inside its test window as future steps
    const events = options.events?.map((e) => ({
      name: e.name,
      history: e.history.map((p) => p - dropped).filter((p) => p >= 0 && p < origin),
      future: e.history.map((p) => p - dropped - origin).filter((p) => p >= 0 && p < horizon),
    }));
    const r = forecastWithDeadline(history, { ...options, events }, deadline);
    for (const f of r.flags) if (!flags.includes(f)) flags.push(f);
    folds.push({
      origin,
      model: r.model,
      actual,
      point: r.point,
      lower80: r.lower80,
      upper80: r.upper80,
      lower95: r.lower95,
      upper95: r.upper95,
      mase: mase(history, actual, r.point, period),
      smape: smape(actual, r.point),
      rmsse: rmsse(history, actual, r.point),
      bias: relativeBias(actual, r.point),
      coverage80: intervalCoverage(actual, r.lower80, r.upper80),
      coverage95: intervalCoverage(actual, r.lower95, r.upper95),
    });
  }
  if (folds.length === 0) throw new ForecastInputError(`history of ${y.length} points is too short to backtest a horizon of ${horizon}`);
  const mean = (key: keyof AccuracySummary) => folds.reduce((s, f) => s + f[key], 0) / folds.length;
  return {
    folds,
    summary: {
      mase: mean('mase'),
      smape: mean('smape'),
      rmsse: mean('rmsse'),
      bias: mean('bias'),
      coverage80: mean('coverage80'),
      coverage95: mean('coverage95'),
    },
    flags,
  };
}

/** Runs the engine and the naive baselines over a benchmark dataset and scores them. */
import { forecastSeries } from '../../src/engines/forecast/forecast.js';
import type { ForecastResult } from '../../src/engines/forecast/types.js';
import { seasonalPeriodsFor, type SamplingFrequency } from '../../src/engines/forecast/calendar.js';
import type { BenchDataset } from './datasets.js';
import { coverage, mase, relativeBias, rmsse, smape } from './metrics.js';

export interface MethodScore {
  method: string;
  mase: number;
  smape: number;
  rmsse: number;
  /** Mean relative bias (forecast − actual) / |actual|. */
  bias: number;
  coverage80?: number;
  coverage95?: number;
  /** Wall-clock seconds for the whole dataset. */
  seconds: number;
  /** CPU seconds of this process for the whole dataset (less sensitive to a busy machine). */
  cpuSeconds?: number;
}

export interface Reference {
  method: string;
  mase?: number;
  smape?: number;
  note?: string;
}

export interface BenchReport {
  dataset: string;
  series: number;
  horizon: number;
  /** Season used for MASE scaling and seasonal naive. */
  season: number;
  /** Seasonal periods handed to the engine. */
  enginePeriods: number[];
  methods: MethodScore[];
  references: Reference[];
  /** Forecasts that failed the independent checks (length, finiteness, ordered intervals). */
  invalid: string[];
  /** Models chosen by the engine, with how many series each. */
  chosenModels: Record<string, number>;
  flags: Record<string, number>;
}

const defaultSeasons: Record<string, number> = { hourly: 24, daily: 7, weekly: 1, monthly: 12, quarterly: 4, yearly: 1, half_hourly: 48 };

export function defaultSeason(frequency: string): number {
  return defaultSeasons[frequency] ?? 1;
}

/**
 * Periods handed to the engine: the frequency's natural cycles when the scoring season is the
 * usual one for that frequency (M4 scores weekly data with m = 1, yet weekly sales still follow
 * the year), otherwise just the requested season.
 */
export function enginePeriods(frequency: string, season: number, historyLength: number): number[] {
  const known = ['hourly', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly'];
  if (known.includes(frequency) && season === defaultSeason(frequency)) return seasonalPeriodsFor(frequency as SamplingFrequency, historyLength);
  return season > 1 ? [season] : [];
}

export const references: Record<string, Reference[]> = {
  'M4-Weekly': [
    { method: 'Naive2 (M4 official)', mase: 2.777, smape: 9.161 },
    { method: 'AutoETS', mase: 2.55 },
    { method: 'best statistical (AutoARIMA)', mase: 2.34 },
  ],
  'M4-Hourly': [
    { method: 'Naive2 (M4 official)', mase: 2.395, smape: 18.383 },
    { method: 'best statistical (AutoARIMA)', mase: 0.92 },
  ],
  'M5-slice': [
    { method: 'sNaive (whole M5, WRMSSE)', note: '0.847 WRMSSE' },
    { method: 'exponential smoothing bottom-up (whole M5, WRMSSE)', note: '0.671 WRMSSE' },
    { method: 'M5 winner (whole M5, WRMSSE)', note: '0.520 WRMSSE' },
  ],
};

function checkForecast(r: ForecastResult, horizon: number): string | null {
  const arrays = [r.point, r.lower80, r.upper80, r.lower95, r.upper95];
  for (const a of arrays) if (a.length !== horizon) return 'wrong length';
  for (let h = 0; h < horizon; h++) {
    for (const a of arrays) if (!Number.isFinite(a[h])) return `non-finite value at step ${h + 1}`;
    if (!(r.lower95[h] <= r.lower80[h] && r.lower80[h] <= r.point[h] && r.point[h] <= r.upper80[h] && r.upper80[h] <= r.upper95[h]))
      return `intervals out of order at step ${h + 1}`;
  }
  return null;
}

interface Accumulator {
  mase: number;
  smape: number;
  rmsse: number;
  bias: number;
  c80: number;
  c95: number;
}

function score(dataset: BenchDataset, forecasts: number[][], season: number, acc: Accumulator = { mase: 0, smape: 0, rmsse: 0, bias: 0, c80: 0, c95: 0 }): Accumulator {
  dataset.series.forEach((s, i) => {
    acc.mase += mase(s.train, s.test, forecasts[i], season);
    acc.smape += smape(s.test, forecasts[i]);
    acc.rmsse += rmsse(s.train, s.test, forecasts[i]);
    acc.bias += relativeBias(s.test, forecasts[i]);
  });
  return acc;
}

function methodScore(method: string, dataset: BenchDataset, forecasts: number[][], season: number, seconds: number): MethodScore {
  const a = score(dataset, forecasts, season);
  const k = dataset.series.length || 1;
  return { method, mase: a.mase / k, smape: a.smape / k, rmsse: a.rmsse / k, bias: a.bias / k, seconds };
}

export interface RunOptions {
  horizon: number;
  season?: number;
  seed?: number;
  /** Budget for the engine over the whole dataset. */
  timeLimitMs?: number;
  /** Pass calendar events (M5) to the engine (default true). */
  useEvents?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export function runBenchmark(dataset: BenchDataset, options: RunOptions): { report: BenchReport; forecasts: number[][] } {
  const horizon = options.horizon;
  const season = options.season ?? defaultSeason(dataset.frequency);
  const minLength = Math.min(...dataset.series.map((s) => s.train.length));
  const periods = enginePeriods(dataset.frequency, season, minLength);

  const naive = dataset.series.map((s) => new Array<number>(horizon).fill(s.train[s.train.length - 1]));
  const seasonalNaive = dataset.series.map((s) =>
    Array.from({ length: horizon }, (_, h) => (s.train.length >= season ? s.train[s.train.length - season + (h % season)] : s.train[s.train.length - 1])),
  );

  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const budgetEndsAt = started + (options.timeLimitMs ?? 600_000);
  const ours: number[][] = [];
  const invalid: string[] = [];
  const chosenModels: Record<string, number> = {};
  const flags: Record<string, number> = {};
  let c80 = 0;
  let c95 = 0;
  dataset.series.forEach((s, i) => {
    const remaining = Math.max(1, budgetEndsAt - performance.now());
    const perSeries = Math.max(50, remaining / (dataset.series.length - i));
    const r = forecastSeries(s.train, { horizon, seasonalPeriods: periods, seed: options.seed, timeLimitMs: perSeries, events: options.useEvents === false ? undefined : s.events });
    const problem = checkForecast(r, horizon);
    if (problem) invalid.push(`${s.id}: ${problem}`);
    ours.push(r.point);
    chosenModels[r.model] = (chosenModels[r.model] ?? 0) + 1;
    for (const f of r.flags) flags[f] = (flags[f] ?? 0) + 1;
    c80 += coverage(s.test, r.lower80, r.upper80);
    c95 += coverage(s.test, r.lower95, r.upper95);
    options.onProgress?.(i + 1, dataset.series.length);
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const k = dataset.series.length || 1;
  const engine = methodScore('Portolan auto', dataset, ours, season, seconds);
  engine.coverage80 = c80 / k;
  engine.coverage95 = c95 / k;
  engine.cpuSeconds = cpuSeconds;
  const report: BenchReport = {
    dataset: dataset.name,
    series: dataset.series.length,
    horizon,
    season,
    enginePeriods: periods,
    methods: [engine, methodScore('Naive', dataset, naive, season, 0), methodScore(`Seasonal naive (${season})`, dataset, seasonalNaive, season, 0)],
    references: references[dataset.name] ?? [],
    invalid,
    chosenModels,
    flags,
  };
  return { report, forecasts: ours };
}

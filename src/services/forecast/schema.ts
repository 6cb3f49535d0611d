/**
 * The forecast resource: what a merchant asks (`ForecastCreate`) and what it gets back
 * (`ForecastResult`). One definition for request validation, the job result and OpenAPI.
 */
import { z } from 'zod';

const DayOrDateTime = z.union([
  z.iso.date(),
  z.iso.datetime({ offset: true }),
], { error: 'must be an ISO 8601 date or date-time, e.g. 2026-03-01' });

export const ForecastLevel = z.enum(['sku', 'sku-warehouse', 'sku-warehouse-channel']);
export type ForecastLevel = z.output<typeof ForecastLevel>;

export const ForecastCreate = z.strictObject({
  horizonDays: z.number().int('must be a whole number').min(1, 'must be between 1 and 365').max(365, 'must be between 1 and 365').default(28)
    .meta({ description: 'days to forecast after the last day of history' }),
  level: ForecastLevel.default('sku-warehouse')
    .meta({ description: "bottom level of the hierarchy: per SKU, per SKU × warehouse (the order's warehouse is its region), or per SKU × warehouse × channel" }),
  top: z.number().int('must be a whole number').min(1, 'must be between 1 and 1000').max(1000, 'must be between 1 and 1000').default(50)
    .meta({ description: 'forecast the N SKUs with most units in the window one by one; the others are summed per category into "other" series so every total still adds up' }),
  from: DayOrDateTime.optional().meta({ description: 'first day of history (UTC); default the first order, at most 3 years before `to`' }),
  to: DayOrDateTime.optional().meta({ description: 'last day of history (UTC); default the day of the latest order' }),
  backtest: z.boolean().default(true).meta({ description: 'rolling-origin backtest against seasonal naive (3 origins, one horizon apart)' }),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
  timeLimitSeconds: z.number().min(1, 'must be between 1 and 600').max(600, 'must be between 1 and 600').default(30)
    .meta({ description: 'budget for the whole job; series left when it runs out get a naive forecast, flagged time-limit' }),
});
export type ForecastCreate = z.output<typeof ForecastCreate>;

export const SeriesLevel = z.enum(['total', 'category', 'warehouse', 'channel', 'sku', 'sku-warehouse', 'sku-warehouse-channel']);
export type SeriesLevel = z.output<typeof SeriesLevel>;

export const AccuracyMetrics = z.object({
  mase: z.number().meta({ description: 'mean absolute scaled error (scale: in-sample weekly seasonal naive); below 1 beats it in-sample' }),
  smape: z.number().meta({ description: 'symmetric MAPE in percent' }),
  rmsse: z.number().meta({ description: 'root mean squared scaled error (M5)' }),
  bias: z.number().meta({ description: '(forecast − actual) / actual summed over the test windows: +0.1 is 10 % over-forecast' }),
  coverage80: z.number().meta({ description: 'share of actual days inside the 80 % interval' }),
  coverage95: z.number(),
}).meta({ id: 'ForecastAccuracyMetrics' });
export type AccuracyMetrics = z.output<typeof AccuracyMetrics>;

export const SeriesAccuracy = z.object({
  model: AccuracyMetrics.meta({ description: 'our forecast (bottom-up sums for aggregates)' }),
  seasonalNaive: AccuracyMetrics.meta({ description: 'the same day last week, as the benchmark' }),
  folds: z.number(),
});
export type SeriesAccuracy = z.output<typeof SeriesAccuracy>;

export const Peak = z.object({
  date: z.string(),
  kind: z.enum(['history', 'forecast']),
  units: z.number(),
  usual: z.number().meta({ description: 'median of the surrounding four weeks' }),
  ratio: z.number().meta({ description: 'units / usual' }),
  event: z.string().nullable().meta({ description: 'calendar event on that day, e.g. black-friday' }),
});
export type Peak = z.output<typeof Peak>;

export const ForecastSeriesResult = z.object({
  key: z.string().meta({ description: 'e.g. "total", "category:Camping", "sku:TENT-1", "sku:TENT-1|warehouse:AMS1", "sku:*other|category:Camping|warehouse:AMS1"' }),
  level: SeriesLevel,
  label: z.string(),
  sku: z.string().nullable(),
  category: z.string().nullable(),
  warehouse: z.string().nullable(),
  channel: z.string().nullable(),
  bottom: z.boolean().meta({ description: 'forecast directly; aggregates are the sums of their bottom series' }),
  members: z.number().meta({ description: 'bottom series summed into this one (1 for a bottom series)' }),
  model: z.string(),
  flags: z.array(z.string()).meta({ description: "engine flags (no-history, all-zero-history, intermittent, short-history, time-limit, event-effects, ...) and 'peak'" }),
  eventEffects: z.array(z.object({ name: z.string(), uplift: z.number(), occurrences: z.number() })),
  totals: z.object({
    last28Days: z.number().meta({ description: 'units sold in the last 28 days of history' }),
    nextWeek: z.number().meta({ description: 'forecast units over the first 7 days (fewer when the horizon is shorter)' }),
    horizon: z.number().meta({ description: 'forecast units over the whole horizon' }),
    horizonLower80: z.number().meta({ description: '80 % range of the horizon total, days taken as independent' }), horizonUpper80: z.number(),
  }),
  history: z.object({ start: z.string(), values: z.array(z.number()) }).meta({ description: 'the last ~120 days of daily units' }),
  forecast: z.object({
    start: z.string(), point: z.array(z.number()), lower80: z.array(z.number()), upper80: z.array(z.number()),
    lower95: z.array(z.number()), upper95: z.array(z.number()),
  }),
  peaks: z.array(Peak),
  accuracy: SeriesAccuracy.nullable(),
}).meta({ id: 'ForecastSeries' });
export type ForecastSeriesResult = z.output<typeof ForecastSeriesResult>;

export const ForecastSummary = z.object({
  horizonDays: z.number(),
  level: ForecastLevel,
  series: z.number(),
  bottomSeries: z.number(),
  skus: z.number(),
  forecastSkus: z.number(),
  totalNextWeek: z.number(),
  totalHorizon: z.number(),
  mase: z.number().nullable().meta({ description: 'mean MASE of the bottom series in the backtest' }),
  seasonalNaiveMase: z.number().nullable(),
}).meta({ id: 'ForecastSummary' });
export type ForecastSummary = z.output<typeof ForecastSummary>;

export const ForecastResult = z.object({
  window: z.object({ from: z.string(), to: z.string(), days: z.number() }),
  horizon: z.object({ from: z.string(), to: z.string(), days: z.number() }),
  seasonalPeriods: z.array(z.number()).meta({ description: '7 (weekly), plus 365 with two years of history' }),
  events: z.array(z.object({ name: z.string(), history: z.array(z.string()), future: z.array(z.string()) }))
    .meta({ description: 'calendar events given to the engine; it applies an uplift only where the history shows one' }),
  summary: ForecastSummary,
  accuracy: z.object({
    horizon: z.number(), folds: z.number(),
    bottom: SeriesAccuracy.nullable().meta({ description: 'mean over the bottom series' }),
    total: SeriesAccuracy.nullable(),
    byLevel: z.array(z.object({ level: SeriesLevel, series: z.number(), accuracy: SeriesAccuracy })),
    skipped: z.number().meta({ description: 'series not backtested (too short, or out of time)' }),
  }).nullable().meta({ description: 'null when backtest was off' }),
  peaks: z.array(Peak.extend({ key: z.string(), label: z.string() })).meta({ description: 'the most pronounced peaks of the total, categories and SKUs' }),
  notes: z.array(z.string()),
  series: z.array(ForecastSeriesResult).meta({ description: 'total, then aggregates, then bottom series; each with history, forecast and accuracy' }),
  elapsedMs: z.number(),
}).meta({ id: 'ForecastResult' });
export type ForecastResult = z.output<typeof ForecastResult>;

export const ForecastListItem = z.object({
  id: z.string(), status: z.string(), progress: z.number(), message: z.string(),
  createdAt: z.string(), finishedAt: z.string().nullable(),
  summary: ForecastSummary.nullable(),
}).meta({ id: 'ForecastListItem' });
export type ForecastListItem = z.output<typeof ForecastListItem>;

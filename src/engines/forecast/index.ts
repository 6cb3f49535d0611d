/** Demand forecasting engine: automatic per-series forecasts, backtests and hierarchical reconciliation. */
export { forecastSeries, forecastBatch, type BatchSeries, type BatchResult } from './forecast.js';
export { backtestSeries, type BacktestOptions, type BacktestResult, type BacktestFold, type AccuracySummary } from './backtest.js';
export { reconcileBottomUp, TOTAL_GROUP, type ReconcileItem, type AggregateForecast, type Reconciliation } from './reconcile.js';
export { mase, smape, rmsse, relativeBias, intervalCoverage } from './accuracy.js';
export { ForecastInputError, type ForecastOptions, type ForecastResult, type ForecastFlag, type ModelFamily, type ForecastEvent, type EventEffect } from './types.js';
export { seasonalPeriodsFor, type SamplingFrequency } from './calendar.js';

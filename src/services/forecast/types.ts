/** What the main thread hands the forecast worker: plain data only, so it crosses the thread boundary. */
import type { ForecastLevel } from './schema.js';

/** Stands for "every SKU outside the top N" in series keys; SKU codes cannot contain '*'. */
export const OTHER_SKU = '*other';
/** Orders without a warehouse or channel; codes cannot contain '*' either. */
export const NONE = '*none';

export interface BottomSeriesInput {
  /** SKU code, or OTHER_SKU for the rest of a category. */
  sku: string;
  category: string;
  warehouse: string | null;
  channel: string | null;
  /** Day index (0 = window start) of the first sale of the SKU(s); before it the SKU did not exist yet. */
  firstDay: number;
  /** Sparse daily units: day index → units. */
  days: number[];
  units: number[];
}

export interface CalendarEvent {
  name: string;
  /** Day indexes inside the history window. */
  history: number[];
  /** Forecast steps (0 = the day after the window). */
  future: number[];
}

export interface ForecastPayload {
  level: ForecastLevel;
  horizon: number;
  backtest: boolean;
  seed: number;
  timeLimitMs: number;
  /** First day of the history window, YYYY-MM-DD (UTC). */
  start: string;
  days: number;
  seasonalPeriods: number[];
  events: CalendarEvent[];
  skuCount: number;
  forecastSkus: number;
  /** SKU code → product name, for labels. */
  names: Record<string, string>;
  series: BottomSeriesInput[];
}

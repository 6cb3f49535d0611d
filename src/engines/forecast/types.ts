import type { SolveControl } from '../control.js';
import type { EventEffect, ForecastEvent } from './events.js';

export type { EventEffect, ForecastEvent } from './events.js';

/** Families the engine can fit; `forecastSeries` picks among them per series. */
export type ModelFamily =
  | 'naive'
  | 'seasonal-naive'
  | 'ets'
  | 'theta'
  | 'croston'
  | 'sba'
  | 'tsb'
  | 'adida'
  | 'multi-seasonal'
  | 'zero';

/**
 * Why a result is not the plain output of model selection. Callers show these next to the
 * forecast so a planner knows when to distrust it.
 */
export type ForecastFlag =
  | 'no-history' // empty or all-missing series: forecast is zero
  | 'all-zero-history' // every observation is zero: forecast is zero
  | 'missing-values-filled' // NaN/Infinity inside the series were interpolated; leading ones dropped
  | 'negative-values-clipped' // negative observations (returns) were treated as zero demand
  | 'short-history' // too few points for model selection: naive or mean fallback
  | 'season-longer-than-history' // a seasonal period was ignored because fewer than two cycles exist
  | 'intermittent' // many zero periods: intermittent-demand models were used
  | 'time-limit' // the time limit cut model selection short
  | 'history-truncated' // only the most recent observations were used (see MAX_OBSERVATIONS)
  | 'fallback-naive' // every candidate failed numerically; naive forecast returned
  | 'event-effects'; // calendar event uplifts were estimated and applied (see eventEffects)

export interface ForecastOptions extends SolveControl {
  /** Number of future periods to forecast; a positive integer. */
  horizon: number;
  /**
   * Seasonal periods in observations, e.g. [7] for daily data with a weekly cycle, [24, 168] for
   * hourly data. Empty or [1] means non-seasonal. Periods with fewer than two cycles of history
   * are ignored and flagged.
   */
  seasonalPeriods?: number[];
  /** Restrict the candidate families (default: all that suit the series). */
  families?: ModelFamily[];
  /** Demand cannot be negative: clip negatives to zero and floor forecasts at zero (default true). */
  nonNegative?: boolean;
  /**
   * How the final forecast is built from candidates scored on rolling holdouts: the single best
   * (default; with several holdout windows it beat averaging on M4), or the mean of the best three.
   */
  selection?: 'best' | 'ensemble';
  /**
   * Calendar events with their past positions and future steps (e.g. Black Friday, paydays).
   * Events seen at least twice with a clear uplift are removed from the history before fitting
   * and applied to the forecast.
   */
  events?: ForecastEvent[];
  /** Number of rolling holdout windows used to score candidates (default 3, fewer when the history is short). */
  validationWindows?: number;
}

export interface ForecastResult {
  /** Point forecasts, one per future period. */
  point: number[];
  lower80: number[];
  upper80: number[];
  lower95: number[];
  upper95: number[];
  /** Human-readable description of the chosen model(s), e.g. "ETS(A,Ad,N)" or "mean(ETS(A,Ad,N), Theta)". */
  model: string;
  /** Families contributing to the point forecast. */
  families: ModelFamily[];
  flags: ForecastFlag[];
  /** Number of observations actually used after cleaning. */
  observations: number;
  /** Event uplifts applied to the forecast (empty when no events were given or none was clear). */
  eventEffects: EventEffect[];
}

/** One fitted candidate: point forecast and the standard deviation of its error per step. */
export interface CandidateForecast {
  name: string;
  family: ModelFamily;
  point: Float64Array;
  sd: Float64Array;
}

/** A candidate model: fits the history and forecasts `horizon` steps. Returns null when it cannot. */
export interface CandidateModel {
  name: string;
  family: ModelFamily;
  fit(history: Float64Array, horizon: number): CandidateForecast | null;
  /**
   * Optional fast path for holdout scoring: forecasts from several origins (history lengths, in
   * increasing order) fitting the parameters once on the shortest history.
   */
  fitOrigins?(history: Float64Array, origins: number[], horizon: number): (CandidateForecast | null)[];
}

/** Raised for input that has no sensible fallback (e.g. horizon ≤ 0). */
export class ForecastInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForecastInputError';
  }
}

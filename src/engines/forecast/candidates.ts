/**
 * The candidate models `forecastSeries` chooses among, each wrapped to the same shape: fit a
 * history, return point forecasts and error standard deviations for `horizon` steps.
 */
import { autoEts, etsName, etsSpecs, fitEts, forecastEts, refilterEts, type EtsFit, type EtsSpec } from './ets.js';
import { adida, croston, tsb, type RateForecast } from './intermittent.js';
import { multiSeasonalForecast } from './multi-seasonal.js';
import { allPositive, hasSeasonality } from './seasonality.js';
import { thetaForecast, thetaForecastOrigins } from './theta.js';
import type { CandidateForecast, CandidateModel, ModelFamily } from './types.js';

/** Most recent observations a seasonal ETS fit looks at (whole cycles). */
const ETS_SEASONAL_MAX_OBSERVATIONS = 1500;

function residualSd(y: Float64Array, lag: number): number {
  let s = 0;
  let count = 0;
  for (let t = lag; t < y.length; t++) {
    s += (y[t] - y[t - lag]) ** 2;
    count++;
  }
  return count ? Math.sqrt(s / count) : 0;
}

export const naiveModel: CandidateModel = {
  name: 'Naive',
  family: 'naive',
  fit(y, horizon) {
    const n = y.length;
    if (n === 0) return null;
    const sigma = residualSd(y, 1);
    const point = new Float64Array(horizon).fill(y[n - 1]);
    const sd = new Float64Array(horizon);
    for (let h = 0; h < horizon; h++) sd[h] = sigma * Math.sqrt(h + 1);
    return { name: 'Naive', family: 'naive', point, sd };
  },
};

export function seasonalNaiveModel(period: number): CandidateModel {
  const name = `SeasonalNaive(${period})`;
  return {
    name,
    family: 'seasonal-naive',
    fit(y, horizon) {
      const n = y.length;
      if (n < period) return null;
      const sigma = residualSd(y, period);
      const point = new Float64Array(horizon);
      const sd = new Float64Array(horizon);
      for (let h = 0; h < horizon; h++) {
        point[h] = y[n - period + (h % period)];
        sd[h] = sigma * Math.sqrt(Math.floor(h / period) + 1);
      }
      return { name, family: 'seasonal-naive', point, sd };
    },
  };
}

/** AutoETS over the admissible specifications; seasons longer than 24 are left to other models (as in `forecast::ets`). */
export function autoEtsModel(period: number, specs?: EtsSpec[]): CandidateModel {
  const seasonalPeriod = (y: Float64Array) => (period > 1 && period <= 24 && y.length >= 2 * period + 2 ? period : 1);
  const fitAuto = (y: Float64Array) => {
    const m = seasonalPeriod(y);
    // With clear seasonality the non-seasonal specifications never win on AICc; skipping them halves the cost.
    const seasonalOnly = m > 1 && hasSeasonality(y, m);
    const candidates = specs ?? etsSpecs(m, allPositive(y)).filter((s) => !seasonalOnly || s.season !== 'N');
    return autoEts(y, m, candidates, m > 1 ? 150 : 300);
  };
  // Seasonal fits cost a filter pass per simplex step; the recent cycles carry nearly all the
  // information about the current pattern, so long seasonal histories are cut to them (whole
  // cycles, so phases stay aligned). Cutting to 40 cycles cost NN5 2 % in MASE, hence a length cap.
  const fitStart = (y: Float64Array, end: number) => {
    const m = seasonalPeriod(y.subarray(0, end));
    if (m === 1) return 0;
    const keep = Math.floor(ETS_SEASONAL_MAX_OBSERVATIONS / m) * m;
    return end > keep ? Math.floor((end - keep) / m) * m : 0;
  };
  const toCandidate = (fit: EtsFit, horizon: number): CandidateForecast => {
    const { point, sd } = forecastEts(fit, horizon);
    return { name: etsName(fit.spec), family: 'ets', point, sd };
  };
  return {
    name: 'AutoETS',
    family: 'ets',
    fit(y, horizon) {
      const fit = fitAuto(y.subarray(fitStart(y, y.length)));
      return fit ? toCandidate(fit, horizon) : null;
    },
    fitOrigins(y, origins, horizon) {
      const start = fitStart(y, origins[0]);
      const fit = fitAuto(y.subarray(start, origins[0]));
      return origins.map((origin, i) => {
        if (!fit) return null;
        const later = i === 0 ? fit : refilterEts(fit, y.subarray(start, origin));
        return later ? toCandidate(later, horizon) : null;
      });
    },
  };
}

/** One fixed ETS specification (e.g. damped trend), useful as an ensemble member. */
export function etsModel(spec: EtsSpec): CandidateModel {
  return {
    name: etsName(spec),
    family: 'ets',
    fit(y, horizon) {
      const fit = fitEts(y, spec);
      if (!fit) return null;
      const { point, sd } = forecastEts(fit, horizon);
      return { name: etsName(spec), family: 'ets', point, sd };
    },
  };
}

export function thetaModel(period: number, dynamic: boolean): CandidateModel {
  const name = dynamic ? 'DynamicOptimisedTheta' : 'OptimisedTheta';
  return {
    name,
    family: 'theta',
    fit(y, horizon) {
      const r = thetaForecast(y, horizon, period, dynamic);
      return r ? { name, family: 'theta', point: r.point, sd: r.sd } : null;
    },
    fitOrigins(y, origins, horizon) {
      return thetaForecastOrigins(y, origins, horizon, period, dynamic).map((r) => (r ? { name, family: 'theta', point: r.point, sd: r.sd } : null));
    },
  };
}

export function multiSeasonalModel(periods: number[], logScale: boolean, recentCycles?: number): CandidateModel {
  const name = `MultiSeasonal(${periods.join(',')}${logScale ? ',log' : ''}${recentCycles ? `,recent ${recentCycles}` : ''})`;
  return {
    name,
    family: 'multi-seasonal',
    fit(y, horizon) {
      if (logScale && !allPositive(y)) return null;
      const r = multiSeasonalForecast(y, horizon, { periods, logScale, recentCycles });
      return r ? { name, family: 'multi-seasonal', point: r.point, sd: r.sd } : null;
    },
  };
}

/**
 * Weekday-style profile over the recent cycles so that a flat intermittent rate can still follow
 * a weekly shopping rhythm; shrunk towards flat when the recent history holds few sales.
 */
function seasonalProfile(y: Float64Array, period: number, cycles: number): Float64Array | null {
  const n = y.length;
  const from = Math.max(0, n - cycles * period);
  const sums = new Float64Array(period);
  let total = 0;
  for (let t = from; t < n; t++) {
    sums[t % period] += y[t];
    total += y[t];
  }
  if (total <= 0) return null;
  const profile = new Float64Array(period);
  const shrink = total / (total + 2 * period);
  const counts = new Float64Array(period);
  for (let t = from; t < n; t++) counts[t % period]++;
  const mean = total / (n - from);
  for (let j = 0; j < period; j++) {
    const ratio = counts[j] ? sums[j] / counts[j] / mean : 1;
    profile[j] = 1 + shrink * (ratio - 1);
  }
  return profile;
}

function rateModel(name: string, family: ModelFamily, rate: (y: Float64Array) => RateForecast, period: number): CandidateModel {
  const fullName = period > 1 ? `${name}×profile(${period})` : name;
  return {
    name: fullName,
    family,
    fit(y, horizon): CandidateForecast | null {
      if (y.length < 2) return null;
      const r = rate(y);
      const profile = period > 1 && y.length >= 2 * period ? seasonalProfile(y, period, 26) : null;
      if (period > 1 && !profile) return null;
      const point = new Float64Array(horizon);
      const sd = new Float64Array(horizon);
      for (let h = 0; h < horizon; h++) {
        const factor = profile ? profile[(y.length + h) % period] : 1;
        point[h] = r.rate * factor;
        sd[h] = r.sd * Math.sqrt(factor);
      }
      return { name: fullName, family, point, sd };
    },
  };
}

export function intermittentModels(period: number): CandidateModel[] {
  const models: CandidateModel[] = [];
  for (const p of period > 1 ? [1, period] : [1]) {
    models.push(rateModel('Croston', 'croston', (y) => croston(y, false), p));
    models.push(rateModel('SBA', 'sba', (y) => croston(y, true), p));
    models.push(rateModel('TSB', 'tsb', tsb, p));
    models.push(rateModel('ADIDA', 'adida', adida, p));
  }
  return models;
}

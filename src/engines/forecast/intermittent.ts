/**
 * Forecasts for intermittent demand (many zero periods): Croston, its bias-corrected SBA
 * variant, TSB (which lets the demand probability decay, so obsolete items fade out) and ADIDA
 * (temporal aggregation to remove the zeros, then SES). All give a flat per-period rate.
 */
import { optimiseSes, sesLevel } from './smoothing.js';

export interface RateForecast {
  rate: number;
  /** Standard deviation of one period's demand around the rate. */
  sd: number;
}

function demandSd(y: Float64Array, rate: number): number {
  let s = 0;
  for (let t = 0; t < y.length; t++) s += (y[t] - rate) ** 2;
  return Math.sqrt(s / Math.max(1, y.length - 1));
}

export function croston(y: Float64Array, biasCorrected: boolean, alpha = 0.1): RateForecast {
  let size = 0;
  let interval = 0;
  let last = -1;
  let started = false;
  for (let t = 0; t < y.length; t++) {
    if (y[t] <= 0) continue;
    const gap = t - last;
    if (!started) {
      size = y[t];
      interval = gap;
      started = true;
    } else {
      size += alpha * (y[t] - size);
      interval += alpha * (gap - interval);
    }
    last = t;
  }
  if (!started) return { rate: 0, sd: 0 };
  const rate = (size / interval) * (biasCorrected ? 1 - alpha / 2 : 1);
  return { rate, sd: demandSd(y, rate) };
}

function tsbRun(y: Float64Array, alphaSize: number, alphaProbability: number): { rate: number; sse: number } {
  let firstDemand = -1;
  let count = 0;
  let total = 0;
  for (let t = 0; t < y.length; t++)
    if (y[t] > 0) {
      if (firstDemand < 0) firstDemand = t;
      count++;
      total += y[t];
    }
  if (count === 0) return { rate: 0, sse: 0 };
  let size = total / count;
  let probability = count / y.length;
  let sse = 0;
  for (let t = 0; t < y.length; t++) {
    const e = y[t] - size * probability;
    sse += e * e;
    if (y[t] > 0) {
      probability += alphaProbability * (1 - probability);
      size += alphaSize * (y[t] - size);
    } else {
      probability += alphaProbability * (0 - probability);
    }
  }
  return { rate: size * probability, sse };
}

/** TSB with both smoothing constants chosen on a small grid by one-step squared error. */
export function tsb(y: Float64Array): RateForecast {
  const grid = [0.02, 0.05, 0.1, 0.2, 0.3];
  let best = { rate: 0, sse: Infinity };
  for (const a of grid)
    for (const b of grid) {
      const r = tsbRun(y, a, b);
      if (r.sse < best.sse) best = r;
    }
  return { rate: best.rate, sd: demandSd(y, best.rate) };
}

/** ADIDA: aggregate into buckets of the mean inter-demand interval, SES, spread back evenly. */
export function adida(y: Float64Array): RateForecast {
  let demands = 0;
  for (let t = 0; t < y.length; t++) if (y[t] > 0) demands++;
  if (demands === 0) return { rate: 0, sd: 0 };
  const bucket = Math.max(1, Math.round(y.length / demands));
  const buckets = Math.floor(y.length / bucket);
  if (buckets < 2) {
    const rate = y.reduce((a, b) => a + b, 0) / y.length;
    return { rate, sd: demandSd(y, rate) };
  }
  const aggregated = new Float64Array(buckets);
  const offset = y.length - buckets * bucket; // align buckets with the end of the history
  for (let b = 0; b < buckets; b++) {
    let s = 0;
    for (let k = 0; k < bucket; k++) s += y[offset + b * bucket + k];
    aggregated[b] = s;
  }
  const { alpha } = optimiseSes(aggregated);
  const rate = sesLevel(aggregated, alpha).level / bucket;
  return { rate, sd: demandSd(y, rate) };
}

/** Share of zero periods; the usual cue to switch to intermittent-demand models. */
export function zeroShare(y: Float64Array): number {
  let zeros = 0;
  for (let t = 0; t < y.length; t++) if (y[t] === 0) zeros++;
  return y.length ? zeros / y.length : 1;
}

/**
 * Seasonality helpers shared by models that work on seasonally adjusted data (Theta, naive2):
 * the M4 benchmark's autocorrelation test and a classical decomposition over the whole series.
 */

function autocorrelation(y: Float64Array, lag: number, mean: number, denominator: number): number {
  let s = 0;
  for (let t = lag; t < y.length; t++) s += (y[t] - mean) * (y[t - lag] - mean);
  return s / denominator;
}

/** 90 % one-sided test that the autocorrelation at lag `period` is non-zero (M4 benchmark rule). */
export function hasSeasonality(y: Float64Array, period: number): boolean {
  const n = y.length;
  if (period < 2 || n < 3 * period) return false;
  let mean = 0;
  for (let t = 0; t < n; t++) mean += y[t];
  mean /= n;
  let denominator = 0;
  for (let t = 0; t < n; t++) denominator += (y[t] - mean) ** 2;
  if (denominator <= 0) return false;
  let sum = 0;
  for (let k = 1; k < period; k++) sum += autocorrelation(y, k, mean, denominator) ** 2;
  const limit = 1.645 * Math.sqrt((1 + 2 * sum) / n);
  return Math.abs(autocorrelation(y, period, mean, denominator)) > limit;
}

/**
 * Seasonal indices (by phase = time mod period) from a centred moving average over the whole
 * series, optionally only the last `lastCycles` cycles so that drifting patterns are followed.
 */
export function seasonalIndices(y: Float64Array, period: number, multiplicative: boolean, lastCycles = Infinity): Float64Array {
  const n = y.length;
  if (n < period + 1) return new Float64Array(period).fill(multiplicative ? 1 : 0);
  const half = Math.floor(period / 2);
  const even = period % 2 === 0;
  const sums = new Float64Array(period);
  const counts = new Float64Array(period);
  const from = Math.max(half, n - half - Math.min(n, lastCycles * period));
  // running window sum keeps this O(n) for long periods (168 hours)
  let window = 0;
  const start = from;
  const windowStart = (t: number): number => t - half;
  for (let k = windowStart(start); k < windowStart(start) + period; k++) window += y[k];
  for (let t = start; t < n - half; t++) {
    if (t > start) {
      window += y[t - half + period - 1] - y[t - half - 1];
    }
    // window = sum y[t-half .. t-half+period-1]; for an even period the centred 2×m average
    // weighs both ends by one half: (window + y[t+half]) with y[t-half] halved, divided by m.
    const trend = even ? (window - 0.5 * y[t - half] + 0.5 * y[t + half]) / period : window / period;
    const detrended = multiplicative ? (trend > 0 ? y[t] / trend : 1) : y[t] - trend;
    sums[t % period] += detrended;
    counts[t % period]++;
  }
  const indices = new Float64Array(period);
  let mean = 0;
  for (let j = 0; j < period; j++) {
    indices[j] = counts[j] > 0 ? sums[j] / counts[j] : multiplicative ? 1 : 0;
    mean += indices[j] / period;
  }
  for (let j = 0; j < period; j++) {
    if (multiplicative) indices[j] = mean > 0 ? indices[j] / mean : 1;
    else indices[j] -= mean;
  }
  return indices;
}

export function allPositive(y: ArrayLike<number>): boolean {
  for (let t = 0; t < y.length; t++) if (!(y[t] > 0)) return false;
  return true;
}

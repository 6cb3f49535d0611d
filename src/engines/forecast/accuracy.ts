/**
 * Forecast accuracy measures used by the backtest. MASE and sMAPE follow the M4 definitions,
 * RMSSE the M5 one; bias is relative so that slow and fast movers can be compared.
 */

/** Mean absolute error of the in-sample seasonal naive (lag 1 when the history is too short). */
export function naiveScale(history: ArrayLike<number>, period: number, squared = false): number {
  const lag = history.length > period ? period : 1;
  let s = 0;
  let count = 0;
  for (let t = lag; t < history.length; t++) {
    const d = history[t] - history[t - lag];
    s += squared ? d * d : Math.abs(d);
    count++;
  }
  return count ? s / count : 0;
}

export function mase(history: ArrayLike<number>, actual: ArrayLike<number>, forecast: ArrayLike<number>, period: number): number {
  const scale = naiveScale(history, period);
  let e = 0;
  for (let h = 0; h < actual.length; h++) e += Math.abs(actual[h] - forecast[h]);
  const mae = actual.length ? e / actual.length : 0;
  return scale > 0 ? mae / scale : mae === 0 ? 0 : mae;
}

/** Symmetric MAPE in percent (0 when both actual and forecast are zero). */
export function smape(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  let s = 0;
  for (let h = 0; h < actual.length; h++) {
    const d = Math.abs(actual[h]) + Math.abs(forecast[h]);
    if (d > 0) s += (2 * Math.abs(actual[h] - forecast[h])) / d;
  }
  return actual.length ? (100 * s) / actual.length : 0;
}

/** Root mean squared scaled error, scaled by the one-step naive from the first non-zero demand on (M5). */
export function rmsse(history: ArrayLike<number>, actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  let start = 0;
  while (start < history.length && history[start] === 0) start++;
  let scale = 0;
  for (let t = start + 1; t < history.length; t++) scale += (history[t] - history[t - 1]) ** 2;
  scale = history.length - start > 1 ? scale / (history.length - start - 1) : 0;
  let e = 0;
  for (let h = 0; h < actual.length; h++) e += (actual[h] - forecast[h]) ** 2;
  const mse = actual.length ? e / actual.length : 0;
  return Math.sqrt(scale > 0 ? mse / scale : mse);
}

/** Sum of (forecast − actual) over sum of |actual|: +0.1 means 10 % over-forecast. */
export function relativeBias(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  let e = 0;
  let a = 0;
  for (let h = 0; h < actual.length; h++) {
    e += forecast[h] - actual[h];
    a += Math.abs(actual[h]);
  }
  return a > 0 ? e / a : 0;
}

/** Share of actuals inside [lower, upper]. */
export function intervalCoverage(actual: ArrayLike<number>, lower: ArrayLike<number>, upper: ArrayLike<number>): number {
  let inside = 0;
  for (let h = 0; h < actual.length; h++) if (actual[h] >= lower[h] && actual[h] <= upper[h]) inside++;
  return actual.length ? inside / actual.length : 0;
}

/**
 * Accuracy measures as the competitions define them, computed here independently of the engine:
 * MASE and sMAPE as in M4, RMSSE as in M5.
 */

/** M4 MASE: mean absolute error over the horizon scaled by the in-sample seasonal-naive MAE. */
export function mase(train: ArrayLike<number>, test: ArrayLike<number>, forecast: ArrayLike<number>, season: number): number {
  const m = train.length > season ? season : 1;
  let scale = 0;
  for (let t = m; t < train.length; t++) scale += Math.abs(train[t] - train[t - m]);
  scale /= Math.max(1, train.length - m);
  let error = 0;
  for (let h = 0; h < test.length; h++) error += Math.abs(test[h] - forecast[h]);
  return error / test.length / (scale || 1);
}

/** M4 sMAPE in percent. */
export function smape(test: ArrayLike<number>, forecast: ArrayLike<number>): number {
  let s = 0;
  for (let h = 0; h < test.length; h++) {
    const denominator = Math.abs(test[h]) + Math.abs(forecast[h]);
    s += denominator === 0 ? 0 : (2 * Math.abs(test[h] - forecast[h])) / denominator;
  }
  return (100 * s) / test.length;
}

/** M5 RMSSE: squared errors scaled by the one-step naive MSE from the first non-zero sale on. */
export function rmsse(train: ArrayLike<number>, test: ArrayLike<number>, forecast: ArrayLike<number>): number {
  let start = 0;
  while (start < train.length && train[start] === 0) start++;
  let scale = 0;
  for (let t = start + 1; t < train.length; t++) scale += (train[t] - train[t - 1]) ** 2;
  scale /= Math.max(1, train.length - start - 1);
  let error = 0;
  for (let h = 0; h < test.length; h++) error += (test[h] - forecast[h]) ** 2;
  return Math.sqrt(error / test.length / (scale || 1));
}

/** Mean error (forecast minus actual) relative to the mean actual: positive means over-forecasting. */
export function relativeBias(test: ArrayLike<number>, forecast: ArrayLike<number>): number {
  let e = 0;
  let a = 0;
  for (let h = 0; h < test.length; h++) {
    e += forecast[h] - test[h];
    a += Math.abs(test[h]);
  }
  return a === 0 ? 0 : e / a;
}

export function coverage(test: ArrayLike<number>, lower: ArrayLike<number>, upper: ArrayLike<number>): number {
  let inside = 0;
  for (let h = 0; h < test.length; h++) if (test[h] >= lower[h] && test[h] <= upper[h]) inside++;
  return test.length ? inside / test.length : 0;
}

/** Simple exponential smoothing with alpha chosen by one-step squared error; a building block for intermittent models. */

export function sesLevel(y: ArrayLike<number>, alpha: number, start = 0): { level: number; sse: number } {
  let level = y[start];
  let sse = 0;
  for (let t = start + 1; t < y.length; t++) {
    const e = y[t] - level;
    sse += e * e;
    level += alpha * e;
  }
  return { level, sse };
}

/** Grid then golden-section search on alpha in [low, high]. */
export function optimiseSes(y: ArrayLike<number>, low = 0.01, high = 0.99): { alpha: number; level: number; mse: number } {
  let a = low;
  let b = high;
  const golden = (Math.sqrt(5) - 1) / 2;
  let c = b - golden * (b - a);
  let d = a + golden * (b - a);
  let fc = sesLevel(y, c).sse;
  let fd = sesLevel(y, d).sse;
  for (let iteration = 0; iteration < 30; iteration++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - golden * (b - a);
      fc = sesLevel(y, c).sse;
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + golden * (b - a);
      fd = sesLevel(y, d).sse;
    }
  }
  const alpha = (a + b) / 2;
  const { level, sse } = sesLevel(y, alpha);
  return { alpha, level, mse: sse / Math.max(1, y.length - 1) };
}

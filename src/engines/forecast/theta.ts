/**
 * Theta method in its state-space form (Fiorucci et al. 2016): optimised Theta (OTM) and dynamic
 * optimised Theta (DOTM). The series is deseasonalised first by classical decomposition when the
 * autocorrelation test finds seasonality, as in the M4 Theta benchmark.
 */
import { logistic, logit, nelderMead } from './nelder-mead.js';
import { allPositive, hasSeasonality, seasonalIndices } from './seasonality.js';

interface State {
  level: number;
  meanY: number;
  a: number;
  b: number;
}

function run(y: Float64Array, dynamic: boolean, level0: number, alpha: number, theta: number, horizon: number): { mse: number; forecast: Float64Array } {
  const n = y.length;
  const st: State = { level: alpha * y[0] + (1 - alpha) * level0, meanY: y[0], a: y[0], b: 0 };
  if (!dynamic) {
    let sumY = 0, sumTY = 0;
    for (let t = 0; t < n; t++) {
      sumY += y[t];
      sumTY += (t + 1) * y[t];
    }
    const meanY = sumY / n;
    st.b = n > 1 ? (6 * (2 * (sumTY / n) - (1 + n) * meanY)) / (n * n - 1) : 0;
    st.a = meanY - ((n + 1) * st.b) / 2;
  }
  const coefficient = 1 - 1 / theta;
  let sse = (y[0] - (dynamic ? y[0] : level0 + coefficient * (st.a + st.b))) ** 2;
  let decay = 1 - alpha; // (1 - alpha)^i
  const step = (i: number, observed: number | null): number => {
    const decayNext = decay * (1 - alpha);
    const mu = st.level + coefficient * (decay * st.a + ((1 - decayNext) / alpha) * st.b);
    const value = observed ?? mu;
    st.level = alpha * value + (1 - alpha) * st.level;
    const previousMean = st.meanY;
    st.meanY = (i * st.meanY + value) / (i + 1);
    if (dynamic) {
      st.b = ((i - 1) * st.b + (6 * (value - previousMean)) / (i + 1)) / (i + 2);
      st.a = st.meanY - (st.b * (i + 2)) / 2;
    }
    decay = decayNext;
    return mu;
  };
  for (let i = 1; i < n; i++) {
    const mu = step(i, y[i]);
    sse += (y[i] - mu) ** 2;
  }
  const forecast = new Float64Array(horizon);
  for (let h = 0; h < horizon; h++) forecast[h] = step(n + h, null);
  return { mse: sse / n, forecast };
}

interface ThetaParams {
  alpha: number;
  theta: number;
  level0: number;
}

function fitThetaParams(y: Float64Array, dynamic: boolean): ThetaParams | null {
  const n = y.length;
  if (n < 3) return null;
  let scale = 0;
  for (let t = 0; t < n; t++) scale += Math.abs(y[t]);
  scale = scale / n || 1;
  const decode = (x: Float64Array): ThetaParams => ({
    alpha: 0.1 + 0.89 * logistic(x[0]),
    theta: 1 + 9 * logistic(x[1]),
    level0: y[0] / 2 + scale * x[2],
  });
  const objective = (x: Float64Array): number => {
    const p = decode(x);
    return run(y, dynamic, p.level0, p.alpha, p.theta, 0).mse;
  };
  const start = Float64Array.of(logit((0.5 - 0.1) / 0.89), logit(1 / 9), 0);
  const best = nelderMead(objective, start, { maxEvaluations: 300, step: 0.7 });
  return Number.isFinite(best.value) ? decode(best.x) : null;
}

/**
 * Theta forecasts from several origins (history lengths, increasing): the seasonal indices and
 * parameters are estimated once on the shortest history, then each origin is only filtered.
 */
export function thetaForecastOrigins(
  y: Float64Array,
  origins: number[],
  horizon: number,
  period: number,
  dynamic: boolean,
): ({ point: Float64Array; sd: Float64Array } | null)[] {
  const first = y.subarray(0, origins[0]);
  const seasonal = period > 1 && hasSeasonality(first, period);
  const multiplicative = seasonal && allPositive(y.subarray(0, origins[origins.length - 1]));
  const indices = seasonal ? seasonalIndices(first, period, multiplicative) : null;
  const adjust = (length: number): Float64Array => {
    if (!indices) return y.subarray(0, length);
    const adjusted = new Float64Array(length);
    for (let t = 0; t < length; t++) adjusted[t] = multiplicative ? y[t] / indices[t % period] : y[t] - indices[t % period];
    return adjusted;
  };
  const params = fitThetaParams(adjust(origins[0]), dynamic);
  return origins.map((origin) => {
    if (!params) return null;
    const { mse, forecast } = run(adjust(origin), dynamic, params.level0, params.alpha, params.theta, horizon);
    if (!Number.isFinite(mse)) return null;
    const sd = new Float64Array(horizon);
    for (let h = 0; h < horizon; h++) {
      sd[h] = Math.sqrt(mse * (1 + h * params.alpha * params.alpha));
      if (indices) {
        const s = indices[(origin + h) % period];
        forecast[h] = multiplicative ? forecast[h] * s : forecast[h] + s;
        if (multiplicative) sd[h] *= s;
      }
    }
    return { point: forecast, sd };
  });
}

/** Theta forecast with automatic deseasonalisation; null when the series is too short. */
export function thetaForecast(y: Float64Array, horizon: number, period: number, dynamic: boolean): { point: Float64Array; sd: Float64Array } | null {
  return thetaForecastOrigins(y, [y.length], horizon, period, dynamic)[0];
}

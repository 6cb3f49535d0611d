import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { autoEts, fitEts, forecastEts, refilterEts } from '../../../src/engines/forecast/ets.js';
import { adida, croston, tsb } from '../../../src/engines/forecast/intermittent.js';
import { decompose } from '../../../src/engines/forecast/multi-seasonal.js';
import { nelderMead } from '../../../src/engines/forecast/nelder-mead.js';
import { hasSeasonality } from '../../../src/engines/forecast/seasonality.js';
import { thetaForecast } from '../../../src/engines/forecast/theta.js';
import { Random } from '../../../src/shared/random.js';

const noisy = (n: number, f: (t: number) => number, sd: number, seed = 1) => {
  const rng = new Random(seed);
  return Float64Array.from({ length: n }, (_, t) => f(t) + sd * rng.normal());
};

describe('Nelder–Mead', () => {
  it('finds the minimum of a shifted quadratic', () => {
    const r = nelderMead((x) => (x[0] - 3) ** 2 + 2 * (x[1] + 1) ** 2, Float64Array.of(0, 0), { maxEvaluations: 500, tolerance: 1e-12 });
    assert.ok(Math.abs(r.x[0] - 3) < 1e-3 && Math.abs(r.x[1] + 1) < 1e-3);
  });
});

describe('ETS', () => {
  it('ETS(A,N,N) forecasts a flat line at the level of a level series', () => {
    const y = noisy(200, () => 50, 1);
    const fit = fitEts(y, { error: 'A', trend: 'N', season: 'N', period: 1 })!;
    const { point, sd } = forecastEts(fit, 5);
    for (const p of point) assert.ok(Math.abs(p - 50) < 1.5);
    assert.ok(sd[4] >= sd[0] && sd[0] > 0.5 && sd[0] < 2);
  });

  it('AICc prefers a seasonal model for seasonal data and a non-seasonal one for a random walk', () => {
    const seasonal = noisy(120, (t) => 200 + 40 * Math.cos((2 * Math.PI * t) / 12), 3);
    assert.notEqual(autoEts(seasonal, 12)!.spec.season, 'N');
    const rng = new Random(7);
    let level = 100;
    const walk = Float64Array.from({ length: 120 }, () => (level += rng.normal()));
    assert.equal(autoEts(walk, 12, undefined)!.spec.season === 'N' || !hasSeasonality(walk, 12), true);
  });

  it('multiplicative models refuse non-positive data', () => {
    assert.equal(fitEts(Float64Array.of(1, 0, 2, 3, 4, 5, 6, 7), { error: 'M', trend: 'N', season: 'N', period: 1 }), null);
  });

  it('refiltering on the same history reproduces the fitted states', () => {
    const y = noisy(100, (t) => 10 + 0.5 * t, 1);
    const fit = fitEts(y, { error: 'A', trend: 'Ad', season: 'N', period: 1 })!;
    const again = refilterEts(fit, y)!;
    assert.ok(Math.abs(again.level - fit.level) < 1e-9 && Math.abs(again.slope - fit.slope) < 1e-9);
  });

  it('damped trend forecasts flatten out', () => {
    const y = noisy(100, (t) => 10 + 0.5 * t, 0.5);
    const fit = fitEts(y, { error: 'A', trend: 'Ad', season: 'N', period: 1 })!;
    const { point } = forecastEts(fit, 200);
    assert.ok(point[199] - point[198] < point[1] - point[0] + 1e-12);
  });
});

describe('Theta', () => {
  it('extrapolates a trend and keeps the seasonal shape', () => {
    const f = (t: number) => (100 + t) * (1 + 0.1 * Math.sin((2 * Math.PI * t) / 7));
    const y = noisy(140, f, 1);
    const r = thetaForecast(y, 7, 7, true)!;
    const mae = r.point.reduce((s, p, h) => s + Math.abs(p - f(140 + h)), 0) / 7;
    assert.ok(mae < 4, `mae ${mae}`);
  });
});

describe('intermittent demand', () => {
  const y = Float64Array.from({ length: 40 }, (_, t) => (t % 4 === 3 ? 8 : 0));

  it('Croston gives size over interval for perfectly regular demand; SBA deflates it', () => {
    assert.ok(Math.abs(croston(y, false).rate - 2) < 1e-9);
    assert.ok(Math.abs(croston(y, true, 0.1).rate - 2 * 0.95) < 1e-9);
  });

  it('ADIDA aggregates to buckets of the inter-demand interval', () => {
    assert.ok(Math.abs(adida(y).rate - 2) < 1e-6);
  });

  it('TSB lets the rate decay after demand stops', () => {
    const dying = Float64Array.from({ length: 60 }, (_, t) => (t < 30 && t % 3 === 0 ? 6 : 0));
    assert.ok(tsb(dying).rate < croston(dying, false).rate);
  });

  it('no demand at all gives a zero rate', () => {
    assert.equal(croston(new Float64Array(10), false).rate, 0);
    assert.equal(adida(new Float64Array(10)).rate, 0);
  });
});

describe('multiple seasonal decomposition', () => {
  it('recovers daily and weekly patterns of a synthetic hourly series', () => {
    const daily = (t: number) => 10 * Math.sin((2 * Math.PI * t) / 24);
    const weekly = (t: number) => (Math.floor((t % 168) / 24) >= 5 ? -8 : 8 * (2 / 5));
    const y = Float64Array.from({ length: 168 * 6 }, (_, t) => 100 + daily(t) + weekly(t));
    const { adjusted } = decompose(y, [24, 168]);
    let spread = 0;
    for (let t = 168; t < y.length - 168; t++) spread = Math.max(spread, Math.abs(adjusted[t] - 100));
    assert.ok(spread < 2, `adjusted series still varies by ${spread}`);
  });
});

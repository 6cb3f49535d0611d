import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backtestSeries, ForecastInputError, forecastSeries } from '../../../src/engines/forecast/index.js';
import { Random } from '../../../src/shared/random.js';

function promoSeries(seed: number) {
  const rng = new Random(seed);
  const promoDays = Array.from({ length: 12 }, (_, k) => 20 + 30 * k); // a monthly promotion
  const values = Array.from({ length: 380 }, () => 50 + 3 * rng.normal());
  for (const d of promoDays) values[d] *= 2;
  return { values, promoDays };
}

describe('event effects', () => {
  it('estimates a recurring uplift, keeps it out of the level and applies it to future occurrences', () => {
    const { values, promoDays } = promoSeries(1);
    const r = forecastSeries(values, { horizon: 30, events: [{ name: 'promo', history: promoDays, future: [0] }] });
    assert.ok(r.flags.includes('event-effects'));
    assert.equal(r.eventEffects.length, 1);
    assert.ok(Math.abs(r.eventEffects[0].uplift - 2) < 0.15, `uplift ${r.eventEffects[0].uplift}`);
    assert.ok(Math.abs(r.point[0] / r.point[1] - r.eventEffects[0].uplift) < 0.1);
    for (const p of r.point.slice(1)) assert.ok(Math.abs(p - 50) < 4, `ordinary day ${p}`);
    assert.ok(r.upper95[0] > r.point[0] && r.lower95[0] < r.point[0]);
  });

  it('ignores events without a clear effect', () => {
    const { values } = promoSeries(2);
    const r = forecastSeries(values, { horizon: 7, events: [{ name: 'nothing', history: [33, 99, 205], future: [1] }] });
    assert.deepEqual(r.eventEffects, []);
    assert.ok(!r.flags.includes('event-effects'));
  });

  it('rejects event positions outside the history or the horizon', () => {
    assert.throws(() => forecastSeries([1, 2, 3, 4], { horizon: 2, events: [{ name: 'x', history: [4], future: [] }] }), ForecastInputError);
    assert.throws(() => forecastSeries([1, 2, 3, 4], { horizon: 2, events: [{ name: 'x', history: [], future: [2] }] }), ForecastInputError);
  });

  it('backtests with events mapped into each fold', () => {
    const { values, promoDays } = promoSeries(3);
    const r = backtestSeries(values, { horizon: 30, origins: 2, events: [{ name: 'promo', history: promoDays, future: [] }] });
    assert.equal(r.folds.length, 2);
    for (const f of r.folds) {
      const promo = promoDays.find((d) => d >= f.origin && d < f.origin + 30)!;
      assert.ok(f.point[promo - f.origin] > 1.6 * f.point[(promo - f.origin + 5) % 30], 'the promotion day is forecast high');
    }
    assert.ok(r.summary.mase < 1.5);
  });
});

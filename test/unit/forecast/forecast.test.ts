import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ForecastInputError, forecastBatch, forecastSeries, type ForecastResult } from '../../../src/engines/forecast/index.js';
import { Random } from '../../../src/shared/random.js';

function assertWellFormed(r: ForecastResult, horizon: number): void {
  for (const key of ['point', 'lower80', 'upper80', 'lower95', 'upper95'] as const) {
    assert.equal(r[key].length, horizon, `${key} length`);
    for (const v of r[key]) assert.ok(Number.isFinite(v), `${key} has ${v}`);
  }
  for (let h = 0; h < horizon; h++) {
    assert.ok(r.lower95[h] <= r.lower80[h] + 1e-9 && r.lower80[h] <= r.point[h] + 1e-9, `lower bounds at ${h}`);
    assert.ok(r.point[h] <= r.upper80[h] + 1e-9 && r.upper80[h] <= r.upper95[h] + 1e-9, `upper bounds at ${h}`);
  }
}

function seasonalSeries(n: number, period: number, seed: number, noise = 1): number[] {
  const rng = new Random(seed);
  return Array.from({ length: n }, (_, t) => 100 + 0.2 * t + 20 * Math.sin((2 * Math.PI * t) / period) + noise * rng.normal());
}

describe('forecastSeries', () => {
  it('continues a clean linear trend', () => {
    const y = Array.from({ length: 60 }, (_, t) => 10 + 2 * t);
    const r = forecastSeries(y, { horizon: 5 });
    assertWellFormed(r, 5);
    r.point.forEach((p, h) => assert.ok(Math.abs(p - (10 + 2 * (60 + h))) < 1.5, `step ${h}: ${p}`));
  });

  it('follows a seasonal pattern far better than the naive forecast', () => {
    const y = seasonalSeries(156, 12, 3);
    const truth = Array.from({ length: 12 }, (_, h) => 100 + 0.2 * (156 + h) + 20 * Math.sin((2 * Math.PI * (156 + h)) / 12));
    const r = forecastSeries(y, { horizon: 12, seasonalPeriods: [12] });
    assertWellFormed(r, 12);
    const mae = r.point.reduce((s, p, h) => s + Math.abs(p - truth[h]), 0) / 12;
    const naiveMae = truth.reduce((s, v) => s + Math.abs(v - y[y.length - 1]), 0) / 12;
    assert.ok(mae < 3, `mae ${mae}`);
    assert.ok(mae < naiveMae / 3, `mae ${mae} vs naive ${naiveMae}`);
  });

  it('handles two seasonalities (hour of day and hour of week)', () => {
    const rng = new Random(5);
    const value = (t: number) => 50 + 10 * Math.sin((2 * Math.PI * t) / 24) + (Math.floor(t / 24) % 7 >= 5 ? -15 : 0);
    const y = Array.from({ length: 24 * 7 * 5 }, (_, t) => value(t) + rng.normal());
    const r = forecastSeries(y, { horizon: 48, seasonalPeriods: [24, 168] });
    assertWellFormed(r, 48);
    const mae = r.point.reduce((s, p, h) => s + Math.abs(p - value(y.length + h)), 0) / 48;
    assert.ok(mae < 3, `mae ${mae}`);
  });

  it('uses intermittent-demand models for slow movers and flags them', () => {
    const rng = new Random(11);
    const y = Array.from({ length: 200 }, () => (rng.next() < 0.2 ? 1 + rng.int(4) : 0));
    const r = forecastSeries(y, { horizon: 14, seasonalPeriods: [7] });
    assertWellFormed(r, 14);
    assert.ok(r.flags.includes('intermittent'));
    const mean = y.reduce((a, b) => a + b, 0) / y.length;
    for (const p of r.point) assert.ok(p > 0 && p < 4 * mean + 0.5, `rate ${p} vs mean ${mean}`);
  });

  it('is deterministic and structured-cloneable', () => {
    const y = seasonalSeries(120, 7, 9, 3);
    const a = forecastSeries(y, { horizon: 10, seasonalPeriods: [7], seed: 1 });
    const b = forecastSeries(y, { horizon: 10, seasonalPeriods: [7], seed: 1 });
    assert.deepEqual(a, b);
    assert.deepEqual(structuredClone(a), a);
  });

  it('averages the best candidates when asked for an ensemble', () => {
    const r = forecastSeries(seasonalSeries(120, 7, 4, 3), { horizon: 7, seasonalPeriods: [7], selection: 'ensemble' });
    assertWellFormed(r, 7);
    assert.match(r.model, /^mean\(/);
  });

  it('keeps 95 % intervals wider than 80 % ones on noisy data', () => {
    const r = forecastSeries(seasonalSeries(100, 7, 2, 5), { horizon: 7, seasonalPeriods: [7] });
    r.point.forEach((_, h) => assert.ok(r.upper95[h] - r.lower95[h] > r.upper80[h] - r.lower80[h]));
  });
});

describe('bad input', () => {
  it('rejects a horizon that is not a positive integer', () => {
    for (const horizon of [0, -3, 2.5, NaN]) assert.throws(() => forecastSeries([1, 2, 3], { horizon }), ForecastInputError);
  });

  it('rejects non-numeric values and bad seasonal periods', () => {
    assert.throws(() => forecastSeries(['a', 'b'] as unknown as number[], { horizon: 2 }), ForecastInputError);
    assert.throws(() => forecastSeries([1, 2, 3], { horizon: 2, seasonalPeriods: [0] }), ForecastInputError);
  });

  it('returns a flagged zero forecast for an empty or all-missing history', () => {
    for (const y of [[], [NaN, NaN]]) {
      const r = forecastSeries(y, { horizon: 3 });
      assert.deepEqual(r.point, [0, 0, 0]);
      assert.ok(r.flags.includes('no-history'));
    }
  });

  it('returns a flagged zero forecast for an all-zero history', () => {
    const r = forecastSeries(new Array(30).fill(0), { horizon: 4 });
    assert.deepEqual(r.point, [0, 0, 0, 0]);
    assert.ok(r.flags.includes('all-zero-history'));
  });

  it('fills missing values and clips negative sales, flagging both', () => {
    const y = [NaN, 5, 6, NaN, 8, -2, 7, 6, 5, 6, 7, 8, 6, 5, Infinity, 6, 7];
    const r = forecastSeries(y, { horizon: 3 });
    assertWellFormed(r, 3);
    assert.ok(r.flags.includes('missing-values-filled'));
    assert.ok(r.flags.includes('negative-values-clipped'));
    for (const p of r.point) assert.ok(p >= 0);
  });

  it('ignores a season longer than the history and says so', () => {
    const r = forecastSeries([3, 4, 5, 4, 3, 4, 5, 4, 3, 4], { horizon: 4, seasonalPeriods: [7] });
    assertWellFormed(r, 4);
    assert.ok(r.flags.includes('season-longer-than-history'));
  });

  it('falls back to naive for a very short history', () => {
    const r = forecastSeries([4, 6], { horizon: 2 });
    assert.deepEqual(r.point, [6, 6]);
    assert.ok(r.flags.includes('short-history'));
  });

  it('never lets huge or constant values produce NaN', () => {
    for (const y of [new Array(50).fill(7), Array.from({ length: 50 }, (_, t) => (t % 2 ? 1e12 : 1e-3))]) {
      assertWellFormed(forecastSeries(y, { horizon: 6, seasonalPeriods: [2] }), 6);
    }
  });
});

describe('forecastBatch', () => {
  it('returns one answer per series, with errors reported per series', () => {
    const out = forecastBatch(
      [
        { id: 'a', values: seasonalSeries(60, 7, 1) },
        { id: 'b', values: [] },
        { id: 'c', values: 'oops' as unknown as number[] },
      ],
      { horizon: 7, seasonalPeriods: [7] },
    );
    assert.deepEqual(out.map((o) => o.id), ['a', 'b', 'c']);
    assert.ok(out[0].result && out[1].result?.flags.includes('no-history'));
    assert.ok(out[2].error && !out[2].result);
  });

  it('honours the time limit by falling back to naive forecasts', () => {
    const series = Array.from({ length: 40 }, (_, i) => ({ id: `s${i}`, values: seasonalSeries(400, 24, i) }));
    const started = performance.now();
    const out = forecastBatch(series, { horizon: 24, seasonalPeriods: [24], timeLimitMs: 30 });
    assert.ok(performance.now() - started < 3000);
    assert.equal(out.length, 40);
    assert.ok(out.some((o) => o.result?.flags.includes('time-limit')));
    for (const o of out) assertWellFormed(o.result!, 24);
  });

  it('stops when the caller cancels', () => {
    let polls = 0;
    const series = Array.from({ length: 20 }, (_, i) => ({ id: `s${i}`, values: seasonalSeries(200, 12, i) }));
    const out = forecastBatch(series, { horizon: 12, seasonalPeriods: [12], shouldStop: () => ++polls > 0 });
    assert.equal(out.length, 20);
    // Deadline polls shouldStop every 64th check, so a few series may finish before the stop lands.
    assert.ok(out.slice(10).every((o) => o.result?.flags.includes('time-limit')));
  });
});

describe('long histories', () => {
  it('uses only the most recent observations of a very long series', () => {
    const y = Array.from({ length: 12_000 }, (_, t) => 10 + (t % 7));
    const r = forecastSeries(y, { horizon: 7, seasonalPeriods: [7], families: ['seasonal-naive', 'naive'] });
    assert.ok(r.flags.includes('history-truncated'));
    assert.equal(r.observations, 10_000);
    assert.deepEqual(r.point, Array.from({ length: 7 }, (_, h) => 10 + ((12_000 + h) % 7)));
  });
});

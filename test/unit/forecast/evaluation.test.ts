import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Command } from 'commander';
import { registerForecastBench } from '../../../bench/forecast/command.js';
import { readDataset } from '../../../bench/forecast/datasets.js';
import * as benchMetrics from '../../../bench/forecast/metrics.js';
import { runBenchmark } from '../../../bench/forecast/run.js';
import {
  backtestSeries,
  ForecastInputError,
  forecastSeries,
  mase,
  reconcileBottomUp,
  relativeBias,
  rmsse,
  smape,
} from '../../../src/engines/forecast/index.js';

describe('accuracy measures', () => {
  it('match hand-computed values', () => {
    const history = [1, 2, 3, 4, 5];
    assert.equal(mase(history, [6, 7], [6, 9], 1), 1); // MAE 1, naive MAE 1
    assert.ok(Math.abs(smape([100], [50]) - (100 * 2 * 50) / 150) < 1e-9);
    // scale starts at the first sale: one step 1 → 3, squared 4
    assert.ok(Math.abs(rmsse([0, 0, 1, 3], [2], [4]) - 1) < 1e-9);
    assert.equal(relativeBias([10, 10], [12, 12]), 0.2);
    assert.equal(benchMetrics.mase(history, [6, 7], [6, 9], 1), 1);
    assert.ok(Math.abs(benchMetrics.rmsse([0, 0, 1, 3], [2], [4]) - 1) < 1e-9);
  });
});

describe('backtestSeries', () => {
  it('scores rolling origins and is perfect on a repeating pattern', () => {
    const y = Array.from({ length: 70 }, (_, t) => [5, 9, 2, 7, 4, 8, 3][t % 7]);
    const r = backtestSeries(y, { horizon: 7, seasonalPeriods: [7], origins: 3 });
    assert.deepEqual(r.folds.map((f) => f.origin), [49, 56, 63]);
    assert.ok(r.summary.mase < 0.05, `mase ${r.summary.mase}`);
    assert.ok(r.summary.coverage95 > 0.9);
  });

  it('rejects a history too short for any origin', () => {
    assert.throws(() => backtestSeries([1, 2, 3], { horizon: 5 }), ForecastInputError);
  });
});

describe('reconcileBottomUp', () => {
  it('makes categories and the total the sums of the SKU forecasts', () => {
    const skus = [
      { id: 'a', groups: ['cat:shoes', 'region:EU'], values: [5, 6, 5, 7, 6, 5, 6, 7, 6, 5] },
      { id: 'b', groups: ['cat:shoes', 'region:US'], values: [1, 0, 2, 1, 1, 0, 1, 2, 1, 1] },
      { id: 'c', groups: ['cat:bags', 'region:EU'], values: [9, 8, 10, 9, 11, 9, 10, 9, 8, 10] },
    ];
    const items = skus.map((s) => ({ id: s.id, groups: s.groups, forecast: forecastSeries(s.values, { horizon: 3 }) }));
    const r = reconcileBottomUp(items);
    for (let h = 0; h < 3; h++) {
      const sum = items.reduce((s, i) => s + i.forecast.point[h], 0);
      assert.ok(Math.abs(r.total.point[h] - sum) < 1e-9);
      const shoes = r.groups.find((g) => g.group === 'cat:shoes')!;
      assert.ok(Math.abs(shoes.point[h] - items[0].forecast.point[h] - items[1].forecast.point[h]) < 1e-9);
      assert.ok(r.total.lower95[h] <= r.total.point[h] && r.total.point[h] <= r.total.upper95[h]);
    }
    assert.deepEqual(r.groups.map((g) => g.group), ['cat:bags', 'cat:shoes', 'region:EU', 'region:US']);
    assert.deepEqual(r.groups.find((g) => g.group === 'region:EU')!.members, ['a', 'c']);
  });
});

describe('benchmark readers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'forecast-bench-'));

  it('reads an M4 train file with its test file beside it', () => {
    writeFileSync(join(dir, 'Tiny-train.csv'), '"V1","V2","V3","V4","V5","V6"\n"T1","1","2","3","4","5"\n"T2","5","4","3","","\n');
    writeFileSync(join(dir, 'Tiny-test.csv'), '"V1","V2","V3"\n"T1","6","7"\n"T2","2","1"\n');
    const d = readDataset(join(dir, 'Tiny-train.csv'), 2);
    assert.equal(d.format, 'm4');
    assert.deepEqual(d.series[1], { id: 'T2', train: [5, 4, 3], test: [2, 1] });
    const { report, forecasts } = runBenchmark(d, { horizon: 2, season: 1 });
    assert.equal(forecasts.length, 2);
    assert.equal(report.invalid.length, 0);
    assert.equal(report.methods[1].method, 'Naive');
  });

  it('holds out the last H points of a .tsf series', () => {
    writeFileSync(join(dir, 'tiny.tsf'), '# comment\n@relation Tiny\n@frequency daily\n@horizon 2\n@data\nS1:2020-01-01 00-00-00:1,2,3,4,5\n');
    const d = readDataset(join(dir, 'tiny.tsf'), 2);
    assert.equal(d.frequency, 'daily');
    assert.deepEqual(d.series[0], { id: 'S1', train: [1, 2, 3], test: [4, 5] });
  });

  it('reads an M5 sales file', () => {
    writeFileSync(join(dir, 'sales.csv'), 'id,item_id,dept_id,cat_id,store_id,state_id,d_1,d_2,d_3,d_4\nX_1,X,D,C,S,CA,0,1,0,2\n');
    const d = readDataset(join(dir, 'sales.csv'), 1);
    assert.equal(d.format, 'm5');
    assert.deepEqual(d.series[0], { id: 'X_1', train: [0, 1, 0], test: [2] });
  });

  it('the bench command writes one row per series: id then H forecasts', async () => {
    writeFileSync(join(dir, 'Cmd-train.csv'), '"V1","V2","V3","V4","V5","V6"\n"A","1","2","3","4","5"\n"B","5","5","5","5","5"\n');
    writeFileSync(join(dir, 'Cmd-test.csv'), '"V1","V2","V3"\n"A","6","7"\n"B","5","5"\n');
    const bench = new Command('bench').exitOverride();
    registerForecastBench(bench);
    const log = console.log;
    const printed: string[] = [];
    console.log = (...args: unknown[]) => void printed.push(args.join(' '));
    try {
      await bench.parseAsync(['forecast', join(dir, 'Cmd-train.csv'), '--horizon', '2', '--json', '--out', join(dir, 'out')], { from: 'user' });
    } finally {
      console.log = log;
    }
    const report = JSON.parse(printed.join('\n'));
    assert.equal(report.series, 2);
    const rows = readFileSync(join(dir, 'out', 'M4-Cmd.csv'), 'utf8').trim().split('\n').map((r) => r.split(','));
    assert.deepEqual(rows.map((r) => r[0]), ['A', 'B']);
    for (const r of rows) assert.equal(r.length, 3);
    assert.deepEqual(rows[1].slice(1).map(Number), [5, 5]);
  });
});

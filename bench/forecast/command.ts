/** `portolan bench forecast FILE --horizon H [--season M] [--json] [--out DIR]`. */
import type { Command } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { datasetFileName, readDataset, type BenchDataset } from './datasets.js';
import { runBenchmark, type BenchReport } from './run.js';

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`expected a positive integer, got ${value}`);
  return n;
}

function formatTable(report: BenchReport): string {
  const lines: string[] = [];
  lines.push(`${report.dataset}: ${report.series} series, horizon ${report.horizon}, season ${report.season}, engine periods [${report.enginePeriods.join(', ')}]`);
  const header = ['method', 'MASE', 'sMAPE %', 'RMSSE', 'bias %', 'cover80', 'cover95', 'seconds', 'CPU s'];
  const rows: string[][] = report.methods.map((m) => [
    m.method,
    m.mase.toFixed(3),
    m.smape.toFixed(3),
    m.rmsse.toFixed(3),
    (100 * m.bias).toFixed(1),
    m.coverage80 === undefined ? '' : (100 * m.coverage80).toFixed(1) + '%',
    m.coverage95 === undefined ? '' : (100 * m.coverage95).toFixed(1) + '%',
    m.seconds.toFixed(2),
    m.cpuSeconds === undefined ? '' : m.cpuSeconds.toFixed(2),
  ]);
  for (const r of report.references.filter((r) => r.mase !== undefined || r.smape !== undefined)) rows.push([`ref: ${r.method}`, r.mase?.toFixed(3) ?? '', r.smape?.toFixed(3) ?? '', '', '', '', '', '', '']);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const format = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  lines.push(format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(format));
  for (const r of report.references.filter((r) => r.note)) lines.push(`note: ${r.method}: ${r.note}`);
  lines.push(`valid forecasts (length, finite, ordered intervals; checked by the bench): ${report.series - report.invalid.length}/${report.series}`);
  for (const problem of report.invalid.slice(0, 10)) lines.push(`  invalid ${problem}`);
  const flags = Object.entries(report.flags).map(([f, c]) => `${f} ${c}`);
  if (flags.length) lines.push(`flags: ${flags.join(', ')}`);
  return lines.join('\n');
}

function writeForecasts(dir: string, dataset: BenchDataset, forecasts: number[][]): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, datasetFileName(dataset));
  const lines = dataset.series.map((s, i) => [s.id, ...forecasts[i].map((v) => String(Number(v.toPrecision(10))))].join(','));
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

export function registerForecastBench(bench: Command): Command {
  return bench
    .command('forecast')
    .description('Score the demand forecasting engine on an M4 train CSV, a Monash .tsf or an M5 sales CSV')
    .argument('<file>', 'M4 *-train.csv (test file beside it), Monash .tsf, or M5 sales_train_*.csv')
    .requiredOption('--horizon <h>', 'forecast horizon; for .tsf and M5 the last H points are held out', positiveInteger)
    .option('--season <m>', 'seasonal period for MASE and seasonal naive (default from the frequency: hourly 24, daily 7, weekly 1)', positiveInteger)
    .option('--limit <n>', 'only the first N series (for quick checks)', positiveInteger)
    .option('--time-limit <seconds>', 'time budget for the engine over the whole dataset', positiveInteger)
    .option('--seed <seed>', 'seed', (v: string) => Number(v), 1)
    .option('--no-events', 'do not give calendar events (M5 calendar.csv) to the engine')
    .option('--json', 'print the JSON report instead of the table')
    .option('--out <dir>', 'write <dir>/<dataset>.csv with one row per series: id, then its H point forecasts')
    .action((file: string, opts: { horizon: number; season?: number; limit?: number; timeLimit?: number; seed: number; events: boolean; json?: boolean; out?: string }) => {
      const dataset = readDataset(file, opts.horizon);
      if (opts.limit) dataset.series = dataset.series.slice(0, opts.limit);
      const { report, forecasts } = runBenchmark(dataset, {
        horizon: opts.horizon,
        season: opts.season,
        seed: opts.seed,
        timeLimitMs: opts.timeLimit ? opts.timeLimit * 1000 : undefined,
        useEvents: opts.events,
      });
      const written = opts.out ? writeForecasts(opts.out, dataset, forecasts) : undefined;
      if (opts.json) console.log(JSON.stringify({ ...report, file, forecastsFile: written }, null, 2));
      else {
        console.log(formatTable(report));
        if (written) console.log(`forecasts written to ${written}`);
      }
    });
}

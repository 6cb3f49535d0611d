/** `portolan bench network FILES... --time-limit SECONDS [--json] [--out DIR] [--threads N] [--seed N]`. */
import type { Command } from 'commander';
import { solveNetwork } from '../../src/engines/network/solve.js';
import type { RegionHelpers } from '../../src/engines/network/region-task.js';
import { availableParallelism } from 'node:os';
import { createRegionHelpers } from '../../src/threads/region-helpers.js';
import { isReferenceFile, readInstance } from './readers.js';
import { verifySolution, writeSolution } from './solution.js';

export interface NetworkBenchRow {
  instance: string;
  cost: number;
  lowerBound: number;
  seconds: number;
  optimum?: number;
  /** solution re-checked from the raw data: feasible and cost matching */
  valid: boolean;
  problems: string[];
}

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`expected a positive number, got ${value}`);
  return n;
}

function percent(value: number): string {
  return Number.isFinite(value) ? (100 * value).toFixed(3) : '';
}

function formatTable(rows: NetworkBenchRow[]): string {
  const header = ['instance', 'cost', 'lower bound', 'gap to bound %', 'optimum', 'gap to optimum %', 'seconds', 'valid'];
  const cells = rows.map((r) => [
    r.instance,
    String(Number(r.cost.toFixed(6))),
    String(Number(r.lowerBound.toFixed(3))),
    percent((r.cost - r.lowerBound) / Math.max(Math.abs(r.cost), 1e-9)),
    r.optimum === undefined ? '' : String(r.optimum),
    r.optimum === undefined ? '' : percent((r.cost - r.optimum) / Math.max(Math.abs(r.optimum), 1e-9)),
    r.seconds.toFixed(2),
    r.valid ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((row) => row[c].length)));
  const format = (row: string[]) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  const lines = [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(format)];
  const withOptimum = rows.filter((r) => r.optimum !== undefined);
  const atOptimum = withOptimum.filter((r) => Math.abs(r.cost - r.optimum!) <= 1e-6 * Math.max(1, Math.abs(r.optimum!)));
  const meanGap = rows.reduce((a, r) => a + (r.cost - r.lowerBound) / Math.max(Math.abs(r.cost), 1e-9), 0) / Math.max(1, rows.length);
  const meanSeconds = rows.reduce((a, r) => a + r.seconds, 0) / Math.max(1, rows.length);
  lines.push(
    `instances ${rows.length}, valid ${rows.filter((r) => r.valid).length}, at reference optimum ${atOptimum.length}/${withOptimum.length}, ` +
      `mean gap to bound ${percent(meanGap)} %, mean seconds ${meanSeconds.toFixed(2)}, max seconds ${Math.max(0, ...rows.map((r) => r.seconds)).toFixed(2)}`,
  );
  for (const r of rows) for (const p of r.problems.slice(0, 5)) lines.push(`  ${r.instance}: ${p}`);
  return lines.join('\n');
}

export function registerNetworkBench(bench: Command): Command {
  return bench
    .command('network')
    .description('Benchmark the warehouse network design engine on single-source CFLP (Holmberg/Delmaire format) and OR-Library p-median files')
    .argument('<files...>', 'SSCFLP instance files (reference `os` beside them) and/or pmedN.txt files (reference pmedopt.txt beside them)')
    .requiredOption('--time-limit <seconds>', 'time limit per instance', positiveNumber)
    .option('--seed <seed>', 'seed', (v: string) => Number(v), 1)
    .option('--threads <n>', 'threads for the region search on models too large for the tree (default: one per core)', (v: string) => positiveNumber(v), availableParallelism())
    .option('--json', 'print one JSON object per instance instead of the table')
    .option('--out <dir>', 'write <dir>/<instance>.sol: cost, then the 0-based facility (median) of each customer (vertex)')
    .action(async (files: string[], opts: { timeLimit: number; seed: number; threads: number; json?: boolean; out?: string }) => {
      const rows: NetworkBenchRow[] = [];
      const threads = Math.floor(opts.threads);
      const regionHelpers = threads > 1 ? createRegionHelpers(threads) : undefined;
      try {
        await benchFiles(files, opts, rows, regionHelpers);
      } finally {
        await regionHelpers?.close();
      }
      if (!opts.json) console.log(formatTable(rows));
      if (rows.some((r) => !r.valid)) process.exitCode = 1;
    });
}

async function benchFiles(
  files: string[],
  opts: { timeLimit: number; seed: number; json?: boolean; out?: string },
  rows: NetworkBenchRow[],
  regionHelpers: RegionHelpers | undefined,
): Promise<void> {
  for (const file of files) {
    if (isReferenceFile(file)) continue;
    const instance = readInstance(file);
    const started = performance.now();
    const solution = await solveNetwork(instance.problem, { timeLimitMs: opts.timeLimit * 1000, seed: opts.seed, regionHelpers }).catch((error: Error) => {
      throw new Error(`${file}: ${error.message}`);
    });
    const seconds = (performance.now() - started) / 1000;
    const verdict = verifySolution(instance.problem, solution.assignment);
    const problems = [...verdict.problems];
    if (Math.abs(verdict.cost - solution.cost) > 1e-6 * Math.max(1, Math.abs(verdict.cost)))
      problems.push(`engine reported cost ${solution.cost}, recomputed ${verdict.cost}`);
    if (opts.out) writeSolution(opts.out, instance.name, verdict.cost, solution.assignment);
    const row: NetworkBenchRow = {
      instance: instance.name,
      cost: verdict.cost,
      lowerBound: solution.lowerBound,
      seconds,
      optimum: instance.optimum,
      valid: problems.length === 0,
      problems,
    };
    rows.push(row);
    if (opts.json) console.log(JSON.stringify({ instance: row.instance, cost: row.cost, lowerBound: row.lowerBound, seconds: Number(seconds.toFixed(3)), optimum: row.optimum, valid: row.valid }));
    else if (process.stderr.isTTY) process.stderr.write(`${row.instance} ${row.cost} (${seconds.toFixed(1)} s)\n`);
  }
}

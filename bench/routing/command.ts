import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import { solveRoutes } from '../../src/engines/routing/index.js';
import type { BenchInstance } from './bench-instance.js';
import { toRoutingProblem } from './bench-problem.js';
import { referenceCost } from './reference.js';
import { formatSolution } from './solution-writer.js';
import { parseSolomon } from './solomon-reader.js';
import { verifySolution } from './verifier.js';
import { parseVrplib } from './vrplib-reader.js';

export interface RoutingBenchRow {
  instance: string;
  cost: number;
  vehicles: number;
  seconds: number;
  feasible: boolean;
  /** Percent above the best-known cost, or null without a reference. */
  gap: number | null;
  bestKnown: number | null;
  problems?: string[];
}

export function readBenchInstance(file: string): BenchInstance {
  const text = readFileSync(file, 'utf8');
  const name = basename(file).replace(/\.[^.]+$/, '');
  return /\.vrp$/i.test(file) ? parseVrplib(text, name) : parseSolomon(text, name);
}

/** Solves one instance file and checks the answer independently of the engine. */
export function runRoutingBench(file: string, options: { timeLimitSeconds?: number; seed: number }): { row: RoutingBenchRow; routes: number[][] } {
  const inst = readBenchInstance(file);
  const n = inst.x.length - 1;
  const seconds = options.timeLimitSeconds ?? (inst.kind === 'vrptw' ? 10 : n / 10);
  const started = performance.now();
  const plan = solveRoutes(toRoutingProblem(inst), { seed: options.seed, timeLimitMs: seconds * 1000 });
  const elapsed = (performance.now() - started) / 1000;
  const routes = plan.routes.map((r) => r.visits.map((v) => Number(v.stopId)));
  const verdict = verifySolution(inst, routes);
  const ref = referenceCost(file, inst.name);
  const cost = inst.roundDistances ? verdict.cost : Math.round(verdict.cost * 100) / 100;
  return {
    routes,
    row: {
      instance: inst.name,
      cost,
      vehicles: verdict.vehicles,
      seconds: Math.round(elapsed * 10) / 10,
      feasible: verdict.feasible,
      gap: ref ? Math.round(((verdict.cost - ref) / ref) * 10000) / 100 : null,
      bestKnown: ref,
      ...(verdict.feasible ? {} : { problems: verdict.problems.slice(0, 5) }),
    },
  };
}

export function formatRoutingTable(rows: RoutingBenchRow[]): string {
  const head = ['instance', 'cost', 'best known', 'gap %', 'vehicles', 'seconds', 'feasible'];
  const body = rows.map((r) => [r.instance, String(r.cost), r.bestKnown === null ? '-' : String(r.bestKnown), r.gap === null ? '-' : r.gap.toFixed(2), String(r.vehicles), r.seconds.toFixed(1), r.feasible ? 'yes' : 'NO']);
  const gaps = rows.filter((r) => r.gap !== null).map((r) => r.gap as number);
  if (rows.length > 1) {
    const mean = gaps.length ? (gaps.reduce((s, g) => s + g, 0) / gaps.length).toFixed(2) : '-';
    body.push(['mean', '', '', mean, '', (rows.reduce((s, r) => s + r.seconds, 0) / rows.length).toFixed(1), `${rows.filter((r) => r.feasible).length}/${rows.length}`]);
  }
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [fmt(head), fmt(widths.map((w) => '-'.repeat(w))), ...body.map(fmt)].join('\n');
}

export function registerRoutingBench(bench: Command): Command {
  return bench
    .command('routing')
    .description('solve CVRPLIB (.vrp) and Solomon (.txt) instances, verify them and compare with best-known costs')
    .argument('<files...>', 'instance files')
    .option('--time-limit <seconds>', 'time limit per instance (default n/10 s for CVRP, 10 s for Solomon)')
    .option('--seed <n>', 'random seed', '1')
    .option('--json', 'print a JSON array instead of a table')
    .option('--out <dir>', 'write each solution as DIR/<instance>.sol')
    .action((files: string[], opts: { timeLimit?: string; seed: string; json?: boolean; out?: string }) => {
      const timeLimitSeconds = opts.timeLimit === undefined ? undefined : Number(opts.timeLimit);
      if (timeLimitSeconds !== undefined && !(timeLimitSeconds > 0)) throw new Error('--time-limit must be a positive number of seconds');
      const seed = Number(opts.seed);
      if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
      const rows: RoutingBenchRow[] = [];
      for (const file of files) {
        const { row, routes } = runRoutingBench(file, { timeLimitSeconds, seed });
        rows.push(row);
        if (opts.out) {
          mkdirSync(opts.out, { recursive: true });
          writeFileSync(join(opts.out, `${row.instance}.sol`), formatSolution(routes, row.cost));
        }
        if (!opts.json) process.stderr.write(`${row.instance}: ${row.cost} (${row.gap ?? '-'} %) ${row.feasible ? '' : 'INFEASIBLE'}\n`);
      }
      if (opts.json) console.log(JSON.stringify(rows.map(({ instance, cost, vehicles, seconds, feasible, gap }) => ({ instance, cost, vehicles, seconds, feasible, gap })), null, 2));
      else console.log(formatRoutingTable(rows));
    });
}

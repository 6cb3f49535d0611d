/** `portolan bench landed-cost [--quotes N] [--seed S] [--json] [--out DIR]`: in-process quote throughput and latency. */
import type { Command } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { quoteLandedCost, type LandedCostQuote } from '../../src/engines/landed-cost/index.js';
import { BENCH_RATES, generateRequests } from './generate.js';
import { verifyQuote } from './verify.js';

export interface LandedCostBenchRow {
  destination: string;
  quotes: number;
  meanUs: number;
  p50Us: number;
  p99Us: number;
  maxUs: number;
  valid: number;
}

export interface LandedCostBenchReport {
  quotes: number;
  seed: number;
  seconds: number;
  quotesPerSecond: number;
  p50Us: number;
  p99Us: number;
  targetP99Us: number;
  rejected: number;
  invalid: string[];
  perDestination: LandedCostBenchRow[];
  node: string;
}

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export function runLandedCostBench(count: number, seed: number, out?: string): LandedCostBenchReport {
  const requests = generateRequests(count, seed);
  for (const r of generateRequests(Math.min(500, count), seed + 1)) {
    try { quoteLandedCost(r, undefined, BENCH_RATES); } catch { /* warm-up only */ }
  }
  const times: number[] = [];

  const byDest = new Map<string, { times: number[]; valid: number }>();
  const quotes: (LandedCostQuote | { error: string })[] = [];
  const invalid: string[] = [];
  let rejected = 0;
  const started = performance.now();
  for (const r of requests) {
    const t0 = performance.now();
    let q: LandedCostQuote | undefined;
    let error: string | undefined;
    try { q = quoteLandedCost(r, undefined, BENCH_RATES); } catch (e) { error = (e as Error).message; }
    const us = (performance.now() - t0) * 1000;
    times.push(us);

    const dest = r.destination.country;
    const slot = byDest.get(dest) ?? { times: [], valid: 0 };
    byDest.set(dest, slot);
    slot.times.push(us);
    if (!q) { rejected++; quotes.push({ error: error! }); continue; }
    const problems = verifyQuote(q);
    if (problems.length) invalid.push(...problems.map((p) => `#${quotes.length} ${p}`));
    else slot.valid++;
    quotes.push(q);
  }
  const seconds = (performance.now() - started) / 1000;
  if (out) {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, `landed-cost-quotes-seed${seed}.jsonl`), quotes.map((q, i) => JSON.stringify({ request: requests[i], quote: q })).join('\n') + '\n');
  }
  const sorted = [...times].sort((a, b) => a - b);

  const perDestination = [...byDest.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([destination, s]) => {
    const t = [...s.times].sort((a, b) => a - b);
    return { destination, quotes: t.length, meanUs: t.reduce((a, b) => a + b, 0) / t.length, p50Us: quantile(t, 0.5), p99Us: quantile(t, 0.99), maxUs: t[t.length - 1], valid: s.valid };
  });
  return {
    quotes: count, seed, seconds, quotesPerSecond: count / seconds, p50Us: quantile(sorted, 0.5), p99Us: quantile(sorted, 0.99), targetP99Us: 20_000,
    rejected, invalid, perDestination, node: process.version,
  };
}

function formatTable(r: LandedCostBenchReport): string {
  const header = ['destination', 'quotes', 'mean µs', 'p50 µs', 'p99 µs', 'max µs', 'valid'];
  const rows = r.perDestination.map((d) => [d.destination, String(d.quotes), d.meanUs.toFixed(0), d.p50Us.toFixed(0), d.p99Us.toFixed(0), d.maxUs.toFixed(0), `${d.valid}/${d.quotes}`]);
  rows.push(['all', String(r.quotes), (r.seconds * 1e6 / r.quotes).toFixed(0), r.p50Us.toFixed(0), r.p99Us.toFixed(0), Math.max(...r.perDestination.map((d) => d.maxUs)).toFixed(0), `${r.quotes - r.rejected - new Set(r.invalid.map((i) => i.split(' ')[0])).size}/${r.quotes}`]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
  const fmt = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  const lines = [fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)];
  lines.push(`${r.quotesPerSecond.toFixed(0)} quotes/s in-process (${r.seconds.toFixed(2)} s, seed ${r.seed}, node ${r.node}); p99 ${(r.p99Us / 1000).toFixed(3)} ms vs target 20 ms: ${r.p99Us < r.targetP99Us ? 'met' : 'NOT met'}`);
  lines.push(`rejected requests: ${r.rejected}; verifier problems: ${r.invalid.length}`);
  for (const p of r.invalid.slice(0, 10)) lines.push(`  ${p}`);
  return lines.join('\n');
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`expected a positive integer, got ${value}`);
  return n;
}

export function registerLandedCostBench(bench: Command): Command {
  return bench
    .command('landed-cost')
    .description('Quote throughput and latency of the landed-cost engine over a seeded mix of requests to every shipped destination, each quote checked independently')
    .option('--quotes <n>', 'number of quotes', positiveInteger, 20_000)
    .option('--seed <seed>', 'seed of the request mix', (v: string) => Number(v), 1)
    .option('--json', 'print the JSON report instead of the table')
    .option('--out <dir>', 'write <dir>/landed-cost-quotes-seed<S>.jsonl with every request and its quote')
    .action((opts: { quotes: number; seed: number; json?: boolean; out?: string }) => {
      const report = runLandedCostBench(opts.quotes, opts.seed, opts.out);
      console.log(opts.json ? JSON.stringify(report, null, 2) : formatTable(report));
      if (report.invalid.length) process.exitCode = 1;
    });
}

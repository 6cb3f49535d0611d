import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Command } from 'commander';
import { cartonize } from '../../src/engines/packing/cartonize.js';
import { loadContainer } from '../../src/engines/packing/container-loader.js';
import { parseBoxes, parseExpected, parseOrders } from './boxpacker-reader.js';
import { checkOrderLine } from './order-check.js';
import { containerLine, orderLine } from './solution-writer.js';
import { parseThpack } from './thpack-reader.js';
import { verifyBin, type VerifierItem } from './verifier.js';

/** Adds `packing` (BoxPacker orders) and `container` (thpack / BR) to `portolan bench`. */
export function registerPackingBench(bench: Command): void {
  bench
    .command('packing')
    .description('cartonize BoxPacker-format orders and compare with BoxPacker expected.csv')
    .requiredOption('--orders <file>', 'items.csv: order, quantity, item, width, length, depth (mm), weight (g)')
    .requiredOption('--boxes <file>', 'boxes.csv: name, outer w,l,d, empty weight, inner w,l,d, max weight')
    .option('--expected <file>', "BoxPacker's expected.csv (default: beside items.csv)")
    .option('--keep-flat', 'items may only turn about the vertical axis')
    .option('--objective <name>', 'boxes (fewest boxes first, as BoxPacker) or cost', 'boxes')
    .option('--min-support <percent>', 'share of each item base that must rest on something', '0')
    .option('--limit <n>', 'only the first n orders')
    .option('--seed <n>', 'random seed', '1')
    .option('--json', 'print the summary as JSON')
    .option('--out <file>', 'write one JSON line per order')
    .action((opts: { orders: string; boxes: string; expected?: string; keepFlat?: boolean; objective: string; minSupport: string; limit?: string; seed: string; json?: boolean; out?: string }) => {
      const keepFlat = opts.keepFlat === true;
      let orders = parseOrders(readFileSync(opts.orders, 'utf8'), keepFlat);
      if (opts.limit) orders = orders.slice(0, Number(opts.limit));
      const boxes = parseBoxes(readFileSync(opts.boxes, 'utf8'));
      const expectedPath = opts.expected ?? join(dirname(opts.orders), 'expected.csv');
      const expected = existsSync(expectedPath) ? parseExpected(readFileSync(expectedPath, 'utf8')) : null;
      if (opts.objective !== 'boxes' && opts.objective !== 'cost') throw new Error('--objective must be boxes or cost');
      // a per-parcel fee and a per-kg rate on dimensional weight, so that among equal box counts smaller boxes win
      const shipping = { dimDivisorCm3PerKg: 5000, ratePerKgMinor: 100, perParcelMinor: 500 };

      const lines: string[] = [];
      let boxCount = 0, refBoxes = 0, fewer = 0, more = 0, invalidOrders = 0, unpackableUnits = 0;
      let utilSum = 0, refUtilSum = 0, refCount = 0, engineMs = 0, engineCpuMs = 0;
      const firstErrors: string[] = [];
      for (const order of orders) {
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        const result = cartonize(order, boxes, { objective: opts.objective as 'boxes' | 'cost', shipping, seed: Number(opts.seed), timeLimitMs: 1000, minSupportPercent: Number(opts.minSupport) });
        engineMs += performance.now() - t0;
        const c1 = process.cpuUsage(c0);
        engineCpuMs += (c1.user + c1.system) / 1000;
        const line = orderLine(order.id, result);
        const errors = checkOrderLine(line, order, boxes);
        if (errors.length > 0) {
          invalidOrders++;
          if (firstErrors.length < 5) firstErrors.push(`${order.id}: ${errors[0]}`);
        }
        boxCount += line.boxes.length;
        for (const u of result.unpackable) unpackableUnits += u.quantity;
        utilSum += orderUtilisation(line, boxes);
        const ref = expected?.get(order.id);
        if (ref) {
          const rb = keepFlat ? ref.boxesFlat : ref.boxesRotating;
          refBoxes += rb;
          refUtilSum += keepFlat ? ref.utilisationFlatPercent : ref.utilisationRotatingPercent;
          refCount++;
          if (line.boxes.length < rb) fewer++;
          if (line.boxes.length > rb) more++;
        }
        if (opts.out) lines.push(JSON.stringify(line));
      }
      if (opts.out) writeFileSync(opts.out, lines.join('\n') + '\n');
      const summary = {
        orders: orders.length,
        keepFlat,
        boxes: boxCount,
        boxPackerBoxes: expected ? refBoxes : null,
        ordersWithFewerBoxes: fewer,
        ordersWithMoreBoxes: more,
        meanUtilisationPercent: round(utilSum / Math.max(1, orders.length), 2),
        boxPackerMeanUtilisationPercent: refCount ? round(refUtilSum / refCount, 2) : null,
        invalidOrders,
        unpackableUnits,
        engineSeconds: round(engineMs / 1000, 2),
        ordersPerSecond: Math.round(orders.length / Math.max(1e-9, engineMs / 1000)),
        // CPU time of the engine calls: the throughput on an otherwise idle core
        engineCpuSeconds: round(engineCpuMs / 1000, 2),
        ordersPerCpuSecond: Math.round(orders.length / Math.max(1e-9, engineCpuMs / 1000)),
        errors: firstErrors,
      };
      if (opts.json) {
        console.log(JSON.stringify(summary, null, 2));
        return;
      }
      console.log(`orders ${summary.orders} (${keepFlat ? 'kept flat' : 'any rotation'})`);
      console.log(pad('', 26) + pad('Portolan', 12) + pad('BoxPacker', 12));
      console.log(pad('boxes used', 26) + pad(String(summary.boxes), 12) + pad(String(summary.boxPackerBoxes ?? '-'), 12));
      console.log(pad('mean utilisation %', 26) + pad(summary.meanUtilisationPercent.toFixed(2), 12) + pad(summary.boxPackerMeanUtilisationPercent?.toFixed(2) ?? '-', 12));
      console.log(`orders with fewer / more boxes than BoxPacker: ${fewer} / ${more}`);
      console.log(`invalid orders (independent check): ${invalidOrders}; unpackable units: ${unpackableUnits}`);
      console.log(`engine wall time ${summary.engineSeconds} s (${summary.ordersPerSecond} orders/s); CPU time ${summary.engineCpuSeconds} s (${summary.ordersPerCpuSecond} orders per CPU second)`);
      for (const e of firstErrors) console.log(`  ${e}`);
    });

  bench
    .command('container')
    .description('load single containers (OR-Library thpack / Bischoff & Ratcliff format)')
    .argument('<files...>', 'thpack files, e.g. br1.txt ... br7.txt')
    .option('--time-limit <seconds>', 'per problem', '5')
    .option('--limit <n>', 'only the first n problems of each file')
    .option('--reference <file>', 'boxpacker-utilisation.csv (default: beside the first file when present)')
    .option('--seed <n>', 'random seed', '1')
    .option('--json', 'print results as JSON')
    .option('--out <dir>', 'write placements, one JSON-lines file per input file')
    .action((files: string[], opts: { timeLimit: string; limit?: string; reference?: string; seed: string; json?: boolean; out?: string }) => {
      const refPath = opts.reference ?? join(dirname(files[0]), 'boxpacker-utilisation.csv');
      const reference = existsSync(refPath) ? parseReference(readFileSync(refPath, 'utf8')) : new Map<string, number>();
      if (opts.out) mkdirSync(opts.out, { recursive: true });
      const report: { file: string; problems: { problem: number; utilisationPercent: number; boxPackerPercent: number | null; seconds: number; valid: boolean }[]; meanPercent: number; boxPackerMeanPercent: number | null }[] = [];
      for (const file of files) {
        let problems = parseThpack(readFileSync(file, 'utf8'));
        if (opts.limit) problems = problems.slice(0, Number(opts.limit));
        const out: string[] = [];
        const rows: (typeof report)[number]['problems'] = [];
        for (const p of problems) {
          const t0 = performance.now();
          const r = loadContainer(p.container, p.cargo, { timeLimitMs: Number(opts.timeLimit) * 1000, seed: Number(opts.seed) });
          const seconds = (performance.now() - t0) / 1000;
          const line = containerLine(p.index, r);
          const items = new Map<string, VerifierItem>(p.cargo.map((c) => [c.id, { dims: c.dimsMm, mayStandVertical: c.mayStandVertical, quantity: c.count }]));
          const placements = line.boxes[0].items;
          const errors = verifyBin({ x: p.container.lengthMm, y: p.container.widthMm, z: p.container.heightMm }, placements, items);
          // utilisation recomputed from the written placements, not taken from the engine
          const volume = placements.reduce((s, q) => s + q.w * q.l * q.d, 0);
          const util = (100 * volume) / (p.container.lengthMm * p.container.widthMm * p.container.heightMm);
          const ref = reference.get(`${p.cargo.length}-${p.index}`) ?? null;
          rows.push({ problem: p.index, utilisationPercent: round(util, 2), boxPackerPercent: ref, seconds: round(seconds, 2), valid: errors.length === 0 });
          if (!opts.json) {
            console.log(`${basename(file)} #${p.index}: ${util.toFixed(2)} %` + (ref !== null ? ` (BoxPacker ${ref.toFixed(1)} %)` : '') + ` ${seconds.toFixed(1)} s` + (errors.length ? ` INVALID: ${errors[0]}` : ''));
          }
          out.push(JSON.stringify(line));
        }
        if (opts.out) writeFileSync(join(opts.out, basename(file).replace(/\.[^.]*$/, '') + '.jsonl'), out.join('\n') + '\n');
        const refs = rows.filter((r) => r.boxPackerPercent !== null);
        report.push({
          file: basename(file),
          problems: rows,
          meanPercent: round(rows.reduce((s, r) => s + r.utilisationPercent, 0) / Math.max(1, rows.length), 2),
          boxPackerMeanPercent: refs.length ? round(refs.reduce((s, r) => s + (r.boxPackerPercent ?? 0), 0) / refs.length, 2) : null,
        });
      }
      if (opts.json) {
        console.log(JSON.stringify(report, null, 2));
        return;
      }
      console.log(pad('file', 12) + pad('problems', 10) + pad('mean %', 10) + pad('BoxPacker %', 12) + 'invalid');
      for (const r of report) {
        console.log(pad(r.file, 12) + pad(String(r.problems.length), 10) + pad(r.meanPercent.toFixed(2), 10) + pad(r.boxPackerMeanPercent?.toFixed(2) ?? '-', 12) + r.problems.filter((p) => !p.valid).length);
      }
      const all = report.flatMap((r) => r.problems);
      console.log(`overall mean ${(all.reduce((s, p) => s + p.utilisationPercent, 0) / Math.max(1, all.length)).toFixed(2)} % over ${all.length} problems`);
    });
}

/** BoxPacker's per-instance figures are keyed "Bischoff #<number of box types>-<problem>". */
function parseReference(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split(/\r?\n/)) {
    const m = /#(\d+)-(\d+)\s*,\s*([\d.]+)/.exec(line);
    if (m) out.set(`${m[1]}-${m[2]}`, Number(m[3]));
  }
  return out;
}

/** BoxPacker's utilisation: item volume over the inner volume of the boxes used. */
function orderUtilisation(line: ReturnType<typeof orderLine>, boxes: readonly { id: string; innerWidthMm: number; innerLengthMm: number; innerDepthMm: number }[]): number {
  let items = 0, inner = 0;
  for (const b of line.boxes) {
    const box = boxes.find((x) => x.id === b.box);
    if (box) inner += box.innerWidthMm * box.innerLengthMm * box.innerDepthMm;
    for (const p of b.items) items += p.w * p.l * p.d;
  }
  return inner > 0 ? (100 * items) / inner : 0;
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

function pad(s: string, n: number): string {
  return s.padEnd(n);
}

import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Job } from '../../domain/resources.js';
import type { BatchResult, CartonizationOut } from '../../services/packing/contract.js';
import { ApiClient } from '../api-client.js';
import { CliError, parseIntOption, printJson, printTable } from '../output.js';
import { waitForJob, withApiOptions } from './data.js';

/** CLI commands of the packing capability. */
export function registerPackingCommands(program: Command): void {
  withApiOptions(program.command('pack'))
    .description('Choose boxes and place the items: one order (--order), typed-in items (--items), or the open orders as a batch job (--open-orders)')
    .option('--order <id>', 'an order id (ord_...) or the external order number')
    .option('--items <file>', 'a JSON file with an array of items: { sku?, lengthMm, widthMm, heightMm, weightG, quantity, rotation?, fragile?, ... }')
    .option('--open-orders', 'pack the most recent open orders in a batch job')
    .option('--limit <n>', 'with --open-orders: how many orders (default 100)', parseIntOption('--limit', 1))
    .option('--boxes <codes>', 'use only these box codes, comma-separated')
    .option('--rate-per-kg <amount>', 'estimated carrier price per started kg (default 0.50)')
    .option('--per-parcel <amount>', 'estimated carrier price per parcel (default 4.00)')
    .option('--dim-divisor <n>', 'dimensional-weight divisor in cm³/kg (default 5000)', Number)
    .option('--min-support <pct>', 'share of each item’s base that must rest on something, percent (default 70)', Number)
    .option('--hazmat-together', 'let dangerous goods share a parcel with the other items')
    .option('--time-limit <ms>', 'search budget per order in ms', parseIntOption('--time-limit', 10))
    .option('--json', 'print the API answer as JSON')
    .action(async (opts) => {
      const modes = [opts.order, opts.items, opts.openOrders].filter((v) => v !== undefined).length;
      if (modes !== 1) throw new CliError('give one of --order ORDER_ID, --items FILE or --open-orders');
      if (opts.limit !== undefined && !opts.openOrders) throw new CliError('--limit goes with --open-orders');
      const body: Record<string, unknown> = {};
      if (opts.boxes) body.boxCodes = String(opts.boxes).split(',').map((s) => s.trim()).filter(Boolean);
      const options: Record<string, unknown> = {};
      if (opts.ratePerKg !== undefined) options.ratePerKg = opts.ratePerKg;
      if (opts.perParcel !== undefined) options.perParcel = opts.perParcel;
      if (opts.dimDivisor !== undefined) options.dimDivisor = opts.dimDivisor;
      if (opts.timeLimit !== undefined) options.timeLimitMs = opts.timeLimit;
      if (opts.hazmatTogether) options.separateHazmat = false;
      if (opts.minSupport !== undefined) options.minSupportPercent = opts.minSupport;
      if (Object.keys(options).length) body.options = options;
      const client = new ApiClient(opts);

      if (opts.openOrders) {
        const job = await client.call<Job>('POST', '/v1/cartonizations', { ...body, status: 'open', limit: opts.limit ?? 100 });
        const done = await waitForJob(client, job.id, !opts.json);
        if (opts.json) printJson(done);
        if (done.status !== 'succeeded') throw new CliError(`job ${done.id} ${done.status}: ${(done.error as { message?: string })?.message ?? done.message}`);
        if (!opts.json) printBatch(done.result as BatchResult);
        return;
      }
      if (opts.order !== undefined) body.orderId = String(opts.order);
      else body.items = readItems(String(opts.items));
      const r = await client.call<CartonizationOut>('POST', '/v1/cartonizations', body);
      if (opts.json) printJson(r);
      else printPackingList(r);
    });
}

function readItems(file: string): unknown[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new CliError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  const items = Array.isArray(parsed) ? parsed : (parsed as { items?: unknown })?.items;
  if (!Array.isArray(items)) throw new CliError(`${file} must hold a JSON array of items (or { "items": [...] })`);
  return items;
}

const kg = (g: number) => `${(g / 1000).toFixed(2)} kg`;

export function printPackingList(r: CartonizationOut): void {
  const title = r.externalId ? `Order ${r.externalId} (${r.orderId})` : 'Items';
  console.log(`${title}: ${r.totals.boxes} box(es), ${r.totals.items} item(s), ${r.totals.cost} ${r.currency}`);
  r.boxes.forEach((b, i) => {
    const d = b.inner;
    console.log('');
    console.log(`Box ${i + 1}: ${b.boxCode ?? '(own packaging)'}  ${b.boxName}  ${d.lengthMm}×${d.widthMm}×${d.heightMm} mm inside`);
    console.log(`  ${b.volumeUsedPercent} % full, ${kg(b.weightG)}, dimensional ${kg(b.dimensionalWeightG)}, box ${b.boxCost} + shipping ${b.shippingCost} = ${b.cost} ${r.currency}`);
    printTable(b.items.map((p) => ({
      '#': p.seq,
      sku: p.sku ?? '',
      item: p.name ?? '',
      'x,y,z mm': `${p.xMm},${p.yMm},${p.zMm}`,
      'placed w×l×h mm': `${p.widthMm}×${p.lengthMm}×${p.heightMm}`,
      orientation: `${p.orientation} (${p.axes})`,
      notes: [p.fragile ? 'fragile' : '', p.hazmat ? 'hazmat' : ''].filter(Boolean).join(' '),
    })));
  });
  if (r.unpackable.length) {
    console.log('');
    console.log('Not packed:');
    for (const u of r.unpackable) console.log(`  ${u.quantity}× ${u.sku ?? u.name ?? 'item'}: ${u.reason}, ${u.detail}`);
  }
  const t = r.totals;
  console.log('');
  console.log(`Total: ${t.boxes} box(es) [${Object.entries(t.boxesByCode).map(([c, n]) => `${n}× ${c}`).join(', ')}], ${kg(t.weightG)}, dimensional ${kg(t.dimensionalWeightG)}, chargeable ${kg(t.chargeableWeightG)}; boxes ${t.boxCost} + shipping ${t.shippingCost} = ${t.cost} ${r.currency}`);
}

function printBatch(result: BatchResult): void {
  const s = result.summary;
  console.log(`${s.orders} order(s): ${s.boxes} box(es), mean utilisation ${s.meanVolumeUsedPercent} %, boxes ${s.boxCost} + shipping ${s.shippingCost} = ${s.cost} ${s.currency}${s.withUnpackable ? `; ${s.withUnpackable} order(s) with unpackable items` : ''}`);
  printTable(Object.entries(s.boxesByCode).sort((a, b) => b[1] - a[1]).map(([box, count]) => ({ box, count })));
  console.log('');
  printTable(result.orders.map((o) => ({
    order: o.externalId ?? o.orderId ?? '',
    items: o.totals.items,
    boxes: Object.entries(o.totals.boxesByCode).map(([c, n]) => (n > 1 ? `${n}× ${c}` : c)).join(', '),
    'used %': o.totals.volumeUsedPercent,
    cost: o.totals.cost,
    'not packed': o.unpackable.map((u) => `${u.sku ?? '?'} (${u.reason})`).join(', '),
  })));
}

import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Job } from '../../domain/resources.js';
import type { RoutePlanResult } from '../../services/routing/plan-schema.js';
import { ApiClient } from '../api-client.js';
import { CliError, parseIntOption, printJson, printTable } from '../output.js';
import { waitForJob, withApiOptions } from './data.js';

const hours = (seconds: number) => `${(seconds / 3600).toFixed(1)} h`;

/** "12:00-14:00" (or with an en dash) as the API's window. */
function parseWindow(text: string): { from: string; to: string } {
  const m = /^\s*(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})\s*$/.exec(text);
  if (!m) throw new CliError(`--break-window must be HH:MM-HH:MM, e.g. 12:00-14:00, got "${text}"`);
  return { from: m[1], to: m[2] };
}

/** CLI commands of the routing capability. */
export function registerRoutingCommands(program: Command): void {
  const routes = program.command('routes').description('Last-mile delivery routes for your own vans');

  withApiOptions(routes.command('plan'))
    .description("Plan the routes for a depot's orders: the orders within --radius km placed on --date and the days before it")
    .requiredOption('--depot <code>', 'the warehouse the vans leave from')
    .option('--date <YYYY-MM-DD>', 'delivery date (default: the day of the latest order near the depot)')
    .option('--days <n>', 'orders placed on the date and the days before it, this many days in all (default 7)', parseIntOption('--days', 1))
    .option('--radius <km>', 'orders shipping within this distance of the depot (default 100)', Number)
    .option('--vehicles <n>', 'number of standard vans (default: enough for the stops)', parseIntOption('--vehicles', 1))
    .option('--break <minutes>', "each driver's break, taken wherever the van is when it starts (needs --vehicles and --break-window)", parseIntOption('--break', 1))
    .option('--break-window <HH:MM-HH:MM>', 'the break starts inside this window, e.g. 12:00-14:00 (repeat for alternatives)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--time-limit <seconds>', 'search time (default 10)', parseIntOption('--time-limit', 1))
    .option('--seed <n>', 'random seed (same seed, same plan)', parseIntOption('--seed', 0))
    .option('--json', 'print the finished job as JSON')
    .action(async (opts) => {
      if (opts.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(opts.date))) throw new CliError(`--date must be YYYY-MM-DD, got "${opts.date}"`);
      if (opts.radius !== undefined && !(opts.radius > 0)) throw new CliError('--radius must be a number of km greater than 0');
      const body: Record<string, unknown> = { depotCode: String(opts.depot) };
      if (opts.date) body.date = String(opts.date);
      if (opts.days !== undefined) body.days = opts.days;
      if (opts.radius !== undefined) body.radiusKm = opts.radius;
      if (opts.vehicles !== undefined) body.vehicles = opts.vehicles;
      if (opts.break !== undefined || opts.breakWindow !== undefined) {
        if (opts.break === undefined || opts.breakWindow === undefined) throw new CliError('--break and --break-window go together, e.g. --break 30 --break-window 12:00-14:00');
        // the break belongs to each van, so the fleet is listed van by van
        if (opts.vehicles === undefined) throw new CliError('--break needs --vehicles: the number of vans that each take the break');
        const driverBreak = { durationMinutes: opts.break, windows: (opts.breakWindow as string[]).map(parseWindow) };
        body.vehicles = Array.from({ length: opts.vehicles }, () => ({ break: driverBreak }));
      }
      const options: Record<string, unknown> = {};
      if (opts.timeLimit !== undefined) options.timeLimitSeconds = opts.timeLimit;
      if (opts.seed !== undefined) options.seed = opts.seed;
      if (Object.keys(options).length) body.options = options;
      const client = new ApiClient(opts);
      const job = await client.call<Job>('POST', '/v1/route-plans', body);
      const done = await waitForJob(client, job.id, !opts.json);
      if (opts.json) printJson(done);
      if (done.status !== 'succeeded') throw new CliError(`route plan ${done.id} ${done.status}: ${(done.error as { message?: string })?.message ?? done.message}`);
      if (!opts.json) printPlan(done.id, done.result as RoutePlanResult);
    });

  withApiOptions(routes.command('show'))
    .description('Show a route plan: its routes, stops in order and unassigned stops')
    .argument('<id>', 'the plan id (job_...)')
    .option('--json', 'print the job as JSON')
    .action(async (id: string, opts) => {
      const job = await new ApiClient(opts).call<Job>('GET', `/v1/route-plans/${encodeURIComponent(id)}`);
      if (opts.json) return printJson(job);
      if (job.status !== 'succeeded') {
        console.log(`route plan ${job.id}: ${job.status} (${Math.round(job.progress * 100)} %) ${job.message}`);
        return;
      }
      printPlan(job.id, job.result as RoutePlanResult, true);
    });

  withApiOptions(routes.command('export'))
    .description('Write a finished plan as CSV (one row per stop) or GeoJSON (a line per route, a point per stop)')
    .argument('<id>', 'the plan id (job_...)')
    .requiredOption('--format <format>', 'csv or geojson')
    .requiredOption('--out <file>', 'where to write it')
    .action(async (id: string, opts) => {
      const format = String(opts.format).toLowerCase();
      if (format !== 'csv' && format !== 'geojson') throw new CliError(`--format must be csv or geojson, got "${opts.format}"`);
      const r = await new ApiClient(opts).request<string | { detail?: string; title?: string }>('GET', `/v1/route-plans/${encodeURIComponent(id)}/export.${format}`);
      if (r.status >= 400) {
        const p = r.body as { detail?: string; title?: string };
        throw new CliError(`${r.status} ${p?.title ?? ''}: ${p?.detail ?? ''}`.trim());
      }
      const text = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
      try {
        writeFileSync(String(opts.out), text);
      } catch (e) {
        throw new CliError(`cannot write ${opts.out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      console.log(`wrote ${opts.out}`);
    });
}

function printPlan(id: string, plan: RoutePlanResult, withStops = false): void {
  const t = plan.totals;
  const where = plan.orders ? `orders placed ${plan.orders.from} to ${plan.orders.to} within ${plan.orders.radiusKm} km of ${plan.depot.code}` : `${t.stops} stops from ${plan.depot.code ?? plan.depot.name}`;
  console.log(`Route plan ${id}: ${where}`);
  console.log(`${t.vehiclesUsed} of ${t.vehiclesAvailable} vehicle(s), ${t.stopsServed} of ${t.stops} stops served, ${t.distanceKm} km, ${hours(t.durationSeconds)}, cost ${t.cost} ${plan.currency}`);
  console.log('');
  printTable(plan.routes.map((r) => ({
    vehicle: r.vehicleId,
    stops: r.stops.length,
    start: r.start.time,
    end: r.end.time,
    ...(plan.routes.some((x) => x.break) ? { break: r.break ? `${r.break.start}–${r.break.end}` : '' } : {}),
    km: r.distanceKm,
    hours: (r.durationSeconds / 3600).toFixed(1),
    'load kg': (r.load.weightG / 1000).toFixed(1),
    'load L': Math.round(r.load.volumeL),
    cost: r.cost,
  })));
  if (withStops) {
    for (const r of plan.routes) {
      console.log('');
      console.log(`${r.vehicleId}: leaves ${r.start.time}, back ${r.end.time}`);
      const rows: Record<string, unknown>[] = r.stops.map((s) => ({ '#': s.sequence, order: s.orderNumber ?? s.stopId, name: s.name ?? '', arrival: s.arrival, wait: s.waitSeconds ? `${Math.round(s.waitSeconds / 60)} min` : '', departure: s.departure, km: s.legKm }));
      const b = r.break;
      if (b) rows.splice(b.afterStops, 0, { '#': '', order: 'break', name: '', arrival: b.start, wait: b.waitSeconds ? `${Math.round(b.waitSeconds / 60)} min` : '', departure: b.end, km: '' });
      printTable(rows);
    }
  }
  if (plan.unassigned.length) {
    console.log('');
    console.log('Not served:');
    printTable(plan.unassigned.map((u) => ({ stop: u.orderNumber ?? u.stopId, reason: u.reason, detail: u.detail })));
  }
}

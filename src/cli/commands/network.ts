import type { Command } from 'commander';
import type { Job } from '../../domain/resources.js';
import type { NetworkStudyListItem, NetworkStudyResult, StudyScenario } from '../../services/network/study-schema.js';
import { ApiClient } from '../api-client.js';
import { CliError, parseIntOption, printJson, printTable } from '../output.js';
import { waitForJob, withApiOptions } from './data.js';

const pct = (x: number) => `${Math.round(x * 100)}%`;

function scenarioRow(s: StudyScenario, label: string) {
  if (s.status === 'infeasible') return { k: label, sites: '', fixed: '', transport: '', total: 'infeasible', 'mean km': '', 'p90 km': '', '≤1d': '', '≤2d': '', '≤3d': '', gap: s.infeasibleReason ?? '' };
  return {
    k: label, sites: s.openSites.join(' '), fixed: s.cost.fixed, transport: s.cost.transport, total: s.cost.total,
    'mean km': Math.round(s.distanceKm.mean), 'p90 km': Math.round(s.distanceKm.p90),
    '≤1d': pct(s.shareWithinDays['1']), '≤2d': pct(s.shareWithinDays['2']), '≤3d': pct(s.shareWithinDays['3']),
    gap: s.gap === null ? '' : `${(s.gap * 100).toFixed(2)}%`,
  };
}

/** The scenario table a person reads: one row per number of warehouses, today's network last. */
export function printStudy(job: Job): void {
  const r = job.result as NetworkStudyResult | null;
  if (!r) {
    console.log(`${job.id} ${job.status}${job.error ? `: ${(job.error as { message?: string }).message}` : ` (${Math.round(job.progress * 100)}% ${job.message})`}`);
    return;
  }
  console.log(`Network study ${job.id}: ${r.demand.orders} orders, ${r.summary.unitsPerYear} units/yr in ${r.demand.studyZones} zones, ${r.sites.length} candidate sites; costs in ${r.currency} per year`);
  const reach = r.scenarios.find((s) => s.objective?.kind === 'coverage')?.objective; // absent in studies saved before
  if (reach?.kind === 'coverage') console.log(`Sites chosen for the most demand within ${reach.withinDays} day(s) (${reach.radiusKm} road km), not for cost; gap: to the most demand any such network could reach`);
  const rows = r.scenarios.map((s) => scenarioRow(s, String(s.warehouses)));
  if (r.current) rows.push(scenarioRow(r.current, 'today'));
  printTable(rows);
  if (r.summary.recommendedWarehouses !== null) {
    const saving = r.summary.savingsPerYear !== null ? `, ${r.summary.savingsPerYear} ${r.currency}/yr less than today` : '';
    console.log(`Lowest cost: ${r.summary.recommendedWarehouses} warehouse(s) at ${r.summary.recommendedTotalCost} ${r.currency}/yr${saving}`);
  }
  for (const n of r.notes) console.log(`note: ${n}`);
}

/** CLI commands of the network capability. */
export function registerNetworkCommands(program: Command): void {
  const network = program.command('network').description('Warehouse network design: where to put warehouses and which regions each serves');

  withApiOptions(network.command('study'))
    .description('Study 1..N warehouses on your order history: cost versus delivery time, and today\'s network for comparison')
    .option('--max-warehouses <n>', 'largest number of warehouses to study (1 to 8)', parseIntOption('--max-warehouses', 1), 5)
    .option('--time-limit <seconds>', 'solver time budget in seconds', parseIntOption('--time-limit', 1))
    .option('--zone-by <zone>', 'demand zones: city or postalCode', 'city')
    .option('--from <date>', 'start of the order window (ISO date-time); default 365 days before --to')
    .option('--to <date>', 'end of the order window; default the latest order')
    .option('--must-keep <codes>', 'comma-separated warehouse codes that stay open')
    .option('--cost-per-unit-km <amount>', 'transport cost per unit per road km (decimal)')
    .option('--fixed-cost <amount>', 'fixed cost per year of a candidate city site (decimal)')
    .option('--cities <n>', 'how many demand cities to add as candidate sites', parseIntOption('--cities', 0))
    .option('--within-days <n>', 'choose the sites that reach the most demand within N transit days (1 to 3) instead of the cheapest', parseIntOption('--within-days', 1))
    .option('--json', 'print the finished study as JSON')
    .action(async (opts) => {
      if (!['city', 'postalCode'].includes(opts.zoneBy)) throw new CliError(`--zone-by must be city or postalCode, got "${opts.zoneBy}"`);
      const body: Record<string, unknown> = { maxWarehouses: opts.maxWarehouses, zoneBy: opts.zoneBy };
      if (opts.timeLimit !== undefined) body.timeLimitSeconds = opts.timeLimit;
      if (opts.from) body.from = opts.from;
      if (opts.to) body.to = opts.to;
      if (opts.mustKeep) body.mustKeep = String(opts.mustKeep).split(',').map((c) => c.trim()).filter(Boolean);
      if (opts.costPerUnitKm) body.costPerUnitKm = opts.costPerUnitKm;
      if (opts.fixedCost) body.defaultFixedCostPerYear = opts.fixedCost;
      if (opts.cities !== undefined) body.candidateCities = opts.cities;
      if (opts.withinDays !== undefined) Object.assign(body, { objective: 'coverage', coverageWithinDays: opts.withinDays });
      const client = new ApiClient(opts);
      const created = await client.call<Job>('POST', '/v1/network-studies', body);
      await waitForJob(client, created.id, !opts.json);
      const job = await client.call<Job>('GET', `/v1/network-studies/${encodeURIComponent(created.id)}`);
      if (opts.json) printJson(job);
      else printStudy(job);
      if (job.status !== 'succeeded') throw new CliError(`network study ${job.id} ${job.status}: ${(job.error as { message?: string })?.message ?? job.message}`);
    });

  withApiOptions(network.command('show <id>'))
    .description('Show a network study: the scenario table, or its progress while it runs')
    .option('--json', 'print JSON')
    .action(async (id: string, opts) => {
      const job = await new ApiClient(opts).call<Job>('GET', `/v1/network-studies/${encodeURIComponent(id)}`);
      if (opts.json) printJson(job);
      else printStudy(job);
    });

  withApiOptions(network.command('list'))
    .description('List network studies, newest first')
    .option('--json', 'print JSON')
    .action(async (opts) => {
      const page = await new ApiClient(opts).call<{ data: NetworkStudyListItem[] }>('GET', '/v1/network-studies?limit=50');
      if (opts.json) printJson(page.data);
      else printTable(page.data.map((s) => ({
        id: s.id, status: s.status, created: s.createdAt, 'max k': s.maxWarehouses ?? '', best: s.summary?.recommendedWarehouses ?? '',
        'best cost': s.summary?.recommendedTotalCost ?? '', today: s.summary?.currentTotalCost ?? '',
      })));
    });
}

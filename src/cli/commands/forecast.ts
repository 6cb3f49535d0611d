import type { Command } from 'commander';
import type { Job } from '../../domain/resources.js';
import type { AccuracyMetrics, ForecastListItem, ForecastResult, ForecastSeriesResult, SeriesAccuracy } from '../../services/forecast/schema.js';
import { ApiClient } from '../api-client.js';
import { CliError, parseIntOption, printJson, printTable } from '../output.js';
import { waitForJob, withApiOptions } from './data.js';

const LEVELS = ['sku', 'sku-warehouse', 'sku-warehouse-channel'];
const f2 = (x: number) => x.toFixed(2);
const pct = (x: number) => `${Math.round(x * 100)}%`;
const units = (x: number) => (Math.abs(x) >= 100 ? String(Math.round(x)) : x.toFixed(1));

function metricsRow(label: string, what: string, m: AccuracyMetrics) {
  return { series: label, forecast: what, MASE: f2(m.mase), sMAPE: `${m.smape.toFixed(1)}%`, RMSSE: f2(m.rmsse), bias: `${m.bias >= 0 ? '+' : ''}${(m.bias * 100).toFixed(1)}%`, 'cov 80': pct(m.coverage80), 'cov 95': pct(m.coverage95) };
}

function accuracyRows(label: string, a: SeriesAccuracy) {
  return [metricsRow(label, 'ours', a.model), metricsRow('', 'seasonal naive', a.seasonalNaive)];
}

function printFailure(job: Job): void {
  console.log(`${job.id} ${job.status}${job.error ? `: ${(job.error as { message?: string }).message}` : ` (${Math.round(job.progress * 100)}% ${job.message})`}`);
}

/** The accuracy summary and the top series' next-week totals, as a planner reads them. */
export function printForecast(job: Job, top = 10): void {
  const r = job.result as ForecastResult | null;
  if (!r) return printFailure(job);
  const s = r.summary;
  console.log(`Forecast ${job.id}: ${s.bottomSeries} series at ${s.level} level (${s.forecastSkus} of ${s.skus} SKUs one by one), history ${r.window.from}..${r.window.to}, horizon ${r.horizon.from}..${r.horizon.to} (${r.horizon.days} days)`);
  if (r.accuracy) {
    console.log(`\nBacktest: ${r.accuracy.folds} rolling origins × ${r.accuracy.horizon} days${r.accuracy.skipped ? `, ${r.accuracy.skipped} series skipped (time limit)` : ''}`);
    const rows = [
      ...(r.accuracy.total ? accuracyRows('total', r.accuracy.total) : []),
      ...r.accuracy.byLevel.filter((l) => l.level !== 'total').flatMap((l) => accuracyRows(`${l.level} (mean of ${l.series})`, l.accuracy)),
    ];
    printTable(rows);
  }
  const skuLevel = r.series.filter((x) => x.level === 'sku');
  const list = (skuLevel.length ? skuLevel : r.series.filter((x) => x.bottom)).slice(0, top);
  const totalSeries = r.series.find((x) => x.key === 'total');
  console.log(`\nNext ${Math.min(7, r.horizon.days)} days${totalSeries ? `: ${units(totalSeries.totals.nextWeek)} units in total` : ''}; top series`);
  printTable([...(totalSeries ? [totalSeries] : []), ...list].map((x: ForecastSeriesResult) => ({
    series: x.label.length > 48 ? `${x.label.slice(0, 47)}…` : x.label,
    'next 7d': units(x.totals.nextWeek),
    [`${r.horizon.days}d`]: units(x.totals.horizon),
    '80% range': `${units(x.totals.horizonLower80)}–${units(x.totals.horizonUpper80)}`,
    'last 28d': units(x.totals.last28Days),
    model: x.model.length > 36 ? `${x.model.slice(0, 35)}…` : x.model,
    MASE: x.accuracy ? f2(x.accuracy.model.mase) : '',
    flags: x.flags.join(' '),
  })));
  if (r.peaks.length) {
    console.log('\nPeaks');
    printTable(r.peaks.slice(0, 8).map((p) => ({ date: p.date, series: p.label, kind: p.kind, units: units(p.units), usual: units(p.usual), ratio: `×${p.ratio.toFixed(1)}`, event: p.event ?? '' })));
  }
  for (const n of r.notes) console.log(`note: ${n}`);
}

function printSeries(job: Job, s: ForecastSeriesResult): void {
  const r = job.result as ForecastResult;
  console.log(`${s.label} [${s.key}] ${s.level}; model ${s.model}${s.flags.length ? `; flags ${s.flags.join(', ')}` : ''}`);
  printTable(s.forecast.point.map((p, h) => ({
    date: new Date(Date.parse(`${r.horizon.from}T00:00:00Z`) + h * 86_400_000).toISOString().slice(0, 10),
    forecast: f2(p), '80% low': f2(s.forecast.lower80[h]), '80% high': f2(s.forecast.upper80[h]), '95% low': f2(s.forecast.lower95[h]), '95% high': f2(s.forecast.upper95[h]),
  })));
  if (s.accuracy) printTable(accuracyRows(s.key, s.accuracy));
  for (const p of s.peaks) console.log(`peak ${p.date} (${p.kind}): ${units(p.units)} units, ×${p.ratio.toFixed(1)} the usual ${units(p.usual)}${p.event ? ` (${p.event})` : ''}`);
}

/** `forecast` takes --url/--api-key too, and commander hands them to it wherever they are typed. */
function withParentApi<T extends { url?: string; apiKey?: string; json?: boolean }>(parent: Command, own: T): T {
  const p = parent.opts();
  return { ...own, url: own.url ?? p.url, apiKey: own.apiKey ?? p.apiKey, json: own.json ?? p.json };
}

/** CLI commands of the forecast capability. */
export function registerForecastCommands(program: Command): void {
  const forecast = withApiOptions(program.command('forecast'))
    .description('Forecast demand per SKU, warehouse and channel from the order history (a job), with a backtest against seasonal naive')
    .option('--horizon <days>', 'days to forecast (1 to 365)', parseIntOption('--horizon', 1), 28)
    .option('--level <level>', `bottom level: ${LEVELS.join(', ')}`, 'sku-warehouse')
    .option('--top <n>', 'forecast the N SKUs with most units one by one; the rest as "other" per category', parseIntOption('--top', 1), 50)
    .option('--from <date>', 'first day of history (default: the first order, at most 3 years back)')
    .option('--to <date>', 'last day of history (default: the day of the latest order)')
    .option('--no-backtest', 'skip the rolling-origin backtest')
    .option('--time-limit <seconds>', 'time budget of the job in seconds', parseIntOption('--time-limit', 1))
    .option('--json', 'print the finished forecast job as JSON')
    .action(async (opts) => {
      if (!LEVELS.includes(opts.level)) throw new CliError(`--level must be one of ${LEVELS.join(', ')}, got "${opts.level}"`);
      if (opts.horizon > 365) throw new CliError(`--horizon must be between 1 and 365, got ${opts.horizon}`);
      const body: Record<string, unknown> = { horizonDays: opts.horizon, level: opts.level, top: opts.top, backtest: opts.backtest !== false };
      if (opts.from) body.from = opts.from;
      if (opts.to) body.to = opts.to;
      if (opts.timeLimit !== undefined) body.timeLimitSeconds = opts.timeLimit;
      const client = new ApiClient(opts);
      const created = await client.call<Job>('POST', '/v1/forecasts', body);
      await waitForJob(client, created.id, !opts.json);
      const job = await client.call<Job>('GET', `/v1/forecasts/${encodeURIComponent(created.id)}`);
      if (opts.json) printJson(job);
      else printForecast(job);
      if (job.status !== 'succeeded') throw new CliError(`forecast ${job.id} ${job.status}: ${(job.error as { message?: string })?.message ?? job.message}`);
    });

  withApiOptions(forecast.command('show <id>'))
    .description('Show a forecast: the accuracy summary and top series, or one series day by day with --series')
    .option('--series <key>', 'one series key, e.g. total, category:Camping, sku:TENT-1, sku:TENT-1|warehouse:AMS1')
    .option('--json', 'print JSON')
    .action(async (id: string, own: { url?: string; apiKey?: string; json?: boolean; series?: string }) => {
      const opts = withParentApi(forecast, own);
      const query = opts.series ? `?series=${encodeURIComponent(opts.series)}` : '';
      const job = await new ApiClient(opts).call<Job>('GET', `/v1/forecasts/${encodeURIComponent(id)}${query}`);
      if (opts.json) return printJson(opts.series && job.result ? (job.result as ForecastResult).series[0] : job);
      if (!job.result) return printFailure(job);
      if (opts.series) printSeries(job, (job.result as ForecastResult).series[0]);
      else printForecast(job);
    });

  withApiOptions(forecast.command('list'))
    .description('List forecasts, newest first')
    .option('--json', 'print JSON')
    .action(async (own: { url?: string; apiKey?: string; json?: boolean }) => {
      const opts = withParentApi(forecast, own);
      const page = await new ApiClient(opts).call<{ data: ForecastListItem[] }>('GET', '/v1/forecasts?limit=50');
      if (opts.json) printJson(page.data);
      else printTable(page.data.map((f) => ({
        id: f.id, status: f.status, created: f.createdAt, level: f.summary?.level ?? '', horizon: f.summary?.horizonDays ?? '',
        series: f.summary?.bottomSeries ?? '', 'next 7d': f.summary ? units(f.summary.totalNextWeek) : '',
        MASE: f.summary?.mase != null ? f2(f.summary.mase) : '', 'naive MASE': f.summary?.seasonalNaiveMase != null ? f2(f.summary.seasonalNaiveMase) : '',
      })));
    });
}

/**
 * Inventory & Forecast: runs a demand forecast (a job) on the order history and shows, for any
 * series of the hierarchy (total, category, warehouse, SKU, SKU × warehouse), the history and the
 * forecast with 80 % and 95 % bands, the backtest against seasonal naive, flagged peaks, and the
 * selected SKU's stock against its forecast demand.
 */
import { useMemo, useState } from 'react';
import { KpiCard } from '../components/KpiCard';
import { PageHeader } from '../components/PageHeader';
import { Empty, ErrorBox, Loading } from '../components/States';
import { AccuracyTable } from '../components/forecast/AccuracyTable';
import { ForecastChart } from '../components/forecast/ForecastChart';
import { ForecastForm } from '../components/forecast/ForecastForm';
import { InventoryCover } from '../components/forecast/InventoryCover';
import { PeaksList } from '../components/forecast/PeaksList';
import { SeriesPicker } from '../components/forecast/SeriesPicker';
import { FLAG_LABELS, LEVEL_LABELS, type ForecastJob, type ForecastListItem, type ForecastResult, type ForecastSeries } from '../components/forecast/types';
import { formatDateTime, formatInt } from '../lib/format';
import { routeHref } from '../lib/router';
import { JobProgress } from '../components/JobProgress';
import { useJobResource } from '../api/useJobResource';

const forecastFailed = (detail: string) => `The forecast failed: ${detail}`;
const fmt = (x: number) => (x >= 100 ? formatInt(Math.round(x)) : x.toFixed(1));
const day = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export default function InventoryPage() {
  const [job, setJob] = useState<ForecastJob | null>(null);
  const { running, loadingLatest, error, failure, run, cancel } = useJobResource<ForecastJob, ForecastListItem>({
    path: '/v1/forecasts', onShow: setJob, cancelledMessage: 'The forecast was cancelled.', failedMessage: forecastFailed,
  });

  return (
    <section className="page" data-testid="page-inventory">
      <PageHeader
        title="Inventory & Forecast"
        subtitle="Daily demand per SKU, warehouse and channel for the weeks ahead, with its uncertainty, how accurate it has been, the peaks to prepare for, and how long your stock lasts."
      />
      <div className="card">
        <div className="card-header">
          <h2>Run a forecast</h2>
          <span className="muted small">on your whole order history · weekly and yearly seasonality · Black Friday where your history shows it</span>
        </div>
        <ForecastForm busy={!!running} onRun={run} />
        {running ? <JobProgress job={running} onCancel={cancel} prefix="forecast" /> : null}
        {failure ? <div className="callout callout-error forecast-failure" data-testid="forecast-failure">{failure}</div> : null}
        {error ? <ErrorBox error={error} title="Could not run the forecast" /> : null}
      </div>
      {loadingLatest ? <Loading label="Loading your latest forecast…" /> : null}
      {!loadingLatest && !job && !running ? (
        <Empty>
          No forecast yet. Run one above: it learns from your order history (import it on the <a href={routeHref('data')}>Data</a> page).
        </Empty>
      ) : null}
      {job?.result ? <ForecastView key={job.id} job={job} result={job.result} /> : null}
    </section>
  );
}

function ForecastView({ job, result }: { job: ForecastJob; result: ForecastResult }) {
  const byKey = useMemo(() => new Map(result.series.map((s) => [s.key, s])), [result]);
  const [key, setKey] = useState('total');
  const selected: ForecastSeries = byKey.get(key) ?? result.series[0];
  const total = byKey.get('total') ?? result.series[0];
  const topSku = result.series.find((s) => s.level === 'sku' && s.sku !== null) ?? result.series.find((s) => s.bottom && s.sku !== null);
  const topCategory = result.series.find((s) => s.level === 'category');
  const acc = result.accuracy;
  const aheadPeaks = result.peaks.filter((p) => p.kind === 'forecast');
  const aheadDays = [...new Set(aheadPeaks.map((p) => p.date))].sort();
  const firstAhead = aheadPeaks.find((p) => p.key === 'total') ?? aheadPeaks[0];
  const select = (k: string) => {
    if (byKey.has(k)) setKey(k);
  };
  return (
    <div className="forecast-view" data-testid="forecast-result">
      <div className="kpi-grid">
        <KpiCard id="forecast-next-week" label="Next 7 days" value={`${fmt(total.totals.nextWeek)} units`} hint={`all SKUs, from ${day(result.horizon.from)}`} />
        <KpiCard id="forecast-horizon" label={`Next ${result.horizon.days} days`} value={`${fmt(total.totals.horizon)} units`} hint={`80 %: ${fmt(total.totals.horizonLower80)} – ${fmt(total.totals.horizonUpper80)}`} />
        <KpiCard id="forecast-mase" label="Backtest MASE" value={acc?.bottom ? acc.bottom.model.mase.toFixed(2) : '–'} hint={acc?.bottom ? `seasonal naive ${acc.bottom.seasonalNaive.mase.toFixed(2)} (lower is better)` : 'no backtest'} />
        <KpiCard id="forecast-series" label="Series forecast" value={formatInt(result.summary.bottomSeries)} hint={`${result.summary.forecastSkus} of ${result.summary.skus} SKUs one by one, per ${LEVEL_LABELS[result.summary.level].toLowerCase()}`} />
        <KpiCard id="forecast-peaks-ahead" label="Peak days ahead" value={formatInt(aheadDays.length)} hint={firstAhead ? `${day(firstAhead.date)}${firstAhead.event ? ` (${firstAhead.event})` : ''} ×${firstAhead.ratio.toFixed(1)} ${firstAhead.key === 'total' ? 'in total' : 'for some series'}` : 'none flagged in the horizon'} />
      </div>

      <div className="card">
        <div className="card-header">
          <h2>History and forecast</h2>
          <div className="forecast-quick">
            <button type="button" className={`forecast-chip${key === 'total' ? ' active' : ''}`} onClick={() => select('total')}>Total</button>
            {topCategory ? <button type="button" className={`forecast-chip${key === topCategory.key ? ' active' : ''}`} onClick={() => select(topCategory.key)}>{topCategory.category}</button> : null}
            {topSku ? <button type="button" className={`forecast-chip${key === topSku.key ? ' active' : ''}`} onClick={() => select(topSku.key)} data-testid="forecast-top-sku">Top SKU</button> : null}
          </div>
        </div>
        <SeriesPicker key={selected.level} series={result.series} selected={selected} onSelect={select} />
        <div className="forecast-series-head" data-testid="forecast-selected">
          <div>
            <strong data-testid="forecast-selected-label">{selected.label}</strong>
            <span className="muted small"> · {LEVEL_LABELS[selected.level]}{selected.bottom ? '' : `, sum of ${selected.members} series`}</span>
            <div className="small muted">
              Model: <code>{selected.model}</code>
              {selected.eventEffects.map((e) => (
                <span key={e.name}> · {e.name} ×{e.uplift.toFixed(2)}</span>
              ))}
            </div>
          </div>
          <div className="forecast-series-totals">
            <span>Next 7 days <strong>{fmt(selected.totals.nextWeek)}</strong></span>
            <span>Next {result.horizon.days} days <strong>{fmt(selected.totals.horizon)}</strong> <span className="muted small">({fmt(selected.totals.horizonLower80)}–{fmt(selected.totals.horizonUpper80)})</span></span>
            <span>Last 28 days <strong>{fmt(selected.totals.last28Days)}</strong></span>
          </div>
        </div>
        {selected.flags.length ? (
          <div className="forecast-flags" data-testid="forecast-flags">
            {[...new Set(selected.flags.map((f) => FLAG_LABELS[f] ?? f))].map((f) => (
              <span key={f} className={`badge ${/zero|fallback|time/.test(f) ? 'badge-red' : /peak|event/.test(f) ? 'badge-amber' : 'badge-muted'}`}>{f}</span>
            ))}
          </div>
        ) : null}
        <ForecastChart series={selected} />
      </div>

      <div className="grid-2 forecast-grid">
        <div className="card">
          <div className="card-header">
            <h2>Stock and days of cover</h2>
            <span className="muted small">{selected.sku ? <code>{selected.sku}</code> : 'pick a SKU'} · available = on hand − reserved</span>
          </div>
          <InventoryCover result={result} series={selected} onSelect={select} />
        </div>
        <div className="card">
          <div className="card-header">
            <h2>Peaks</h2>
            <span className="muted small">days far above the usual level of the weeks around them</span>
          </div>
          {selected.key !== 'total' ? (
            <>
              <h3 className="forecast-subhead">{selected.label}</h3>
              <PeaksList peaks={selected.peaks} testId="forecast-series-peaks" />
              <h3 className="forecast-subhead">Across the business</h3>
            </>
          ) : null}
          <PeaksList peaks={result.peaks.slice(0, 10)} onSelect={select} />
        </div>
      </div>

      <div className="card">
        <div className="card-header">
          <h2>Accuracy</h2>
          <span className="muted small">
            {acc ? `rolling-origin backtest: ${acc.folds} origins × ${acc.horizon} days; bold = the better of the pair` : 'no backtest'}
          </span>
        </div>
        <AccuracyTable result={result} selected={selected} />
      </div>

      <div className="card forecast-notes">
        <h3>How this was computed</h3>
        <ul>
          <li>
            History {day(result.window.from)} – {day(result.window.to)} ({formatInt(result.window.days)} days), daily units per {LEVEL_LABELS[result.summary.level].toLowerCase()}; seasonality {result.seasonalPeriods.map((p) => (p === 7 ? 'weekly' : p === 365 ? 'yearly' : `${p} days`)).join(' and ')}.
          </li>
          <li>Each series gets the model that did best on its own recent weeks (exponential smoothing, Theta, Croston-type models for slow movers, ...); categories, warehouses and the total are the sums of their series, so every level adds up.</li>
          {result.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
          <li className="muted">
            Forecast {job.id}, finished {job.finishedAt ? formatDateTime(job.finishedAt) : ''} in {(result.elapsedMs / 1000).toFixed(1)} s.
          </li>
        </ul>
      </div>
    </div>
  );
}

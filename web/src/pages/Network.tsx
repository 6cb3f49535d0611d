/**
 * Network: where to put warehouses and which regions each serves. Runs a network study (a job) on
 * the merchant's order history and shows, for 1..K warehouses, the map of catchments, the
 * cost-versus-delivery-time curve, the scenario table and today's network for comparison.
 */
import { useCallback, useState } from 'react';
import { useApi } from '../api/useApi';
import type { Merchant } from '../api/types';
import { KpiCard } from '../components/KpiCard';
import { PageHeader } from '../components/PageHeader';
import { Empty, ErrorBox, Loading } from '../components/States';
import { CurrentComparison } from '../components/network/CurrentComparison';
import { NetworkMap, siteColours } from '../components/network/NetworkMap';
import { ScenarioTable } from '../components/network/ScenarioTable';
import { StudyForm } from '../components/network/StudyForm';
import { TradeoffChart } from '../components/network/TradeoffChart';
import type { NetworkStudyJob, NetworkStudyListItem, NetworkStudyResult, StudyScenario } from '../components/network/types';
import { formatCompact, formatDateTime, formatInt, formatMoney, formatPercent } from '../lib/format';
import { routeHref } from '../lib/router';
import { JobProgress } from '../components/JobProgress';
import { useJobResource } from '../api/useJobResource';

const studyFailed = (detail: string) => `The study failed: ${detail}`;

export default function NetworkPage() {
  const merchant = useApi<Merchant>('/v1/merchant');
  const [study, setStudy] = useState<NetworkStudyJob | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const show = useCallback((job: NetworkStudyJob) => {
    setStudy(job);
    setSelected(job.result?.summary.recommendedWarehouses ?? job.result?.scenarios[0]?.warehouses ?? null);
  }, []);
  const { running, history, loadingLatest, error, failure, open, run, cancel } = useJobResource<NetworkStudyJob, NetworkStudyListItem>({
    path: '/v1/network-studies', onShow: show, cancelledMessage: 'The study was cancelled.', failedMessage: studyFailed,
  });

  const currency = study?.result?.currency ?? merchant.data?.defaultCurrency ?? 'EUR';
  return (
    <section className="page" data-testid="page-network">
      <PageHeader
        title="Network"
        subtitle="How many warehouses to run, where, and which customers each serves: every option from one to several sites, costed on your own order history."
        actions={
          history.length > 1 && study ? (
            <select className="input" value={study.id} onChange={(e) => void open(e.target.value)} aria-label="Earlier studies" data-testid="network-history">
              {history.map((h) => (
                <option key={h.id} value={h.id}>
                  {formatDateTime(h.finishedAt ?? h.createdAt)} · up to {h.maxWarehouses ?? '?'} · best {h.summary?.recommendedWarehouses ?? '–'}
                </option>
              ))}
            </select>
          ) : null
        }
      />
      <div className="card">
        <div className="card-header">
          <h2>Run a study</h2>
          <span className="muted small">on the last 12 months of orders · costs per year</span>
        </div>
        <StudyForm busy={!!running} currency={currency} onRun={run} />
        {running ? <JobProgress job={running} onCancel={cancel} prefix="network" /> : null}
        {failure ? <div className="callout callout-error network-failure" data-testid="network-failure">{failure}</div> : null}
        {error ? <ErrorBox error={error} title="Could not run the study" /> : null}
      </div>
      {loadingLatest ? <Loading label="Loading your latest study…" /> : null}
      {!loadingLatest && !study && !running ? (
        <Empty>
          No network study yet. Run one above: it takes the orders of the last 12 months (import them on the <a href={routeHref('data')}>Data</a> page).
        </Empty>
      ) : null}
      {study?.result && selected !== null ? <StudyView job={study} result={study.result} selected={selected} onSelect={setSelected} /> : null}
    </section>
  );
}

function StudyView({ job, result, selected, onSelect }: { job: NetworkStudyJob; result: NetworkStudyResult; selected: number; onSelect: (k: number) => void }) {
  const cur = result.currency;
  const scenario = result.scenarios.find((s) => s.warehouses === selected) ?? result.scenarios[0];
  const { summary } = result;
  return (
    <div className="network-study" data-testid="network-study">
      <div className="kpi-grid" data-testid="network-kpis">
        <KpiCard id="network-demand" label="Demand" value={`${formatCompact(summary.unitsPerYear)} units`} hint={`per year, ${formatInt(result.demand.orders)} orders`} />
        <KpiCard id="network-zones" label="Demand zones" value={formatInt(result.demand.studyZones)} hint={`by ${result.assumptions.zoneBy === 'city' ? 'city' : 'postal code'}`} />
        <KpiCard id="network-sites" label="Candidate sites" value={formatInt(result.sites.length)} hint={`${result.sites.filter((s) => s.current).length} are yours today`} />
        <KpiCard id="network-best" label="Lowest cost" value={summary.recommendedTotalCost ? formatMoney(summary.recommendedTotalCost, cur, { compact: true }) : '–'} hint={summary.recommendedWarehouses ? `with ${summary.recommendedWarehouses} warehouse${summary.recommendedWarehouses === 1 ? '' : 's'}` : undefined} />
        <KpiCard id="network-today" label="Today's network" value={summary.currentTotalCost ? formatMoney(summary.currentTotalCost, cur, { compact: true }) : '–'} hint="per year, same model" />
        <KpiCard id="network-saving" label="Possible saving" value={summary.savingsPerYear ? formatMoney(summary.savingsPerYear, cur, { compact: true }) : '–'} hint="per year" />
      </div>

      <div className="card">
        <div className="card-header">
          <h2>Where the demand is and who serves it</h2>
          <div className="segmented" role="group" aria-label="Number of warehouses">
            {result.scenarios.map((s) => (
              <button
                key={s.warehouses}
                type="button"
                className={s.warehouses === scenario.warehouses ? 'active' : ''}
                aria-pressed={s.warehouses === scenario.warehouses}
                disabled={s.status === 'infeasible'}
                onClick={() => onSelect(s.warehouses)}
                data-testid={`network-k-${s.warehouses}`}
              >
                {s.warehouses} {s.warehouses === 1 ? 'site' : 'sites'}
              </button>
            ))}
          </div>
        </div>
        <div className="map-layout">
          {scenario.status === 'infeasible' ? <Empty>{scenario.infeasibleReason}</Empty> : <NetworkMap result={result} scenario={scenario} />}
          <SiteList result={result} scenario={scenario} />
        </div>
      </div>

      <div className="grid-2 network-grid">
        <div className="card">
          <div className="card-header">
            <h2>Cost versus delivery time</h2>
            <span className="muted small">click a point to show it on the map</span>
          </div>
          <TradeoffChart result={result} selected={scenario.warehouses} onSelect={onSelect} />
        </div>
        <div className="card">
          <div className="card-header">
            <h2>Compared with today</h2>
          </div>
          <CurrentComparison result={result} selected={scenario.warehouses} />
        </div>
      </div>

      <div className="card">
        <div className="card-header">
          <h2>Scenarios</h2>
          <span className="muted small">
            costs per year in {cur};{' '}
            {result.scenarios.some((s) => s.objective?.kind === 'coverage') ? 'sites chosen for reach: the gap is to the most demand any network of that size reaches' : 'the gap is the distance to a proven lower bound'}
          </span>
        </div>
        <ScenarioTable result={result} selected={scenario.warehouses} onSelect={onSelect} />
      </div>

      <div className="card network-notes">
        <h3>How this was computed</h3>
        <ul>
          <li>
            Orders from {formatDateTime(result.period.from)} to {formatDateTime(result.period.to)} ({formatInt(result.period.days)} days), scaled to a year.
          </li>
          <li>
            Transport: {result.assumptions.costPerUnitKm} {cur} per unit per road km (road km = {result.assumptions.circuityFactor} × straight line). Transit: {result.assumptions.transitDays}.
          </li>
          <li>
            New candidate sites cost {formatMoney(result.assumptions.defaultFixedCostPerYear, cur)} a year; your warehouses keep their own fixed cost and capacity.
          </li>
          {result.demand.ordersWithoutCoordinates ? (
            <li>
              {formatInt(result.demand.ordersWithoutCoordinates)} orders had no coordinates: {formatInt(result.demand.placedAtZoneCentre)} were placed at their zone, {formatInt(result.demand.excludedOrders)} left out
              {result.demand.excludedZones.length ? ` (${result.demand.excludedZones.join('; ')})` : ''}.
            </li>
          ) : null}
          {result.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
          <li className="muted">
            Study {job.id}, finished {job.finishedAt ? formatDateTime(job.finishedAt) : ''} in {(result.elapsedMs / 1000).toFixed(1)} s.
          </li>
        </ul>
      </div>
    </div>
  );
}

function SiteList({ result, scenario }: { result: NetworkStudyResult; scenario: StudyScenario }) {
  const colours = siteColours(result, scenario);
  const sites = new Map(result.sites.map((s) => [s.code, s]));
  return (
    <div className="map-side">
      <h3>{scenario.warehouses} warehouse{scenario.warehouses === 1 ? '' : 's'}</h3>
      <table className="table compact" data-testid="network-sites">
        <tbody>
          {scenario.siteLoads.map((l) => {
            const s = sites.get(l.code);
            return (
              <tr key={l.code}>
                <td className="truncate" title={s?.name}>
                  <span className="legend-dot" style={{ background: colours.get(l.code) }} />
                  <code>{l.code}</code>
                  <div className="cell-sub">
                    {s?.current ? 'existing' : 'new'} · {s?.name}
                  </div>
                </td>
                <td className="num">
                  {formatPercent(l.share, 0)}
                  <div className="cell-sub">{formatCompact(l.unitsPerYear)} units</div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted small">
        Bubbles: demand zones sized by units per year, coloured by the warehouse that serves them. Grey dots: candidate sites not opened.
      </p>
      <dl className="network-facts">
        <div>
          <dt>Total / yr</dt>
          <dd>{formatMoney(scenario.cost.total, result.currency, { compact: true })}</dd>
        </div>
        <div>
          <dt>Mean transit</dt>
          <dd>{scenario.transitDays.mean.toFixed(1)} days</dd>
        </div>
        <div>
          <dt>Within 2 days</dt>
          <dd>{formatPercent(scenario.shareWithinDays['2'], 0)}</dd>
        </div>
      </dl>
    </div>
  );
}

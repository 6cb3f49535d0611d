/**
 * Last mile: the day's delivery routes for the merchant's own vans. Plans a depot's recent orders
 * (a job), then shows the routes on an offline map, a timeline per van, the stops that could not
 * be served and why, and the plan's key figures; exports the plan as CSV or GeoJSON.
 */
import { Fragment, useCallback, useEffect, useState } from 'react';
import { downloadFile, request } from '../api/client';
import { KpiCard } from '../components/KpiCard';
import { PageHeader } from '../components/PageHeader';
import { Empty, ErrorBox, Loading } from '../components/States';
import { PlanForm, type PlanChoice } from '../components/routing/PlanForm';
import { RouteMap } from '../components/routing/RouteMap';
import { RouteTimeline } from '../components/routing/RouteTimeline';
import { reasonLabels, routeColour, speedPresetOf, speedPresets, speedText, type RoutePlanJob, type RoutePlanListItem, type RoutePlanResult, type RoutingDepot } from '../components/routing/types';
import { formatDate, formatDateTime, formatInt, formatMoney } from '../lib/format';
import { routeHref } from '../lib/router';
import { JobProgress } from '../components/JobProgress';
import { useJobResource } from '../api/useJobResource';

const planFailed = (detail: string) => `Planning failed: ${detail}`;

/** The form as it was for a plan, so that planning again changes only what the user changes. */
function initialChoice(r: RoutePlanResult): Partial<PlanChoice> {
  const b = r.settings.fleetBreak;
  return {
    depotCode: r.depot.code ?? undefined, date: r.date ?? undefined, vehicles: r.totals.vehiclesAvailable, timeLimitSeconds: r.settings.timeLimitSeconds,
    breakMinutes: b ? b.durationMinutes : 0,
    ...(b?.windows[0] ? { breakFrom: b.windows[0].from, breakTo: b.windows[0].to } : {}),
    speed: speedPresetOf(r.settings.speedProfile) ?? 'constant',
  };
}

const hoursText = (s: number) => `${(s / 3600).toFixed(1)} h`;

/** Where the plan's distances come from, under the Distance figure. */
function travelHint(s: RoutePlanResult['settings']): string {
  switch (s.travel) {
    case 'estimate': return `road estimate ×${s.circuityFactor} at ${speedText(s.speedProfile, s.speedKmh)}`;
    case 'osrm': return 'road distances (OSRM)';
    case 'valhalla': return `road distances (Valhalla${s.costing ? `, ${s.costing}` : ''})`;
    default: return 'given matrix';
  }
}

export default function LastMilePage() {
  const [depots, setDepots] = useState<RoutingDepot[] | null>(null);
  const [plan, setPlan] = useState<RoutePlanJob | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const show = useCallback((job: RoutePlanJob) => {
    setPlan(job);
    setSelected(null);
  }, []);
  const { running, history, loadingLatest, error, setError, failure, open, run: start, cancel } = useJobResource<RoutePlanJob, RoutePlanListItem>({
    path: '/v1/route-plans', onShow: show, cancelledMessage: 'The plan was cancelled.', failedMessage: planFailed,
  });

  // The depots fill the form; the hook loads the plans.
  useEffect(() => {
    let alive = true;
    request<{ data: RoutingDepot[] }>('/v1/route-plans/depots')
      .then((d) => { if (alive) setDepots(d.data); })
      .catch((e) => { if (alive) setError(e as Error); });
    return () => { alive = false; };
  }, [setError]);

  // A break is per van in the API: with one set for the fleet, the vans are listed one by one.
  const run = (c: PlanChoice) => {
    const driverBreak = c.breakMinutes > 0 ? { durationMinutes: c.breakMinutes, windows: [{ from: c.breakFrom, to: c.breakTo }] } : null;
    const vehicles = driverBreak ? Array.from({ length: c.vehicles }, () => ({ break: driverBreak })) : c.vehicles;
    const speedProfile = speedPresets[c.speed].profile;
    return start({ depotCode: c.depotCode, date: c.date, days: c.days, vehicles, options: { timeLimitSeconds: c.timeLimitSeconds, ...(speedProfile ? { speedProfile } : {}) } });
  };

  const exportAs = async (format: 'csv' | 'geojson') => {
    if (!plan) return;
    try {
      await downloadFile(`/v1/route-plans/${plan.id}/export.${format}`, `route-plan-${plan.result?.depot.code ?? 'plan'}-${plan.result?.date ?? plan.id}.${format}`);
    } catch (e) {
      setError(e as Error);
    }
  };

  return (
    <section className="page" data-testid="page-last-mile">
      <PageHeader
        title="Last mile"
        subtitle="Delivery routes for your own vans: which stops each van visits, in which order and when, at the lowest cost of vans, kilometres and hours."
        actions={
          plan?.result ? (
            <>
              {history.length > 1 ? (
                <select className="input" value={plan.id} onChange={(e) => void open(e.target.value)} aria-label="Earlier plans" data-testid="last-mile-history">
                  {history.map((h) => (
                    <option key={h.id} value={h.id}>
                      {h.depotCode ?? 'stops'} · {h.date ?? '–'} · {h.totals ? `${h.totals.vehiclesUsed} vans, ${h.totals.stopsServed} stops` : ''} · {formatDateTime(h.finishedAt ?? h.createdAt)}
                    </option>
                  ))}
                </select>
              ) : null}
              <button type="button" className="btn btn-secondary" onClick={() => void exportAs('csv')} data-testid="last-mile-export-csv">
                Export CSV
              </button>
              <button type="button" className="btn btn-secondary" onClick={() => void exportAs('geojson')} data-testid="last-mile-export-geojson">
                Export GeoJSON
              </button>
            </>
          ) : null
        }
      />
      <div className="card">
        <div className="card-header">
          <h2>Plan a day</h2>
          <span className="muted small">each order near the depot is a stop · delivery 09:00–18:00 · vans 08:00–19:00, 1 t, 10 m³ · a driver break is taken wherever the van is</span>
        </div>
        {depots ? (
          depots.length ? (
            <PlanForm key={plan?.id ?? 'new'} depots={depots} busy={!!running} onPlan={run} initial={plan?.result ? initialChoice(plan.result) : undefined} />
          ) : (
            <Empty>
              No warehouse yet: add one on the <a href={routeHref('data')}>Data</a> page to plan routes from it.
            </Empty>
          )
        ) : null}
        {running ? <JobProgress job={running} onCancel={cancel} prefix="last-mile" /> : null}
        {failure ? <div className="callout callout-error last-mile-failure" data-testid="last-mile-failure">{failure}</div> : null}
        {error ? <ErrorBox error={error} title="Could not plan the routes" /> : null}
      </div>
      {loadingLatest ? <Loading label="Loading your latest plan…" /> : null}
      {!loadingLatest && !plan && !running ? <Empty>No route plan yet. Pick a depot and a date above and plan the day.</Empty> : null}
      {plan?.result ? <PlanView result={plan.result} selected={selected} onSelect={setSelected} /> : null}
    </section>
  );
}

function PlanView({ result, selected, onSelect }: { result: RoutePlanResult; selected: number | null; onSelect: (i: number | null) => void }) {
  const t = result.totals;
  const route = selected !== null ? result.routes[selected] : null;
  return (
    <div className="last-mile-plan" data-testid="last-mile-result">
      <div className="kpi-grid" data-testid="last-mile-kpis">
        <KpiCard id="last-mile-vehicles" label="Vans used" value={formatInt(t.vehiclesUsed)} hint={`of ${t.vehiclesAvailable} available`} />
        <KpiCard id="last-mile-stops" label="Stops served" value={formatInt(t.stopsServed)} hint={t.stopsServed < t.stops ? `of ${t.stops}; ${t.stops - t.stopsServed} not served` : `all ${t.stops}`} />
        <KpiCard id="last-mile-km" label="Distance" value={`${formatInt(t.distanceKm)} km`} hint={travelHint(result.settings)} />
        <KpiCard id="last-mile-hours" label="Van hours" value={hoursText(t.durationSeconds)} hint={t.vehiclesUsed ? `${hoursText(t.durationSeconds / t.vehiclesUsed)} per van` : undefined} />
        <KpiCard id="last-mile-cost" label="Cost" value={formatMoney(t.cost, result.currency)} hint={t.stopsServed ? `${formatMoney(Number(t.cost) / t.stopsServed, result.currency)} per stop` : undefined} />
      </div>
      <p className="muted small last-mile-caption" data-testid="last-mile-caption">
        {result.orders
          ? `Depot ${result.depot.code} · ${result.depot.name} · delivery ${result.date ? formatDate(result.date) : ''} · orders placed ${formatDate(result.orders.from)} to ${formatDate(result.orders.to)} within ${result.orders.radiusKm} km`
          : `Depot ${result.depot.code ?? result.depot.name} · ${t.stops} stops`}
        {` · solved in ${(result.stats.elapsedMs / 1000).toFixed(1)} s`}
      </p>

      <div className="grid-2 last-mile-grid">
        <div className="card">
          <div className="card-header">
            <h2>Routes</h2>
            <span className="muted small">click a route to follow it</span>
          </div>
          {result.routes.length ? <RouteMap plan={result} selected={selected} onSelect={onSelect} /> : <Empty>No stop could be served: see the list of stops not served.</Empty>}
        </div>
        <div className="card">
          <div className="card-header">
            <h2>{route ? `${route.vehicleId}: ${route.stops.length} stops` : 'Vans'}</h2>
            {route ? (
              <button type="button" className="link-button" onClick={() => onSelect(null)}>
                All vans
              </button>
            ) : null}
          </div>
          {route ? <StopList route={route} colour={routeColour(selected!)} /> : <VanTable result={result} onSelect={onSelect} />}
        </div>
      </div>

      <div className="card">
        <div className="card-header">
          <h2>The day per van</h2>
          <span className="muted small">local time at the depot</span>
        </div>
        <RouteTimeline routes={result.routes} selected={selected} onSelect={onSelect} />
      </div>

      <div className="card" data-testid="last-mile-unassigned">
        <div className="card-header">
          <h2>Not served</h2>
          <span className="muted small">{result.unassigned.length ? `${result.unassigned.length} stop${result.unassigned.length === 1 ? '' : 's'}` : 'every stop is on a route'}</span>
        </div>
        {result.unassigned.length ? (
          <div className="table-wrap scroll-y">
            <table className="table compact">
              <thead>
                <tr>
                  <th>Stop</th>
                  <th>Customer</th>
                  <th>Reason</th>
                  <th>Why</th>
                </tr>
              </thead>
              <tbody>
                {result.unassigned.map((u) => (
                  <tr key={u.stopId} data-testid="last-mile-unassigned-row">
                    <td>{u.orderNumber ? `Order ${u.orderNumber}` : u.stopId}</td>
                    <td>{u.name ?? ''}</td>
                    <td>
                      <span className="badge">{reasonLabels[u.reason] ?? u.reason}</span>
                    </td>
                    <td>{u.detail}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">All {formatInt(result.totals.stops)} stops are served.</p>
        )}
      </div>
    </div>
  );
}

function VanTable({ result, onSelect }: { result: RoutePlanResult; onSelect: (i: number) => void }) {
  return (
    <div className="table-wrap">
      <table className="table compact last-mile-vans" data-testid="last-mile-vans-table">
        <thead>
          <tr>
            <th>Van</th>
            <th className="num">Stops</th>
            <th>Out</th>
            <th>Back</th>
            <th className="num">km</th>
            <th className="num">Load</th>
            <th className="num">Cost</th>
          </tr>
        </thead>
        <tbody>
          {result.routes.map((r, i) => {
            const full = r.capacity.weightG ? Math.round((100 * r.load.weightG) / r.capacity.weightG) : null;
            return (
              <tr key={r.vehicleId} className="last-mile-clickable" onClick={() => onSelect(i)} data-testid="last-mile-van-row">
                <td>
                  <span className="last-mile-swatch" style={{ background: routeColour(i) }} /> {r.vehicleId}
                </td>
                <td className="num">{r.stops.length}</td>
                <td>{r.start.time}</td>
                <td>{r.openEnd ? '–' : r.end.time}</td>
                <td className="num">{r.distanceKm.toFixed(1)}</td>
                <td className="num" title={`${(r.load.weightG / 1000).toFixed(1)} kg, ${Math.round(r.load.volumeL)} L, ${r.load.parcels} parcels${full !== null ? `; ${full} % of the van's weight limit` : ''}`}>
                  {(r.load.weightG / 1000).toFixed(0)} kg
                </td>
                <td className="num">{formatMoney(r.cost, result.currency)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function StopList({ route, colour }: { route: RoutePlanResult['routes'][number]; colour: string }) {
  return (
    <div className="table-wrap scroll-y last-mile-stops">
      <table className="table compact" data-testid="last-mile-stop-list">
        <thead>
          <tr>
            <th>#</th>
            <th>Order</th>
            <th>Arrive</th>
            <th>Wait</th>
            <th>Leave</th>
            <th className="num">km</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>
              <span className="last-mile-swatch" style={{ background: colour }} />
            </td>
            <td className="muted">depot</td>
            <td />
            <td />
            <td>{route.start.time}</td>
            <td />
          </tr>
          {route.break && route.break.afterStops === 0 ? <BreakRow route={route} /> : null}
          {route.stops.map((s) => (
            <Fragment key={s.stopId}>
              <tr>
                <td>{s.sequence}</td>
                <td title={s.address ?? undefined}>
                  <div>{s.orderNumber ?? s.stopId}</div>
                  {s.name ? <div className="muted small">{s.name}</div> : null}
                </td>
                <td>{s.arrival}</td>
                <td>{s.waitSeconds ? `${Math.round(s.waitSeconds / 60)} min` : ''}</td>
                <td>{s.departure}</td>
                <td className="num">{s.legKm.toFixed(1)}</td>
              </tr>
              {route.break && route.break.afterStops === s.sequence ? <BreakRow route={route} /> : null}
            </Fragment>
          ))}
          {!route.openEnd ? (
            <tr>
              <td />
              <td className="muted">back at the depot</td>
              <td>{route.end.time}</td>
              <td />
              <td />
              <td />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

/** The driver's break in the stop list: start and end where the arrival and departure go. */
function BreakRow({ route }: { route: RoutePlanResult['routes'][number] }) {
  const b = route.break!;
  return (
    <tr className="last-mile-break-row" data-testid="last-mile-break-row">
      <td />
      <td>driver break</td>
      <td>{b.start}</td>
      <td>{b.waitSeconds ? `${Math.round(b.waitSeconds / 60)} min` : ''}</td>
      <td>{b.end}</td>
      <td />
    </tr>
  );
}

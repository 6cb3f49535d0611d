/** Overview: the merchant's key figures, orders over time, where orders go and where they ship from. */
import { useMemo, useState } from 'react';
import { useApi } from '../api/useApi';
import type { Overview } from '../api/types';
import { KpiCard } from '../components/KpiCard';
import { OrdersChart } from '../components/OrdersChart';
import { PageHeader } from '../components/PageHeader';
import { Empty, ErrorBox, Loading } from '../components/States';
import { WorldMap, type MapPoint } from '../components/WorldMap';
import { countryName } from '../lib/countries';
import { formatCompact, formatInt, formatMoney, formatPercent } from '../lib/format';
import { routeHref } from '../lib/router';

const ordersHref = (country: string) => routeHref('data', { tab: 'orders', country });

const PERIODS = [
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
  { days: 365, label: '12 months' },
];

export default function OverviewPage() {
  const [days, setDays] = useState(365);
  const { data, error, loading, reload } = useApi<Overview>('/v1/stats/overview', { days });

  return (
    <section className="page" data-testid="page-overview">
      <PageHeader
        title="Overview"
        subtitle="Orders, revenue and reach over the period ending at your latest order."
        actions={
          <div className="segmented" role="group" aria-label="Period">
            {PERIODS.map((p) => (
              <button
                key={p.days}
                type="button"
                className={p.days === days ? 'active' : ''}
                aria-pressed={p.days === days}
                onClick={() => setDays(p.days)}
                data-testid={`period-${p.days}`}
              >
                {p.label}
              </button>
            ))}
          </div>
        }
      />
      {error ? <ErrorBox error={error} onRetry={reload} title="Could not load the overview" /> : null}
      {!data && loading ? <Loading label="Loading your numbers…" /> : null}
      {data ? <OverviewBody data={data} days={days} stale={loading} /> : null}
    </section>
  );
}

function OverviewBody({ data, days, stale }: { data: Overview; days: number; stale: boolean }) {
  const { totals } = data;
  const countryValues = useMemo(() => Object.fromEntries(data.ordersByCountry.map((c) => [c.country, c.orders])), [data]);
  const maxShipped = Math.max(1, ...data.warehouses.map((w) => w.orders));
  const points: MapPoint[] = useMemo(
    () =>
      data.warehouses
        .filter((w) => Number.isFinite(w.lat) && Number.isFinite(w.lng))
        .map((w) => ({
          id: w.code,
          lat: w.lat,
          lng: w.lng,
          label: `${w.code} · ${w.name}`,
          detail: `${countryName(w.country)} · ${w.operator === '3pl' ? '3PL' : 'own'} · ${formatInt(w.orders)} orders shipped`,
          radius: 4 + 5 * Math.sqrt(w.orders / maxShipped),
          color: '#ea580c',
          tag: w.code,
        })),
    [data, maxShipped],
  );
  const topCountries = data.ordersByCountry.slice(0, 8);
  const maxChannel = Math.max(1, ...data.channels.map((c) => c.orders));
  const maxSkuUnits = Math.max(1, ...data.topSkus.map((s) => s.units));

  return (
    <div className={`overview${stale ? ' is-stale' : ''}`}>
      <div className="kpi-grid" data-testid="kpis">
        <KpiCard id="orders" label="Orders" value={formatCompact(totals.orders)} hint={`last ${PERIODS.find((p) => p.days === days)?.label ?? `${days} days`}`} />
        <KpiCard id="units" label="Units" value={formatCompact(totals.units)} hint={totals.orders ? `${(totals.units / totals.orders).toFixed(2)} per order` : undefined} />
        <KpiCard id="revenue" label="Revenue" value={formatMoney(totals.revenue, totals.currency, { compact: true })} hint={totals.orders ? `${formatMoney(Number(totals.revenue) / totals.orders, totals.currency)} per order` : undefined} />
        <KpiCard id="skus" label="SKUs" value={formatInt(totals.skus)} hint="in the catalogue" />
        <KpiCard id="warehouses" label="Warehouses" value={formatInt(totals.warehouses)} hint="own and 3PL" />
        <KpiCard id="countries" label="Countries" value={formatInt(totals.countries)} hint="shipped to" />
        <KpiCard id="cross-border" label="Cross-border" value={formatPercent(totals.crossBorderShare)} hint="shipped abroad" />
      </div>

      {totals.orders === 0 ? (
        <Empty>
          No orders in this period yet. Import orders on the <a href={routeHref('data')}>Data</a> page to fill the overview.
        </Empty>
      ) : null}

      <div className="card">
        <div className="card-header">
          <h2>Orders per day</h2>
        </div>
        <OrdersChart days={data.ordersPerDay} />
      </div>

      <div className="card">
        <div className="card-header">
          <h2>Orders by destination</h2>
          <span className="muted small">
            <span className="legend-dot" style={{ background: '#ea580c' }} /> warehouses, sized by orders shipped
          </span>
        </div>
        <div className="map-layout">
          <WorldMap
            values={countryValues}
            valueLabel="orders"
            formatValue={formatInt}
            points={points}
            onCountryClick={(cc) => {
              if (countryValues[cc]) window.location.hash = ordersHref(cc);
            }}
            title="Orders by destination country and warehouse locations"
          />
          <div className="map-side">
            <h3>Top destinations</h3>
            <table className="table compact" data-testid="top-countries">
              <tbody>
                {topCountries.map((c) => (
                  <tr key={c.country}>
                    <td className="truncate" title={countryName(c.country)}>
                      <a href={ordersHref(c.country)} title={`See orders to ${countryName(c.country)}`}>
                        <span className="cc">{c.country}</span> {countryName(c.country)}
                      </a>
                    </td>
                    <td className="num">{formatInt(c.orders)}</td>
                    <td className="num muted">{totals.orders ? formatPercent(c.orders / totals.orders, 0) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>

      <div className="grid-2 grid-wide-left">
        <div className="card">
          <div className="card-header">
            <h2>Warehouses</h2>
          </div>
          {data.warehouses.length === 0 ? (
            <Empty>No warehouses yet.</Empty>
          ) : (
            <div className="table-wrap">
              <table className="table" data-testid="warehouses-table">
                <thead>
                  <tr>
                    <th>Code</th>
                    <th>Name</th>
                    <th>Country</th>
                    <th>Operator</th>
                    <th className="num">Orders shipped</th>
                    <th className="num">Share</th>
                  </tr>
                </thead>
                <tbody>
                  {data.warehouses.map((w) => (
                    <tr key={w.code}>
                      <td>
                        <code>{w.code}</code>
                      </td>
                      <td>{w.name}</td>
                      <td className="nowrap">
                        <span className="cc">{w.country}</span> {countryName(w.country)}
                      </td>
                      <td>
                        <span className={`badge ${w.operator === '3pl' ? 'badge-purple' : 'badge-blue'}`}>{w.operator === '3pl' ? '3PL' : 'Own'}</span>
                      </td>
                      <td className="num">{formatInt(w.orders)}</td>
                      <td className="num muted">{totals.orders ? formatPercent(w.orders / totals.orders, 0) : '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
        <div className="card">
          <div className="card-header">
            <h2>Channels</h2>
            <span className="muted small">orders</span>
          </div>
          {data.channels.length === 0 ? (
            <Empty>No sales channels yet.</Empty>
          ) : (
            <ul className="bars" data-testid="channels">
              {data.channels.map((c) => (
                <li key={c.code}>
                  <div className="bar-label">
                    <span>{c.name}</span>
                    <span className="num">
                      {formatInt(c.orders)} <span className="muted">{totals.orders ? `· ${formatPercent(c.orders / totals.orders, 0)}` : ''}</span>
                    </span>
                  </div>
                  <div className="bar-track">
                    <div className="bar-fill" style={{ width: `${(c.orders / maxChannel) * 100}%` }} />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>

      <div className="card">
        <div className="card-header">
          <h2>Top SKUs</h2>
          <span className="muted small">by units</span>
        </div>
        {data.topSkus.length === 0 ? (
          <Empty>No sales yet.</Empty>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="top-skus">
              <thead>
                <tr>
                  <th>Product</th>
                  <th className="num">Units</th>
                  <th className="share-col">Share of units</th>
                  <th className="num">Revenue</th>
                </tr>
              </thead>
              <tbody>
                {data.topSkus.map((s) => (
                  <tr key={s.sku}>
                    <td className="truncate" title={s.name}>
                      <div className="cell-title">{s.name}</div>
                      <code className="cell-sub">{s.sku}</code>
                    </td>
                    <td className="num">{formatInt(s.units)}</td>
                    <td className="share-col">
                      <div className="bar-track">
                        <div className="bar-fill" style={{ width: `${(s.units / maxSkuUnits) * 100}%` }} />
                      </div>
                      <span className="muted small">{totals.units ? formatPercent(s.units / totals.units) : '–'}</span>
                    </td>
                    <td className="num">{formatMoney(s.revenue, totals.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </div>
  );
}

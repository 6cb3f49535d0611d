/**
 * Stock of the selected SKU per warehouse next to its forecast demand: how many days the
 * available units last at the forecast rate, and whether the horizon's demand (up to its 80 %
 * bound) is covered.
 */
import { useApi } from '../../api/useApi';
import type { Page } from '../../api/types';
import { Empty, ErrorBox, Loading } from '../States';
import type { ForecastResult, ForecastSeries, InventoryLevel } from './types';

const fmt = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en') : x.toFixed(1));

function cover(available: number, demand: number, days: number): { days: number | null; label: string } {
  if (demand <= 0) return { days: null, label: available > 0 ? 'no demand forecast' : '–' };
  const d = available / (demand / days);
  return { days: d, label: d >= 365 ? '> 1 year' : `${d < 10 ? d.toFixed(1) : Math.round(d)} days` };
}

/** For an aggregate: its SKUs with most demand ahead, one click from their stock. */
function SkuShortcuts({ result, series, onSelect }: { result: ForecastResult; series: ForecastSeries; onSelect: (key: string) => void }) {
  const skus = result.series
    .filter((s) => s.level === 'sku' && s.sku !== null && (series.category === null || s.category === series.category))
    .sort((a, b) => b.totals.nextWeek - a.totals.nextWeek)
    .slice(0, 6);
  return (
    <div data-testid="forecast-sku-shortcuts">
      <p className="muted small">Pick a SKU to compare its stock with the forecast. Most demand next week{series.category === null ? '' : ` in ${series.category}`}:</p>
      <table className="table compact">
        <tbody>
          {skus.map((s) => (
            <tr key={s.key}>
              <td className="truncate">
                <button type="button" className="link-button forecast-peak-series" onClick={() => onSelect(s.key)}>{s.label}</button>
              </td>
              <td className="num">{fmt(s.totals.nextWeek)} <span className="cell-sub">units / 7 d</span></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function InventoryCover({ result, series, onSelect }: { result: ForecastResult; series: ForecastSeries; onSelect: (key: string) => void }) {
  const sku = series.sku;
  const levels = useApi<Page<InventoryLevel>>(sku ? '/v1/inventory' : null, sku ? { sku, limit: 100 } : undefined);
  if (!sku) return <SkuShortcuts result={result} series={series} onSelect={onSelect} />;
  if (levels.loading && !levels.data) return <Loading label="Loading stock…" />;
  if (levels.error) return <ErrorBox error={levels.error} onRetry={levels.reload} />;
  const H = result.horizon.days;
  const skuSeries = result.series.find((s) => s.key === `sku:${sku}`) ?? series;
  const rows = (levels.data?.data ?? []).map((l) => {
    const perWarehouse = result.series.find((s) => s.level === 'sku-warehouse' && s.sku === sku && s.warehouse === l.warehouseCode);
    const demand = perWarehouse?.totals.horizon ?? null;
    const upper = perWarehouse?.totals.horizonUpper80 ?? null;
    const available = Math.max(0, l.onHand - l.reserved);
    return { l, available, demand, upper, cover: demand === null ? null : cover(available, demand, H) };
  });
  const available = rows.reduce((a, r) => a + r.available, 0);
  const total = cover(available, skuSeries.totals.horizon, H);
  if (!rows.length) return <Empty>No stock recorded for {sku}. Import inventory levels on the Data page.</Empty>;
  return (
    <div className="forecast-stock" data-testid="forecast-inventory">
      <table className="table compact">
        <thead>
          <tr>
            <th>Warehouse</th>
            <th className="num">Available</th>
            <th className="num">Reorder at</th>
            <th className="num" title={`Forecast units over the next ${H} days (80 % upper bound below)`}>Next {H} d</th>
            <th className="num" title="Available units divided by the forecast daily rate">Days of cover</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const short = r.upper !== null && r.available < r.upper;
            const belowReorder = r.l.reorderPoint !== null && r.available <= r.l.reorderPoint;
            return (
              <tr key={r.l.warehouseCode} data-testid="forecast-inventory-row">
                <td>
                  <code>{r.l.warehouseCode}</code>
                  {belowReorder ? <span className="badge badge-amber forecast-badge">reorder</span> : null}
                </td>
                <td className="num">
                  {r.available.toLocaleString('en')}
                  <div className="cell-sub">{r.l.onHand} on hand, {r.l.reserved} reserved</div>
                </td>
                <td className="num">{r.l.reorderPoint ?? '–'}</td>
                <td className="num">
                  {r.demand === null ? <span className="muted">not forecast here</span> : fmt(r.demand)}
                  {r.upper !== null ? <div className="cell-sub">up to {fmt(r.upper)}</div> : null}
                </td>
                <td className={`num${short ? ' forecast-short' : ''}`}>
                  {r.cover ? r.cover.label : '–'}
                  {short ? <div className="cell-sub">may run short</div> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <td><strong>All warehouses</strong></td>
            <td className="num"><strong>{available.toLocaleString('en')}</strong></td>
            <td />
            <td className="num"><strong>{fmt(skuSeries.totals.horizon)}</strong></td>
            <td className="num" data-testid="forecast-cover-total"><strong>{total.label}</strong></td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

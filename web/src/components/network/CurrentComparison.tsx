/** Today's network next to the cheapest scenario and the one on the map: what changes, in money and days. */
import { formatMoney, formatPercent } from '../../lib/format';
import type { NetworkStudyResult, StudyScenario } from './types';

interface Column {
  title: string;
  s: StudyScenario;
}

export function CurrentComparison({ result, selected }: { result: NetworkStudyResult; selected: number }) {
  const cur = result.currency;
  const current = result.current;
  const best = result.scenarios.find((s) => s.warehouses === result.summary.recommendedWarehouses);
  const chosen = result.scenarios.find((s) => s.warehouses === selected);
  const columns: Column[] = [];
  if (current && current.status !== 'infeasible') columns.push({ title: 'Today', s: current });
  if (best) columns.push({ title: `Lowest cost (${best.warehouses})`, s: best });
  if (chosen && chosen !== best && chosen.status !== 'infeasible') columns.push({ title: `On the map (${chosen.warehouses})`, s: chosen });
  if (!current) return <p className="muted">You have no active warehouses, so there is no current network to compare with.</p>;
  const rows: [string, (s: StudyScenario) => string][] = [
    ['Sites', (s) => s.openSites.join(' · ')],
    ['Total cost / yr', (s) => formatMoney(s.cost.total, cur)],
    ['Fixed / yr', (s) => formatMoney(s.cost.fixed, cur)],
    ['Transport / yr', (s) => formatMoney(s.cost.transport, cur)],
    ['Cost per unit', (s) => formatMoney(s.cost.perUnit, cur)],
    ['Mean / p90 km', (s) => `${Math.round(s.distanceKm.mean)} / ${Math.round(s.distanceKm.p90)}`],
    ['Mean / p90 days', (s) => `${s.transitDays.mean.toFixed(2)} / ${s.transitDays.p90}`],
    ['Within 2 days', (s) => formatPercent(s.shareWithinDays['2'], 0)],
  ];
  const saving = result.summary.savingsPerYear;
  return (
    <div data-testid="network-comparison">
      {current.status === 'infeasible' ? (
        <div className="callout callout-warn">Today's network cannot serve the demand: {current.infeasibleReason}</div>
      ) : saving !== null && Number(saving) > 0 ? (
        <div className="callout callout-ok">
          The lowest-cost network ({result.summary.recommendedWarehouses} warehouse{result.summary.recommendedWarehouses === 1 ? '' : 's'}) costs{' '}
          <strong>{formatMoney(saving, cur)}</strong> a year less than today's.
        </div>
      ) : (
        <div className="callout callout-ok">Today's network is already the lowest-cost option studied.</div>
      )}
      <div className="table-wrap">
        <table className="table compact network-compare">
          <thead>
            <tr>
              <th />
              {columns.map((c) => (
                <th key={c.title} className="num">
                  {c.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, f]) => (
              <tr key={label}>
                <td className="muted nowrap">{label}</td>
                {columns.map((c) => (
                  <td key={c.title} className={label === 'Sites' ? 'num network-compare-sites' : 'num'}>
                    {f(c.s)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

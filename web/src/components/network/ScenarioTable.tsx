/** One row per number of warehouses and one for today's network; a row click shows it on the map. */
import { formatInt, formatMoney, formatPercent } from '../../lib/format';
import type { NetworkStudyResult, StudyScenario } from './types';

function gapText(s: StudyScenario): string {
  if (s.gap === null) return '–';
  if (s.status === 'optimal' || s.gap < 5e-5) return 'optimal';
  return formatPercent(s.gap, 2);
}

function boundText(s: StudyScenario, currency: string): string {
  if (s.objective?.kind === 'coverage')
    return s.objective.coveredShareBound === null ? '' : `at most ${formatPercent(s.objective.coveredShareBound, 1)} of demand is within ${s.objective.withinDays} day(s) of any ${s.warehouses} site(s)`;
  return s.cost.lowerBound === null ? '' : `lower bound ${formatMoney(s.cost.lowerBound, currency)}`;
}

function Row({ s, label, currency, selected, best, onSelect }: { s: StudyScenario; label: string; currency: string; selected: boolean; best: boolean; onSelect?: () => void }) {
  if (s.status === 'infeasible') {
    return (
      <tr className="network-row-infeasible" data-testid="scenario-row">
        <td className="nowrap">{label}</td>
        <td colSpan={9} className="muted">
          <span className="badge badge-red">infeasible</span> {s.infeasibleReason}
        </td>
      </tr>
    );
  }
  return (
    <tr className={`${onSelect ? 'network-row-clickable' : ''}${selected ? ' network-row-selected' : ''}`} onClick={onSelect} data-testid="scenario-row" aria-selected={selected}>
      <td className="network-k-cell">
        {label}
        {best ? <span className="badge badge-blue network-best">lowest cost</span> : null}
        <div className="cell-sub">{s.openSites.join(', ')}</div>
        {s.objective?.kind === 'coverage' && s.objective.coveredShare !== null ? (
          <div className="cell-sub" data-testid="scenario-coverage">
            chosen for reach: {formatPercent(s.objective.coveredShare, 1)} within {s.objective.withinDays} day{s.objective.withinDays === 1 ? '' : 's'}
          </div>
        ) : null}
      </td>
      <td className="num">{formatMoney(s.cost.fixed, currency)}</td>
      <td className="num">{formatMoney(s.cost.transport, currency)}</td>
      <td className="num">
        <strong>{formatMoney(s.cost.total, currency)}</strong>
      </td>
      <td className="num">{formatInt(s.distanceKm.mean)}</td>
      <td className="num">{formatInt(s.distanceKm.p90)}</td>
      <td className="num">{formatPercent(s.shareWithinDays['1'], 0)}</td>
      <td className="num">{formatPercent(s.shareWithinDays['2'], 0)}</td>
      <td className="num">{formatPercent(s.shareWithinDays['3'], 0)}</td>
      <td className="num muted" title={boundText(s, currency)}>
        {gapText(s)}
      </td>
    </tr>
  );
}

export function ScenarioTable({ result, selected, onSelect }: { result: NetworkStudyResult; selected: number; onSelect: (k: number) => void }) {
  const best = result.summary.recommendedWarehouses;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="scenario-table">
        <thead>
          <tr>
            <th>Warehouses</th>
            <th className="num">Fixed / yr</th>
            <th className="num">Transport / yr</th>
            <th className="num">Total / yr</th>
            <th className="num">Mean km</th>
            <th className="num">p90 km</th>
            <th className="num">≤ 1 day</th>
            <th className="num">≤ 2 days</th>
            <th className="num">≤ 3 days</th>
            <th className="num" title="distance of the cost to the proven lower bound">Gap</th>
          </tr>
        </thead>
        <tbody>
          {result.scenarios.map((s) => (
            <Row key={s.warehouses} s={s} label={`${s.warehouses}`} currency={result.currency} selected={s.warehouses === selected} best={s.warehouses === best} onSelect={() => onSelect(s.warehouses)} />
          ))}
          {result.current ? <Row s={result.current} label="Today" currency={result.currency} selected={false} best={false} /> : null}
        </tbody>
      </table>
    </div>
  );
}

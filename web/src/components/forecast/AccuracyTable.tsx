/** Our forecast next to seasonal naive on the same backtest folds; the better figure of each pair in bold. */
import type { AccuracyMetrics, ForecastResult, ForecastSeries, SeriesAccuracy } from './types';
import { LEVEL_LABELS } from './types';

type Metric = { key: keyof AccuracyMetrics; label: string; title: string; lowerIsBetter: boolean | 'abs' | 'target80' | 'target95'; format: (x: number) => string };

const METRICS: Metric[] = [
  { key: 'mase', label: 'MASE', title: 'Mean absolute scaled error: below 1 beats last week\'s in-sample naive', lowerIsBetter: true, format: (x) => x.toFixed(2) },
  { key: 'rmsse', label: 'RMSSE', title: 'Root mean squared scaled error (M5 competition)', lowerIsBetter: true, format: (x) => x.toFixed(2) },
  { key: 'smape', label: 'sMAPE', title: 'Symmetric mean absolute percentage error (harsh on slow movers with zero days)', lowerIsBetter: true, format: (x) => `${x.toFixed(1)} %` },
  { key: 'bias', label: 'Bias', title: 'Forecast minus actual over actual: + is over-forecasting', lowerIsBetter: 'abs', format: (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %` },
  { key: 'coverage80', label: '80 % cover', title: 'Share of actual days inside the 80 % interval (ideal 80 %)', lowerIsBetter: 'target80', format: (x) => `${Math.round(x * 100)} %` },
  { key: 'coverage95', label: '95 % cover', title: 'Share of actual days inside the 95 % interval (ideal 95 %)', lowerIsBetter: 'target95', format: (x) => `${Math.round(x * 100)} %` },
];

function better(m: Metric, ours: number, naive: number): 'ours' | 'naive' | null {
  const score = (x: number) => (m.lowerIsBetter === true ? x : m.lowerIsBetter === 'abs' ? Math.abs(x) : Math.abs(x - (m.lowerIsBetter === 'target80' ? 0.8 : 0.95)));
  const a = score(ours);
  const b = score(naive);
  if (Math.abs(a - b) < 1e-9) return null;
  return a < b ? 'ours' : 'naive';
}

function Rows({ label, sub, accuracy, testId }: { label: string; sub?: string; accuracy: SeriesAccuracy; testId?: string }) {
  return (
    <>
      <tr data-testid={testId}>
        <td rowSpan={2} className="forecast-acc-label">
          {label}
          {sub ? <div className="cell-sub">{sub}</div> : null}
        </td>
        <td>Our forecast</td>
        {METRICS.map((m) => (
          <td key={m.key} className={`num${better(m, accuracy.model[m.key], accuracy.seasonalNaive[m.key]) === 'ours' ? ' forecast-better' : ''}`}>{m.format(accuracy.model[m.key])}</td>
        ))}
      </tr>
      <tr className="forecast-acc-naive">
        <td className="muted">Seasonal naive</td>
        {METRICS.map((m) => (
          <td key={m.key} className={`num${better(m, accuracy.model[m.key], accuracy.seasonalNaive[m.key]) === 'naive' ? ' forecast-better' : ''}`}>{m.format(accuracy.seasonalNaive[m.key])}</td>
        ))}
      </tr>
    </>
  );
}

export function AccuracyTable({ result, selected }: { result: ForecastResult; selected: ForecastSeries | null }) {
  const acc = result.accuracy;
  if (!acc) return <p className="muted">This forecast was run without a backtest.</p>;
  const levels = acc.byLevel.filter((l) => l.level !== 'total');
  return (
    <div className="table-wrap">
      <table className="table compact forecast-accuracy" data-testid="forecast-accuracy">
        <thead>
          <tr>
            <th>Series</th>
            <th>Method</th>
            {METRICS.map((m) => (
              <th key={m.key} className="num" title={m.title}>{m.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {selected?.accuracy && selected.key !== 'total' ? <Rows label={selected.label} sub="selected series" accuracy={selected.accuracy} testId="forecast-accuracy-selected" /> : null}
          {acc.total ? <Rows label="All SKUs" sub="total" accuracy={acc.total} testId="forecast-accuracy-total" /> : null}
          {levels.map((l) => (
            <Rows key={l.level} label={LEVEL_LABELS[l.level]} sub={`mean of ${l.series} series`} accuracy={l.accuracy} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Flagged peaks: past days far above the usual level and coming ones the forecast expects. */
import type { Peak } from './types';

const fmt = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en') : x.toFixed(1));
const day = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export function PeaksList({ peaks, onSelect, testId = 'forecast-peaks' }: { peaks: (Peak & { key?: string; label?: string })[]; onSelect?: (key: string) => void; testId?: string }) {
  if (!peaks.length) return <p className="muted small">No day stands far above the usual level.</p>;
  return (
    <ul className="forecast-peaks" data-testid={testId}>
      {peaks.map((p, i) => (
        <li key={`${p.key ?? ''}${p.date}${i}`} data-testid="forecast-peak">
          <span className={`badge ${p.kind === 'forecast' ? 'badge-blue' : 'badge-muted'}`}>{p.kind === 'forecast' ? 'ahead' : 'past'}</span>
          <strong>{day(p.date)}</strong>
          {p.event ? <span className="badge badge-amber">{p.event}</span> : null}
          <span className="forecast-peak-ratio">×{p.ratio.toFixed(1)}</span>
          <span className="muted small">{fmt(p.units)} units vs usual {fmt(p.usual)}</span>
          {p.label && p.key ? (
            onSelect ? (
              <button type="button" className="link-button forecast-peak-series" onClick={() => onSelect(p.key!)}>{p.label}</button>
            ) : (
              <span className="small">{p.label}</span>
            )
          ) : null}
        </li>
      ))}
    </ul>
  );
}

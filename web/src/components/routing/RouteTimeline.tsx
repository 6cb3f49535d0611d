/** A Gantt of the day per vehicle: driving, waiting for a window to open, and time at each stop. */
import { routeColour, type PlannedRoute } from './types';

const clock = (s: number) => `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}`;

export function RouteTimeline({ routes, selected, onSelect }: { routes: PlannedRoute[]; selected: number | null; onSelect: (i: number | null) => void }) {
  if (!routes.length) return null;
  const from = Math.floor(Math.min(...routes.map((r) => r.start.seconds)) / 3600) * 3600;
  const to = Math.ceil(Math.max(...routes.map((r) => r.end.seconds)) / 3600) * 3600;
  const span = Math.max(3600, to - from);
  const pct = (s: number) => `${(((s - from) / span) * 100).toFixed(3)}%`;
  const width = (a: number, b: number) => `${((Math.max(0, b - a) / span) * 100).toFixed(3)}%`;
  const hours: number[] = [];
  for (let h = from; h <= to; h += 3600) hours.push(h);
  return (
    <div className="last-mile-timeline" data-testid="last-mile-timeline">
      <div className="last-mile-tl-row last-mile-tl-axis">
        <div className="last-mile-tl-label" />
        <div className="last-mile-tl-track">
          {hours.map((h) => (
            <span key={h} className="last-mile-tl-hour" style={{ left: pct(h) }}>
              {clock(h)}
            </span>
          ))}
        </div>
      </div>
      {routes.map((r, i) => {
        let prev = r.start.seconds;
        const pieces = r.stops.flatMap((s) => {
          const serviceStart = s.arrivalSeconds + s.waitSeconds;
          const out = [
            { kind: 'drive', a: prev, b: s.arrivalSeconds, title: `driving to #${s.sequence}` },
            ...(s.waitSeconds > 0 ? [{ kind: 'wait', a: s.arrivalSeconds, b: serviceStart, title: `waiting ${Math.round(s.waitSeconds / 60)} min for #${s.sequence}'s window` }] : []),
            { kind: 'service', a: serviceStart, b: s.departureSeconds, title: `#${s.sequence} ${s.orderNumber ? `order ${s.orderNumber}` : s.stopId}: arrive ${s.arrival}, leave ${s.departure}` },
          ];
          prev = s.departureSeconds;
          return out;
        });
        if (!r.openEnd) pieces.push({ kind: 'drive', a: prev, b: r.end.seconds, title: `back at ${r.end.time}` });
        return (
          <div
            key={r.vehicleId}
            className={`last-mile-tl-row${selected === i ? ' active' : ''}${selected !== null && selected !== i ? ' dim' : ''}`}
            data-testid="last-mile-timeline-row"
            onClick={() => onSelect(selected === i ? null : i)}
          >
            <div className="last-mile-tl-label">
              <span className="last-mile-swatch" style={{ background: routeColour(i) }} />
              <strong>{r.vehicleId}</strong>
              <span className="muted small">
                {r.start.time}–{r.end.time}
              </span>
            </div>
            <div className="last-mile-tl-track">
              {hours.map((h) => (
                <span key={h} className="last-mile-tl-grid" style={{ left: pct(h) }} />
              ))}
              {pieces.map((p, k) => (
                <span
                  key={k}
                  className={`last-mile-tl-piece last-mile-tl-${p.kind}`}
                  style={{ left: pct(p.a), width: width(p.a, p.b), ...(p.kind === 'service' ? { background: routeColour(i) } : p.kind === 'drive' ? { borderColor: routeColour(i) } : {}) }}
                  title={p.title}
                />
              ))}
            </div>
          </div>
        );
      })}
      <div className="last-mile-tl-key muted small">
        <span><span className="last-mile-tl-piece-key last-mile-tl-drive" /> driving</span>
        <span><span className="last-mile-tl-piece-key last-mile-tl-wait" /> waiting for a window</span>
        <span><span className="last-mile-tl-piece-key last-mile-tl-service" /> at the stop</span>
      </div>
    </div>
  );
}

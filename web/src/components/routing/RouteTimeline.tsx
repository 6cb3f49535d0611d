/** A Gantt of the day per vehicle: driving, waiting for a window to open, time at each stop and the driver's break. */
import { routeColour, type PlannedRoute } from './types';

interface Piece {
  kind: 'drive' | 'wait' | 'service' | 'break';
  a: number;
  b: number;
  title: string;
}

const minutes = (s: number) => Math.round(s / 60);

/**
 * The route as consecutive pieces. The break comes either before a drive (at the place just left)
 * or on arrival (before the next service, often instead of waiting): its times tell which.
 */
function dayPieces(r: PlannedRoute): Piece[] {
  const pieces: Piece[] = [];
  const brk = r.break;
  const breakPiece = (): Piece => ({ kind: 'break', a: brk!.startSeconds, b: brk!.endSeconds, title: `driver break ${brk!.start}–${brk!.end} (${minutes(brk!.durationSeconds)} min)` });
  const idle = (a: number, b: number, why: string) => {
    if (b > a) pieces.push({ kind: 'wait', a, b, title: `waiting ${minutes(b - a)} min ${why}` });
  };
  let prev = r.start.seconds;
  r.stops.forEach((s, i) => {
    const serviceStart = s.departureSeconds - s.serviceSeconds;
    const here = brk && brk.afterStops === i;
    if (here && brk.startSeconds < s.arrivalSeconds) {
      idle(prev, brk.startSeconds, 'for the break');
      pieces.push(breakPiece());
      pieces.push({ kind: 'drive', a: brk.endSeconds, b: s.arrivalSeconds, title: `driving to #${s.sequence}` });
    } else {
      pieces.push({ kind: 'drive', a: prev, b: s.arrivalSeconds, title: `driving to #${s.sequence}` });
      if (here) {
        idle(s.arrivalSeconds, brk.startSeconds, 'for the break');
        pieces.push(breakPiece());
        idle(brk.endSeconds, serviceStart, `for #${s.sequence}'s window`);
      } else idle(s.arrivalSeconds, serviceStart, `for #${s.sequence}'s window`);
    }
    pieces.push({ kind: 'service', a: serviceStart, b: s.departureSeconds, title: `#${s.sequence} ${s.orderNumber ? `order ${s.orderNumber}` : s.stopId}: arrive ${s.arrival}, leave ${s.departure}` });
    prev = s.departureSeconds;
  });
  if (brk && brk.afterStops >= r.stops.length) {
    // after the last stop: before the drive back, or back at the end (then the route ends with it)
    const atEnd = !r.openEnd && brk.endSeconds >= r.end.seconds;
    if (atEnd) pieces.push({ kind: 'drive', a: prev, b: brk.startSeconds - brk.waitSeconds, title: `back at ${r.end.time}` });
    idle(atEnd ? brk.startSeconds - brk.waitSeconds : prev, brk.startSeconds, 'for the break');
    pieces.push(breakPiece());
    if (!atEnd && !r.openEnd) pieces.push({ kind: 'drive', a: brk.endSeconds, b: r.end.seconds, title: `back at ${r.end.time}` });
  } else if (!r.openEnd) pieces.push({ kind: 'drive', a: prev, b: r.end.seconds, title: `back at ${r.end.time}` });
  return pieces;
}

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
        const pieces = dayPieces(r);
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
                  data-testid={p.kind === 'break' ? 'last-mile-timeline-break' : undefined}
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
        {routes.some((r) => r.break) ? <span><span className="last-mile-tl-piece-key last-mile-tl-break" /> driver break</span> : null}
      </div>
    </div>
  );
}

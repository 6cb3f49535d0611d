import { breakEvaluatorFor, FEASIBILITY_WEIGHT, hasBreak, type BreakPlacement } from './driver-break.js';
import { Segment } from './duration-segment.js';
import { EARLIEST, type RoutingModel } from './routing-model.js';

export interface ScheduledVisit {
  client: number;
  arrival: number;
  wait: number;
  serviceStart: number;
  departure: number;
  legDistance: number;
}

export interface ScheduledBreak {
  start: number;
  end: number;
  /** Idle time just before it, waiting for its window. */
  wait: number;
  /** Visits served before it. */
  afterVisits: number;
  /** Matrix location where it is taken. */
  location: number;
}

export interface RouteSchedule {
  start: number;
  end: number;
  visits: ScheduledVisit[];
  distance: number;
  duration: number;
  /** Index in the sequence of the first client whose windows cannot be met, or -1. */
  lateAt: number;
  /** True when the return is after the shift end or the route exceeds the maximum duration. */
  overShift: boolean;
  break: ScheduledBreak | null;
  /** True when the break cannot start inside its window. */
  breakLate: boolean;
}

/**
 * Exact timetable of route r with every time window of every stop (not only their hull), leaving
 * the start at `departure` and waiting whenever a stop's next window has not opened yet; the break,
 * when placed, is taken as early as its window allows at its placement.
 */
export function scheduleRoute(m: RoutingModel, r: number, seq: ArrayLike<number>, departure: number, placement: BreakPlacement | null = null): RouteSchedule {
  const M = m.M;
  const startNode = m.n + 2 * r;
  const endNode = startNode + 1;
  const k = seq.length;
  let loc = m.nodeLoc[startNode];
  let t = departure;
  let distance = 0;
  let lateAt = -1;
  let brk: ScheduledBreak | null = null;
  let breakLate = false;
  const takeBreak = (afterVisits: number, where: number) => {
    const w = m.breakFrom[r] + placement!.window;
    const start = Math.max(t, m.breakOpen[w]);
    if (start > m.breakClose[w] + 1e-9) breakLate = true;
    brk = { start, end: start + m.breakSeconds[r], wait: start - t, afterVisits, location: where };
    t = brk.end;
  };
  const visits: ScheduledVisit[] = [];
  for (let p = 0; p <= k; p++) {
    if (placement !== null && placement.arc === p && !placement.atNext) takeBreak(p, loc);
    const to = p < k ? m.nodeLoc[seq[p]] : m.nodeLoc[endNode];
    const a = loc * M + to;
    const arrival = t + m.time[a];
    distance += m.dist[a];
    t = arrival;
    // an open route's end is a virtual place next to everything: the break there is at the last stop
    if (placement !== null && placement.arc === p && placement.atNext) takeBreak(p, to === M - 1 ? loc : to);
    loc = to;
    if (p === k) break;
    const c = seq[p];
    let serviceStart = t;
    const ws = m.windows[c];
    if (ws.length) {
      const w = ws.find((x) => x[1] >= t - 1e-9);
      if (w) serviceStart = Math.max(t, w[0]);
      else if (lateAt < 0) lateAt = p;
    }
    const ready = t;
    t = serviceStart + m.service[c];
    visits.push({ client: c, arrival, wait: serviceStart - ready, serviceStart, departure: t, legDistance: m.dist[a] });
  }
  const end = t;
  const overShift = end > m.twClose[endNode] + 1e-9 || end - departure > m.maxDur[r] + 1e-9;
  return { start: departure, end, visits, distance, duration: end - departure, lateAt, overShift, break: brk, breakLate };
}

/** Latest departure from the start that still meets every (hull) window: the least waiting. */
function latestDeparture(m: RoutingModel, r: number, seq: ArrayLike<number>, placement: BreakPlacement | null): number {
  const M = m.M;
  const startNode = m.n + 2 * r;
  const endNode = startNode + 1;
  const k = seq.length;
  const s = new Segment().set(0, 0, m.twOpen[startNode], m.twClose[startNode]);
  const w = placement === null ? -1 : m.breakFrom[r] + placement.window;
  let loc = m.nodeLoc[startNode];
  for (let p = 0; p <= k; p++) {
    const node = p < k ? seq[p] : endNode;
    let edge = m.time[loc * M + m.nodeLoc[node]];
    if (placement !== null && placement.arc === p) {
      s.append(m.breakSeconds[r], 0, m.breakOpen[w], m.breakClose[w], placement.atNext ? edge : 0);
      if (placement.atNext) edge = 0;
    }
    s.append(p < k ? m.service[node] : 0, 0, m.twOpen[node], m.twClose[node], edge);
    loc = m.nodeLoc[node];
  }
  return s.l;
}

const meetsAll = (s: RouteSchedule) => s.lateAt < 0 && !s.overShift && !s.breakLate;

/**
 * The route's timetable: with time windows, leave as late as possible without missing any
 * (least waiting, shortest duration); without, leave at the shift start (or time 0).
 * Falls back to the earliest departure when a gap between a stop's windows needs it.
 * A driver break goes where the exact evaluation puts it; when a gap between a stop's windows
 * defeats that placement, the next best placements are tried.
 */
export function bestSchedule(m: RoutingModel, r: number, seq: ArrayLike<number>): RouteSchedule {
  if (seq.length === 0 || !hasBreak(m, r)) return timetable(m, r, seq, null);
  const ev = breakEvaluatorFor(m);
  ev.evaluate(r, seq, 0, seq.length, FEASIBILITY_WEIGHT, true);
  let first: RouteSchedule | null = null;
  for (const placement of ev.ranked()) {
    const s = timetable(m, r, seq, placement);
    if (meetsAll(s)) return s;
    first ??= s;
    // placements infeasible on the hull windows are infeasible on the exact ones too
    if (!placement.feasibleOnHull) break;
  }
  return first!;
}

function timetable(m: RoutingModel, r: number, seq: ArrayLike<number>, placement: BreakPlacement | null): RouteSchedule {
  const startNode = m.n + 2 * r;
  const shiftOpen = m.twOpen[startNode];
  let earliest = shiftOpen > EARLIEST ? shiftOpen : 0;
  if (seq.length === 0) return scheduleRoute(m, r, seq, earliest, null);
  let windowed = placement !== null;
  for (let i = 0; i < seq.length; i++) if (m.windows[seq[i]].length > 0) windowed = true;
  if (!windowed) return scheduleRoute(m, r, seq, earliest, placement);
  if (shiftOpen <= EARLIEST) {
    // no shift: the earliest sensible start reaches the first stop as its first window opens
    const w = m.windows[seq[0]][0];
    earliest = w ? w[0] - m.time[m.nodeLoc[startNode] * m.M + m.nodeLoc[seq[0]]] : 0;
  }
  const late = scheduleRoute(m, r, seq, Math.max(earliest, Math.min(latestDeparture(m, r, seq, placement), m.twClose[startNode])), placement);
  if (meetsAll(late)) return late;
  const early = scheduleRoute(m, r, seq, earliest, placement);
  return meetsAll(early) ? early : late;
}

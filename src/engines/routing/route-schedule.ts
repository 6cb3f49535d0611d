import { EARLIEST, type RoutingModel } from './routing-model.js';

export interface ScheduledVisit {
  client: number;
  arrival: number;
  wait: number;
  serviceStart: number;
  departure: number;
  legDistance: number;
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
}

/**
 * Exact timetable of route r with every time window of every stop (not only their hull), leaving
 * the start at `departure` and waiting whenever a stop's next window has not opened yet.
 */
export function scheduleRoute(m: RoutingModel, r: number, seq: ArrayLike<number>, departure: number): RouteSchedule {
  const M = m.M;
  const startNode = m.n + 2 * r;
  let loc = m.nodeLoc[startNode];
  let t = departure;
  let distance = 0;
  let lateAt = -1;
  const visits: ScheduledVisit[] = [];
  for (let i = 0; i < seq.length; i++) {
    const c = seq[i];
    const a = loc * M + m.nodeLoc[c];
    const arrival = t + m.time[a];
    let serviceStart = arrival;
    const ws = m.windows[c];
    if (ws.length) {
      const w = ws.find((x) => x[1] >= arrival - 1e-9);
      if (w) serviceStart = Math.max(arrival, w[0]);
      else if (lateAt < 0) lateAt = i;
    }
    distance += m.dist[a];
    t = serviceStart + m.service[c];
    visits.push({ client: c, arrival, wait: serviceStart - arrival, serviceStart, departure: t, legDistance: m.dist[a] });
    loc = m.nodeLoc[c];
  }
  const endNode = startNode + 1;
  const b = loc * M + m.nodeLoc[endNode];
  distance += m.dist[b];
  const end = t + m.time[b];
  const overShift = end > m.twClose[endNode] + 1e-9 || end - departure > m.maxDur[r] + 1e-9;
  return { start: departure, end, visits, distance, duration: end - departure, lateAt, overShift };
}

/** Latest departure from the start that still meets every (hull) window: the least waiting. */
function latestDeparture(m: RoutingModel, r: number, seq: ArrayLike<number>): number {
  const M = m.M;
  const startNode = m.n + 2 * r;
  let loc = m.nodeLoc[startNode];
  let dur = 0;
  let tw = 0;
  let e = m.twOpen[startNode];
  let l = m.twClose[startNode];
  const merge = (sDur: number, sE: number, sL: number, edge: number) => {
    const at = dur - tw + edge;
    const diffWait = Math.max(sE - at - l, 0);
    const diffTw = Math.max(e + at - sL, 0);
    dur += sDur + edge + diffWait;
    tw += diffTw;
    e = Math.max(sE - at, e) - diffWait;
    l = Math.min(sL - at, l) + diffTw;
  };
  for (let i = 0; i < seq.length; i++) {
    const c = seq[i];
    const a = loc * M + m.nodeLoc[c];
    merge(m.service[c], m.twOpen[c], m.twClose[c], m.time[a]);
    loc = m.nodeLoc[c];
  }
  const endNode = startNode + 1;
  merge(0, m.twOpen[endNode], m.twClose[endNode], m.time[loc * M + m.nodeLoc[endNode]]);
  return l;
}

/**
 * The route's timetable: with time windows, leave as late as possible without missing any
 * (least waiting, shortest duration); without, leave at the shift start (or time 0).
 * Falls back to the earliest departure when a gap between a stop's windows needs it.
 */
export function bestSchedule(m: RoutingModel, r: number, seq: ArrayLike<number>): RouteSchedule {
  const startNode = m.n + 2 * r;
  const shiftOpen = m.twOpen[startNode];
  let earliest = shiftOpen > EARLIEST ? shiftOpen : 0;
  if (seq.length === 0) return scheduleRoute(m, r, seq, earliest);
  let windowed = false;
  for (let i = 0; i < seq.length; i++) if (m.windows[seq[i]].length > 0) windowed = true;
  if (!windowed) return scheduleRoute(m, r, seq, earliest);
  if (shiftOpen <= EARLIEST) {
    // no shift: the earliest sensible start reaches the first stop as its first window opens
    const w = m.windows[seq[0]][0];
    earliest = w ? w[0] - m.time[m.nodeLoc[startNode] * m.M + m.nodeLoc[seq[0]]] : 0;
  }
  const late = scheduleRoute(m, r, seq, Math.max(earliest, Math.min(latestDeparture(m, r, seq), m.twClose[startNode])));
  if (late.lateAt < 0 && !late.overShift) return late;
  const early = scheduleRoute(m, r, seq, earliest);
  return early.lateAt < 0 && !early.overShift ? early : late;
}

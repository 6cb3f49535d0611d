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

/**
 * Leaves as late as possible without delaying any service (less waiting, same arrival pattern),
 * by first scheduling from the earliest departure and then pushing the start by the smallest
 * wait-free slack before the first wait.
 */
export function bestSchedule(m: RoutingModel, r: number, seq: ArrayLike<number>): RouteSchedule {
  const startNode = m.n + 2 * r;
  const shiftOpen = m.twOpen[startNode];
  let earliest = shiftOpen > EARLIEST ? shiftOpen : 0;
  if (seq.length === 0) return scheduleRoute(m, r, seq, earliest);
  if (shiftOpen <= EARLIEST) {
    // no shift: start so that the first stop is reached when its first window opens
    const c = seq[0];
    const w = m.windows[c][0];
    earliest = w ? w[0] - m.time[m.nodeLoc[startNode] * m.M + m.nodeLoc[c]] : 0;
  }
  const first = scheduleRoute(m, r, seq, earliest);
  if (first.visits.length === 0) return first;
  // the start may move later by the total wait met before any stop whose window closes first
  let push = Infinity;
  let waitSoFar = 0;
  for (let i = 0; i < first.visits.length; i++) {
    const v = first.visits[i];
    const w = m.windows[v.client].find((x) => x[0] <= v.serviceStart + 1e-9 && x[1] >= v.serviceStart - 1e-9);
    const slack = w ? w[1] - v.serviceStart : Infinity;
    waitSoFar += v.wait;
    push = Math.min(push, waitSoFar + slack);
    if (v.wait > 0) {
      push = Math.min(push, waitSoFar);
      break;
    }
  }
  if (!(push > 1e-9) || !Number.isFinite(push)) return first;
  const later = scheduleRoute(m, r, seq, earliest + push);
  return later.lateAt < 0 && !later.overShift && later.end <= first.end + 1e-9 ? later : first;
}

import { Deadline, type SolveControl } from '../control.js';
import { geneticSearch } from './genetic-search.js';
import { measureRoute } from './individual.js';
import { bestSchedule } from './route-schedule.js';
import { compileProblem, type RoutingModel } from './routing-model.js';
import type { PlannedRoute, RoutingOptions, RoutingPlan, RoutingProblem, UnassignedReason, UnassignedStop } from './types.js';
import { validateRoutingProblem } from './validate-problem.js';

const DEFAULT_LIMIT_MS = 10_000;

/**
 * Plans delivery routes: which vehicle serves which stops in which order, minimising fixed,
 * distance and time costs under capacities, time windows, shifts, maximum route duration and
 * distance, skills and drivers' breaks. Stops that cannot be served come back as unassigned with a reason.
 * Throws RoutingInputError for malformed input.
 */
export function solveRoutes(problem: RoutingProblem, control: SolveControl = {}, options: RoutingOptions = {}): RoutingPlan {
  validateRoutingProblem(problem);
  const deadline = new Deadline(control, DEFAULT_LIMIT_MS);
  const seed = control.seed ?? 1;
  const { model: m, rejected } = compileProblem(problem, options.granularNeighbours);
  const search = geneticSearch(m, seed, deadline, options.maxIterations);
  const chosen = search.bestFeasible ?? search.bestAny;
  let routes: number[][] = Array.from({ length: m.V }, (_, r) => (chosen ? Array.from(chosen.routes[r]) : []));
  const dropped: { client: number; reason: UnassignedReason }[] = [];
  if (!search.bestFeasible) routes = repairByDropping(m, routes, dropped);
  routes = enforceExactWindows(m, routes, dropped);
  reinsertDropped(m, routes, dropped);
  control.onProgress?.(1, 'done');

  const unassigned: UnassignedStop[] = [
    ...rejected.map(({ stopIndex, reason }) => ({ stopId: problem.stops[stopIndex].id, stopIndex, reason })),
    ...dropped.map(({ client, reason }) => ({ stopId: problem.stops[m.clientStop[client]].id, stopIndex: m.clientStop[client], reason })),
  ].sort((a, b) => a.stopIndex - b.stopIndex);
  const planned = routes.map((seq, r) => describeRoute(problem, m, r, seq)).filter((x): x is PlannedRoute => x !== null);
  return {
    routes: planned,
    unassigned,
    totals: {
      cost: planned.reduce((s, r) => s + r.cost, 0),
      distanceMetres: planned.reduce((s, r) => s + r.distanceMetres, 0),
      durationSeconds: planned.reduce((s, r) => s + r.durationSeconds, 0),
      vehiclesUsed: planned.length,
      stopsServed: planned.reduce((s, r) => s + r.visits.length, 0),
    },
    stats: {
      iterations: search.iterations,
      initialSolutions: search.initialSolutions,
      descents: search.descents,
      elapsedMs: Math.round(deadline.elapsedMs()),
      firstFeasibleMs: search.firstFeasibleMs === null ? null : Math.round(search.firstFeasibleMs),
      seed,
    },
  };
}

function violation(m: RoutingModel, r: number, seq: number[]): { total: number; reason: UnassignedReason | null } {
  const meas = measureRoute(m, r, seq);
  const scaleTime = m.typicalArcCost / m.typicalArcSeconds;
  const scaleLoad = m.typicalArcCost / m.typicalDemand;
  const total = meas.loadExcess * scaleLoad + meas.timeWarp * scaleTime + meas.distanceExcess + meas.incompatible * m.bigM;
  let reason: UnassignedReason | null = null;
  if (meas.incompatible > 0) reason = 'skill';
  else if (meas.loadExcess > 1e-6) reason = 'capacity';
  else if (meas.timeWarp > 1e-6) reason = meas.duration > m.maxDur[r] + 1e-6 ? 'max_duration' : 'time_window';
  else if (meas.distanceExcess > 1e-6) reason = 'max_distance';
  return { total, reason };
}

/** When the fleet cannot serve everything: drop the least important stops until every route is feasible. */
function repairByDropping(m: RoutingModel, routes: number[][], dropped: { client: number; reason: UnassignedReason }[]): number[][] {
  return routes.map((seq0, r) => {
    const seq = seq0.slice();
    for (let v = violation(m, r, seq); v.reason !== null; v = violation(m, r, seq)) {
      let best = -1;
      let bestKey = Infinity;
      let bestRelief = -Infinity;
      for (let i = 0; i < seq.length; i++) {
        const c = seq[i];
        if (m.priority[c] > bestKey) continue;
        const rest = seq.slice(0, i).concat(seq.slice(i + 1));
        const relief = v.total - violation(m, r, rest).total;
        if (m.priority[c] < bestKey || relief > bestRelief) {
          best = i;
          bestKey = m.priority[c];
          bestRelief = relief;
        }
      }
      dropped.push({ client: seq[best], reason: v.reason });
      seq.splice(best, 1);
    }
    return seq;
  });
}

/**
 * The search sees each stop's windows as one hull; the exact timetable may still miss a gap between
 * windows. A break that cannot start in its window drops the visit just before it (which delays it).
 */
function enforceExactWindows(m: RoutingModel, routes: number[][], dropped: { client: number; reason: UnassignedReason }[]): number[][] {
  return routes.map((seq0, r) => {
    const seq = seq0.slice();
    for (let s = bestSchedule(m, r, seq); seq.length > 0 && (s.lateAt >= 0 || s.overShift || s.breakLate); s = bestSchedule(m, r, seq)) {
      let at = seq.length - 1;
      let reason: UnassignedReason = 'shift';
      if (s.lateAt >= 0) {
        at = s.lateAt;
        reason = 'time_window';
      } else if (s.breakLate) {
        at = Math.max(0, s.break!.afterVisits - 1);
        reason = 'break';
      }
      dropped.push({ client: seq[at], reason });
      seq.splice(at, 1);
    }
    return seq;
  });
}

function routeFeasible(m: RoutingModel, r: number, seq: number[]): boolean {
  if (violation(m, r, seq).reason !== null) return false;
  const s = bestSchedule(m, r, seq);
  return s.lateAt < 0 && !s.overShift && !s.breakLate;
}

/** Dropped stops go back wherever they fit feasibly at least extra cost, most important first. */
function reinsertDropped(m: RoutingModel, routes: number[][], dropped: { client: number; reason: UnassignedReason }[]): void {
  dropped.sort((a, b) => m.priority[b.client] - m.priority[a.client] || a.client - b.client);
  for (let k = 0; k < dropped.length; ) {
    const c = dropped[k].client;
    let best: [number, number] | null = null;
    let bestCost = Infinity;
    for (let r = 0; r < m.V; r++) {
      const seq = routes[r];
      const base = measureRoute(m, r, seq).cost;
      for (let i = 0; i <= seq.length; i++) {
        const cand = seq.slice(0, i).concat([c], seq.slice(i));
        const extra = measureRoute(m, r, cand).cost - base;
        if (extra < bestCost && routeFeasible(m, r, cand)) {
          bestCost = extra;
          best = [r, i];
        }
      }
    }
    if (best) {
      routes[best[0]].splice(best[1], 0, c);
      dropped.splice(k, 1);
    } else k++;
  }
}

function describeRoute(problem: RoutingProblem, m: RoutingModel, r: number, seq: number[]): PlannedRoute | null {
  if (seq.length === 0) return null;
  const vehicle = problem.vehicles[r];
  const s = bestSchedule(m, r, seq);
  const D = m.D;
  const load = new Array<number>(D).fill(0);
  for (const c of seq) for (let d = 0; d < D; d++) load[d] += m.demand[c * D + d];
  const onBoard = load.slice();
  const visits = s.visits.map((v) => {
    for (let d = 0; d < D; d++) onBoard[d] -= m.demand[v.client * D + d];
    const stopIndex = m.clientStop[v.client];
    return {
      stopId: problem.stops[stopIndex].id,
      stopIndex,
      arrivalSeconds: v.arrival,
      waitSeconds: v.wait,
      serviceStartSeconds: v.serviceStart,
      departureSeconds: v.departure,
      loadAfter: onBoard.map((x) => Math.max(0, x)),
      legDistanceMetres: v.legDistance,
    };
  });
  const cost = m.fixed[r] + m.perDist[r] * s.distance + m.perTime[r] * s.duration;
  return {
    vehicleId: vehicle.id,
    vehicleIndex: r,
    startSeconds: s.start,
    endSeconds: s.end,
    visits,
    load: load.slice(0, vehicle.capacity.length),
    distanceMetres: s.distance,
    durationSeconds: s.duration,
    cost: Math.round(cost),
    ...(s.break ? { break: { startSeconds: s.break.start, endSeconds: s.break.end, waitSeconds: s.break.wait, afterVisits: s.break.afterVisits, location: s.break.location } } : {}),
  };
}

import { breakEvaluatorFor, FEASIBILITY_WEIGHT, hasBreak } from './driver-break.js';
import type { Penalties } from './penalties.js';
import type { RoutingModel } from './routing-model.js';

/** One solution: a client sequence per vehicle, with its cost split into objective and violations. */
export interface Individual {
  routes: Int32Array[];
  /** The routes concatenated: the chromosome used by crossover. */
  giant: Int32Array;
  /** Next / previous client of each client, or -1 for a depot (for the broken-pairs distance). */
  succ: Int32Array;
  pred: Int32Array;
  objective: number;
  loadExcess: number;
  timeWarp: number;
  distanceExcess: number;
  incompatible: number;
  penalised: number;
  feasible: boolean;
  vehicles: number;
  proximity: { other: Individual; distance: number }[];
  biasedFitness: number;
}

export interface RouteMeasures {
  distance: number;
  duration: number;
  timeWarp: number;
  loadExcess: number;
  distanceExcess: number;
  incompatible: number;
  cost: number;
}

/**
 * Measures route r of vehicle r by straight simulation with duration segments (hull time windows).
 * A driver break is placed exactly: a feasible placement if there is one, else the one with the
 * least time warp weighted by timeWarpPenalty (the search's current weight, or a very large one).
 */
export function measureRoute(m: RoutingModel, r: number, seq: ArrayLike<number>, timeWarpPenalty = FEASIBILITY_WEIGHT): RouteMeasures {
  const M = m.M;
  const D = m.D;
  const startNode = m.n + 2 * r;
  let loc = m.nodeLoc[startNode];
  let dist = 0;
  let dur = 0;
  let tw = 0;
  let e = m.twOpen[startNode];
  let l = m.twClose[startNode];
  let incompatible = 0;
  const load = new Float64Array(D);
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
    dist += m.dist[a];
    merge(m.service[c], m.twOpen[c], m.twClose[c], m.time[a]);
    loc = m.nodeLoc[c];
    for (let d = 0; d < D; d++) load[d] += m.demand[c * D + d];
    if (m.compat !== null && m.compat[c * m.V + r] === 0) incompatible++;
  }
  const endNode = startNode + 1;
  const a = loc * M + m.nodeLoc[endNode];
  dist += m.dist[a];
  merge(0, m.twOpen[endNode], m.twClose[endNode], m.time[a]);
  if (seq.length === 0) return { distance: 0, duration: 0, timeWarp: 0, loadExcess: 0, distanceExcess: 0, incompatible: 0, cost: 0 };
  if (hasBreak(m, r)) {
    const ev = breakEvaluatorFor(m);
    ev.evaluate(r, seq, 0, seq.length, timeWarpPenalty, true);
    dur = ev.dur;
    tw = ev.tw;
  }
  let loadExcess = 0;
  for (let d = 0; d < D; d++) loadExcess += Math.max(0, load[d] - m.capacity[r * D + d]) * m.loadScale[d];
  const duration = m.hasTime ? dur : 0;
  const timeWarp = m.hasTime ? tw + Math.max(0, dur - m.maxDur[r]) : 0;
  return {
    distance: dist,
    duration,
    timeWarp,
    loadExcess,
    distanceExcess: Math.max(0, dist - m.maxDist[r]),
    incompatible,
    cost: m.fixed[r] + m.perDist[r] * dist + m.perTime[r] * duration,
  };
}

const FEASIBLE_TOLERANCE = 1e-6;

export function penalisedCost(ind: Pick<Individual, 'objective' | 'loadExcess' | 'timeWarp' | 'distanceExcess' | 'incompatible'>, pen: Penalties, bigM: number): number {
  return ind.objective + pen.load * ind.loadExcess + pen.timeWarp * ind.timeWarp + pen.distance * ind.distanceExcess + bigM * ind.incompatible;
}

export function makeIndividual(m: RoutingModel, routes: Int32Array[], pen: Penalties): Individual {
  const succ = new Int32Array(m.n).fill(-1);
  const pred = new Int32Array(m.n).fill(-1);
  const giant = new Int32Array(m.n);
  let k = 0;
  let objective = 0;
  let loadExcess = 0;
  let timeWarp = 0;
  let distanceExcess = 0;
  let incompatible = 0;
  let vehicles = 0;
  for (let r = 0; r < routes.length; r++) {
    const seq = routes[r];
    if (seq.length === 0) continue;
    vehicles++;
    for (let i = 0; i < seq.length; i++) {
      giant[k++] = seq[i];
      if (i > 0) pred[seq[i]] = seq[i - 1];
      if (i + 1 < seq.length) succ[seq[i]] = seq[i + 1];
    }
    const meas = measureRoute(m, r, seq, pen.timeWarp);
    objective += meas.cost;
    loadExcess += meas.loadExcess;
    timeWarp += meas.timeWarp;
    distanceExcess += meas.distanceExcess;
    incompatible += meas.incompatible;
  }
  const ind: Individual = {
    routes, giant, succ, pred, objective, loadExcess, timeWarp, distanceExcess, incompatible, vehicles,
    penalised: 0,
    feasible: loadExcess <= FEASIBLE_TOLERANCE && timeWarp <= FEASIBLE_TOLERANCE && distanceExcess <= FEASIBLE_TOLERANCE && incompatible === 0,
    proximity: [],
    biasedFitness: 0,
  };
  ind.penalised = penalisedCost(ind, pen, m.bigM);
  return ind;
}

/** Broken-pairs distance (Prins 2009; Vidal 2012): share of clients whose neighbours differ. */
export function brokenPairsDistance(a: Individual, b: Individual): number {
  const n = a.succ.length;
  let diff = 0;
  for (let c = 0; c < n; c++) {
    if (a.succ[c] !== b.succ[c] && a.succ[c] !== b.pred[c]) diff++;
    if (a.pred[c] === -1 && b.pred[c] !== -1 && b.succ[c] !== -1) diff++;
  }
  return n ? diff / n : 0;
}

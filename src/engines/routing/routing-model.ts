import { visitFitsWithBreak } from './driver-break.js';
import type { RoutingProblem, TimeWindowSeconds, UnassignedReason } from './types.js';

/** Stand-ins for "no limit" that keep time arithmetic finite (NaN-free) and precise to microseconds. */
export const EARLIEST = -1e11;
export const LATEST = 1e11;

/**
 * The problem compiled for the search: flat typed arrays over internal node ids.
 * Node ids: clients 0..n-1 (servable stops), then per route r its start n+2r and end n+2r+1.
 * Route r is always driven by vehicle r.
 */
export interface RoutingModel {
  n: number;
  V: number;
  D: number;
  N: number;
  /** Matrix side: the problem's locations plus one virtual location at zero distance from all (open ends). */
  M: number;
  dist: Float64Array;
  time: Float64Array;
  nodeLoc: Int32Array;
  service: Float64Array;
  twOpen: Float64Array;
  twClose: Float64Array;
  demand: Float64Array;
  capacity: Float64Array;
  /** Weights that put every capacity dimension on the scale of the first, for one load penalty. */
  loadScale: Float64Array;
  fixed: Float64Array;
  perDist: Float64Array;
  perTime: Float64Array;
  maxDist: Float64Array;
  maxDur: Float64Array;
  /** compat[c * V + r] = 1 when vehicle r holds every skill client c needs; null when all fit. */
  compat: Uint8Array | null;
  hasTime: boolean;
  hasMaxDist: boolean;
  /** Some vehicle has a driver break (see driver-break.ts); false keeps every break branch cold. */
  hasBreaks: boolean;
  /** Per vehicle: the break's length in seconds, or -1 for none. */
  breakSeconds: Float64Array;
  /** Vehicle r's break windows are breakOpen/breakClose[breakFrom[r] .. breakFrom[r + 1]), by opening time. */
  breakFrom: Int32Array;
  breakOpen: Float64Array;
  breakClose: Float64Array;
  /** Vehicles with the same break (length and windows) share a class, so route pieces holding a break can move between them; -1: none. */
  breakClass: Int32Array;
  /** Distances and durations are the same both ways (reversing a path keeps its length). */
  symmetric: boolean;
  clientStop: Int32Array;
  windows: TimeWindowSeconds[][];
  priority: Float64Array;
  vehicleType: Int32Array;
  typeCount: number;
  identicalFleet: boolean;
  neighbours: Int32Array[];
  /** Cost added per misplaced (skill-incompatible) client: larger than any plan's real cost. */
  bigM: number;
  /** Typical arc cost, arc duration and demand: scales for the initial penalties. */
  typicalArcCost: number;
  typicalArcSeconds: number;
  typicalDemand: number;
  typicalDistance: number;
}

export interface CompiledProblem {
  model: RoutingModel;
  /** Stops that no vehicle can serve even alone, with why. */
  rejected: { stopIndex: number; reason: UnassignedReason }[];
}

export function compileProblem(problem: RoutingProblem, granularity = 20): CompiledProblem {
  const { stops, vehicles, matrix } = problem;
  const L = matrix.distancesMetres.length;
  const M = L + 1;
  const dist = new Float64Array(M * M);
  const time = new Float64Array(M * M);
  for (let a = 0; a < L; a++) {
    const dr = matrix.distancesMetres[a];
    const tr = matrix.durationsSeconds[a];
    for (let b = 0; b < L; b++) {
      dist[a * M + b] = dr[b];
      time[a * M + b] = tr[b];
    }
  }
  const V = vehicles.length;
  const D = Math.max(1, vehicles[0].capacity.length);
  const capacity = new Float64Array(V * D);
  const fixed = new Float64Array(V);
  const perDist = new Float64Array(V);
  const perTime = new Float64Array(V);
  const maxDist = new Float64Array(V);
  const maxDur = new Float64Array(V);
  const shiftOpen = new Float64Array(V);
  const shiftClose = new Float64Array(V);
  const skillIndex = new Map<string, number>();
  const skillOf = (s: string) => {
    let k = skillIndex.get(s);
    if (k === undefined) skillIndex.set(s, (k = skillIndex.size));
    return k;
  };
  const vehicleSkills = vehicles.map((v) => new Set((v.skills ?? []).map(skillOf)));
  let hasTime = false;
  let hasMaxDist = false;
  const typeKeys = new Map<string, number>();
  const vehicleType = new Int32Array(V);
  const breakSeconds = new Float64Array(V).fill(-1);
  const breakFrom = new Int32Array(V + 1);
  const breakWindows: TimeWindowSeconds[] = [];
  const breakClass = new Int32Array(V).fill(-1);
  const breakKeys = new Map<string, number>();
  const vehicleBreakWindows = vehicles.map((v) => [...(v.break?.windows ?? [])].sort((x, y) => x[0] - y[0] || x[1] - y[1]));
  vehicles.forEach((v, r) => {
    for (let d = 0; d < D; d++) capacity[r * D + d] = v.capacity[d] ?? 0;
    fixed[r] = v.fixedCost ?? 0;
    perDist[r] = (v.costPerKm ?? 1000) / 1000;
    perTime[r] = (v.costPerHour ?? 0) / 3600;
    maxDist[r] = v.maxDistanceMetres ?? Infinity;
    maxDur[r] = v.maxDurationSeconds ?? Infinity;
    shiftOpen[r] = v.shiftSeconds?.[0] ?? EARLIEST;
    shiftClose[r] = v.shiftSeconds?.[1] ?? LATEST;
    if (v.shiftSeconds || v.maxDurationSeconds !== undefined || perTime[r] > 0) hasTime = true;
    if (v.maxDistanceMetres !== undefined) hasMaxDist = true;
    breakFrom[r] = breakWindows.length;
    let breakKey: string | null = null;
    if (v.break) {
      hasTime = true;
      breakSeconds[r] = v.break.durationSeconds;
      const ws = vehicleBreakWindows[r];
      breakWindows.push(...ws);
      breakKey = JSON.stringify([v.break.durationSeconds, ws]);
      let c = breakKeys.get(breakKey);
      if (c === undefined) breakKeys.set(breakKey, (c = breakKeys.size));
      breakClass[r] = c;
    }
    const key = JSON.stringify([v.startLocation, v.openEnd ? -1 : v.endLocation ?? v.startLocation, v.capacity, fixed[r], perDist[r], perTime[r], v.shiftSeconds ?? null, v.maxDistanceMetres ?? null, v.maxDurationSeconds ?? null, [...vehicleSkills[r]].sort(), breakKey]);
    let t = typeKeys.get(key);
    if (t === undefined) typeKeys.set(key, (t = typeKeys.size));
    vehicleType[r] = t;
  });
  breakFrom[V] = breakWindows.length;
  const breakOpen = Float64Array.from(breakWindows, (w) => w[0]);
  const breakClose = Float64Array.from(breakWindows, (w) => w[1]);
  if (stops.some((s) => s.timeWindows && s.timeWindows.length > 0)) hasTime = true;

  const stopOpen = (i: number) => {
    const w = stops[i].timeWindows;
    return w && w.length ? Math.min(...w.map((x) => x[0])) : EARLIEST;
  };
  const stopClose = (i: number) => {
    const w = stops[i].timeWindows;
    return w && w.length ? Math.max(...w.map((x) => x[1])) : LATEST;
  };
  const startLoc = (r: number) => vehicles[r].startLocation;
  const endLoc = (r: number) => (vehicles[r].openEnd ? L : vehicles[r].endLocation ?? vehicles[r].startLocation);

  // A stop is kept when some vehicle could serve it on a route of its own.
  const rejected: CompiledProblem['rejected'] = [];
  const kept: number[] = [];
  const rank: Record<UnassignedReason, number> = { skill: 0, capacity: 1, shift: 2, time_window: 3, max_duration: 4, max_distance: 5, break: 6, fleet_exhausted: 7 };
  stops.forEach((s, i) => {
    let best: UnassignedReason = 'skill';
    const need = (s.skills ?? []).map(skillOf);
    const open = stopOpen(i);
    const close = stopClose(i);
    const service = s.serviceSeconds ?? 0;
    for (let r = 0; r < V; r++) {
      if (!need.every((k) => vehicleSkills[r].has(k))) continue;
      let reason: UnassignedReason | null = null;
      for (let d = 0; d < D; d++) if ((s.demand?.[d] ?? 0) > capacity[r * D + d]) reason = 'capacity';
      if (!reason) {
        const a = startLoc(r) * M + s.location;
        const b = s.location * M + endLoc(r);
        const arrive = Math.max(shiftOpen[r] + time[a], open);
        if (arrive > close + 1e-9) reason = close < shiftOpen[r] ? 'shift' : 'time_window'; // window before the shift, or out of reach
        else if (arrive + service + time[b] > shiftClose[r] + 1e-9) reason = 'shift';
        else if (time[a] + service + time[b] > maxDur[r] + 1e-9) reason = 'max_duration';
        else if (dist[a] + dist[b] > maxDist[r] + 1e-9) reason = 'max_distance';
        else if (breakSeconds[r] >= 0 && !visitFitsWithBreak([shiftOpen[r], shiftClose[r]], time[a], service, [open, close], time[b], breakSeconds[r], vehicleBreakWindows[r], maxDur[r])) reason = 'break';
      }
      if (!reason) {
        best = 'fleet_exhausted';
        break;
      }
      if (rank[reason] > rank[best]) best = reason;
    }
    if (best === 'fleet_exhausted') kept.push(i);
    else rejected.push({ stopIndex: i, reason: best });
  });

  const n = kept.length;
  const N = n + 2 * V;
  const nodeLoc = new Int32Array(N);
  const service = new Float64Array(N);
  const twOpen = new Float64Array(N);
  const twClose = new Float64Array(N);
  const demand = new Float64Array(n * D);
  const clientStop = new Int32Array(n);
  const priority = new Float64Array(n);
  const windows: TimeWindowSeconds[][] = [];
  let compat: Uint8Array | null = null;
  kept.forEach((i, c) => {
    const s = stops[i];
    clientStop[c] = i;
    nodeLoc[c] = s.location;
    service[c] = s.serviceSeconds ?? 0;
    twOpen[c] = stopOpen(i);
    twClose[c] = stopClose(i);
    for (let d = 0; d < D; d++) demand[c * D + d] = s.demand?.[d] ?? 0;
    priority[c] = s.priority ?? 0;
    windows.push(s.timeWindows && s.timeWindows.length ? [...s.timeWindows].sort((x, y) => x[0] - y[0]) : []);
    const need = (s.skills ?? []).map(skillOf);
    if (need.length) {
      for (let r = 0; r < V; r++) {
        if (!need.every((k) => vehicleSkills[r].has(k))) {
          compat ??= new Uint8Array(n * V).fill(1);
          compat[c * V + r] = 0;
        }
      }
    }
  });
  for (let r = 0; r < V; r++) {
    const s = n + 2 * r;
    nodeLoc[s] = startLoc(r);
    nodeLoc[s + 1] = endLoc(r);
    twOpen[s] = twOpen[s + 1] = shiftOpen[r];
    twClose[s] = twClose[s + 1] = shiftClose[r];
  }

  const loadScale = new Float64Array(D);
  for (let d = 0; d < D; d++) {
    let c0 = 0;
    let cd = 0;
    for (let r = 0; r < V; r++) {
      c0 += capacity[r * D];
      cd += capacity[r * D + d];
    }
    loadScale[d] = cd > 0 && c0 > 0 ? c0 / cd : 1;
  }

  // Scales for penalties and the granular neighbourhood.
  let sumCost = 0;
  let sumTime = 0;
  let sumDist = 0;
  let maxArcCost = 0;
  const allLocs = Array.from(nodeLoc);
  const sample = Math.min(allLocs.length, 200);
  for (let i = 0; i < sample; i++) {
    for (let j = 0; j < sample; j++) {
      const a = allLocs[Math.floor((i * allLocs.length) / sample)] * M + allLocs[Math.floor((j * allLocs.length) / sample)];
      sumDist += dist[a];
      sumTime += time[a];
      sumCost += perDist[0] * dist[a] + perTime[0] * time[a];
    }
  }
  for (let r = 0; r < V; r++) {
    let m = 0;
    for (let a = 0; a < M * M; a += 97) m = Math.max(m, perDist[r] * dist[a] + perTime[r] * time[a]);
    maxArcCost = Math.max(maxArcCost, m);
  }
  let maxDistAll = 0;
  let maxTimeAll = 0;
  for (let a = 0; a < M * M; a++) {
    if (dist[a] > maxDistAll) maxDistAll = dist[a];
    if (time[a] > maxTimeAll) maxTimeAll = time[a];
  }
  let maxCost = 0;
  let maxFixed = 0;
  for (let r = 0; r < V; r++) {
    maxCost = Math.max(maxCost, perDist[r] * maxDistAll + perTime[r] * (maxTimeAll + 1));
    maxFixed = Math.max(maxFixed, fixed[r]);
  }
  const pairs = sample * sample || 1;
  const typicalArcCost = Math.max(1e-9, sumCost / pairs);
  const typicalArcSeconds = Math.max(1e-9, sumTime / pairs);
  const typicalDistance = Math.max(1e-9, sumDist / pairs);
  let sumDemand = 0;
  for (let c = 0; c < n; c++) sumDemand += demand[c * D];
  const typicalDemand = Math.max(1e-9, n ? sumDemand / n : 1);
  const bigM = 10 * (maxFixed + 2 * (n + 2) * (maxCost + 1) + maxArcCost);

  const neighbours = granularNeighbours(n, M, nodeLoc, dist, time, service, twOpen, twClose, hasTime, typicalDistance / typicalArcSeconds, granularity);
  const identicalFleet = typeKeys.size === 1;
  let symmetric = true;
  for (let a = 0; a < L && symmetric; a++) for (let b = a + 1; b < L; b++) if (dist[a * M + b] !== dist[b * M + a] || time[a * M + b] !== time[b * M + a]) { symmetric = false; break; }
  return {
    model: {
      n, V, D, N, M, dist, time, nodeLoc, service, twOpen, twClose, demand, capacity, loadScale, fixed, perDist, perTime,
      maxDist, maxDur, compat, hasTime, hasMaxDist, hasBreaks: breakWindows.length > 0, breakSeconds, breakFrom, breakOpen, breakClose, breakClass, symmetric, clientStop, windows, priority, vehicleType, typeCount: typeKeys.size,
      identicalFleet, neighbours, bigM, typicalArcCost, typicalArcSeconds, typicalDemand, typicalDistance,
    },
    rejected,
  };
}

/**
 * The k most related clients of each client: near in space and, with time windows, compatible in
 * time (waiting and lateness both count, as in Vidal et al. 2013 for the VRPTW). Symmetric measure.
 */
function granularNeighbours(
  n: number, M: number, nodeLoc: Int32Array, dist: Float64Array, time: Float64Array, service: Float64Array,
  twOpen: Float64Array, twClose: Float64Array, hasTime: boolean, metresPerSecond: number, k: number,
): Int32Array[] {
  const size = Math.min(k, n - 1);
  const out: Int32Array[] = [];
  const prox = (i: number, j: number) => {
    const a = nodeLoc[i] * M + nodeLoc[j];
    let p = dist[a];
    if (hasTime) {
      const wait = Math.max(0, twOpen[j] - service[i] - time[a] - twClose[i]);
      const late = Math.max(0, twOpen[i] + service[i] + time[a] - twClose[j]);
      p += metresPerSecond * (0.2 * Math.min(wait, 1e7) + Math.min(late, 1e7));
    }
    return p;
  };
  const bestIdx = new Int32Array(Math.max(size, 1));
  const bestVal = new Float64Array(Math.max(size, 1));
  for (let i = 0; i < n; i++) {
    let count = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const p = Math.min(prox(i, j), prox(j, i));
      if (count < size) {
        let q = count++;
        while (q > 0 && bestVal[q - 1] > p) {
          bestVal[q] = bestVal[q - 1];
          bestIdx[q] = bestIdx[q - 1];
          q--;
        }
        bestVal[q] = p;
        bestIdx[q] = j;
      } else if (p < bestVal[size - 1]) {
        let q = size - 1;
        while (q > 0 && bestVal[q - 1] > p) {
          bestVal[q] = bestVal[q - 1];
          bestIdx[q] = bestIdx[q - 1];
          q--;
        }
        bestVal[q] = p;
        bestIdx[q] = j;
      }
    }
    out.push(bestIdx.slice(0, count));
  }
  return out;
}

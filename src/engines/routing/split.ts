import { BreakTrack, hasBreak } from './driver-break.js';
import type { Penalties } from './penalties.js';
import type { RoutingModel } from './routing-model.js';
import { measureRoute } from './individual.js';

/**
 * Splits a giant tour into routes optimally for the order given (Prins 2004 / Vidal 2016), on the
 * penalised cost of a reference vehicle; with a fleet limit, a second pass bounds the route count.
 * Heterogeneous fleets get the split routes assigned greedily to the vehicle that suits each best.
 */
export function splitGiantTour(m: RoutingModel, giant: Int32Array, pen: Penalties): Int32Array[] {
  const n = giant.length;
  const V = m.V;
  const ref = 0;
  const routeCosts = buildRouteCosts(m, giant, pen, ref);
  // unlimited fleet
  const pot = new Float64Array(n + 1).fill(Infinity);
  const pred = new Int32Array(n + 1);
  pot[0] = 0;
  for (let i = 0; i < n; i++) {
    if (pot[i] === Infinity) continue;
    const costs = routeCosts[i];
    for (let t = 0; t < costs.length; t++) {
      const j = i + t + 1;
      const c = pot[i] + costs[t];
      if (c < pot[j]) {
        pot[j] = c;
        pred[j] = i;
      }
    }
  }
  let cuts: number[] = [];
  for (let j = n; j > 0; j = pred[j]) cuts.push(j);
  if (cuts.length > V) {
    // limited fleet: potential per number of routes
    const potK = new Float64Array((V + 1) * (n + 1)).fill(Infinity);
    const predK = new Int32Array((V + 1) * (n + 1));
    potK[0] = 0;
    for (let k = 0; k < V; k++) {
      for (let i = 0; i < n; i++) {
        const base = potK[k * (n + 1) + i];
        if (base === Infinity) continue;
        const costs = routeCosts[i];
        for (let t = 0; t < costs.length; t++) {
          const j = i + t + 1;
          const c = base + costs[t];
          const idx = (k + 1) * (n + 1) + j;
          if (c < potK[idx]) {
            potK[idx] = c;
            predK[idx] = i;
          }
        }
      }
    }
    let bestK = -1;
    for (let k = 1; k <= V; k++) if (potK[k * (n + 1) + n] < Infinity && (bestK < 0 || potK[k * (n + 1) + n] < potK[bestK * (n + 1) + n])) bestK = k;
    if (bestK > 0) {
      cuts = [];
      for (let k = bestK, j = n; j > 0; j = predK[k * (n + 1) + j], k--) cuts.push(j);
    } else {
      // route lengths were capped: fall back to equal chunks
      cuts = [];
      for (let k = V; k > 0; k--) cuts.push(Math.round((n * k) / V));
    }
  }
  cuts.reverse();
  const pieces: Int32Array[] = [];
  let from = 0;
  for (const to of cuts) {
    if (to > from) pieces.push(giant.slice(from, to));
    from = to;
  }
  return assignToVehicles(m, pieces, pen);
}

/**
 * costs[i][t]: penalised cost of serving giant[i..i+t] on one route of the reference vehicle.
 * A driver break is placed greedily as the route grows (BreakTrack): split only proposes routes,
 * which the local search then evaluates exactly.
 */
function buildRouteCosts(m: RoutingModel, giant: Int32Array, pen: Penalties, r: number): Float64Array[] {
  const n = giant.length;
  const D = m.D;
  const M = m.M;
  const startNode = m.n + 2 * r;
  const endNode = startNode + 1;
  const out: Float64Array[] = [];
  const load = new Float64Array(D);
  const buf = new Float64Array(n);
  const brk = hasBreak(m, r) ? new BreakTrack(m, pen).bind(r) : null;
  for (let i = 0; i < n; i++) {
    load.fill(0);
    let loc = m.nodeLoc[startNode];
    let dist = 0;
    let dur = 0;
    let tw = 0;
    let e = m.twOpen[startNode];
    let l = m.twClose[startNode];
    let count = 0;
    if (brk) {
      brk.bind(r);
      brk.here(dur, tw, e, l);
    }
    for (let j = i; j < n; j++) {
      const c = giant[j];
      const a = loc * M + m.nodeLoc[c];
      dist += m.dist[a];
      if (m.hasTime) {
        if (brk) brk.arrive(dur, tw, e, l, m.time[a], m.service[c], 0, m.twOpen[c], m.twClose[c]);
        const at = dur - tw + m.time[a];
        const diffWait = Math.max(m.twOpen[c] - at - l, 0);
        const diffTw = Math.max(e + at - m.twClose[c], 0);
        dur += m.service[c] + m.time[a] + diffWait;
        tw += diffTw;
        e = Math.max(m.twOpen[c] - at, e) - diffWait;
        l = Math.min(m.twClose[c] - at, l) + diffTw;
        if (brk) brk.here(dur, tw, e, l);
      }
      loc = m.nodeLoc[c];
      let over = false;
      let excess = 0;
      for (let d = 0; d < D; d++) {
        load[d] += m.demand[c * D + d];
        const cap = m.capacity[r * D + d];
        if (load[d] > cap) {
          excess += (load[d] - cap) * m.loadScale[d];
          if (load[d] > 1.5 * cap) over = true;
        }
      }
      if (over && j > i) break;
      const b = loc * M + m.nodeLoc[endNode];
      let cost = m.fixed[r] + m.perDist[r] * (dist + m.dist[b]) + pen.load * excess;
      if (brk) {
        const closed = brk.close(dur, tw, e, l, m.time[b], m.twOpen[endNode], m.twClose[endNode]);
        cost += m.perTime[r] * closed.dur + pen.timeWarp * (closed.tw + Math.max(0, closed.dur - m.maxDur[r]));
      } else if (m.hasTime) {
        const at = dur - tw + m.time[b];
        const diffWait = Math.max(m.twOpen[endNode] - at - l, 0);
        const diffTw = Math.max(e + at - m.twClose[endNode], 0);
        const fullDur = dur + m.time[b] + diffWait;
        cost += m.perTime[r] * fullDur + pen.timeWarp * (tw + diffTw + Math.max(0, fullDur - m.maxDur[r]));
      }
      if (m.hasMaxDist && dist + m.dist[b] > m.maxDist[r]) cost += pen.distance * (dist + m.dist[b] - m.maxDist[r]);
      buf[count++] = cost;
    }
    out.push(buf.slice(0, count));
  }
  return out;
}

function assignToVehicles(m: RoutingModel, pieces: Int32Array[], pen: Penalties): Int32Array[] {
  const routes: Int32Array[] = Array.from({ length: m.V }, () => new Int32Array(0));
  if (m.identicalFleet) {
    pieces.forEach((p, k) => (routes[k] = p));
    return routes;
  }
  const used = new Uint8Array(m.V);
  const order = pieces.map((p, k) => ({ p, k, load: p.reduce((s, c) => s + m.demand[c * m.D], 0) })).sort((a, b) => b.load - a.load || a.k - b.k);
  for (const { p } of order) {
    let best = -1;
    let bestCost = Infinity;
    for (let r = 0; r < m.V; r++) {
      if (used[r]) continue;
      const meas = measureRoute(m, r, p, pen.timeWarp);
      const cost = meas.cost + pen.load * meas.loadExcess + pen.timeWarp * meas.timeWarp + pen.distance * meas.distanceExcess + m.bigM * meas.incompatible;
      if (cost < bestCost) {
        bestCost = cost;
        best = r;
      }
    }
    if (best < 0) break;
    used[best] = 1;
    routes[best] = p;
  }
  return routes;
}

import type { Penalties } from './penalties.js';
import type { RoutingModel } from './routing-model.js';

/**
 * Read access to a solution's routes with per-node prefix/suffix data: what a candidate route
 * needs to be evaluated in O(1) per piece (Vidal et al. 2013, concatenation of route segments).
 */
export interface RouteState {
  readonly m: RoutingModel;
  readonly routes: number[][];
  readonly routeOf: Int32Array;
  readonly pos: Int32Array;
  readonly cumDist: Float64Array;
  readonly cumLoad: Float64Array;
  readonly fDur: Float64Array;
  readonly fTw: Float64Array;
  readonly fE: Float64Array;
  readonly fL: Float64Array;
  readonly bDur: Float64Array;
  readonly bTw: Float64Array;
  readonly bE: Float64Array;
  readonly bL: Float64Array;
  readonly cumIncompat: Int32Array;
  readonly rLoad: Float64Array;
  readonly rCount: Int32Array;
}

/**
 * A route under construction from pieces of existing routes: a prefix, single clients, a suffix,
 * then the end depot. Time feasibility uses duration segments (duration, time warp, earliest and
 * latest start), so joining pieces costs O(1).
 */
export class RouteCandidate {
  r = 0;
  loc = 0;
  dist = 0;
  dur = 0;
  tw = 0;
  e = 0;
  l = 0;
  clients = 0;
  incompat = 0;
  readonly load: Float64Array;

  constructor(private readonly s: RouteState, private readonly pen: Penalties) {
    this.load = new Float64Array(s.m.D);
  }

  /** Starts route r with its own prefix up to and including node (its start depot or one of its clients). */
  prefix(r: number, node: number): this {
    const s = this.s;
    const m = s.m;
    this.r = r;
    this.loc = m.nodeLoc[node];
    this.dist = s.cumDist[node];
    this.dur = s.fDur[node];
    this.tw = s.fTw[node];
    this.e = s.fE[node];
    this.l = s.fL[node];
    this.clients = s.pos[node];
    this.incompat = s.cumIncompat[node];
    const D = m.D;
    for (let d = 0; d < D; d++) this.load[d] = s.cumLoad[node * D + d];
    return this;
  }

  /** Starts an empty route r at its start depot. */
  start(r: number): this {
    return this.prefix(r, this.s.m.n + 2 * r);
  }

  private merge(dur: number, tw: number, e: number, l: number, edge: number): void {
    const at = this.dur - this.tw + edge;
    const diffWait = e - at - this.l > 0 ? e - at - this.l : 0;
    const diffTw = this.e + at - l > 0 ? this.e + at - l : 0;
    this.dur += dur + edge + diffWait;
    this.tw += tw + diffTw;
    const ne = e - at > this.e ? e - at : this.e;
    const nl = l - at < this.l ? l - at : this.l;
    this.e = ne - diffWait;
    this.l = nl + diffTw;
  }

  node(c: number): this {
    const m = this.s.m;
    const a = this.loc * m.M + m.nodeLoc[c];
    this.dist += m.dist[a];
    if (m.hasTime) this.merge(m.service[c], 0, m.twOpen[c], m.twClose[c], m.time[a]);
    this.loc = m.nodeLoc[c];
    this.clients++;
    const D = m.D;
    for (let d = 0; d < D; d++) this.load[d] += m.demand[c * D + d];
    if (m.compat !== null && m.compat[c * m.V + this.r] === 0) this.incompat++;
    return this;
  }

  /** Appends the clients from node to the last client of node's route (nothing when node is an end depot). */
  suffix(node: number): this {
    const s = this.s;
    const m = s.m;
    if (node >= m.n) return this;
    const from = s.routeOf[node];
    const seq = s.routes[from];
    const last = seq[seq.length - 2];
    const a = this.loc * m.M + m.nodeLoc[node];
    this.dist += m.dist[a] + s.cumDist[last] - s.cumDist[node];
    if (m.hasTime) this.merge(s.bDur[node], s.bTw[node], s.bE[node], s.bL[node], m.time[a]);
    this.loc = m.nodeLoc[last];
    this.clients += s.rCount[from] - s.pos[node] + 1;
    const D = m.D;
    for (let d = 0; d < D; d++) this.load[d] += s.rLoad[from * D + d] - s.cumLoad[node * D + d] + m.demand[node * D + d];
    if (m.compat !== null) {
      if (from === this.r) this.incompat += s.cumIncompat[last] - s.cumIncompat[node] + (m.compat[node * m.V + from] === 0 ? 1 : 0);
      else for (let p = s.pos[node]; p < seq.length - 1; p++) if (m.compat[seq[p] * m.V + this.r] === 0) this.incompat++;
    }
    return this;
  }

  /** Closes the route at its vehicle's end and returns its penalised cost. */
  finish(): number {
    const m = this.s.m;
    const endNode = m.n + 2 * this.r + 1;
    const a = this.loc * m.M + m.nodeLoc[endNode];
    this.dist += m.dist[a];
    if (m.hasTime) this.merge(0, 0, m.twOpen[endNode], m.twClose[endNode], m.time[a]);
    this.loc = m.nodeLoc[endNode];
    return this.cost();
  }

  cost(): number {
    if (this.clients === 0) return 0;
    const m = this.s.m;
    const r = this.r;
    const pen = this.pen;
    let c = m.fixed[r] + m.perDist[r] * this.dist;
    if (m.hasTime) {
      c += m.perTime[r] * this.dur;
      const over = this.dur - m.maxDur[r];
      c += pen.timeWarp * (this.tw + (over > 0 ? over : 0));
    }
    const D = m.D;
    for (let d = 0; d < D; d++) {
      const ex = this.load[d] - m.capacity[r * D + d];
      if (ex > 0) c += pen.load * ex * m.loadScale[d];
    }
    if (m.hasMaxDist && this.dist > m.maxDist[r]) c += pen.distance * (this.dist - m.maxDist[r]);
    if (this.incompat > 0) c += m.bigM * this.incompat;
    return c;
  }
}

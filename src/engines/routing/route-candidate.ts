import { BreakTrack, breakEvaluatorFor, type BreakEvaluator, type BreakPieces } from './driver-break.js';
import { Segment } from './duration-segment.js';
import type { Penalties } from './penalties.js';
import type { RoutingModel } from './routing-model.js';

/**
 * Read access to a solution's routes with per-node prefix/suffix data: what a candidate route
 * needs to be evaluated in O(1) per piece (Vidal et al. 2013, concatenation of route segments).
 */
export interface RouteState extends BreakPieces {
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
 *
 * For a vehicle with a driver break, the joined pieces are recorded and finish(limit) decides in
 * three steps, cheapest first (limit: the cost above which the caller rejects the move):
 *  1. the break-free cost is a lower bound (a break never shortens a route nor removes lateness):
 *     above the limit, the move is rejected at once, which is what happens to most moves;
 *  2. the pieces are replayed with the break placed greedily (BreakTrack): inside the prefix or the
 *     suffix as placed in their own routes, or next to a joined client. That is a real placement,
 *     so its cost is an upper bound: within the limit, the move is worth it;
 *  3. otherwise the whole sequence is evaluated exactly (BreakEvaluator, O(route length)).
 * So moves are accepted or rejected as exact evaluation would, at a fraction of its cost, while the
 * cost returned for an accepted move may be the upper bound; the local search re-evaluates every
 * route it changes exactly.
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
  /** Whether route r's vehicle takes a break: then the pieces after the prefix are recorded in `ops`. */
  private withBreak = false;
  private readonly brk: BreakTrack;
  private prefixNode = 0;
  /** Joined pieces in order: a client c as c, a suffix from node y as ~y. */
  private readonly ops: Int32Array;
  private opCount = 0;
  private readonly replayed = new Segment();
  /** The candidate's clients in order, for the exact evaluation. */
  private readonly clientsInOrder: Int32Array;
  private readonly exact: BreakEvaluator | null;

  constructor(private readonly s: RouteState, private readonly pen: Penalties) {
    this.load = new Float64Array(s.m.D);
    this.brk = new BreakTrack(s.m, pen);
    this.ops = new Int32Array(s.m.hasBreaks ? s.m.N + 2 : 0);
    this.clientsInOrder = new Int32Array(s.m.hasBreaks ? s.m.n : 0);
    this.exact = s.m.hasBreaks ? breakEvaluatorFor(s.m) : null;
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
    this.withBreak = m.hasBreaks && m.breakSeconds[r] >= 0;
    this.prefixNode = node;
    this.opCount = 0;
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
    if (this.withBreak) this.ops[this.opCount++] = c;
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
    if (this.withBreak) this.ops[this.opCount++] = ~node;
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

  /**
   * Closes the route at its vehicle's end and returns its penalised cost. With a driver break (see
   * the class comment): Infinity when even the break-free route costs more than `limit`, else the
   * greedy placement's cost when within `limit`, else the exact cost.
   */
  finish(limit = Infinity): number {
    const m = this.s.m;
    const endNode = m.n + 2 * this.r + 1;
    const a = this.loc * m.M + m.nodeLoc[endNode];
    this.dist += m.dist[a];
    if (m.hasTime) this.merge(0, 0, m.twOpen[endNode], m.twClose[endNode], m.time[a]);
    this.loc = m.nodeLoc[endNode];
    if (this.withBreak && this.clients > 0) {
      if (this.cost() > limit) return Infinity;
      this.placeBreak();
      const approximate = this.cost();
      if (approximate <= limit || limit === Infinity) return approximate;
      // worth it without the break, not with the placement found: the exact one decides
      this.placeBreakExactly();
    }
    return this.cost();
  }

  /** Evaluates the candidate's whole client sequence with every placement of the break (O(length)). */
  private placeBreakExactly(): void {
    const s = this.s;
    const seqOut = this.clientsInOrder;
    let k = 0;
    const own = s.routes[this.r];
    for (let q = 1; q <= s.pos[this.prefixNode]; q++) seqOut[k++] = own[q];
    for (let i = 0; i < this.opCount; i++) {
      const op = this.ops[i];
      if (op >= 0) seqOut[k++] = op;
      else {
        const y = ~op;
        const seq = s.routes[s.routeOf[y]];
        for (let q = s.pos[y]; q < seq.length - 1; q++) seqOut[k++] = seq[q];
      }
    }
    const ev = this.exact!;
    ev.evaluate(this.r, seqOut, 0, k, this.pen.timeWarp, false);
    this.dur = ev.dur;
    this.tw = ev.tw;
  }

  /** Replays the recorded pieces with the break tracked, and takes the closed route's segment. */
  private placeBreak(): void {
    const s = this.s;
    const m = s.m;
    const M = m.M;
    const r = this.r;
    const p = this.prefixNode;
    const n = this.replayed.set(s.fDur[p], s.fTw[p], s.fE[p], s.fL[p]);
    const brk = this.brk.bind(r);
    brk.start(s.pbDur[p], s.pbTw[p], s.pbE[p], s.pbL[p]);
    let loc = m.nodeLoc[p];
    for (let i = 0; i < this.opCount; i++) {
      const op = this.ops[i];
      if (op >= 0) {
        const edge = m.time[loc * M + m.nodeLoc[op]];
        brk.arrive(n.dur, n.tw, n.e, n.l, edge, m.service[op], 0, m.twOpen[op], m.twClose[op]);
        n.append(m.service[op], 0, m.twOpen[op], m.twClose[op], edge);
        loc = m.nodeLoc[op];
      } else {
        const y = ~op;
        const from = s.routeOf[y];
        const seq = s.routes[from];
        const edge = m.time[loc * M + m.nodeLoc[y]];
        brk.arrive(n.dur, n.tw, n.e, n.l, edge, s.bDur[y], s.bTw[y], s.bE[y], s.bL[y]);
        // the suffix as placed in its own route, when that vehicle takes the same break
        if (m.breakClass[from] === m.breakClass[r]) brk.offer(n.dur, n.tw, n.e, n.l, edge, s.sbDur[y], s.sbTw[y], s.sbE[y], s.sbL[y]);
        n.append(s.bDur[y], s.bTw[y], s.bE[y], s.bL[y], edge);
        loc = m.nodeLoc[seq[seq.length - 2]];
      }
      brk.here(n.dur, n.tw, n.e, n.l);
    }
    const endNode = m.n + 2 * r + 1;
    const c = brk.close(n.dur, n.tw, n.e, n.l, m.time[loc * M + m.nodeLoc[endNode]], m.twOpen[endNode], m.twClose[endNode]);
    this.dur = c.dur;
    this.tw = c.tw;
    this.e = c.e;
    this.l = c.l;
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

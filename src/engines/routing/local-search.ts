import type { Random } from '../../shared/random.js';
import { breakEvaluatorFor, type BreakEvaluator } from './driver-break.js';
import type { Penalties } from './penalties.js';
import { RouteCandidate, type RouteState } from './route-candidate.js';
import type { RoutingModel } from './routing-model.js';

const EPS = 1e-7;

/**
 * Granular local search of HGS (Vidal 2022): relocate of one or two clients (also reversed),
 * swaps of 1-1, 2-1 and 2-2 clients, 2-opt inside a route and both 2-opt* variants between
 * routes, moves into an empty vehicle, and SWAP* between routes. Every move is evaluated
 * exactly on the penalised cost from cached prefix/suffix data; first improvement is applied.
 * (With a driver break, a move is accepted or rejected as exact evaluation would, but the cost of
 * an accepted move may be an upper bound: see RouteCandidate. update() prices routes exactly.)
 */
export class LocalSearch implements RouteState {
  readonly routes: number[][] = [];
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
  /** Per node of a route whose vehicle takes a break: prefix and suffix with the break placed (driver-break.ts). */
  readonly pbDur: Float64Array;
  readonly pbTw: Float64Array;
  readonly pbE: Float64Array;
  readonly pbL: Float64Array;
  readonly sbDur: Float64Array;
  readonly sbTw: Float64Array;
  readonly sbE: Float64Array;
  readonly sbL: Float64Array;
  private readonly breaks: BreakEvaluator | null;
  readonly rLoad: Float64Array;
  readonly rCount: Int32Array;
  readonly rCost: Float64Array;
  /** The penalty part of rCost (violations), for the distance-only lower bounds that prune moves. */
  private readonly rPen: Float64Array;
  private readonly rModified: Float64Array;
  private readonly lastTested: Float64Array;
  private moveCount = 0;
  private readonly A: RouteCandidate;
  private readonly B: RouteCandidate;
  private readonly order: number[];
  private readonly scratch: number[] = [];
  private readonly emptyTypeSeen: Int32Array;
  /** SWAP* scratch: best three insertion positions per (client, route). */
  private readonly insCost: Float64Array;
  private readonly insAfter: Int32Array;
  private readonly insStamp: Int32Array;
  private stamp = 0;

  constructor(readonly m: RoutingModel, readonly pen: Penalties, private readonly rng: Random) {
    const N = m.N;
    this.N = N;
    this.uniform = true;
    for (let r = 1; r < m.V; r++) if (m.perDist[r] !== m.perDist[0] || m.perTime[r] !== m.perTime[0]) this.uniform = false;
    const pd = this.uniform ? m.perDist[0] : 1;
    const pt = this.uniform && m.hasTime ? m.perTime[0] : 0;
    this.nodeDist = new Float64Array(N * N);
    for (let a = 0; a < N; a++) {
      const row = m.nodeLoc[a] * m.M;
      for (let b = 0; b < N; b++) this.nodeDist[a * N + b] = pd * m.dist[row + m.nodeLoc[b]] + (pt > 0 ? pt * m.time[row + m.nodeLoc[b]] : 0);
    }
    this.cumArc = new Float64Array(N);
    this.rWait = new Float64Array(m.V);
    this.routeOf = new Int32Array(N);
    this.pos = new Int32Array(N);
    this.cumDist = new Float64Array(N);
    this.cumLoad = new Float64Array(N * m.D);
    this.fDur = new Float64Array(N);
    this.fTw = new Float64Array(N);
    this.fE = new Float64Array(N);
    this.fL = new Float64Array(N);
    this.bDur = new Float64Array(N);
    this.bTw = new Float64Array(N);
    this.bE = new Float64Array(N);
    this.bL = new Float64Array(N);
    this.cumIncompat = new Int32Array(N);
    const pieceSize = m.hasBreaks ? N : 0;
    this.pbDur = new Float64Array(pieceSize);
    this.pbTw = new Float64Array(pieceSize);
    this.pbE = new Float64Array(pieceSize);
    this.pbL = new Float64Array(pieceSize);
    this.sbDur = new Float64Array(pieceSize);
    this.sbTw = new Float64Array(pieceSize);
    this.sbE = new Float64Array(pieceSize);
    this.sbL = new Float64Array(pieceSize);
    this.breaks = m.hasBreaks ? breakEvaluatorFor(m) : null;
    this.rLoad = new Float64Array(m.V * m.D);
    this.rCount = new Int32Array(m.V);
    this.rCost = new Float64Array(m.V);
    this.rPen = new Float64Array(m.V);
    this.rModified = new Float64Array(m.V);
    this.lastTested = new Float64Array(m.n);
    this.A = new RouteCandidate(this, pen);
    this.B = new RouteCandidate(this, pen);
    this.order = Array.from({ length: m.n }, (_, i) => i);
    this.emptyTypeSeen = new Int32Array(m.typeCount);
    this.insCost = new Float64Array(m.n * 3);
    this.insAfter = new Int32Array(m.n * 3);
    this.insStamp = new Int32Array(m.n);
  }

  load(routes: Int32Array[]): void {
    const m = this.m;
    this.routes.length = 0;
    for (let r = 0; r < m.V; r++) {
      const seq = [m.n + 2 * r];
      for (const c of routes[r]) seq.push(c);
      seq.push(m.n + 2 * r + 1);
      this.routes.push(seq);
      this.update(r);
    }
  }

  export(): Int32Array[] {
    return this.routes.map((seq) => Int32Array.from(seq.slice(1, seq.length - 1)));
  }

  totalCost(): number {
    let c = 0;
    for (let r = 0; r < this.m.V; r++) c += this.rCost[r];
    return c;
  }

  /**
   * Greedy construction for large instances: clients in the given order, each inserted at the
   * cheapest position next to one of its granular neighbours (or at either end of a route, or in
   * an empty vehicle), preferring positions that keep the route feasible. O(n·k) evaluations.
   */
  construct(order: ArrayLike<number>): Int32Array[] {
    const m = this.m;
    const empty: Int32Array[] = Array.from({ length: m.V }, () => new Int32Array(0));
    this.load(empty);
    const routed = new Uint8Array(m.n);
    for (let k = 0; k < order.length; k++) {
      const c = order[k];
      this.bestFeasible = Infinity;
      this.bestAny = Infinity;
      this.bestFeasibleAfter = -1;
      this.bestAnyAfter = -1;
      const neigh = m.neighbours[c];
      for (let t = 0; t < neigh.length; t++) {
        const v = neigh[t];
        if (!routed[v]) continue;
        this.tryInsertion(c, v);
        this.tryInsertion(c, this.prev(v));
      }
      this.emptyTypeSeen.fill(0);
      for (let r = 0; r < m.V; r++) {
        const seq = this.routes[r];
        if (this.rCount[r] === 0) {
          const ty = m.vehicleType[r];
          if (this.emptyTypeSeen[ty]) continue;
          this.emptyTypeSeen[ty] = 1;
        }
        this.tryInsertion(c, seq[0]);
        if (seq.length > 2) this.tryInsertion(c, seq[seq.length - 2]);
      }
      const after = this.bestFeasibleAfter >= 0 ? this.bestFeasibleAfter : this.bestAnyAfter;
      const r = this.routeOf[after];
      this.routes[r].splice(this.pos[after] + 1, 0, c);
      this.update(r);
      routed[c] = 1;
    }
    return this.export();
  }

  private bestFeasible = Infinity;
  private bestAny = Infinity;
  private bestFeasibleAfter = -1;
  private bestAnyAfter = -1;

  private tryInsertion(c: number, after: number): void {
    const m = this.m;
    const r = this.routeOf[after];
    const B = this.B.prefix(r, after).node(c).suffix(this.next(after));
    const cost = B.finish();
    const delta = cost - this.rCost[r];
    const base = m.fixed[r] + m.perDist[r] * B.dist + (m.hasTime ? m.perTime[r] * B.dur : 0);
    if (cost - base <= 1e-9 && delta < this.bestFeasible) {
      this.bestFeasible = delta;
      this.bestFeasibleAfter = after;
    }
    if (delta < this.bestAny) {
      this.bestAny = delta;
      this.bestAnyAfter = after;
    }
  }

  /** Recomputes route r's cached data after its sequence changed. */
  update(r: number): void {
    const m = this.m;
    const D = m.D;
    const seq = this.routes[r];
    const len = seq.length;
    const start = seq[0];
    this.routeOf[start] = r;
    this.pos[start] = 0;
    this.cumDist[start] = 0;
    this.cumArc[start] = 0;
    let travel = 0;
    let service = 0;
    this.cumIncompat[start] = 0;
    for (let d = 0; d < D; d++) this.cumLoad[start * D + d] = 0;
    this.fDur[start] = 0;
    this.fTw[start] = 0;
    this.fE[start] = m.twOpen[start];
    this.fL[start] = m.twClose[start];
    for (let p = 1; p < len; p++) {
      const prev = seq[p - 1];
      const node = seq[p];
      this.routeOf[node] = r;
      this.pos[node] = p;
      const a = m.nodeLoc[prev] * m.M + m.nodeLoc[node];
      this.cumDist[node] = this.cumDist[prev] + m.dist[a];
      this.cumArc[node] = this.cumArc[prev] + this.nodeDist[prev * this.N + node];
      travel += m.time[a];
      const isClient = node < m.n;
      if (isClient) service += m.service[node];
      for (let d = 0; d < D; d++) this.cumLoad[node * D + d] = this.cumLoad[prev * D + d] + (isClient ? m.demand[node * D + d] : 0);
      this.cumIncompat[node] = this.cumIncompat[prev] + (isClient && m.compat !== null && m.compat[node * m.V + r] === 0 ? 1 : 0);
      if (m.hasTime) {
        // forward merge of prefix(prev) with node
        const edge = m.time[a];
        const at = this.fDur[prev] - this.fTw[prev] + edge;
        const e = m.twOpen[node];
        const l = m.twClose[node];
        const diffWait = Math.max(e - at - this.fL[prev], 0);
        const diffTw = Math.max(this.fE[prev] + at - l, 0);
        this.fDur[node] = this.fDur[prev] + (isClient ? m.service[node] : 0) + edge + diffWait;
        this.fTw[node] = this.fTw[prev] + diffTw;
        this.fE[node] = Math.max(e - at, this.fE[prev]) - diffWait;
        this.fL[node] = Math.min(l - at, this.fL[prev]) + diffTw;
      }
    }
    const end = seq[len - 1];
    this.rCount[r] = len - 2;
    for (let d = 0; d < D; d++) this.rLoad[r * D + d] = this.cumLoad[end * D + d];
    if (m.hasTime && len > 2) {
      const last = seq[len - 2];
      this.bDur[last] = m.service[last];
      this.bTw[last] = 0;
      this.bE[last] = m.twOpen[last];
      this.bL[last] = m.twClose[last];
      for (let p = len - 3; p >= 1; p--) {
        const node = seq[p];
        const next = seq[p + 1];
        const edge = m.time[m.nodeLoc[node] * m.M + m.nodeLoc[next]];
        // merge single(node) with suffix(next)
        const at = m.service[node] + edge;
        const e = this.bE[next];
        const l = this.bL[next];
        const diffWait = Math.max(e - at - m.twClose[node], 0);
        const diffTw = Math.max(m.twOpen[node] + at - l, 0);
        this.bDur[node] = m.service[node] + this.bDur[next] + edge + diffWait;
        this.bTw[node] = this.bTw[next] + diffTw;
        this.bE[node] = Math.max(e - at, m.twOpen[node]) - diffWait;
        this.bL[node] = Math.min(l - at, m.twClose[node]) + diffTw;
      }
    }
    let breakSeconds = 0;
    if (this.breaks !== null && m.breakSeconds[r] >= 0) {
      // exact: every placement of the break; the pieces then make prefix(last).finish() that same optimum
      this.breaks.evaluate(r, seq, 1, len - 2, this.pen.timeWarp, false);
      this.breaks.writePieces(this);
      if (len > 2) breakSeconds = m.breakSeconds[r];
    }
    const A = this.A.prefix(r, seq[len - 2]);
    this.rCost[r] = A.finish();
    // idle time only: the break itself stays while the route has clients
    this.rWait[r] = m.hasTime && len > 2 ? Math.max(0, A.dur - travel - service - breakSeconds) : 0;
    this.rPen[r] = len > 2 ? this.rCost[r] - (m.fixed[r] + m.perDist[r] * A.dist + (m.hasTime ? m.perTime[r] * A.dur : 0)) : 0;
    this.rModified[r] = this.moveCount;
  }

  /** Improves the loaded solution until no move of the neighbourhood improves it. */
  run(routes: Int32Array[]): Int32Array[] {
    const m = this.m;
    this.load(routes);
    this.moveCount = 0;
    this.lastTested.fill(-1);
    this.rModified.fill(0);
    this.swapStarStamp = 0;
    this.rng.shuffle(this.order);
    for (let pass = 0; ; pass++) {
      let improved = false;
      for (let k = 0; k < m.n; k++) {
        if ((k & 15) === 0 && this.abort()) return this.export();
        const u = this.order[k];
        const lastTest = this.lastTested[u];
        this.lastTested[u] = this.moveCount;
        const neigh = m.neighbours[u];
        // rotate the start so that the neighbour order varies between calls without reshuffling
        const off = neigh.length ? this.rng.int(neigh.length) : 0;
        for (let t = 0; t < neigh.length; t++) {
          const v = neigh[(t + off) % neigh.length];
          const ru = this.routeOf[u];
          const rv = this.routeOf[v];
          if (pass > 0 && Math.max(this.rModified[ru], this.rModified[rv]) <= lastTest) continue;
          if (this.tryMoves(u, v)) {
            improved = true;
            continue;
          }
          // also try inserting u at the very start of v's route
          const pv = this.routes[rv][this.pos[v] - 1];
          if (pv >= m.n && this.tryDepotMoves(u, pv)) improved = true;
        }
        if (pass > 0 && this.tryEmptyRoutes(u)) improved = true;
      }
      // SWAP* is the most expensive neighbourhood: only used once the others are exhausted
      if (!improved && pass > 0 && this.swapStarPass()) improved = true;
      if (!improved && pass > 0) break;
    }
    return this.export();
  }

  /** Arc measure between node ids used by the move bounds (see nodeDist). */
  private d(a: number, b: number): number {
    return this.nodeDist[a * this.N + b];
  }

  /**
   * Per node pair: the arc's cost when every vehicle pays the same per metre and per second
   * (uniform rates), else its distance. One lookup instead of two indirections in hot loops.
   */
  private readonly nodeDist: Float64Array;
  private readonly N: number;
  private readonly uniform: boolean;
  /** Cumulative nodeDist measure from the route start. */
  private readonly cumArc: Float64Array;
  /** Waiting time on each route: with paid hours, a move may save it, so bounds must allow for it. */
  private readonly rWait: Float64Array;

  /** Factor turning the arc measure into cost on route r. */
  private scale(r: number): number {
    return this.uniform ? 1 : this.m.perDist[r];
  }

  private waitCredit(r: number): number {
    return this.uniform && this.m.hasTime ? this.m.perTime[r] * this.rWait[r] : 0;
  }

  /** Whether distance-based bounds are valid on route r (they are not with per-vehicle hourly rates). */
  private boundable(r: number): boolean {
    return this.uniform || !this.m.hasTime || this.m.perTime[r] === 0;
  }

  /** Load penalty of route r with clients p1, p2 added and q1, q2 removed (-1 for none). */
  private loadPen(r: number, p1: number, p2: number, q1: number, q2: number): number {
    const m = this.m;
    const D = m.D;
    if (D === 1) {
      const dem = m.demand;
      const load = this.rLoad[r] + (p1 >= 0 ? dem[p1] : 0) + (p2 >= 0 ? dem[p2] : 0) - (q1 >= 0 ? dem[q1] : 0) - (q2 >= 0 ? dem[q2] : 0);
      const ex = load - m.capacity[r];
      return ex > 0 ? ex * m.loadScale[0] * this.pen.load : 0;
    }
    let pen = 0;
    for (let d = 0; d < D; d++) {
      let load = this.rLoad[r * D + d];
      if (p1 >= 0) load += m.demand[p1 * D + d];
      if (p2 >= 0) load += m.demand[p2 * D + d];
      if (q1 >= 0) load -= m.demand[q1 * D + d];
      if (q2 >= 0) load -= m.demand[q2 * D + d];
      const ex = load - m.capacity[r * D + d];
      if (ex > 0) pen += ex * m.loadScale[d];
    }
    return pen * this.pen.load;
  }

  /**
   * True when a move between r1 and r2 cannot improve: its exact distance and load changes plus
   * the removal of every current time or distance violation still leave a non-negative delta.
   * Only valid when neither vehicle is paid by the hour (then duration can fall with distance).
   */
  /** Distance-only part of cannotImprove: load penalties are never negative, so this bound is weaker but cheaper. */
  private hopelessPair(r1: number, dDist1: number, r2: number, dDist2: number): boolean {
    if (!this.boundable(r1) || !this.boundable(r2)) return false;
    const lb = this.scale(r1) * dDist1 + this.scale(r2) * dDist2 - this.rPen[r1] - this.rPen[r2] - this.waitCredit(r1) - this.waitCredit(r2);
    return lb > -EPS;
  }

  private cannotImprove(r1: number, dDist1: number, loadPen1: number, r2: number, dDist2: number, loadPen2: number): boolean {
    const m = this.m;
    if (!this.boundable(r1) || !this.boundable(r2)) return false;
    const lb = this.scale(r1) * dDist1 + this.scale(r2) * dDist2 + loadPen1 + loadPen2 - this.rPen[r1] - this.rPen[r2] - this.waitCredit(r1) - this.waitCredit(r2) + (this.rCount[r2] === 0 ? m.fixed[r2] : 0);
    return lb > -EPS;
  }

  private next(node: number): number {
    return this.routes[this.routeOf[node]][this.pos[node] + 1];
  }

  private prev(node: number): number {
    return this.routes[this.routeOf[node]][this.pos[node] - 1];
  }

  private applied(...rs: number[]): true {
    this.moveCount++;
    for (const r of rs) this.update(r);
    return true;
  }

  private tryMoves(u: number, v: number): boolean {
    const m = this.m;
    const n = m.n;
    const ru = this.routeOf[u];
    const rv = this.routeOf[v];
    const x = this.next(u);
    const y = this.next(v);
    if (ru !== rv) {
      if (this.relocateInter(u, v)) return true;
      if (x < n && this.relocatePairInter(u, x, v, false)) return true;
      if (x < n && this.relocatePairInter(u, x, v, true)) return true;
      if (this.swapInter(u, v)) return true;
      if (x < n && this.swapPairOneInter(u, x, v)) return true;
      if (x < n && y < n && this.swapPairPairInter(u, x, v, y)) return true;
      if (this.twoOptStar(u, v)) return true;
      if (!m.hasTime && m.symmetric && this.twoOptStarReversed(u, v)) return true;
      return false;
    }
    return this.intraMoves(u, v);
  }

  private tryDepotMoves(u: number, depot: number): boolean {
    const n = this.m.n;
    const ru = this.routeOf[u];
    const rv = this.routeOf[depot];
    const x = this.next(u);
    if (ru !== rv) {
      if (this.relocateInter(u, depot)) return true;
      if (x < n && this.relocatePairInter(u, x, depot, false)) return true;
      if (x < n && this.relocatePairInter(u, x, depot, true)) return true;
      if (this.twoOptStar(u, depot)) return true;
      if (!this.m.hasTime && this.m.symmetric && this.twoOptStarReversed(u, depot)) return true;
      return false;
    }
    return this.intraMoves(u, depot);
  }

  private tryEmptyRoutes(u: number): boolean {
    const m = this.m;
    this.emptyTypeSeen.fill(0);
    const ru = this.routeOf[u];
    for (let r = 0; r < m.V; r++) {
      if (this.rCount[r] !== 0 || r === ru) continue;
      const t = m.vehicleType[r];
      if (this.emptyTypeSeen[t]) continue;
      this.emptyTypeSeen[t] = 1;
      if (this.relocateInter(u, m.n + 2 * r)) return true;
    }
    return false;
  }

  /** u moves after v (v a client or a start depot) in another route. */
  private relocateInter(u: number, v: number): boolean {
    const ru = this.routeOf[u];
    const rv = this.routeOf[v];
    const pu = this.prev(u);
    const x = this.next(u);
    const y = this.next(v);
    if (this.rCount[ru] > 1) {
      const d1 = this.d(pu, x) - this.d(pu, u) - this.d(u, x);
      const d2 = this.d(v, u) + this.d(u, y) - this.d(v, y);
      if (this.hopelessPair(ru, d1, rv, d2) || this.cannotImprove(ru, d1, this.loadPen(ru, -1, -1, u, -1), rv, d2, this.loadPen(rv, u, -1, -1, -1))) return false;
    }
    const costV = this.B.prefix(rv, v).node(u).suffix(y).finish(this.rCost[rv] + this.rCost[ru]);
    // lower bound: even an emptied route u cannot pay for the insertion
    if (costV - this.rCost[rv] - this.rCost[ru] > -EPS) return false;
    const costU = this.A.prefix(ru, pu).suffix(x).finish(this.rCost[ru] + this.rCost[rv] - costV);
    if (costU + costV - this.rCost[ru] - this.rCost[rv] > -EPS) return false;
    this.routes[ru].splice(this.pos[u], 1);
    this.routes[rv].splice(this.pos[v] + 1, 0, u);
    return this.applied(ru, rv);
  }

  private relocatePairInter(u: number, x: number, v: number, reversed: boolean): boolean {
    const ru = this.routeOf[u];
    const rv = this.routeOf[v];
    const pu = this.prev(u);
    const xx = this.next(x);
    const y = this.next(v);
    if (this.rCount[ru] > 2) {
      const d1 = this.d(pu, xx) - this.d(pu, u) - this.d(u, x) - this.d(x, xx);
      const d2 = reversed ? this.d(v, x) + this.d(x, u) + this.d(u, y) - this.d(v, y) : this.d(v, u) + this.d(u, x) + this.d(x, y) - this.d(v, y);
      if (this.hopelessPair(ru, d1, rv, d2) || this.cannotImprove(ru, d1, this.loadPen(ru, -1, -1, u, x), rv, d2, this.loadPen(rv, u, x, -1, -1))) return false;
    }
    const limitV = this.rCost[rv] + this.rCost[ru];
    const costV = reversed ? this.B.prefix(rv, v).node(x).node(u).suffix(y).finish(limitV) : this.B.prefix(rv, v).node(u).node(x).suffix(y).finish(limitV);
    if (costV - this.rCost[rv] - this.rCost[ru] > -EPS) return false;
    const costU = this.A.prefix(ru, pu).suffix(xx).finish(this.rCost[ru] + this.rCost[rv] - costV);
    if (costU + costV - this.rCost[ru] - this.rCost[rv] > -EPS) return false;
    this.routes[ru].splice(this.pos[u], 2);
    this.routes[rv].splice(this.pos[v] + 1, 0, reversed ? x : u, reversed ? u : x);
    return this.applied(ru, rv);
  }

  private swapInter(u: number, v: number): boolean {
    const ru = this.routeOf[u];
    const rv = this.routeOf[v];
    {
      const pu = this.prev(u);
      const x = this.next(u);
      const pv = this.prev(v);
      const y = this.next(v);
      const d1 = this.d(pu, v) + this.d(v, x) - this.d(pu, u) - this.d(u, x);
      const d2 = this.d(pv, u) + this.d(u, y) - this.d(pv, v) - this.d(v, y);
      if (this.hopelessPair(ru, d1, rv, d2) || this.cannotImprove(ru, d1, this.loadPen(ru, v, -1, u, -1), rv, d2, this.loadPen(rv, u, -1, v, -1))) return false;
    }
    const costU = this.A.prefix(ru, this.prev(u)).node(v).suffix(this.next(u)).finish(this.rCost[ru] + this.rCost[rv]);
    const costV = this.B.prefix(rv, this.prev(v)).node(u).suffix(this.next(v)).finish(this.rCost[ru] + this.rCost[rv] - costU);
    if (costU + costV - this.rCost[ru] - this.rCost[rv] > -EPS) return false;
    this.routes[ru][this.pos[u]] = v;
    this.routes[rv][this.pos[v]] = u;
    return this.applied(ru, rv);
  }

  private swapPairOneInter(u: number, x: number, v: number): boolean {
    const ru = this.routeOf[u];
    const rv = this.routeOf[v];
    {
      const pu = this.prev(u);
      const xx = this.next(x);
      const pv = this.prev(v);
      const y = this.next(v);
      const d1 = this.d(pu, v) + this.d(v, xx) - this.d(pu, u) - this.d(u, x) - this.d(x, xx);
      const d2 = this.d(pv, u) + this.d(u, x) + this.d(x, y) - this.d(pv, v) - this.d(v, y);
      if (this.hopelessPair(ru, d1, rv, d2) || this.cannotImprove(ru, d1, this.loadPen(ru, v, -1, u, x), rv, d2, this.loadPen(rv, u, x, v, -1))) return false;
    }
    const costU = this.A.prefix(ru, this.prev(u)).node(v).suffix(this.next(x)).finish(this.rCost[ru] + this.rCost[rv]);
    const costV = this.B.prefix(rv, this.prev(v)).node(u).node(x).suffix(this.next(v)).finish(this.rCost[ru] + this.rCost[rv] - costU);
    if (costU + costV - this.rCost[ru] - this.rCost[rv] > -EPS) return false;
    this.routes[ru].splice(this.pos[u], 2, v);
    this.routes[rv].splice(this.pos[v], 1, u, x);
    return this.applied(ru, rv);
  }

  private swapPairPairInter(u: number, x: number, v: number, y: number): boolean {
    const ru = this.routeOf[u];
    const rv = this.routeOf[v];
    {
      const pu = this.prev(u);
      const xx = this.next(x);
      const pv = this.prev(v);
      const yy = this.next(y);
      const d1 = this.d(pu, v) + this.d(y, xx) - this.d(pu, u) - this.d(x, xx) + this.d(v, y) - this.d(u, x);
      const d2 = this.d(pv, u) + this.d(x, yy) - this.d(pv, v) - this.d(y, yy) + this.d(u, x) - this.d(v, y);
      if (this.hopelessPair(ru, d1, rv, d2) || this.cannotImprove(ru, d1, this.loadPen(ru, v, y, u, x), rv, d2, this.loadPen(rv, u, x, v, y))) return false;
    }
    const costU = this.A.prefix(ru, this.prev(u)).node(v).node(y).suffix(this.next(x)).finish(this.rCost[ru] + this.rCost[rv]);
    const costV = this.B.prefix(rv, this.prev(v)).node(u).node(x).suffix(this.next(y)).finish(this.rCost[ru] + this.rCost[rv] - costU);
    if (costU + costV - this.rCost[ru] - this.rCost[rv] > -EPS) return false;
    this.routes[ru].splice(this.pos[u], 2, v, y);
    this.routes[rv].splice(this.pos[v], 2, u, x);
    return this.applied(ru, rv);
  }

  /** 2-opt*: routes exchange their tails after u and after v. */
  private twoOptStar(u: number, v: number): boolean {
    const ru = this.routeOf[u];
    const rv = this.routeOf[v];
    const x = this.next(u);
    const y = this.next(v);
    if (this.boundable(ru) && this.boundable(rv)) {
      const m = this.m;
      const D = m.D;
      const su = this.routes[ru];
      const sv = this.routes[rv];
      const lastU = su[su.length - 2];
      const lastV = sv[sv.length - 2];
      const endU = su[su.length - 1];
      const endV = sv[sv.length - 1];
      // new U: start..u, y..lastV, endU ; new V: start..v, x..lastU, endV
      const tailU = x < m.n ? this.d(u, x) + this.cumArc[lastU] - this.cumArc[x] + this.d(lastU, endU) : this.d(u, endU);
      const tailV = y < m.n ? this.d(v, y) + this.cumArc[lastV] - this.cumArc[y] + this.d(lastV, endV) : this.d(v, endV);
      const newTailU = y < m.n ? this.d(u, y) + this.cumArc[lastV] - this.cumArc[y] + this.d(lastV, endU) : this.d(u, endU);
      const newTailV = x < m.n ? this.d(v, x) + this.cumArc[lastU] - this.cumArc[x] + this.d(lastU, endV) : this.d(v, endV);
      const emptiesOne = this.pos[v] === 0 && x >= m.n;
      if (!emptiesOne && this.rCount[rv] > 0 && this.hopelessPair(ru, newTailU - tailU, rv, newTailV - tailV)) return false;
      let lp1 = 0;
      let lp2 = 0;
      for (let d = 0; d < D; d++) {
        const l1 = this.cumLoad[u * D + d] + this.rLoad[rv * D + d] - this.cumLoad[v * D + d];
        const l2 = this.cumLoad[v * D + d] + this.rLoad[ru * D + d] - this.cumLoad[u * D + d];
        const e1 = l1 - m.capacity[ru * D + d];
        const e2 = l2 - m.capacity[rv * D + d];
        if (e1 > 0) lp1 += e1 * m.loadScale[d];
        if (e2 > 0) lp2 += e2 * m.loadScale[d];
      }
      if (!emptiesOne && this.rCount[rv] > 0 && this.cannotImprove(ru, newTailU - tailU, lp1 * this.pen.load, rv, newTailV - tailV, lp2 * this.pen.load)) return false;
    }
    const costU = this.A.prefix(ru, u).suffix(y).finish(this.rCost[ru] + this.rCost[rv]);
    const costV = this.B.prefix(rv, v).suffix(x).finish(this.rCost[ru] + this.rCost[rv] - costU);
    if (costU + costV - this.rCost[ru] - this.rCost[rv] > -EPS) return false;
    const su = this.routes[ru];
    const sv = this.routes[rv];
    const tailU = su.splice(this.pos[u] + 1, su.length - this.pos[u] - 2);
    const tailV = sv.splice(this.pos[v] + 1, sv.length - this.pos[v] - 2);
    su.splice(su.length - 1, 0, ...tailV);
    sv.splice(sv.length - 1, 0, ...tailU);
    return this.applied(ru, rv);
  }

  /** 2-opt* variant: u links to v and x to y, reversing the heads/tails involved (symmetric costs only). */
  private twoOptStarReversed(u: number, v: number): boolean {
    const n = this.m.n;
    const ru = this.routeOf[u];
    const rv = this.routeOf[v];
    const su = this.routes[ru];
    const sv = this.routes[rv];
    {
      const m = this.m;
      const D = m.D;
      const x = su[this.pos[u] + 1];
      const y = sv[this.pos[v] + 1];
      const startV = sv[0];
      const endU = su[su.length - 1];
      const endV = sv[sv.length - 1];
      const firstV = sv[1];
      const lastU = su[su.length - 2];
      const newU = this.cumArc[u] + (this.pos[v] > 0 ? this.d(u, v) + this.cumArc[v] - this.cumArc[firstV] + this.d(firstV, endU) : this.d(u, endU));
      let newV = 0;
      if (x < n) newV = this.d(startV, lastU) + this.cumArc[lastU] - this.cumArc[x] + (y < n ? this.d(x, y) + this.cumArc[endV] - this.cumArc[y] : this.d(x, endV));
      else if (y < n) newV = this.d(startV, y) + this.cumArc[endV] - this.cumArc[y];
      if (x >= n && y >= n) return false;
      const oldU0 = this.cumArc[endU];
      const oldV0 = this.rCount[rv] > 0 ? this.cumArc[endV] : 0;
      if (this.hopelessPair(ru, newU - oldU0, rv, newV - oldV0)) return false;
      let lp1 = 0;
      let lp2 = 0;
      for (let d = 0; d < D; d++) {
        const l1 = this.cumLoad[u * D + d] + this.cumLoad[v * D + d];
        const l2 = this.rLoad[ru * D + d] - this.cumLoad[u * D + d] + this.rLoad[rv * D + d] - this.cumLoad[v * D + d];
        const e1 = l1 - m.capacity[ru * D + d];
        const e2 = l2 - m.capacity[rv * D + d];
        if (e1 > 0) lp1 += e1 * m.loadScale[d];
        if (e2 > 0) lp2 += e2 * m.loadScale[d];
      }
      const oldU = this.cumArc[endU];
      const oldV = this.rCount[rv] > 0 ? this.cumArc[endV] : 0;
      if (this.cannotImprove(ru, newU - oldU, lp1 * this.pen.load, rv, newV - oldV, lp2 * this.pen.load)) return false;
    }
    const A = this.A.prefix(ru, u);
    for (let p = this.pos[v]; p >= 1; p--) A.node(sv[p]);
    const costU = A.finish();
    if (costU - this.rCost[ru] - this.rCost[rv] > -EPS) return false;
    const B = this.B.start(rv);
    for (let p = su.length - 2; p > this.pos[u]; p--) B.node(su[p]);
    const y = this.next(v);
    const costV = (y < n ? B.suffix(y) : B).finish();
    if (costU + costV - this.rCost[ru] - this.rCost[rv] > -EPS) return false;
    const headV = sv.slice(1, this.pos[v] + 1).reverse();
    const tailU = su.slice(this.pos[u] + 1, su.length - 1).reverse();
    const newU = [...su.slice(0, this.pos[u] + 1), ...headV, su[su.length - 1]];
    const newV = [sv[0], ...tailU, ...sv.slice(this.pos[v] + 1)];
    this.routes[ru] = newU;
    this.routes[rv] = newV;
    return this.applied(ru, rv);
  }

  /** Moves within one route, evaluated on the changed middle part only. */
  private intraMoves(u: number, v: number): boolean {
    const n = this.m.n;
    const r = this.routeOf[u];
    const seq = this.routes[r];
    const iu = this.pos[u];
    const iv = this.pos[v];
    const x = seq[iu + 1];
    const y = seq[iv + 1];
    const len = seq.length;
    const s = this.scratch;
    const m = this.m;
    // distance-only bound: valid when time is not paid and all current violations could vanish
    this.intraSlack = this.uniform ? this.rPen[r] + this.waitCredit(r) : this.boundable(r) && m.perDist[r] > 0 ? this.rPen[r] / m.perDist[r] : Infinity;
    const pu = seq[iu - 1];
    const pv = iv > 0 ? seq[iv - 1] : -1;
    // relocate u after v
    if (y !== u && v !== u && !this.hopeless(this.d(pu, x) - this.d(pu, u) - this.d(u, x) + this.d(v, u) + this.d(u, y) - this.d(v, y))) {
      this.copyInto(s, seq);
      s.splice(iu, 1);
      s.splice(iv < iu ? iv + 1 : iv, 0, u);
      if (this.tryIntra(r, s)) return true;
    }
    if (x < n && v !== x && y !== u && v !== u) {
      // (u, x) after v, then (x, u) after v
      const xx = seq[iu + 2];
      const out = this.d(pu, xx) - this.d(pu, u) - this.d(x, xx) - this.d(v, y);
      for (let k = 0; k < 2; k++) {
        const rev = k === 1;
        if (this.hopeless(out + (rev ? this.d(v, x) + this.d(x, u) + this.d(u, y) - this.d(u, x) : this.d(v, u) + this.d(x, y)))) continue;
        this.copyInto(s, seq);
        s.splice(iu, 2);
        const at = iv < iu ? iv + 1 : iv - 1;
        s.splice(at, 0, rev ? x : u, rev ? u : x);
        if (this.tryIntra(r, s)) return true;
      }
    }
    if (v < n && v !== u) {
      // swap u and v when not adjacent
      if (x !== v && y !== u && !this.hopeless(this.d(pu, v) + this.d(v, x) + this.d(pv, u) + this.d(u, y) - this.d(pu, u) - this.d(u, x) - this.d(pv, v) - this.d(v, y))) {
        this.copyInto(s, seq);
        s[iu] = v;
        s[iv] = u;
        if (this.tryIntra(r, s)) return true;
      }
      // swap (u, x) with v
      const xx = seq[iu + 2];
      if (x < n && x !== v && y !== u && xx !== v && pv !== x && !this.hopeless(this.d(pu, v) + this.d(v, xx) - this.d(pu, u) - this.d(x, xx) + this.d(pv, u) + this.d(x, y) - this.d(pv, v) - this.d(v, y))) {
        this.copyInto(s, seq);
        if (iu < iv) {
          s.splice(iv, 1, u, x);
          s.splice(iu, 2, v);
        } else {
          s.splice(iu, 2, v);
          s.splice(iv, 1, u, x);
        }
        if (this.tryIntra(r, s)) return true;
      }
      // swap (u, x) with (v, y)
      const yy = y < n ? seq[iv + 2] : -1;
      if (x < n && y < n && x !== v && y !== u && xx !== v && yy !== u && !this.hopeless(this.d(pu, v) + this.d(y, xx) + this.d(pv, u) + this.d(x, yy) - this.d(pu, u) - this.d(x, xx) - this.d(pv, v) - this.d(y, yy))) {
        this.copyInto(s, seq);
        s[iu] = v;
        s[iu + 1] = y;
        s[iv] = u;
        s[iv + 1] = x;
        if (this.tryIntra(r, s)) return true;
      }
    }
    // 2-opt: reverse x..v
    if (iu < iv && x !== v && !(m.symmetric && this.hopeless(this.d(u, v) + this.d(x, y) - this.d(u, x) - this.d(v, y)))) {
      this.copyInto(s, seq);
      for (let a = iu + 1, b = iv; a < b; a++, b--) {
        const t = s[a];
        s[a] = s[b];
        s[b] = t;
      }
      if (this.tryIntra(r, s)) return true;
    }
    return false;
  }

  private intraSlack = 0;

  private hopeless(dDist: number): boolean {
    return dDist - this.intraSlack > -EPS;
  }

  private copyInto(s: number[], seq: number[]): void {
    s.length = 0;
    for (let p = 0; p < seq.length; p++) s.push(seq[p]);
  }

  /** Evaluates route r rebuilt as sequence s (same length) and applies it when it improves. */
  private tryIntra(r: number, s: number[]): boolean {
    const seq = this.routes[r];
    const len = seq.length;
    let first = 1;
    while (first < len - 1 && s[first] === seq[first]) first++;
    if (first >= len - 1) return false;
    let last = len - 2;
    while (last > first && s[last] === seq[last]) last--;
    const A = this.A.prefix(r, seq[first - 1]);
    for (let p = first; p <= last; p++) A.node(s[p]);
    const cost = A.suffix(seq[last + 1]).finish(this.rCost[r]);
    if (cost - this.rCost[r] > -EPS) return false;
    this.routes[r] = s.slice();
    return this.applied(r);
  }

  /**
   * SWAP* (Vidal 2022): exchange u of one route with v of another, each reinserted at its best
   * position in the other route rather than in place. Candidate positions are ranked by detour
   * distance; the chosen move is then evaluated exactly.
   */
  private swapStarPass(): boolean {
    const m = this.m;
    if (m.n < 4) return false;
    let improved = false;
    for (let r1 = 0; r1 < m.V; r1++) {
      if (this.rCount[r1] === 0) continue;
      for (let r2 = r1 + 1; r2 < m.V; r2++) {
        if (this.rCount[r2] === 0) continue;
        if (Math.max(this.rModified[r1], this.rModified[r2]) < this.swapStarStamp && this.swapStarStamp > 0) continue;
        if (!this.routesOverlap(r1, r2)) continue;
        if (this.swapStar(r1, r2)) improved = true;
      }
    }
    this.swapStarStamp = this.moveCount;
    return improved;
  }

  private swapStarStamp = 0;
  /** Polled between clients so a long descent on a large instance still honours the time limit. */
  abort: () => boolean = () => false;

  /** Routes are worth pairing in SWAP* when some client of one has a granular neighbour in the other. */
  private routesOverlap(r1: number, r2: number): boolean {
    const s1 = this.routes[r1];
    for (let p = 1; p < s1.length - 1; p++) {
      const neigh = this.m.neighbours[s1[p]];
      for (let t = 0; t < neigh.length && t < 8; t++) if (this.routeOf[neigh[t]] === r2) return true;
    }
    return false;
  }

  /** Keeps, per client c and target route, the three cheapest detours of inserting c there. */
  private bestInsertions(c: number, r: number): void {
    const m = this.m;
    const seq = this.routes[r];
    const base = c * 3;
    this.insCost[base] = this.insCost[base + 1] = this.insCost[base + 2] = Infinity;
    this.insAfter[base] = this.insAfter[base + 1] = this.insAfter[base + 2] = -1;
    const N = this.N;
    const nd = this.nodeDist;
    for (let p = 0; p < seq.length - 1; p++) {
      const a = seq[p];
      const b = seq[p + 1];
      const detour = nd[a * N + c] + nd[c * N + b] - nd[a * N + b];
      if (detour < this.insCost[base + 2]) {
        let q = 2;
        while (q > 0 && this.insCost[base + q - 1] > detour) {
          this.insCost[base + q] = this.insCost[base + q - 1];
          this.insAfter[base + q] = this.insAfter[base + q - 1];
          q--;
        }
        this.insCost[base + q] = detour;
        this.insAfter[base + q] = seq[p];
      }
    }
  }

  private swapStar(r1: number, r2: number): boolean {
    const m = this.m;
    const M = m.M;
    const s1 = this.routes[r1];
    const s2 = this.routes[r2];
    for (let p = 1; p < s1.length - 1; p++) this.bestInsertions(s1[p], r2);
    for (let p = 1; p < s2.length - 1; p++) this.bestInsertions(s2[p], r1);
    let bestDelta = -EPS;
    let bu = -1;
    let bv = -1;
    let bAfterU = -1;
    let bAfterV = -1;
    const perDist1 = this.scale(r1);
    const perDist2 = this.scale(r2);
    for (let p = 1; p < s1.length - 1; p++) {
      const u = s1[p];
      const remU = this.removalGain(u);
      for (let q = 1; q < s2.length - 1; q++) {
        const v = s2[q];
        const remV = this.removalGain(v);
        this.cheapestInsertion(u, v);
        const insU = this.insBestCost;
        const afterU = this.insBestAfter;
        this.cheapestInsertion(v, u);
        const insV = this.insBestCost;
        const afterV = this.insBestAfter;
        const estimate = perDist1 * (remU + insV) + perDist2 * (remV + insU) + this.swapLoadPenaltyDelta(r1, r2, u, v);
        if (estimate >= bestDelta + 0) continue;
        // exact evaluation with penalties
        const delta = this.evalSwapStar(r1, r2, u, v, afterU, afterV, bestDelta);
        if (delta < bestDelta) {
          bestDelta = delta;
          bu = u;
          bv = v;
          bAfterU = afterU;
          bAfterV = afterV;
        }
      }
    }
    if (bu < 0) return false;
    const n1 = this.buildSwapStarRoute(r1, bu, bv, bAfterV);
    const n2 = this.buildSwapStarRoute(r2, bv, bu, bAfterU);
    this.routes[r1] = n1;
    this.routes[r2] = n2;
    return this.applied(r1, r2);
  }

  private removalGain(c: number): number {
    const pr = this.prev(c);
    const nx = this.next(c);
    return this.d(pr, nx) - this.d(pr, c) - this.d(c, nx);
  }

  private insBestCost = 0;
  private insBestAfter = -1;

  /** Cheapest detour of inserting c into the route of `out` once `out` has left it (sets insBest*). */
  private cheapestInsertion(c: number, out: number): void {
    const base = c * 3;
    for (let q = 0; q < 3; q++) {
      const after = this.insAfter[base + q];
      if (after < 0) break;
      if (after !== out && this.next(after) !== out) {
        this.insBestCost = this.insCost[base + q];
        this.insBestAfter = after;
        return;
      }
    }
    const m = this.m;
    const M = m.M;
    const pr = this.prev(out);
    const lp = m.nodeLoc[pr];
    const ln = m.nodeLoc[this.next(out)];
    const lc = m.nodeLoc[c];
    this.insBestCost = m.dist[lp * M + lc] + m.dist[lc * M + ln] - m.dist[lp * M + ln];
    this.insBestAfter = pr;
  }

  /** Route r without `out`, with `inp` inserted after node `after` (after === prev(out) means in its place). */
  private buildSwapStarRoute(r: number, out: number, inp: number, after: number): number[] {
    const seq = this.routes[r];
    const res: number[] = [];
    for (let p = 0; p < seq.length; p++) {
      const c = seq[p];
      if (c !== out) res.push(c);
      if (c === after) res.push(inp);
    }
    // when `after` is out's predecessor, inp already sits where out was
    return res;
  }

  /** Change of the load penalties of r1 and r2 when u (in r1) and v (in r2) trade places. */
  private swapLoadPenaltyDelta(r1: number, r2: number, u: number, v: number): number {
    const m = this.m;
    const D = m.D;
    let delta = 0;
    for (let d = 0; d < D; d++) {
      const du = m.demand[u * D + d];
      const dv = m.demand[v * D + d];
      if (du === dv) continue;
      const l1 = this.rLoad[r1 * D + d];
      const l2 = this.rLoad[r2 * D + d];
      const c1 = m.capacity[r1 * D + d];
      const c2 = m.capacity[r2 * D + d];
      const n1 = l1 - du + dv;
      const n2 = l2 - dv + du;
      delta += m.loadScale[d] * ((n1 > c1 ? n1 - c1 : 0) - (l1 > c1 ? l1 - c1 : 0) + (n2 > c2 ? n2 - c2 : 0) - (l2 > c2 ? l2 - c2 : 0));
    }
    return this.pen.load * delta;
  }

  /** Change of cost of the SWAP*; Infinity when a route with a break is already known to cost more than `bestDelta` allows. */
  private evalSwapStar(r1: number, r2: number, u: number, v: number, afterU: number, afterV: number, bestDelta: number): number {
    const limit = this.rCost[r1] + this.rCost[r2] + bestDelta;
    const cost1 = this.evalRemoveInsert(r1, u, v, afterV, limit);
    return cost1 + this.evalRemoveInsert(r2, v, u, afterU, limit - cost1) - this.rCost[r1] - this.rCost[r2];
  }

  /** Cost of route r with `out` removed and `inp` inserted after `after`, walking the changed middle (see RouteCandidate.finish for `limit`). */
  private evalRemoveInsert(r: number, out: number, inp: number, after: number, limit: number): number {
    const seq = this.routes[r];
    const po = this.pos[out];
    const pa = this.pos[after];
    const C = this.A;
    if (pa < po) {
      C.prefix(r, after).node(inp);
      for (let p = pa + 1; p < po; p++) C.node(seq[p]);
      return C.suffix(seq[po + 1]).finish(limit);
    }
    C.prefix(r, seq[po - 1]);
    for (let p = po + 1; p <= pa; p++) C.node(seq[p]);
    C.node(inp);
    return C.suffix(seq[pa + 1]).finish(limit);
  }
}

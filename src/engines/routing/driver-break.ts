/**
 * The driver's break. A used vehicle with a break stops once, for its whole length, starting inside
 * one of its windows, wherever it is at that moment: at the start before leaving, after a service
 * before driving on, on arrival at a stop before its service (so waiting for a window can become
 * the break), or at the end after the last drive. No travel is added; the route's duration grows by
 * whatever part of the break could not be taken out of waiting.
 *
 * In the duration-segment calculus the break is one more visit, of service length = its duration,
 * time window = its window, and zero travel to or from the vehicle's current place. A placement is
 * an arc p of the route (start = 0, visits 1..k, end = k+1) and a side: before driving the arc (at
 * place p) or after it (at place p+1). With forward segments F[p] and backward segments G[p+1]:
 *
 *   before the drive:  F[p] ⊕0 Break ⊕d G[p+1]        after the drive:  F[p] ⊕d Break ⊕0 G[p+1]
 *
 * so every placement costs O(1) and a whole route is evaluated exactly in O(k · windows)
 * (BreakEvaluator). That exact evaluation prices every route the local search builds or changes,
 * every individual of the population, and picks the placement of the final timetable.
 *
 * Move evaluation (RouteCandidate.finish) first prices the candidate route without its break, a
 * lower bound that rejects most moves, then places the break greedily (BreakTrack): a candidate
 * route is a prefix, a few clients and a suffix; the prefix and suffix each bring the placement
 * that is best for the route they come from, and the break may also go next to each joined client.
 * The best of those is a real placement, an upper bound that accepts a move when it is already
 * good enough; only moves between the two bounds are evaluated exactly.
 */
import { Segment } from './duration-segment.js';
import type { RoutingModel } from './routing-model.js';

/** Counts as feasible below this much time warp or overtime (seconds). */
export const BREAK_TOLERANCE = 1e-6;
/** Ranks placements by violation first when the caller has no penalty weight to trade it against. */
export const FEASIBILITY_WEIGHT = 1e9;

export interface BreakPlacement {
  /** Arc of the route: 0 leaves the start, k arrives at the end (k visits). */
  arc: number;
  /** Taken at the arc's destination on arrival (before its service), else at its origin before driving. */
  atNext: boolean;
  /** Index of the break window used. */
  window: number;
}

export interface RankedPlacement extends BreakPlacement {
  /** No time warp or overtime with the stops' hull windows. */
  feasibleOnHull: boolean;
}

/** Per node of a route: the best prefix (start..node) and suffix (node..last visit) with the break inside. */
export interface BreakPieces {
  readonly pbDur: Float64Array;
  readonly pbTw: Float64Array;
  readonly pbE: Float64Array;
  readonly pbL: Float64Array;
  readonly sbDur: Float64Array;
  readonly sbTw: Float64Array;
  readonly sbE: Float64Array;
  readonly sbL: Float64Array;
}

export function hasBreak(m: RoutingModel, r: number): boolean {
  return m.hasBreaks && m.breakSeconds[r] >= 0;
}

/** What the time part of a route costs in the search: paid hours plus time warp and overtime penalised. */
function timeScore(m: RoutingModel, r: number, dur: number, tw: number, timeWarpPenalty: number): number {
  const over = dur - m.maxDur[r];
  return m.perTime[r] * dur + timeWarpPenalty * (tw + (over > 0 ? over : 0));
}

/**
 * The best segment with the break placed, kept while a candidate route is assembled piece by piece.
 * Options are compared on the pieces joined so far (same visits, same last place), so the choice is
 * greedy: it can miss a placement that only pays off with what is joined later.
 */
export class BreakTrack {
  /** Best segment so far that holds the break; dur is Infinity while there is none. */
  readonly best = new Segment();
  /** The closed route chosen by close(). */
  readonly closed = new Segment();
  private readonly next = new Segment();
  private readonly j = new Segment();
  private r = 0;
  private b = 0;
  private w0 = 0;
  private w1 = 0;

  constructor(private readonly m: RoutingModel, private readonly pen: { timeWarp: number }) {}

  /** Starts tracking route r's break with nothing placed yet. */
  bind(r: number): this {
    this.r = r;
    this.b = this.m.breakSeconds[r];
    this.w0 = this.m.breakFrom[r];
    this.w1 = this.m.breakFrom[r + 1];
    this.best.dur = Infinity;
    return this;
  }

  /** Starts from a piece that already holds the break (a route prefix with its break placed). */
  start(dur: number, tw: number, e: number, l: number): void {
    this.best.set(dur, tw, e, l);
  }

  /**
   * The break-free segment N is about to be extended by piece P over `edge` seconds: the break is
   * either in the best already (best ⊕ P) or taken on arrival, before P's first service (N ⊕ B ⊕0 P).
   */
  arrive(nDur: number, nTw: number, nE: number, nL: number, edge: number, pDur: number, pTw: number, pE: number, pL: number): void {
    const nx = this.next;
    nx.dur = Infinity;
    if (this.best.dur < Infinity) nx.join(this.best.dur, this.best.tw, this.best.e, this.best.l, edge, pDur, pTw, pE, pL);
    const m = this.m;
    for (let w = this.w0; w < this.w1; w++) {
      this.j.join(nDur, nTw, nE, nL, edge, this.b, 0, m.breakOpen[w], m.breakClose[w]).append(pDur, pTw, pE, pL, 0);
      if (this.better(this.j, nx)) nx.copy(this.j);
    }
    this.best.copy(nx);
  }

  /** N has just been extended: the break may also be taken here, after the last service, before driving on. */
  here(nDur: number, nTw: number, nE: number, nL: number): void {
    const m = this.m;
    for (let w = this.w0; w < this.w1; w++) {
      this.j.join(nDur, nTw, nE, nL, 0, this.b, 0, m.breakOpen[w], m.breakClose[w]);
      if (this.better(this.j, this.best)) this.best.copy(this.j);
    }
  }

  /** N ⊕ S where S is a piece that already holds the same break (a suffix of a route with its break). */
  offer(nDur: number, nTw: number, nE: number, nL: number, edge: number, sDur: number, sTw: number, sE: number, sL: number): void {
    this.j.join(nDur, nTw, nE, nL, edge, sDur, sTw, sE, sL);
    if (this.better(this.j, this.best)) this.best.copy(this.j);
  }

  /** The route closed at its end node E, into `closed`: best ⊕ E, or the break on arrival at the end. */
  close(nDur: number, nTw: number, nE: number, nL: number, edge: number, eE: number, eL: number): Segment {
    const c = this.closed;
    c.dur = Infinity;
    if (this.best.dur < Infinity) c.join(this.best.dur, this.best.tw, this.best.e, this.best.l, edge, 0, 0, eE, eL);
    const m = this.m;
    for (let w = this.w0; w < this.w1; w++) {
      this.j.join(nDur, nTw, nE, nL, edge, this.b, 0, m.breakOpen[w], m.breakClose[w]).append(0, 0, eE, eL, 0);
      if (this.better(this.j, c)) c.copy(this.j);
    }
    return c;
  }

  /** Cheaper in the search's terms; on a tie, the one that can finish earlier leaves more room after it. */
  private better(a: Segment, than: Segment): boolean {
    if (than.dur === Infinity) return true;
    const sa = timeScore(this.m, this.r, a.dur, a.tw, this.pen.timeWarp);
    const sb = timeScore(this.m, this.r, than.dur, than.tw, this.pen.timeWarp);
    if (sa < sb - 1e-9) return true;
    if (sa > sb + 1e-9) return false;
    return a.earliestFinish() < than.earliestFinish();
  }
}

/**
 * Exact placement of a route's break: every arc, both sides, every window, from position-indexed
 * forward and backward segments. Holds scratch arrays sized to the longest route seen.
 */
export class BreakEvaluator {
  /** Least duration and its time warp of the chosen placement. */
  dur = 0;
  tw = 0;
  arc = -1;
  atNext = false;
  window = -1;
  private r = 0;
  private k = 0;
  private windows = 0;
  private preferFeasible = false;
  private cap = 0;
  private node = new Int32Array(0);
  private loc = new Int32Array(0);
  // F: start..position, G: position..end, H: position..last visit (all with the visits' hull windows)
  private fDur = new Float64Array(0);
  private fTw = new Float64Array(0);
  private fE = new Float64Array(0);
  private fL = new Float64Array(0);
  private gDur = new Float64Array(0);
  private gTw = new Float64Array(0);
  private gE = new Float64Array(0);
  private gL = new Float64Array(0);
  private hDur = new Float64Array(0);
  private hTw = new Float64Array(0);
  private hE = new Float64Array(0);
  private hL = new Float64Array(0);
  private placeScore = new Float64Array(0);
  private placeViolation = new Float64Array(0);
  private placeDur = new Float64Array(0);
  private readonly s = new Segment();

  constructor(private readonly m: RoutingModel) {}

  private ensure(positions: number, placements: number): void {
    if (positions > this.cap) {
      const c = Math.max(positions, 2 * this.cap, 16);
      this.cap = c;
      this.node = new Int32Array(c);
      this.loc = new Int32Array(c);
      this.fDur = new Float64Array(c);
      this.fTw = new Float64Array(c);
      this.fE = new Float64Array(c);
      this.fL = new Float64Array(c);
      this.gDur = new Float64Array(c);
      this.gTw = new Float64Array(c);
      this.gE = new Float64Array(c);
      this.gL = new Float64Array(c);
      this.hDur = new Float64Array(c);
      this.hTw = new Float64Array(c);
      this.hE = new Float64Array(c);
      this.hL = new Float64Array(c);
    }
    if (placements > this.placeScore.length) {
      const c = Math.max(placements, 2 * this.placeScore.length);
      this.placeScore = new Float64Array(c);
      this.placeViolation = new Float64Array(c);
      this.placeDur = new Float64Array(c);
    }
  }

  /**
   * Evaluates route r serving seq[from], ..., seq[from + k - 1] (k ≥ 0) with its break placed at
   * the least time score (paid hours + timeWarpPenalty · violation). With preferFeasible, a
   * placement without time warp or overtime beats every placement with some.
   */
  evaluate(r: number, seq: ArrayLike<number>, from: number, k: number, timeWarpPenalty: number, preferFeasible: boolean): void {
    const m = this.m;
    const W = m.breakFrom[r + 1] - m.breakFrom[r];
    this.r = r;
    this.k = k;
    this.windows = W;
    this.preferFeasible = preferFeasible;
    this.ensure(k + 2, (k + 1) * 2 * W);
    const { node, loc, fDur, fTw, fE, fL, gDur, gTw, gE, gL, hDur, hTw, hE, hL } = this;
    const start = m.n + 2 * r;
    node[0] = start;
    for (let i = 1; i <= k; i++) node[i] = seq[from + i - 1];
    node[k + 1] = start + 1;
    for (let i = 0; i <= k + 1; i++) loc[i] = m.nodeLoc[node[i]];
    const M = m.M;
    const s = this.s;
    fDur[0] = 0;
    fTw[0] = 0;
    fE[0] = m.twOpen[start];
    fL[0] = m.twClose[start];
    for (let i = 1; i <= k + 1; i++) {
      const c = node[i];
      s.join(fDur[i - 1], fTw[i - 1], fE[i - 1], fL[i - 1], m.time[loc[i - 1] * M + loc[i]], i <= k ? m.service[c] : 0, 0, m.twOpen[c], m.twClose[c]);
      fDur[i] = s.dur;
      fTw[i] = s.tw;
      fE[i] = s.e;
      fL[i] = s.l;
    }
    gDur[k + 1] = 0;
    gTw[k + 1] = 0;
    gE[k + 1] = m.twOpen[start + 1];
    gL[k + 1] = m.twClose[start + 1];
    for (let i = k; i >= 1; i--) {
      const c = node[i];
      const edge = m.time[loc[i] * M + loc[i + 1]];
      s.join(m.service[c], 0, m.twOpen[c], m.twClose[c], edge, gDur[i + 1], gTw[i + 1], gE[i + 1], gL[i + 1]);
      gDur[i] = s.dur;
      gTw[i] = s.tw;
      gE[i] = s.e;
      gL[i] = s.l;
      if (i === k) s.set(m.service[c], 0, m.twOpen[c], m.twClose[c]);
      else s.join(m.service[c], 0, m.twOpen[c], m.twClose[c], edge, hDur[i + 1], hTw[i + 1], hE[i + 1], hL[i + 1]);
      hDur[i] = s.dur;
      hTw[i] = s.tw;
      hE[i] = s.e;
      hL[i] = s.l;
    }

    const b = m.breakSeconds[r];
    const w0 = m.breakFrom[r];
    let bestKey = Infinity;
    let bestFlag = 2;
    let bestDur = Infinity;
    for (let p = 0; p <= k; p++) {
      const d = m.time[loc[p] * M + loc[p + 1]];
      for (let side = 0; side < 2; side++) {
        const e1 = side === 1 ? d : 0;
        const e2 = side === 1 ? 0 : d;
        for (let w = 0; w < W; w++) {
          s.join(fDur[p], fTw[p], fE[p], fL[p], e1, b, 0, m.breakOpen[w0 + w], m.breakClose[w0 + w]);
          s.append(gDur[p + 1], gTw[p + 1], gE[p + 1], gL[p + 1], e2);
          const over = s.dur - m.maxDur[r];
          const violation = s.tw + (over > 0 ? over : 0);
          const score = timeScore(m, r, s.dur, s.tw, timeWarpPenalty);
          const idx = (p * 2 + side) * W + w;
          this.placeScore[idx] = score;
          this.placeViolation[idx] = violation;
          this.placeDur[idx] = s.dur;
          const flag = preferFeasible && violation > BREAK_TOLERANCE ? 1 : 0;
          if (flag < bestFlag || (flag === bestFlag && (score < bestKey - 1e-9 || (score <= bestKey + 1e-9 && s.dur < bestDur)))) {
            bestFlag = flag;
            bestKey = score;
            bestDur = s.dur;
            this.dur = s.dur;
            this.tw = s.tw;
            this.arc = p;
            this.atNext = side === 1;
            this.window = w;
          }
        }
      }
    }
  }

  /** Every placement of the route last evaluated, best first (ties: earlier in the route first). */
  ranked(): RankedPlacement[] {
    const W = this.windows;
    const count = (this.k + 1) * 2 * W;
    const idx = Array.from({ length: count }, (_, i) => i);
    const flag = (i: number) => (this.preferFeasible && this.placeViolation[i] > BREAK_TOLERANCE ? 1 : 0);
    idx.sort((a, b) => flag(a) - flag(b) || this.placeScore[a] - this.placeScore[b] || this.placeDur[a] - this.placeDur[b] || a - b);
    return idx.map((i) => ({ arc: Math.floor(i / (2 * W)), atNext: Math.floor(i / W) % 2 === 1, window: i % W, feasibleOnHull: this.placeViolation[i] <= BREAK_TOLERANCE }));
  }

  /**
   * For the route last evaluated (with preferFeasible off): per node, the prefix start..node and the
   * suffix node..last visit holding the break at the placement inside that piece which is best for
   * the whole current route. Moves keep most of a route, so its current best placement is the
   * likeliest to stay good.
   */
  writePieces(out: BreakPieces): void {
    const m = this.m;
    const M = m.M;
    const { node, loc, fDur, fTw, fE, fL, hDur, hTw, hE, hL } = this;
    const k = this.k;
    const W = this.windows;
    const r = this.r;
    const b = m.breakSeconds[r];
    const w0 = m.breakFrom[r];
    const cur = this.s;
    // prefixes: placements before the drive from x or on arrival at x (before its service) are inside start..x
    let bestScore = Infinity;
    for (let x = 0; x <= k; x++) {
      const c = node[x];
      const svc = x === 0 ? 0 : m.service[c];
      if (x > 0) {
        const d = m.time[loc[x - 1] * M + loc[x]];
        cur.append(svc, 0, m.twOpen[c], m.twClose[c], d);
        for (let w = 0; w < W; w++) {
          const score = this.placeScore[((x - 1) * 2 + 1) * W + w];
          if (score < bestScore) {
            bestScore = score;
            cur.join(fDur[x - 1], fTw[x - 1], fE[x - 1], fL[x - 1], d, b, 0, m.breakOpen[w0 + w], m.breakClose[w0 + w]).append(svc, 0, m.twOpen[c], m.twClose[c], 0);
          }
        }
      }
      for (let w = 0; w < W; w++) {
        const score = this.placeScore[(x * 2) * W + w];
        if (score < bestScore) {
          bestScore = score;
          cur.join(fDur[x], fTw[x], fE[x], fL[x], 0, b, 0, m.breakOpen[w0 + w], m.breakClose[w0 + w]);
        }
      }
      out.pbDur[c] = cur.dur;
      out.pbTw[c] = cur.tw;
      out.pbE[c] = cur.e;
      out.pbL[c] = cur.l;
    }
    // suffixes: placements on arrival at y (before its service) through the one after the last service
    bestScore = Infinity;
    for (let y = k; y >= 1; y--) {
      const c = node[y];
      const svc = m.service[c];
      const d = y < k ? m.time[loc[y] * M + loc[y + 1]] : 0;
      if (y < k) cur.prepend(svc, 0, m.twOpen[c], m.twClose[c], d);
      for (let w = 0; w < W; w++) {
        const score = this.placeScore[(y * 2) * W + w];
        if (score < bestScore) {
          bestScore = score;
          cur.join(svc, 0, m.twOpen[c], m.twClose[c], 0, b, 0, m.breakOpen[w0 + w], m.breakClose[w0 + w]);
          if (y < k) cur.append(hDur[y + 1], hTw[y + 1], hE[y + 1], hL[y + 1], d);
        }
      }
      for (let w = 0; w < W; w++) {
        const score = this.placeScore[((y - 1) * 2 + 1) * W + w];
        if (score < bestScore) {
          bestScore = score;
          cur.set(b, 0, m.breakOpen[w0 + w], m.breakClose[w0 + w]).append(hDur[y], hTw[y], hE[y], hL[y], 0);
        }
      }
      out.sbDur[c] = cur.dur;
      out.sbTw[c] = cur.tw;
      out.sbE[c] = cur.e;
      out.sbL[c] = cur.l;
    }
  }
}

const evaluators = new WeakMap<RoutingModel, BreakEvaluator>();

/** One evaluator (and its scratch arrays) per compiled problem. */
export function breakEvaluatorFor(m: RoutingModel): BreakEvaluator {
  let ev = evaluators.get(m);
  if (!ev) evaluators.set(m, (ev = new BreakEvaluator(m)));
  return ev;
}

/**
 * Whether a vehicle can serve one visit and take its break within its shift and maximum duration
 * (hull windows): the test that decides whether a stop is servable at all.
 */
export function visitFitsWithBreak(
  shift: [number, number], toVisit: number, service: number, visitWindow: [number, number], fromVisit: number,
  breakSeconds: number, breakWindows: readonly (readonly [number, number])[], maxDurationSeconds: number,
): boolean {
  const f = [new Segment().set(0, 0, shift[0], shift[1]), new Segment()];
  f[1].join(0, 0, shift[0], shift[1], toVisit, service, 0, visitWindow[0], visitWindow[1]);
  const g = [new Segment(), new Segment().set(service, 0, visitWindow[0], visitWindow[1]).append(0, 0, shift[0], shift[1], fromVisit), new Segment().set(0, 0, shift[0], shift[1])];
  const edges = [toVisit, fromVisit];
  const s = new Segment();
  for (let p = 0; p < 2; p++) {
    for (const atNext of [false, true]) {
      for (const [open, close] of breakWindows) {
        s.join(f[p].dur, f[p].tw, f[p].e, f[p].l, atNext ? edges[p] : 0, breakSeconds, 0, open, close);
        s.append(g[p + 1].dur, g[p + 1].tw, g[p + 1].e, g[p + 1].l, atNext ? 0 : edges[p]);
        if (s.tw <= BREAK_TOLERANCE && s.dur <= maxDurationSeconds + BREAK_TOLERANCE) return true;
      }
    }
  }
  return false;
}


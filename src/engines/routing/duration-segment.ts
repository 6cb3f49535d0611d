/**
 * Duration segments with time warp (Vidal et al. 2013): a run of visits summarised by its least
 * duration (travel, service, waiting), the time warp it needs (lateness, charged as a penalty), and
 * the earliest and latest start that achieve both. Two segments join in O(1).
 *
 * A Segment is a mutable register so that loops can join segments without allocating.
 */
export class Segment {
  dur = 0;
  tw = 0;
  e = 0;
  l = 0;

  set(dur: number, tw: number, e: number, l: number): this {
    this.dur = dur;
    this.tw = tw;
    this.e = e;
    this.l = l;
    return this;
  }

  copy(s: Segment): this {
    return this.set(s.dur, s.tw, s.e, s.l);
  }

  /** this ⊕ (dur, tw, e, l), with `edge` seconds of travel in between. */
  append(dur: number, tw: number, e: number, l: number, edge: number): this {
    return this.join(this.dur, this.tw, this.e, this.l, edge, dur, tw, e, l);
  }

  /** (dur, tw, e, l) ⊕ this, with `edge` seconds of travel in between. */
  prepend(dur: number, tw: number, e: number, l: number, edge: number): this {
    return this.join(dur, tw, e, l, edge, this.dur, this.tw, this.e, this.l);
  }

  /** Sets this to front ⊕ back. */
  join(aDur: number, aTw: number, aE: number, aL: number, edge: number, bDur: number, bTw: number, bE: number, bL: number): this {
    const at = aDur - aTw + edge;
    const diffWait = bE - at - aL > 0 ? bE - at - aL : 0;
    const diffTw = aE + at - bL > 0 ? aE + at - bL : 0;
    const e = bE - at > aE ? bE - at : aE;
    const l = bL - at < aL ? bL - at : aL;
    // same association as the inlined joins elsewhere, so both give bit-identical timetables
    this.dur = aDur + (bDur + edge + diffWait);
    this.tw = aTw + (bTw + diffTw);
    this.e = e - diffWait;
    this.l = l + diffTw;
    return this;
  }

  /** When the segment ends at the earliest, with its least duration: what a following visit can count on. */
  earliestFinish(): number {
    return this.e + this.dur - this.tw;
  }
}

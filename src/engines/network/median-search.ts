import type { Deadline } from '../control.js';
import type { Random } from '../../shared/random.js';
import type { Instance } from './instance.js';

/**
 * Uncapacitated p-site state for p-median and coverage: every zone goes to its cheapest open
 * site. Keeps the cheapest and second cheapest open site per zone so that a swap (open c,
 * close r) is priced in O(zones) for all r at once (Whitaker's fast interchange).
 */
export class MedianState {
  readonly open: Uint8Array;
  near1: Int32Array;
  near2: Int32Array;
  cost = 0;

  constructor(private readonly inst: Instance, openSites: Iterable<number>) {
    this.open = new Uint8Array(inst.sites);
    for (const i of openSites) this.open[i] = 1;
    this.near1 = new Int32Array(inst.zones);
    this.near2 = new Int32Array(inst.zones);
    this.refresh();
  }

  openList(): number[] {
    const list: number[] = [];
    for (let i = 0; i < this.inst.sites; i++) if (this.open[i]) list.push(i);
    return list;
  }

  private refreshZone(z: number, list: number[]): void {
    const { cost, sites } = this.inst;
    let b1 = -1;
    let b2 = -1;
    let c1 = Infinity;
    let c2 = Infinity;
    const row = z * sites;
    for (const i of list) {
      const c = cost[row + i];
      if (c < c1) {
        b2 = b1;
        c2 = c1;
        b1 = i;
        c1 = c;
      } else if (c < c2) {
        b2 = i;
        c2 = c;
      }
    }
    this.near1[z] = b1;
    this.near2[z] = b2;
  }

  refresh(): void {
    const list = this.openList();
    let total = 0;
    for (let z = 0; z < this.inst.zones; z++) {
      this.refreshZone(z, list);
      total += this.inst.cost[z * this.inst.sites + this.near1[z]];
    }
    this.cost = total;
  }

  swap(insert: number, remove: number): void {
    const { cost, sites, zones } = this.inst;
    this.open[insert] = 1;
    this.open[remove] = 0;
    const list = this.openList();
    let total = 0;
    for (let z = 0; z < zones; z++) {
      const row = z * sites;
      const n2 = this.near2[z];
      if (this.near1[z] === remove || n2 === remove || n2 < 0 || cost[row + insert] < cost[row + n2]) this.refreshZone(z, list);
      total += cost[row + this.near1[z]];
    }
    this.cost = total;
  }

  /**
   * Best swap over all (insert, remove) pairs; returns the cost change (negative when
   * improving) or Infinity when no swap exists.
   */
  bestSwap(candidates: ArrayLike<number> | null, extraLoss: Float64Array): { delta: number; insert: number; remove: number } {
    const { cost, sites, zones, mustOpen } = this.inst;
    const list = this.openList();
    let best = { delta: Infinity, insert: -1, remove: -1 };
    const count = candidates ? candidates.length : sites;
    for (let k = 0; k < count; k++) {
      const c = candidates ? candidates[k] : k;
      if (this.open[c]) continue;
      for (const r of list) extraLoss[r] = 0;
      let gain = 0;
      for (let z = 0; z < zones; z++) {
        const row = z * sites;
        const dc = cost[row + c];
        const c1 = cost[row + this.near1[z]];
        if (dc < c1) gain += dc - c1;
        else {
          const n2 = this.near2[z];
          const c2 = n2 < 0 ? Infinity : cost[row + n2];
          extraLoss[this.near1[z]] += (dc < c2 ? dc : c2) - c1;
        }
      }
      for (const r of list) {
        if (mustOpen[r]) continue;
        const delta = gain + extraLoss[r];
        if (delta < best.delta) best = { delta, insert: c, remove: r };
      }
    }
    return best;
  }
}

/** Best-improvement swaps until none improves. */
export function descend(inst: Instance, state: MedianState, deadline: Deadline, extraLoss: Float64Array, candidates: ArrayLike<number> | null = null): void {
  const tolerance = 1e-9 * Math.max(1, Math.abs(state.cost));
  while (!deadline.expired()) {
    const move = state.bestSwap(candidates, extraLoss);
    if (move.insert < 0 || move.delta >= -tolerance) return;
    state.swap(move.insert, move.remove);
  }
}

/**
 * Random relocations used to escape local optima: open a site among the cheapest for a zone
 * served by a random open site, and close another random open site; descent then repairs.
 */
export function perturb(inst: Instance, state: MedianState, random: Random, strength: number, allowed: Uint8Array | null = null): void {
  const { sites, zones, cost, mustOpen } = inst;
  for (let k = 0; k < strength; k++) {
    const open = state.openList().filter((i) => !mustOpen[i]);
    if (open.length === 0 || open.length >= sites) return;
    const z = random.int(zones);
    const row = z * sites;
    const near: number[] = [];
    for (let i = 0; i < sites; i++) if (!state.open[i] && (!allowed || allowed[i])) near.push(i);
    if (near.length === 0) return;
    near.sort((a, b) => cost[row + a] - cost[row + b]);
    const insert = near[random.int(Math.min(6, near.length))];
    state.swap(insert, random.pick(open));
  }
}

import type { Instance } from './instance.js';
import { packStranded } from './zone-packing.js';

/** A single-source solution: which sites are open, which site serves each zone, site loads. */
export interface AssignmentState {
  open: Uint8Array;
  openCount: number;
  assign: Int32Array;
  load: Float64Array;
  fixedCost: number;
  serviceCost: number;
}

export function emptyState(inst: Instance): AssignmentState {
  return {
    open: new Uint8Array(inst.sites),
    openCount: 0,
    assign: new Int32Array(inst.zones).fill(-1),
    load: new Float64Array(inst.sites),
    fixedCost: 0,
    serviceCost: 0,
  };
}

export function cloneState(s: AssignmentState): AssignmentState {
  return { open: s.open.slice(), openCount: s.openCount, assign: s.assign.slice(), load: s.load.slice(), fixedCost: s.fixedCost, serviceCost: s.serviceCost };
}

export function totalCost(s: AssignmentState): number {
  return s.fixedCost + s.serviceCost;
}

/** Recomputes cost and loads from `open` and `assign`; returns false when some zone is unserved or a load exceeds capacity. */
export function recompute(inst: Instance, s: AssignmentState): boolean {
  s.load.fill(0);
  s.fixedCost = 0;
  s.serviceCost = 0;
  s.openCount = 0;
  for (let i = 0; i < inst.sites; i++)
    if (s.open[i]) {
      s.openCount++;
      s.fixedCost += inst.fixed[i];
    }
  let ok = true;
  for (let z = 0; z < inst.zones; z++) {
    const i = s.assign[z];
    if (i < 0 || !s.open[i]) {
      ok = false;
      continue;
    }
    s.load[i] += inst.demand[z];
    s.serviceCost += inst.cost[z * inst.sites + i];
  }
  for (let i = 0; i < inst.sites; i++) if (s.load[i] > inst.capacity[i] + 1e-9) ok = false;
  return ok;
}

/**
 * Assigns every zone to an open site, hardest zones first (largest regret between their two
 * cheapest open sites with room), then the zones that fit nowhere by moving others (see
 * `packStranded`). Returns false when some zone is still without a site.
 */
export function assignByRegret(inst: Instance, s: AssignmentState, zones: ArrayLike<number> | null = null): boolean {
  const { sites, cost, demand, capacity } = inst;
  const todo: number[] = [];
  if (zones) for (let k = 0; k < zones.length; k++) todo.push(zones[k]);
  else for (let z = 0; z < inst.zones; z++) if (s.assign[z] < 0) todo.push(z);
  const openList: number[] = [];
  for (let i = 0; i < sites; i++) if (s.open[i]) openList.push(i);
  // static regret order keeps this O(zones * open) and is good enough as a start for local search
  const regret = new Map<number, number>();
  for (const z of todo) {
    let b1 = Infinity;
    let b2 = Infinity;
    for (const i of openList) {
      const c = cost[z * sites + i];
      if (c < b1) {
        b2 = b1;
        b1 = c;
      } else if (c < b2) b2 = c;
    }
    regret.set(z, (b2 === Infinity ? 1e18 : b2 - b1) * (1 + demand[z]));
  }
  todo.sort((a, b) => regret.get(b)! - regret.get(a)! || a - b);
  const stranded: number[] = [];
  for (const z of todo) {
    let best = -1;
    let bestCost = Infinity;
    for (const i of openList) {
      if (s.load[i] + demand[z] > capacity[i] + 1e-9) continue;
      const c = cost[z * sites + i];
      if (c < bestCost) {
        bestCost = c;
        best = i;
      }
    }
    if (best < 0) {
      s.assign[z] = -1;
      stranded.push(z);
      continue;
    }
    s.assign[z] = best;
    s.load[best] += demand[z];
    s.serviceCost += bestCost;
  }
  // the last large zones often fit nowhere although the open sites could hold every zone
  return stranded.length === 0 || packStranded(inst, s, stranded);
}

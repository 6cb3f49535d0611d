import type { AssignmentState } from './assignment-state.js';
import type { Instance } from './instance.js';

const EPS = 1e-9;
/** Steps a zone stays where the packing put it before it may be evicted again: breaks cycles. */
const TABU_STEPS = 7;
/** Open sites per zone (its cheapest) that moves consider, so the work stays small on large models. */
const NEAR_SITES = 8;

/**
 * Places zones that a greedy pass left without a site, moving zones already placed to make room.
 * On tight models (open capacity a few per cent above demand) a greedy pass often strands the last
 * large zones although the open sites could hold everything; every repair that then gives up opens
 * one site too many, which is where heuristics lose several per cent on such models.
 *
 * Largest stranded zone first, the first of these that works, cheapest way: a site with room; a
 * site made roomy by moving one of its zones straight to another site with room; two nearby sites
 * whose zones, with this one, are split between them afresh (see `repackPair`); or else a site made
 * roomy by evicting zones, which join the stranded ones (evictions that strand less demand than
 * they place come first, so the chain shrinks). Only a zone's cheapest open sites are tried,
 * recently placed zones are not evicted, and the chain stops after `maxSteps`. Keeps `assign`,
 * `load` and `serviceCost` of `s` current; true when every zone is placed.
 */
export function packStranded(inst: Instance, s: AssignmentState, stranded: number[], maxSteps = 20 * stranded.length + 50): boolean {
  const { sites, cost, demand, capacity } = inst;
  const openList: number[] = [];
  for (let i = 0; i < sites; i++) if (s.open[i]) openList.push(i);
  const nearCache = new Map<number, number[]>();
  const near = (z: number): number[] => {
    let list = nearCache.get(z);
    if (!list) {
      list = openList.filter((i) => demand[z] <= capacity[i] + EPS);
      list.sort((a, b) => cost[z * sites + a] - cost[z * sites + b] || a - b);
      list = list.slice(0, NEAR_SITES);
      nearCache.set(z, list);
    }
    return list;
  };
  const members: number[][] = Array.from({ length: sites }, () => []);
  for (let z = 0; z < inst.zones; z++) if (s.assign[z] >= 0) members[s.assign[z]].push(z);
  const placedAt = new Int32Array(inst.zones).fill(-TABU_STEPS - 1);
  const queue = stranded.slice();

  const place = (z: number, i: number) => {
    s.assign[z] = i;
    s.load[i] += demand[z];
    s.serviceCost += cost[z * sites + i];
    members[i].push(z);
  };
  const remove = (z: number) => {
    const i = s.assign[z];
    s.assign[z] = -1;
    s.load[i] -= demand[z];
    s.serviceCost -= cost[z * sites + i];
    const list = members[i];
    list.splice(list.indexOf(z), 1);
  };

  for (let step = 0; queue.length > 0; step++) {
    if (step >= maxSteps) return false;
    let k = 0;
    for (let q = 1; q < queue.length; q++) if (demand[queue[q]] > demand[queue[k]] || (demand[queue[q]] === demand[queue[k]] && queue[q] < queue[k])) k = q;
    const z = queue[k];
    queue.splice(k, 1);
    const dz = demand[z];
    const row = z * sites;

    // a site with room
    let direct = -1;
    for (const i of openList)
      if (s.load[i] + dz <= capacity[i] + EPS && (direct < 0 || cost[row + i] < cost[row + direct])) direct = i;
    if (direct >= 0) {
      place(z, direct);
      placedAt[z] = step;
      continue;
    }

    // a site made roomy by moving one of its zones to a site with room
    let moveSite = -1;
    let moveZone = -1;
    let moveTo = -1;
    let moveDelta = Infinity;
    for (const b of near(z)) {
      const over = s.load[b] + dz - capacity[b];
      for (const z2 of members[b]) {
        const d2 = demand[z2];
        if (d2 < over - EPS || step - placedAt[z2] <= TABU_STEPS) continue;
        const base = cost[row + b] - cost[z2 * sites + b];
        for (const c of near(z2)) {
          if (c === b || s.load[c] + d2 > capacity[c] + EPS) continue;
          const delta = base + cost[z2 * sites + c];
          if (delta < moveDelta) {
            moveDelta = delta;
            moveSite = b;
            moveZone = z2;
            moveTo = c;
          }
        }
      }
    }
    if (moveSite >= 0) {
      remove(moveZone);
      place(moveZone, moveTo);
      place(z, moveSite);
      placedAt[z] = step;
      placedAt[moveZone] = step;
      continue;
    }

    // two sites whose zones, with this one, are split between them afresh
    const repack = repackPair(inst, s, z, near(z), members);
    if (repack) {
      for (const z2 of repack.zones) remove(z2);
      for (let q = 0; q < repack.zones.length; q++) place(repack.zones[q], repack.toFirst[q] ? repack.first : repack.second);
      place(z, repack.zSite);
      for (const z2 of repack.zones) placedAt[z2] = step;
      placedAt[z] = step;
      continue;
    }

    // a site made roomy by evicting zones, which are placed in later steps
    let evictSite = -1;
    let evicted: number[] = [];
    let evictShrinks = false;
    let evictDemand = Infinity;
    let evictDelta = Infinity;
    for (const b of near(z)) {
      const over = s.load[b] + dz - capacity[b];
      // the smallest single zone that makes room, or else the largest ones until there is room
      const candidates = members[b].filter((z2) => step - placedAt[z2] > TABU_STEPS);
      let chosen: number[] = [];
      let single = -1;
      for (const z2 of candidates) if (demand[z2] >= over - EPS && (single < 0 || demand[z2] < demand[single])) single = z2;
      if (single >= 0) chosen = [single];
      else {
        candidates.sort((a, b2) => demand[b2] - demand[a] || a - b2);
        let freed = 0;
        for (const z2 of candidates) {
          if (freed >= over - EPS) break;
          chosen.push(z2);
          freed += demand[z2];
        }
        if (freed < over - EPS) continue;
      }
      let out = 0;
      let delta = cost[row + b];
      for (const z2 of chosen) {
        out += demand[z2];
        delta -= cost[z2 * sites + b];
      }
      const shrinks = out < dz - EPS;
      const better = shrinks !== evictShrinks ? shrinks : shrinks ? delta < evictDelta : out < evictDemand - EPS || (out <= evictDemand + EPS && delta < evictDelta);
      if (evictSite < 0 || better) {
        evictSite = b;
        evicted = chosen;
        evictShrinks = shrinks;
        evictDemand = out;
        evictDelta = delta;
      }
    }
    if (evictSite < 0) return false;
    for (const z2 of evicted) {
      remove(z2);
      queue.push(z2);
    }
    place(z, evictSite);
    placedAt[z] = step;
  }
  return true;
}

/** Pair repacking is a table over weights: above this many cells it is skipped. */
const REPACK_MAX_CELLS = 200_000;

interface Repack {
  first: number;
  second: number;
  /** the zones now at either site, and whether each goes to `first` */
  zones: number[];
  toFirst: boolean[];
  zSite: number;
}

/**
 * The cheapest split of a site pair's zones plus the stranded zone `z` between the two sites that
 * fits both capacities (exact over integral demands, by a table of the cheapest subset for each
 * weight), or null. Free room scattered over two sites, each too small for `z`, becomes one.
 */
function repackPair(inst: Instance, s: AssignmentState, z: number, near: number[], members: number[][]): Repack | null {
  const { sites, cost, demand, capacity } = inst;
  const dz = demand[z];
  if (!Number.isInteger(dz)) return null;
  let best: Repack | null = null;
  let bestDelta = Infinity;
  // each pair once: the split is the same problem whichever site the table is over
  for (let first = 0; first < near.length; first++)
    for (let second = first + 1; second < near.length; second++) {
      const b = near[first];
      const c = near[second];
      const freeB = capacity[b] - s.load[b];
      const freeC = capacity[c] - s.load[c];
      if (freeB + freeC < dz - EPS) continue;
      const items = [...members[b], ...members[c], z];
      if (items.some((q) => !Number.isInteger(demand[q]))) continue;
      const capB = Math.floor(capacity[b] + EPS);
      if ((capB + 1) * items.length > REPACK_MAX_CELLS) continue;
      let total = 0;
      let baseCost = 0;
      let current = 0;
      for (const q of items) {
        total += demand[q];
        baseCost += cost[q * sites + c];
        if (q !== z) current += cost[q * sites + s.assign[q]];
      }
      const lo = Math.max(0, Math.ceil(total - capacity[c] - EPS));
      if (lo > capB) continue;
      // cheapest subset sent to b for each exact weight, as a saving over sending everything to c
      const table = new Float64Array(capB + 1).fill(Infinity);
      const take = new Uint8Array((capB + 1) * items.length);
      table[0] = 0;
      for (let k = 0; k < items.length; k++) {
        const q = items[k];
        const w = demand[q];
        const d = cost[q * sites + b] - cost[q * sites + c];
        for (let x = capB; x >= w; x--) {
          const candidate = table[x - w] + d;
          if (candidate < table[x]) {
            table[x] = candidate;
            take[k * (capB + 1) + x] = 1;
          }
        }
      }
      let pick = -1;
      for (let x = lo; x <= capB; x++) if (table[x] < Infinity && (pick < 0 || table[x] < table[pick])) pick = x;
      if (pick < 0) continue;
      const delta = baseCost + table[pick] - current;
      if (delta >= bestDelta) continue;
      const toFirst = new Array<boolean>(items.length).fill(false);
      for (let k = items.length - 1, x = pick; k >= 0 && x > 0; k--)
        if (take[k * (capB + 1) + x]) {
          toFirst[k] = true;
          x -= demand[items[k]];
        }
      bestDelta = delta;
      const last = items.length - 1;
      best = { first: b, second: c, zones: items.slice(0, last), toFirst: toFirst.slice(0, last), zSite: toFirst[last] ? b : c };
    }
  return best;
}

import type { Deadline } from '../control.js';
import type { AssignmentState } from './assignment-state.js';
import type { Instance } from './instance.js';

const EPS = 1e-9;

/** Open sites a swap partner is looked for at, per zone: enough to cover every open site on small instances. */
const SWAP_BREADTH = 12;

/** Per zone, the `breadth` open sites that serve it most cheaply (all of them when fewer are open), cheapest first. */
function nearestOpenSites(inst: Instance, openList: readonly number[], breadth: number): Int32Array[] {
  const { sites, zones, cost } = inst;
  const k = Math.min(breadth, openList.length);
  const near: Int32Array[] = new Array(zones);
  for (let z = 0; z < zones; z++) {
    const row = z * sites;
    const list = new Int32Array(k);
    let size = 0;
    // insertion into a short sorted list: zones x open sites work, no full sort
    for (const i of openList) {
      const c = cost[row + i];
      if (size === k && c >= cost[row + list[k - 1]]) continue;
      let at = size < k ? size++ : k - 1;
      while (at > 0 && cost[row + list[at - 1]] > c) {
        list[at] = list[at - 1];
        at--;
      }
      list[at] = i;
    }
    near[z] = list;
  }
  return near;
}

/**
 * Moves single zones to cheaper open sites with room, and swaps zone pairs between sites. A swap
 * partner for zone z is looked for only among the zones of the open sites nearest to z (a swap
 * that moves z to a far site rarely pays), which keeps a pass linear in the zones.
 */
export function improveAssignment(inst: Instance, s: AssignmentState, deadline: Deadline): void {
  const { sites, zones, cost, demand, capacity } = inst;
  const openList: number[] = [];
  for (let i = 0; i < sites; i++) if (s.open[i]) openList.push(i);
  let near: Int32Array[] | null = null;
  let improved = true;
  while (improved && !deadline.expired()) {
    improved = false;
    for (let z = 0; z < zones; z++) {
      const a = s.assign[z];
      const row = z * sites;
      let best = a;
      let bestCost = cost[row + a];
      for (const i of openList) {
        const c = cost[row + i];
        if (c < bestCost - EPS && s.load[i] + demand[z] <= capacity[i] + EPS) {
          best = i;
          bestCost = c;
        }
      }
      if (best !== a) {
        s.serviceCost += bestCost - cost[row + a];
        s.load[a] -= demand[z];
        s.load[best] += demand[z];
        s.assign[z] = best;
        improved = true;
      }
    }
    if (improved || openList.length < 2) continue;
    near ??= nearestOpenSites(inst, openList, SWAP_BREADTH);
    // member lists go stale as zones move; entries are checked against the assignment when read
    const members: number[][] = Array.from({ length: sites }, () => []);
    for (let z = 0; z < zones; z++) members[s.assign[z]].push(z);
    swaps: for (let z1 = 0; z1 < zones && !deadline.expired(); z1++) {
      const a = s.assign[z1];
      const d1 = demand[z1];
      const r1 = z1 * sites;
      for (const b of near[z1]) {
        if (b === a) continue;
        const list = members[b];
        for (let k = 0; k < list.length; k++) {
          const z2 = list[k];
          if (s.assign[z2] !== b) continue;
          const r2 = z2 * sites;
          const delta = cost[r1 + b] + cost[r2 + a] - cost[r1 + a] - cost[r2 + b];
          if (delta >= -EPS) continue;
          const d2 = demand[z2];
          if (s.load[a] - d1 + d2 > capacity[a] + EPS || s.load[b] - d2 + d1 > capacity[b] + EPS) continue;
          s.load[a] += d2 - d1;
          s.load[b] += d1 - d2;
          s.assign[z1] = b;
          s.assign[z2] = a;
          s.serviceCost += delta;
          members[b].push(z1);
          members[a].push(z2);
          improved = true;
          continue swaps;
        }
      }
    }
  }
}

/**
 * Tries closing `closeSite` (or -1) and opening `openSite` (or -1) at once, rehoming zones
 * greedily. Applies the move and returns true when it lowers the total cost.
 */
export function trySiteMove(inst: Instance, s: AssignmentState, closeSite: number, openSite: number, zonesBySite: number[][]): boolean {
  const { sites, cost, demand, capacity, fixed } = inst;
  let delta = 0;
  const moved = new Map<number, number>();
  const loadChange = new Map<number, number>();
  const loadOf = (i: number) => s.load[i] + (loadChange.get(i) ?? 0);
  const move = (z: number, to: number) => {
    const from = moved.get(z) ?? s.assign[z];
    delta += cost[z * sites + to] - cost[z * sites + from];
    loadChange.set(from, (loadChange.get(from) ?? 0) - demand[z]);
    loadChange.set(to, (loadChange.get(to) ?? 0) + demand[z]);
    moved.set(z, to);
  };
  const openList: number[] = [];
  for (let i = 0; i < sites; i++) if (s.open[i] && i !== closeSite) openList.push(i);
  if (openSite >= 0) {
    delta += fixed[openSite];
    openList.push(openSite);
  }
  if (closeSite >= 0) {
    delta -= fixed[closeSite];
    const homeless = zonesBySite[closeSite].slice().sort((x, y) => demand[y] - demand[x]);
    for (const z of homeless) {
      let best = -1;
      let bestCost = Infinity;
      for (const i of openList) {
        const c = cost[z * sites + i];
        if (c < bestCost && loadOf(i) + demand[z] <= capacity[i] + EPS) {
          best = i;
          bestCost = c;
        }
      }
      if (best < 0) return false;
      move(z, best);
    }
  }
  if (openSite >= 0) {
    const gains: { z: number; saving: number }[] = [];
    for (let z = 0; z < inst.zones; z++) {
      const current = moved.get(z) ?? s.assign[z];
      if (current === openSite) continue;
      const saving = cost[z * sites + current] - cost[z * sites + openSite];
      if (saving > EPS) gains.push({ z, saving });
    }
    gains.sort((x, y) => y.saving / (demand[y.z] + EPS) - x.saving / (demand[x.z] + EPS));
    for (const { z } of gains) if (loadOf(openSite) + demand[z] <= capacity[openSite] + EPS) move(z, openSite);
  }
  // a site left empty by the move is worth closing too (unless it must stay open)
  const emptied: number[] = [];
  for (const [i, change] of loadChange)
    if (inst.minOpen === 0 && i !== openSite && i !== closeSite && s.open[i] && !inst.mustOpen[i] && s.load[i] + change <= EPS && fixed[i] > 0) {
      emptied.push(i);
      delta -= fixed[i];
    }
  if (delta >= -1e-7) return false;
  for (const [z, to] of moved) {
    const from = s.assign[z];
    s.serviceCost += cost[z * sites + to] - cost[z * sites + from];
    s.load[from] -= demand[z];
    s.load[to] += demand[z];
    s.assign[z] = to;
  }
  const setOpen = (i: number, flag: 0 | 1) => {
    s.open[i] = flag;
    s.openCount += flag ? 1 : -1;
    s.fixedCost += flag ? fixed[i] : -fixed[i];
  };
  if (closeSite >= 0) setOpen(closeSite, 0);
  if (openSite >= 0) setOpen(openSite, 1);
  for (const i of emptied) setOpen(i, 0);
  return true;
}

function groupBySite(inst: Instance, s: AssignmentState): number[][] {
  const groups: number[][] = Array.from({ length: inst.sites }, () => []);
  for (let z = 0; z < inst.zones; z++) groups[s.assign[z]].push(z);
  return groups;
}

/**
 * Local search over open sets: close, open and swap sites, re-optimising assignments after
 * every accepted move. Swaps only try the few closed sites that serve the closed site's zones
 * most cheaply, which keeps large instances tractable.
 */
export function improveSites(
  inst: Instance,
  s: AssignmentState,
  deadline: Deadline,
  swapCandidates = 8,
  /** re-optimise the assignment after every accepted move (thorough) or once per sweep (for thousands of zones) */
  reassignEachMove = true,
): void {
  const { sites, cost } = inst;
  improveAssignment(inst, s, deadline);
  let improved = true;
  while (improved && !deadline.expired()) {
    improved = false;
    if (!reassignEachMove) improveAssignment(inst, s, deadline);
    let groups = groupBySite(inst, s);
    for (let i = 0; i < sites && !deadline.expired(); i++) {
      if (!s.open[i] || inst.mustOpen[i] || s.openCount <= Math.max(1, inst.minOpen)) continue;
      if (trySiteMove(inst, s, i, -1, groups)) {
        if (reassignEachMove) improveAssignment(inst, s, deadline);
        groups = groupBySite(inst, s);
        improved = true;
      }
    }
    for (let i = 0; i < sites && !deadline.expired(); i++) {
      if (s.open[i] || s.openCount >= inst.maxOpen) continue;
      if (trySiteMove(inst, s, -1, i, groups)) {
        if (reassignEachMove) improveAssignment(inst, s, deadline);
        groups = groupBySite(inst, s);
        improved = true;
      }
    }
    for (let a = 0; a < sites && !deadline.expired(); a++) {
      if (!s.open[a] || inst.mustOpen[a]) continue;
      const members = groups[a];
      const closed: { b: number; score: number }[] = [];
      for (let b = 0; b < sites; b++) {
        if (s.open[b]) continue;
        let score = inst.fixed[b];
        for (const z of members) score += cost[z * sites + b];
        closed.push({ b, score });
      }
      closed.sort((x, y) => x.score - y.score);
      for (let k = 0; k < Math.min(swapCandidates, closed.length); k++) {
        if (trySiteMove(inst, s, a, closed[k].b, groups)) {
          if (reassignEachMove) improveAssignment(inst, s, deadline);
          groups = groupBySite(inst, s);
          improved = true;
          break;
        }
      }
    }
  }
}

/**
 * Ejection chains of length two: move zone z1 to a site b that lacks room, and make room by
 * moving some zone z2 out of b to a third site (or into the room z1 left). Tight capacities
 * make plain shifts and swaps stall; these chains keep improving. Only the `breadth` cheapest
 * open sites per zone are tried, to bound the work on large instances.
 */
export function ejectionChains(inst: Instance, s: AssignmentState, deadline: Deadline, breadth = 8): boolean {
  const { sites, zones, cost, demand, capacity } = inst;
  const openList: number[] = [];
  for (let i = 0; i < sites; i++) if (s.open[i]) openList.push(i);
  const near = nearestOpenSites(inst, openList, breadth);
  let any = false;
  let improved = true;
  while (improved && !deadline.expired()) {
    improved = false;
    const members: number[][] = Array.from({ length: sites }, () => []);
    for (let z = 0; z < zones; z++) members[s.assign[z]].push(z);
    search: for (let z1 = 0; z1 < zones; z1++) {
      if (deadline.expired()) break;
      const a = s.assign[z1];
      const d1 = demand[z1];
      const r1 = z1 * sites;
      for (const b of near[z1]) {
        if (b === a) continue;
        const delta1 = cost[r1 + b] - cost[r1 + a];
        const overflow = s.load[b] + d1 - capacity[b];
        for (const z2 of members[b]) {
          if (s.assign[z2] !== b || z2 === z1) continue;
          const d2 = demand[z2];
          if (d2 < overflow - EPS) continue;
          const r2 = z2 * sites;
          for (const c of near[z2]) {
            if (c === b) continue;
            const delta = delta1 + cost[r2 + c] - cost[r2 + b];
            if (delta >= -1e-7) continue;
            const room = c === a ? s.load[a] - d1 + d2 <= capacity[a] + EPS : s.load[c] + d2 <= capacity[c] + EPS;
            if (!room) continue;
            s.load[a] -= d1;
            s.load[b] += d1 - d2;
            s.load[c] += d2;
            s.assign[z1] = b;
            s.assign[z2] = c;
            s.serviceCost += delta;
            improved = any = true;
            // carry on with the next zone; member lists are refreshed on the next sweep
            continue search;
          }
        }
      }
    }
  }
  return any;
}

/** Shifts, swaps and ejection chains until none improves. */
export function improveAssignmentDeep(inst: Instance, s: AssignmentState, deadline: Deadline): void {
  do improveAssignment(inst, s, deadline);
  while (ejectionChains(inst, s, deadline) && !deadline.expired());
}

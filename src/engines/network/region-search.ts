import type { Deadline } from '../control.js';
import type { Random } from '../../shared/random.js';
import { assignByRegret, cloneState, emptyState, recompute, totalCost, type AssignmentState } from './assignment-state.js';
import type { Instance } from './instance.js';
import { solveRegionTask, type RegionAnswer, type RegionHelpers, type RegionTask } from './region-task.js';

export interface RegionSearchOptions {
  /** zone-site pairs per region at first: the size our tree usually closes in a tenth of a second */
  maxPairs?: number;
  /** time per region */
  regionMs?: number;
}

export interface RegionSearchResult {
  best: AssignmentState;
  regions: number;
  improvements: number;
  /** times the stalled solution was kicked into a neighbouring basin */
  kicks: number;
}

/** A sweep whose gain is below this share of the cost counts as stalled. */
const STALL_SHARE = 1e-4;

interface Region {
  sites: number[];
  zones: number[];
}

/** A region being solved: what it was cut from, to apply the answer to. */
interface InFlight {
  seed: number;
  region: Region;
  key: string;
  /** open sites it may add or remove, reserved until it comes back */
  addRoom: number;
  dropRoom: number;
}

/**
 * Decomposition for instances too large for the tree (POPMUSIC, Taillard & Voss): costs follow
 * geography, so a solution is improved region by region. A region is an open seed site, the sites
 * that serve the seed's zones most cheaply (open or closed) and every zone those sites serve now;
 * re-solving it exactly, with the rest of the network held fixed, can open, close and reassign
 * at once, which single site moves cannot. Seeds are taken emptiest first (see `emptiestSite`).
 * Seeds whose region brought nothing are retired; an improvement puts its region's open sites
 * back in play. When every seed is retired the regions grow and the sweep starts over.
 *
 * Once a sweep gains next to nothing, the solution is a local optimum for regions of every size
 * tried, and runs that take different paths there end up to 0.3 % apart. The rest of the time
 * goes to kicks (iterated local search with regions as the descent): a random open site is closed,
 * the area around it re-solved without it (whatever that costs), the regions around the area
 * re-solved with the site kept closed, and the outcome kept only when it is cheaper than the
 * solution before the kick.
 *
 * With several helper threads, regions that share no site are solved at the same time: they
 * then share no zone either, so each answer applies on its own.
 */
export async function reoptimiseRegions(
  inst: Instance,
  start: AssignmentState,
  deadline: Deadline,
  random: Random,
  helpers: RegionHelpers,
  options: RegionSearchOptions = {},
): Promise<RegionSearchResult> {
  let best = cloneState(start);
  const firstPairs = options.maxPairs ?? 1_500;
  let maxPairs = firstPairs;
  const maxRegionPairs = 8 * firstPairs;
  const regionMs = options.regionMs ?? 300;
  const concurrency = Math.max(1, helpers.threads);
  let regions = 0;
  let improvements = 0;
  let kicks = 0;
  // regions whose current solution was proven optimal: solving them again would find nothing
  const settled = new Set<string>();
  // sites in a region being solved, which no other region may take
  const busy = new Uint8Array(inst.sites);

  /**
   * Re-solves regions of `state` seeded at the `pending` sites (emptiest first) until none is left
   * or the time is up, writing improvements into `state`. A site in `tabu` stays closed.
   */
  const descend = async (state: AssignmentState, pending: Set<number>, pairs: number, tabu: number): Promise<void> => {
    const running = new Map<number, Promise<{ id: number; answer: RegionAnswer }>>();
    const flights = new Map<number, InFlight>();
    let nextId = 0;
    let reservedAdd = 0;
    let reservedDrop = 0;
    // seeds whose region overlaps one being solved, tried again once a region comes back
    const deferred: number[] = [];
    while ((pending.size > 0 || running.size > 0) && !deadline.expired()) {
      while (running.size < concurrency && pending.size > 0) {
        const seed = emptiestSite(inst, state, pending);
        pending.delete(seed);
        if (!state.open[seed] || busy[seed]) {
          if (busy[seed]) deferred.push(seed);
          continue;
        }
        const region = regionAround(inst, state, seed, pairs);
        if (region.sites.length < 2) continue;
        if (region.sites.some((i) => busy[i])) {
          deferred.push(seed);
          continue;
        }
        const limitMs = Math.min(regionMs, deadline.remainingMs());
        if (limitMs < 20) break;
        // regions solved together share the room a limit on open sites leaves: each reserves
        // what it could use of what is left, first come first served, until it comes back
        const { addRoom, dropRoom } = roomIn(inst, state, region, tabu, reservedAdd, reservedDrop);
        // the room is part of the region: proven optimal with none, it may still improve with some
        const key = `${regionKey(state, region)}|${addRoom}|${dropRoom}|${region.sites.includes(tabu) ? tabu : -1}`;
        if (settled.has(key)) continue;
        reservedAdd += addRoom;
        reservedDrop += dropRoom;
        const { sub, incumbent } = subproblem(inst, state, region, addRoom, dropRoom, tabu);
        const task: RegionTask = { region: sub, open: incumbent.open, assign: incumbent.assign, limitMs, endsAtEpochMs: Date.now() + limitMs, seed: random.int(2 ** 31) };
        const id = nextId++;
        for (const i of region.sites) busy[i] = 1;
        flights.set(id, { seed, region, key, addRoom, dropRoom });
        running.set(id, solveSafely(helpers, task).then((answer) => ({ id, answer })));
        regions++;
      }
      if (running.size === 0) {
        if (pending.size === 0 || deadline.remainingMs() < 20) break;
        continue;
      }
      const { id, answer } = await Promise.race(running.values());
      running.delete(id);
      const flight = flights.get(id)!;
      flights.delete(id);
      for (const i of flight.region.sites) busy[i] = 0;
      reservedAdd -= flight.addRoom;
      reservedDrop -= flight.dropRoom;
      for (const seed of deferred.splice(0)) pending.add(seed);
      if (applyAnswer(inst, state, flight, answer, settled)) {
        improvements++;
        for (const i of flight.region.sites) if (state.open[i] && i !== flight.seed) pending.add(i);
      }
    }
    // regions still being solved when the time ran out: their answers may still help
    for (const { id, answer } of await Promise.all(running.values())) {
      const flight = flights.get(id)!;
      for (const i of flight.region.sites) busy[i] = 0;
      if (applyAnswer(inst, state, flight, answer, settled)) improvements++;
    }
  };

  for (let sweep = 0; !deadline.expired(); sweep++) {
    const before = totalCost(best);
    const pending = new Set<number>();
    for (let i = 0; i < inst.sites; i++) if (best.open[i]) pending.add(i);
    await descend(best, pending, maxPairs, -1);
    // a sweep that gained next to nothing leaves a solution no region of these sizes improves
    if (before - totalCost(best) < STALL_SHARE * before) break;
    // larger regions see moves the small ones cannot, up to the size whose regions the tree no
    // longer closes in their time
    if (maxPairs >= maxRegionPairs) break;
    maxPairs = Math.min(maxRegionPairs, maxPairs * 2);
  }
  // stalled: kick the solution out of its basin one area at a time and keep the outcome when the
  // regions around the area repair it to something cheaper
  const closable: number[] = [];
  while (!deadline.expired()) {
    closable.length = 0;
    for (let i = 0; i < inst.sites; i++) if (best.open[i] && !inst.mustOpen[i]) closable.push(i);
    if (closable.length === 0 || best.openCount <= Math.max(1, inst.minOpen)) break;
    const closing = random.pick(closable);
    const trial = cloneState(best);
    const area = regionAround(inst, trial, closing, 2 * firstPairs);
    const limitMs = Math.min(regionMs, deadline.remainingMs());
    if (limitMs < 20) break;
    // the area re-solved without the site: the best it can do without it, whatever that costs.
    // Closing the site gives back its place under a limit on open sites and uses one of the closings
    const { addRoom, dropRoom } = roomIn(inst, trial, area, closing, -1, 1);
    const { sub, incumbent } = subproblem(inst, trial, area, addRoom, dropRoom, closing);
    const start = withoutSite(sub, incumbent, area.sites.indexOf(closing), addRoom);
    const task: RegionTask = { region: sub, open: start?.open ?? null, assign: start?.assign ?? null, limitMs, endsAtEpochMs: Date.now() + limitMs, seed: random.int(2 ** 31) };
    regions++;
    const answer = await solveSafely(helpers, task);
    if (!answer.open || !answer.assign) continue;
    for (let k = 0; k < area.sites.length; k++) trial.open[area.sites[k]] = answer.open[k];
    for (let k = 0; k < area.zones.length; k++) trial.assign[area.zones[k]] = area.sites[answer.assign[k]];
    if (!recompute(inst, trial) || trial.openCount > inst.maxOpen || trial.openCount < inst.minOpen) continue;
    kicks++;
    const pending = new Set<number>();
    for (const i of area.sites) if (trial.open[i]) pending.add(i);
    await descend(trial, pending, firstPairs, closing);
    if (totalCost(trial) < totalCost(best) - 1e-9) best = trial;
  }
  return { best, regions, improvements, kicks };
}

/**
 * How many sites a region may open and close within the limits on open sites, given what regions
 * being solved at the same time have reserved. A site kept closed counts as neither.
 */
function roomIn(inst: Instance, s: AssignmentState, region: Region, tabu: number, reservedAdd: number, reservedDrop: number): { addRoom: number; dropRoom: number } {
  let closedInside = 0;
  let closableInside = 0;
  for (const i of region.sites)
    if (!s.open[i]) closedInside += i === tabu ? 0 : 1;
    else if (!inst.mustOpen[i] && i !== tabu) closableInside++;
  return {
    addRoom: Math.min(closedInside, Math.max(0, inst.maxOpen - s.openCount - reservedAdd)),
    dropRoom: Math.min(closableInside, Math.max(0, s.openCount - inst.minOpen - reservedDrop)),
  };
}

/**
 * The region's solution with site `j` closed: its zones placed by regret on the region's other
 * open sites, opening the closed sites that would serve them most cheaply while they do not fit
 * (at most `addRoom`). Null when they still do not fit.
 */
function withoutSite(sub: Instance, s: AssignmentState, j: number, addRoom: number): AssignmentState | null {
  const trial = cloneState(s);
  const displaced: number[] = [];
  for (let k = 0; k < sub.zones; k++) if (trial.assign[k] === j) displaced.push(k);
  trial.open[j] = 0;
  for (let added = 0; ; added++) {
    for (const k of displaced) trial.assign[k] = -1;
    recompute(sub, trial);
    if (assignByRegret(sub, trial, displaced) && recompute(sub, trial) && trial.openCount >= sub.minOpen) return trial;
    if (added >= addRoom) return null;
    let pick = -1;
    let pickScore = Infinity;
    for (let i = 0; i < sub.sites; i++) {
      if (trial.open[i] || i === j || sub.capacity[i] <= 0) continue;
      let score = sub.fixed[i];
      for (const k of displaced) score += sub.cost[k * sub.sites + i];
      if (score < pickScore) {
        pickScore = score;
        pick = i;
      }
    }
    if (pick < 0) return null;
    trial.open[pick] = 1;
  }
}

/**
 * A helper thread that fails (out of memory, a module that would not load) costs its region, not
 * the solve: the region is solved on this thread instead.
 */
async function solveSafely(helpers: RegionHelpers, task: RegionTask): Promise<RegionAnswer> {
  try {
    return await helpers.solve(task);
  } catch {
    return solveRegionTask(task);
  }
}

/** Writes a region's answer into the solution when it is cheaper; true when it was. */
function applyAnswer(inst: Instance, best: AssignmentState, flight: InFlight, answer: RegionAnswer, settled: Set<string>): boolean {
  const { region } = flight;
  if (!answer.open || !answer.assign) {
    if (answer.optimal) settled.add(flight.key);
    return false;
  }
  // regions in flight share no site, so nothing else has touched this one since it was cut
  const trial = cloneState(best);
  for (let k = 0; k < region.sites.length; k++) trial.open[region.sites[k]] = answer.open[k];
  for (let k = 0; k < region.zones.length; k++) trial.assign[region.zones[k]] = region.sites[answer.assign[k]];
  // recompute checks capacities; the limits on open sites are checked here
  const feasible = recompute(inst, trial) && trial.openCount <= inst.maxOpen && trial.openCount >= inst.minOpen;
  if (!feasible || totalCost(trial) >= totalCost(best) - 1e-9) {
    if (answer.optimal) settled.add(flight.key);
    return false;
  }
  Object.assign(best, trial);
  return true;
}

/**
 * The pending site with the most of its capacity unused (lowest index on ties). Spare capacity is
 * what a better solution saves on: on tight models nearly every site is full, and the few that
 * are not are where closing, opening and repacking pay; seeds taken at random found less.
 */
function emptiestSite(inst: Instance, s: AssignmentState, pending: Set<number>): number {
  let pick = -1;
  let lowest = Infinity;
  for (const i of pending) {
    const used = Number.isFinite(inst.capacity[i]) && inst.capacity[i] > 0 ? s.load[i] / inst.capacity[i] : 0;
    if (used < lowest || (used === lowest && i < pick)) {
      lowest = used;
      pick = i;
    }
  }
  return pick;
}

/** A region's sites and how its zones are served now. */
function regionKey(s: AssignmentState, region: Region): string {
  const parts = region.sites.map((i) => `${i}${s.open[i] ? '+' : '-'}`);
  for (const z of region.zones) parts.push(`${z}@${s.assign[z]}`);
  return parts.join(',');
}

/** The seed, then sites ranked by the cost of serving the seed's zones, until the pair budget is spent. */
function regionAround(inst: Instance, s: AssignmentState, seed: number, maxPairs: number): Region {
  const { sites, zones, cost } = inst;
  const members: number[] = [];
  for (let z = 0; z < zones; z++) if (s.assign[z] === seed) members.push(z);
  const closeness = new Float64Array(sites);
  for (const z of members) for (let i = 0; i < sites; i++) closeness[i] += cost[z * sites + i];
  const ranked = Array.from({ length: sites }, (_, i) => i).filter((i) => i !== seed);
  ranked.sort((a, b) => closeness[a] - closeness[b] || a - b);
  const chosen = [seed];
  const inRegion = new Uint8Array(sites);
  inRegion[seed] = 1;
  let zoneCount = members.length;
  const loadCount = new Int32Array(sites);
  for (let z = 0; z < zones; z++) if (s.assign[z] >= 0) loadCount[s.assign[z]]++;
  for (const i of ranked) {
    const more = s.open[i] ? loadCount[i] : 0;
    if ((chosen.length + 1) * (zoneCount + more) > maxPairs) {
      if (chosen.length >= 4) break;
      continue;
    }
    chosen.push(i);
    inRegion[i] = 1;
    zoneCount += more;
  }
  chosen.sort((a, b) => a - b);
  const regionZones: number[] = [];
  for (let z = 0; z < zones; z++) if (inRegion[s.assign[z]]) regionZones.push(z);
  return { sites: chosen, zones: regionZones };
}

/**
 * The region as an instance of its own, the rest of the network held fixed, and its current
 * solution; it may open at most `addRoom` more sites and close at most `dropRoom` (limits on
 * the number of open sites).
 */
function subproblem(inst: Instance, s: AssignmentState, region: Region, addRoom: number, dropRoom: number, tabu: number): { sub: Instance; incumbent: AssignmentState } {
  const siteCount = region.sites.length;
  const zoneCount = region.zones.length;
  const cost = new Float64Array(siteCount * zoneCount);
  const demand = new Float64Array(zoneCount);
  let totalDemand = 0;
  for (let k = 0; k < zoneCount; k++) {
    const z = region.zones[k];
    demand[k] = inst.demand[z];
    totalDemand += demand[k];
    for (let j = 0; j < siteCount; j++) cost[k * siteCount + j] = inst.cost[z * inst.sites + region.sites[j]];
  }
  let openInside = 0;
  for (const i of region.sites) if (s.open[i] && i !== tabu) openInside++;
  const sub: Instance = {
    kind: 'single-source',
    sites: siteCount,
    zones: zoneCount,
    demand,
    cost,
    fixed: Float64Array.from(region.sites, (i) => inst.fixed[i]),
    // a site kept closed gets no room: opening it could only cost
    capacity: Float64Array.from(region.sites, (i) => (i === tabu ? 0 : inst.capacity[i])),
    mustOpen: Uint8Array.from(region.sites, (i) => inst.mustOpen[i]),
    maxOpen: Math.min(siteCount, openInside + addRoom),
    minOpen: Math.max(0, openInside - dropRoom),
    totalDemand,
    integral: inst.integral,
  };
  const incumbent = emptyState(sub);
  const index = new Map(region.sites.map((i, j) => [i, j]));
  for (let j = 0; j < siteCount; j++) incumbent.open[j] = s.open[region.sites[j]];
  for (let k = 0; k < zoneCount; k++) incumbent.assign[k] = index.get(s.assign[region.zones[k]])!;
  recompute(sub, incumbent);
  return { sub, incumbent };
}

import type { Deadline } from '../control.js';
import type { Random } from '../../shared/random.js';
import { cloneState, emptyState, recompute, totalCost, type AssignmentState } from './assignment-state.js';
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
}

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
  const best = cloneState(start);
  let maxPairs = options.maxPairs ?? 1_500;
  const maxRegionPairs = 8 * maxPairs;
  const regionMs = options.regionMs ?? 300;
  const concurrency = Math.max(1, helpers.threads);
  let regions = 0;
  let improvements = 0;
  // regions whose current solution was proven optimal: solving them again would find nothing
  const settled = new Set<string>();
  // sites in a region being solved, which no other region may take
  const busy = new Uint8Array(inst.sites);
  const running = new Map<number, Promise<{ id: number; answer: RegionAnswer }>>();
  const flights = new Map<number, InFlight>();
  let nextId = 0;
  let reservedAdd = 0;
  let reservedDrop = 0;

  for (let sweep = 0; !deadline.expired(); sweep++) {
    const before = totalCost(best);
    const pending = new Set<number>();
    // seeds whose region overlaps one being solved, tried again once a region comes back
    const deferred: number[] = [];
    for (let i = 0; i < inst.sites; i++) if (best.open[i]) pending.add(i);
    while ((pending.size > 0 || running.size > 0) && !deadline.expired()) {
      while (running.size < concurrency && pending.size > 0) {
        const seed = emptiestSite(inst, best, pending);
        pending.delete(seed);
        if (!best.open[seed] || busy[seed]) {
          if (busy[seed]) deferred.push(seed);
          continue;
        }
        const region = regionAround(inst, best, seed, maxPairs);
        if (region.sites.length < 2) continue;
        if (region.sites.some((i) => busy[i])) {
          deferred.push(seed);
          continue;
        }
        const limitMs = Math.min(regionMs, deadline.remainingMs());
        if (limitMs < 20) break;
        // regions solved together share the room a limit on open sites leaves: each reserves
        // what it could use of what is left, first come first served, until it comes back
        let closedInside = 0;
        let closableInside = 0;
        for (const i of region.sites)
          if (!best.open[i]) closedInside++;
          else if (!inst.mustOpen[i]) closableInside++;
        const addRoom = Math.min(closedInside, Math.max(0, inst.maxOpen - best.openCount - reservedAdd));
        const dropRoom = Math.min(closableInside, Math.max(0, best.openCount - inst.minOpen - reservedDrop));
        // the room is part of the region: proven optimal with none, it may still improve with some
        const key = `${regionKey(best, region)}|${addRoom}|${dropRoom}`;
        if (settled.has(key)) continue;
        reservedAdd += addRoom;
        reservedDrop += dropRoom;
        const { sub, incumbent } = subproblem(inst, best, region, addRoom, dropRoom);
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
      if (applyAnswer(inst, best, flight, answer, settled)) {
        improvements++;
        for (const i of flight.region.sites) if (best.open[i] && i !== flight.seed) pending.add(i);
      }
    }
    // a full sweep at this size is done: larger regions see moves the small ones cannot, up to
    // the size whose regions the tree no longer closes in their time
    if (maxPairs >= maxRegionPairs && totalCost(best) >= before - 1e-9) break;
    maxPairs = Math.min(maxRegionPairs, maxPairs * 2);
  }
  // regions still being solved when the time ran out: their answers may still help
  for (const { id, answer } of await Promise.all(running.values())) {
    const flight = flights.get(id)!;
    if (applyAnswer(inst, best, flight, answer, settled)) improvements++;
  }
  return { best, regions, improvements };
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
function subproblem(inst: Instance, s: AssignmentState, region: Region, addRoom: number, dropRoom: number): { sub: Instance; incumbent: AssignmentState } {
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
  for (const i of region.sites) if (s.open[i]) openInside++;
  const sub: Instance = {
    kind: 'single-source',
    sites: siteCount,
    zones: zoneCount,
    demand,
    cost,
    fixed: Float64Array.from(region.sites, (i) => inst.fixed[i]),
    capacity: Float64Array.from(region.sites, (i) => inst.capacity[i]),
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

import type { Deadline } from '../control.js';
import type { Random } from '../../shared/random.js';
import { cloneState, emptyState, recompute, totalCost, type AssignmentState } from './assignment-state.js';
import type { Instance } from './instance.js';

/** Solves a region's subproblem from its current solution: a solution no worse (or null), and whether it is proven optimal. */
export type RegionSolver = (region: Instance, incumbent: AssignmentState, deadline: Deadline, limitMs: number) => Promise<{ best: AssignmentState | null; optimal: boolean }>;

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

/**
 * Decomposition for instances too large for the tree (POPMUSIC, Taillard & Voss): costs follow
 * geography, so a solution is improved region by region. A region is an open seed site, the sites
 * that serve the seed's zones most cheaply (open or closed) and every zone those sites serve now;
 * re-solving it exactly, with the rest of the network held fixed, can open, close and reassign
 * at once, which single site moves cannot. Seeds whose region brought nothing are retired; an
 * improvement puts its region's open sites back in play. When every seed is retired the regions
 * grow and the sweep starts over.
 */
export async function reoptimiseRegions(
  inst: Instance,
  start: AssignmentState,
  deadline: Deadline,
  random: Random,
  solveRegion: RegionSolver,
  options: RegionSearchOptions = {},
): Promise<RegionSearchResult> {
  const best = cloneState(start);
  let maxPairs = options.maxPairs ?? 1_500;
  const maxRegionPairs = 8 * maxPairs;
  const regionMs = options.regionMs ?? 300;
  let regions = 0;
  let improvements = 0;
  // regions whose current solution was proven optimal: solving them again would find nothing
  const settled = new Set<string>();
  for (let sweep = 0; !deadline.expired(); sweep++) {
    const before = totalCost(best);
    const pending = new Set<number>();
    for (let i = 0; i < inst.sites; i++) if (best.open[i]) pending.add(i);
    while (pending.size > 0 && !deadline.expired()) {
      const list = Array.from(pending).sort((a, b) => a - b);
      const seed = list[random.int(list.length)];
      pending.delete(seed);
      if (!best.open[seed]) continue;
      const region = regionAround(inst, best, seed, maxPairs);
      if (region.sites.length < 2) continue;
      const key = regionKey(best, region);
      if (settled.has(key)) continue;
      const { sub, incumbent } = subproblem(inst, best, region);
      const limitMs = Math.min(regionMs, deadline.remainingMs());
      if (limitMs < 20) break;
      const subDeadline = deadline.within(limitMs);
      regions++;
      const { best: solved, optimal } = await solveRegion(sub, incumbent, subDeadline, limitMs);
      if (!solved || totalCost(solved) >= totalCost(incumbent) - 1e-9) {
        if (optimal) settled.add(key);
        continue;
      }
      const trial = cloneState(best);
      for (let k = 0; k < region.sites.length; k++) trial.open[region.sites[k]] = solved.open[k];
      for (let k = 0; k < region.zones.length; k++) trial.assign[region.zones[k]] = region.sites[solved.assign[k]];
      if (!recompute(inst, trial) || totalCost(trial) >= totalCost(best) - 1e-9) continue;
      Object.assign(best, trial);
      improvements++;
      for (const i of region.sites) if (best.open[i] && i !== seed) pending.add(i);
    }
    // a full sweep at this size is done: larger regions see moves the small ones cannot, up to
    // the size whose regions the tree no longer closes in their time
    if (maxPairs >= maxRegionPairs && totalCost(best) >= before - 1e-9) break;
    maxPairs = Math.min(maxRegionPairs, maxPairs * 2);
  }
  return { best, regions, improvements };
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

/** The region as an instance of its own, the rest of the network held fixed, and its current solution. */
function subproblem(inst: Instance, s: AssignmentState, region: Region): { sub: Instance; incumbent: AssignmentState } {
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
  let openOutside = s.openCount;
  for (const i of region.sites) if (s.open[i]) openOutside--;
  const sub: Instance = {
    kind: 'single-source',
    sites: siteCount,
    zones: zoneCount,
    demand,
    cost,
    fixed: Float64Array.from(region.sites, (i) => inst.fixed[i]),
    capacity: Float64Array.from(region.sites, (i) => inst.capacity[i]),
    mustOpen: Uint8Array.from(region.sites, (i) => inst.mustOpen[i]),
    maxOpen: Math.min(siteCount, inst.maxOpen - openOutside),
    minOpen: Math.max(0, inst.minOpen - openOutside),
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

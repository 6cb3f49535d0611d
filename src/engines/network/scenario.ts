import { NetworkInputError } from './errors.js';
import { solveNetwork, type NetworkSolveControl } from './solve.js';
import type { NetworkSolution, NetworkSolveStatus } from './types.js';

/**
 * Scenario helper for the product: from demand zones and candidate sites on the map, solve the
 * single-source problem for k = 1..K warehouses and describe each network by cost and by how far
 * (and how many transit days) the demand sits from its warehouse.
 *
 * Distances are great-circle kilometres times `circuityFactor` (road distance is typically 1.2
 * to 1.4 times the straight line). Transit days are estimated from that distance with
 * `transitDaysForKm`. Costs are minor currency units; the transport cost of a zone is
 * demand units x km x `transportCostPerUnitKmMinor`.
 */
export interface DemandZone {
  id: string;
  lat: number;
  lng: number;
  demandUnits: number;
}

export interface CandidateSite {
  id: string;
  lat: number;
  lng: number;
  /** fixed cost of running the site over the study period, minor currency units */
  fixedCostMinor: number;
  /** demand units the site can serve; null or absent = unlimited */
  capacityUnits?: number | null;
  /** an existing warehouse that must stay open in every scenario */
  mustOpen?: boolean;
}

export interface NetworkScenarioInput {
  zones: DemandZone[];
  sites: CandidateSite[];
  transportCostPerUnitKmMinor: number;
  /** largest number of warehouses to study (scenarios k = 1..maxSites) */
  maxSites: number;
  /** multiplier from great-circle to road kilometres (default 1.2) */
  circuityFactor?: number;
  /** distance bands for the share-of-demand figures (default 300, 800, 1500 km) */
  distanceBandsKm?: number[];
  /** ids of today's warehouses: the current network is costed the same way for comparison */
  currentSiteIds?: string[];
  /**
   * Set to choose each scenario's sites for delivery speed instead of cost: the k sites that
   * reach the most demand within this many transit days (1 to 3), within their capacities. Zones
   * are then served as cheaply as those sites allow without losing reach, and the scenario is
   * costed like any other.
   */
  coverageWithinDays?: number;
}

/** What a scenario's sites were chosen for; `gap` and the bound refer to it. */
export type ScenarioObjective =
  | { kind: 'cost' }
  | {
      kind: 'coverage';
      withinDays: number;
      /** road km reachable in that many days (see `transitDaysForKm`) */
      radiusKm: number;
      /** share of demand (0..1) within reach of the chosen sites; null when the scenario is infeasible */
      coveredShare: number | null;
      /** proven upper bound on that share for this many sites; null when the scenario is infeasible */
      coveredShareBound: number | null;
    };

export interface ScenarioNetwork {
  siteCount: number;
  status: NetworkSolveStatus;
  infeasibleReason?: string;
  openSiteIds: string[];
  /** zone id -> serving site id */
  assignment: Record<string, string>;
  fixedCostMinor: number;
  transportCostMinor: number;
  totalCostMinor: number;
  /** proven lower bound on the total cost; null when the sites were chosen for coverage */
  lowerBoundMinor: number | null;
  /**
   * How far the objective may be from the best: for cost the relative gap to the lower bound, for
   * coverage the share of demand the bound allows beyond the share reached; 0 when proven optimal
   */
  gap: number;
  objective: ScenarioObjective;
  meanDistanceKm: number;
  p90DistanceKm: number;
  meanTransitDays: number;
  p90TransitDays: number;
  /** share of demand (0..1) within each distance band, keyed by the band's km */
  shareWithinKm: Record<string, number>;
  /** share of demand (0..1) reachable in 1, 2 and 3 days */
  shareWithinDays: { '1': number; '2': number; '3': number };
}

export interface NetworkScenarioResult {
  scenarios: ScenarioNetwork[];
  current?: ScenarioNetwork;
}

/**
 * Ground transit estimate: up to 300 km next day, 800 km two days, 1,500 km three days, then
 * one more day per further 700 km (a truck covers roughly 700 to 800 km a day).
 */
const DAY_LIMITS_KM = [300, 800, 1500] as const;
const KM_PER_EXTRA_DAY = 700;

export function transitDaysForKm(km: number): number {
  const day = DAY_LIMITS_KM.findIndex((limit) => km <= limit);
  if (day >= 0) return day + 1;
  return DAY_LIMITS_KM.length + Math.ceil((km - DAY_LIMITS_KM[DAY_LIMITS_KM.length - 1]) / KM_PER_EXTRA_DAY);
}

/** The farthest road distance `transitDaysForKm` counts as `days` days (1 to 3). */
export function kmWithinDays(days: number): number {
  return DAY_LIMITS_KM[days - 1];
}

export function greatCircleKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function checkNumber(field: string, value: unknown, min: number, max = Infinity): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new NetworkInputError(field, 'is missing or not a finite number');
  if (value < min || value > max) throw new NetworkInputError(field, max === Infinity ? `must be at least ${min}` : `must be between ${min} and ${max}`);
}

function validate(input: NetworkScenarioInput): void {
  if (!Array.isArray(input.zones) || input.zones.length === 0) throw new NetworkInputError('zones', 'must list at least one demand zone');
  if (!Array.isArray(input.sites) || input.sites.length === 0) throw new NetworkInputError('sites', 'must list at least one candidate site');
  input.zones.forEach((z, k) => {
    checkNumber(`zones[${k}].lat`, z.lat, -90, 90);
    checkNumber(`zones[${k}].lng`, z.lng, -180, 180);
    checkNumber(`zones[${k}].demandUnits`, z.demandUnits, 0);
  });
  const ids = new Set<string>();
  input.sites.forEach((s, k) => {
    if (typeof s.id !== 'string' || ids.has(s.id)) throw new NetworkInputError(`sites[${k}].id`, 'must be a unique string');
    ids.add(s.id);
    checkNumber(`sites[${k}].lat`, s.lat, -90, 90);
    checkNumber(`sites[${k}].lng`, s.lng, -180, 180);
    checkNumber(`sites[${k}].fixedCostMinor`, s.fixedCostMinor, 0);
    if (s.capacityUnits !== undefined && s.capacityUnits !== null) checkNumber(`sites[${k}].capacityUnits`, s.capacityUnits, 0);
  });
  checkNumber('transportCostPerUnitKmMinor', input.transportCostPerUnitKmMinor, 0);
  if (!Number.isInteger(input.maxSites) || input.maxSites < 1) throw new NetworkInputError('maxSites', 'must be a positive integer');
  if (input.circuityFactor !== undefined) checkNumber('circuityFactor', input.circuityFactor, 1);
  (input.distanceBandsKm ?? []).forEach((b, k) => checkNumber(`distanceBandsKm[${k}]`, b, 0));
  if (input.coverageWithinDays !== undefined && ![1, 2, 3].includes(input.coverageWithinDays))
    throw new NetworkInputError('coverageWithinDays', 'must be 1, 2 or 3');
  (input.currentSiteIds ?? []).forEach((id, k) => {
    if (!ids.has(id)) throw new NetworkInputError(`currentSiteIds[${k}]`, `names no candidate site (${id})`);
  });
  const totalDemand = input.zones.reduce((a, z) => a + z.demandUnits, 0);
  const totalCapacity = input.sites.reduce((a, s) => a + (s.capacityUnits ?? Infinity), 0);
  if (totalCapacity < totalDemand) throw new NetworkInputError('sites[].capacityUnits', `total capacity ${totalCapacity} is below total demand ${totalDemand}`);
}

function weightedQuantile(values: number[], weights: number[], q: number): number {
  const order = values.map((_, k) => k).sort((a, b) => values[a] - values[b]);
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) return 0;
  let acc = 0;
  for (const k of order) {
    acc += weights[k];
    if (acc >= q * total - 1e-9) return values[k];
  }
  return values[order[order.length - 1]];
}

export async function solveNetworkScenarios(input: NetworkScenarioInput, control: NetworkSolveControl = {}): Promise<NetworkScenarioResult> {
  validate(input);
  const { zones, sites } = input;
  const circuity = input.circuityFactor ?? 1.2;
  const bands = input.distanceBandsKm ?? [300, 800, 1500];
  const km = new Float64Array(zones.length * sites.length);
  const serviceCost: number[] = new Array(km.length);
  zones.forEach((z, j) =>
    sites.forEach((s, i) => {
      const d = circuity * greatCircleKm(z.lat, z.lng, s.lat, s.lng);
      km[j * sites.length + i] = d;
      serviceCost[j * sites.length + i] = z.demandUnits * d * input.transportCostPerUnitKmMinor;
    }),
  );
  const mustOpen = sites.flatMap((s, i) => (s.mustOpen ? [i] : []));
  const maxK = Math.min(input.maxSites, sites.length);
  const runs = maxK + (input.currentSiteIds?.length ? 1 : 0);
  const perRunMs = (control.timeLimitMs ?? 10_000 * runs) / runs;
  const totalDemand = zones.reduce((a, z) => a + z.demandUnits, 0);
  const demand = zones.map((z) => z.demandUnits);
  const fixedCost = sites.map((s) => s.fixedCostMinor);
  const capacity = sites.map((s) => s.capacityUnits ?? null);
  const capacitated = capacity.some((c) => c !== null);
  const cheapest = (must: number[], k: number, timeLimitMs: number, solveControl: NetworkSolveControl = control) =>
    solveNetwork(
      {
        kind: 'single-source',
        siteCount: sites.length,
        zoneCount: zones.length,
        demand,
        serviceCost,
        fixedCost,
        capacity,
        mustOpen: must,
        openCount: k,
      },
      { ...solveControl, timeLimitMs },
    );

  /**
   * The k sites that reach the most demand within the days asked for, then the cheapest way to
   * serve every zone from them that keeps that reach. Without capacities this is the coverage
   * model, and the nearest open site is both in reach when any is and cheapest (transport grows
   * with distance). With capacities it is the single-source model with a zone's demand as its
   * cost from a site out of reach, so the chosen sites can hold the demand; the cheapest
   * assignment to them is then kept when it reaches as much, else the one that reached most.
   */
  const fastest = async (must: number[], k: number, withinDays: number): Promise<{ solution: NetworkSolution; objective: ScenarioObjective }> => {
    const radiusKm = kmWithinDays(withinDays);
    const n = sites.length;
    const inReach = (j: number, i: number) => km[j * n + i] <= radiusKm;
    const outOfReach = (assignment: readonly number[]) => zones.reduce((a, z, j) => a + (inReach(j, assignment[j]) ? 0 : z.demandUnits), 0);
    const share = (uncovered: number) => (totalDemand > 0 ? Math.min(1, Math.max(0, (totalDemand - uncovered) / totalDemand)) : 1);
    const reach = capacitated
      ? await solveNetwork(
          {
            kind: 'single-source', siteCount: n, zoneCount: zones.length, demand,
            serviceCost: Array.from(km, (d, idx) => (d <= radiusKm ? 0 : demand[Math.floor(idx / n)])),
            capacity, mustOpen: must, openCount: k,
          },
          { ...control, timeLimitMs: perRunMs / 2 },
        )
      : await solveNetwork(
          { kind: 'coverage', siteCount: n, zoneCount: zones.length, demand, serviceCost, distance: Array.from(km), coverageRadius: radiusKm, mustOpen: must, maxOpen: k },
          { ...control, timeLimitMs: perRunMs },
        );
    if (reach.status === 'infeasible') return { solution: reach, objective: { kind: 'coverage', withinDays, radiusKm, coveredShare: null, coveredShareBound: null } };
    let keep = reach.assignment;
    if (capacitated) {
      // the second solve of the scenario: its progress would read as the next scenario's
      const served = await cheapest(reach.open, reach.open.length, perRunMs / 2, { ...control, onProgress: undefined });
      keep = served.status !== 'infeasible' && outOfReach(served.assignment) <= outOfReach(reach.assignment) + 1e-9 ? served.assignment : cheapenKeepingReach(reach);
    }
    const uncovered = outOfReach(keep);
    const bound = Math.min(uncovered, reach.lowerBound);
    const objective: ScenarioObjective = { kind: 'coverage', withinDays, radiusKm, coveredShare: share(uncovered), coveredShareBound: share(bound) };
    const fixed = reach.open.reduce((a, i) => a + fixedCost[i], 0);
    const transport = keep.reduce((a, i, j) => a + serviceCost[j * n + i], 0);
    const proven = reach.status === 'optimal' && uncovered <= reach.cost + 1e-9;
    return {
      solution: { ...reach, assignment: [...keep], fixedCost: fixed, serviceCost: transport, cost: fixed + transport, status: proven ? 'optimal' : 'feasible', gap: proven ? 0 : share(bound) - share(uncovered) },
      objective,
    };

    /**
     * The reach model's assignment costs every site out of a zone's reach the same, so its zones
     * may sit far from where they could: move each to the cheapest open site with room that keeps
     * it in reach (or puts it there), until no move saves.
     */
    function cheapenKeepingReach(from: NetworkSolution): number[] {
      const assignment = [...from.assignment];
      const load = new Float64Array(n);
      assignment.forEach((i, j) => (load[i] += demand[j]));
      for (let pass = 0, moved = true; moved && pass < 50; pass++) {
        moved = false;
        for (let j = 0; j < zones.length; j++) {
          const at = assignment[j];
          let to = at;
          for (const i of from.open)
            if (load[i] + demand[j] <= (capacity[i] ?? Infinity) + 1e-9 && (inReach(j, i) || !inReach(j, at)) && serviceCost[j * n + i] < serviceCost[j * n + to]) to = i;
          if (to === at) continue;
          load[at] -= demand[j];
          load[to] += demand[j];
          assignment[j] = to;
          moved = true;
        }
      }
      return assignment;
    }
  };

  const describe = async (k: number, must: number[], withinDays?: number): Promise<ScenarioNetwork> => {
    let objective: ScenarioObjective = withinDays === undefined ? { kind: 'cost' } : { kind: 'coverage', withinDays, radiusKm: kmWithinDays(withinDays), coveredShare: null, coveredShareBound: null };
    const base = { siteCount: k, openSiteIds: [], assignment: {}, fixedCostMinor: 0, transportCostMinor: 0, totalCostMinor: 0, lowerBoundMinor: null, gap: Infinity, objective, meanDistanceKm: 0, p90DistanceKm: 0, meanTransitDays: 0, p90TransitDays: 0, shareWithinKm: {}, shareWithinDays: { '1': 0, '2': 0, '3': 0 } };
    if (must.length > k) return { ...base, status: 'infeasible', infeasibleReason: `mustOpen: ${must.length} sites must stay open, more than ${k}` };
    let solution: NetworkSolution;
    try {
      if (withinDays === undefined) solution = await cheapest(must, k, perRunMs);
      else ({ solution, objective } = await fastest(must, k, withinDays));
    } catch (error) {
      if (error instanceof NetworkInputError) return { ...base, status: 'infeasible', infeasibleReason: error.message };
      throw error;
    }
    if (solution.status === 'infeasible')
      return { ...base, objective, status: 'infeasible', infeasibleReason: solution.infeasibleReason };
    const distances = solution.assignment.map((i, j) => km[j * sites.length + i]);
    const weights = zones.map((z) => z.demandUnits);
    const days = distances.map(transitDaysForKm);
    const share = (predicate: (j: number) => boolean) => (totalDemand > 0 ? zones.reduce((a, z, j) => a + (predicate(j) ? z.demandUnits : 0), 0) / totalDemand : 1);
    const mean = (values: number[]) => (totalDemand > 0 ? values.reduce((a, v, j) => a + v * weights[j], 0) / totalDemand : 0);
    return {
      siteCount: k,
      status: solution.status,
      openSiteIds: solution.open.map((i) => sites[i].id),
      assignment: Object.fromEntries(zones.map((z, j) => [z.id, sites[solution.assignment[j]].id])),
      fixedCostMinor: Math.round(solution.fixedCost),
      transportCostMinor: Math.round(solution.serviceCost),
      totalCostMinor: Math.round(solution.fixedCost) + Math.round(solution.serviceCost),
      lowerBoundMinor: objective.kind === 'cost' ? Math.floor(solution.lowerBound) : null,
      gap: solution.gap,
      objective,
      meanDistanceKm: mean(distances),
      p90DistanceKm: weightedQuantile(distances, weights, 0.9),
      meanTransitDays: mean(days),
      p90TransitDays: weightedQuantile(days, weights, 0.9),
      shareWithinKm: Object.fromEntries(bands.map((b) => [String(b), share((j) => distances[j] <= b)])),
      shareWithinDays: { '1': share((j) => days[j] <= 1), '2': share((j) => days[j] <= 2), '3': share((j) => days[j] <= 3) },
    };
  };

  const scenarios: ScenarioNetwork[] = [];
  for (let k = 1; k <= maxK; k++) {
    control.onProgress?.((k - 1) / runs, `scenario with ${k} site(s)`);
    scenarios.push(await describe(k, mustOpen, input.coverageWithinDays));
  }
  const result: NetworkScenarioResult = { scenarios };
  if (input.currentSiteIds?.length) {
    const current = input.currentSiteIds.map((id) => sites.findIndex((s) => s.id === id));
    result.current = await describe(current.length, current);
  }
  return result;
}

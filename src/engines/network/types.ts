/**
 * Plain-data shapes of the network design engine. Everything here is structured-cloneable so that
 * a job can post it to and from a worker thread.
 *
 * Costs are abstract cost units chosen by the caller (the scenario helper uses minor currency
 * units). Matrices are flattened zone-major: `serviceCost[zone * siteCount + site]`.
 */

/**
 * - `single-source`: capacitated facility location, each zone served by exactly one site.
 * - `multi-source`: capacitated facility location, a zone's demand may be split across sites.
 * - `p-median`: exactly `openCount` sites, no fixed costs or capacities, minimise service cost.
 * - `coverage`: at most `maxOpen` sites, minimise the demand farther than `coverageRadius`.
 */
export type NetworkProblemKind = 'single-source' | 'multi-source' | 'p-median' | 'coverage';

export interface NetworkProblem {
  kind: NetworkProblemKind;
  siteCount: number;
  zoneCount: number;
  /** Demand units per zone. */
  demand: number[];
  /** Cost of serving the whole demand of a zone from a site, zone-major. */
  serviceCost: number[];
  /** Fixed cost of opening each site; omitted means 0 everywhere. */
  fixedCost?: number[];
  /** Capacity in demand units per site; omitted or null means uncapacitated. */
  capacity?: (number | null)[];
  /** Sites that must stay open (e.g. existing warehouses). */
  mustOpen?: number[];
  /** Optional cap on the number of open sites. */
  maxOpen?: number;
  /** Exact number of sites to open: required for `p-median` (p), optional for the others. */
  openCount?: number;
  /** For `coverage`: distance zone→site, zone-major, same unit as `coverageRadius`. */
  distance?: number[];
  /** For `coverage`: a zone is covered when its nearest open site is within this distance. */
  coverageRadius?: number;
}

export interface NetworkFlow {
  zone: number;
  site: number;
  /** Share of the zone's demand served by this site, in (0, 1]. */
  share: number;
}

export type NetworkSolveStatus = 'optimal' | 'feasible' | 'infeasible';

export interface NetworkSolution {
  status: NetworkSolveStatus;
  /** Why the problem is infeasible (names the field or constraint), when it is. */
  infeasibleReason?: string;
  /** Open site indices, ascending. */
  open: number[];
  /**
   * Site serving each zone (single-source, p-median, coverage). For multi-source: the site
   * serving the largest share of the zone.
   */
  assignment: number[];
  /** Split flows for multi-source problems; absent otherwise. */
  flows?: NetworkFlow[];
  /**
   * Objective value. For coverage it is the uncovered demand (minimised) so that the bound and
   * gap read the same way for every kind.
   */
  cost: number;
  fixedCost: number;
  serviceCost: number;
  /** Proven lower bound on the objective. */
  lowerBound: number;
  /** (cost - lowerBound) / max(|cost|, 1e-9); 0 when proven optimal. */
  gap: number;
  /** Covered demand share in [0, 1], coverage problems only. */
  coveredShare?: number;
  /** Which components ran, e.g. ['lagrangian', 'local-search', 'mip']. */
  methods: string[];
  elapsedMs: number;
}

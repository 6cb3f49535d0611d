import { NetworkInputError } from './errors.js';
import type { NetworkProblem } from './types.js';

/** Validated problem in typed arrays, the form every solver component works on. */
export interface Instance {
  kind: NetworkProblem['kind'];
  sites: number;
  zones: number;
  demand: Float64Array;
  /** zone-major, cost of serving the whole zone from the site */
  cost: Float64Array;
  fixed: Float64Array;
  /** Infinity when uncapacitated */
  capacity: Float64Array;
  mustOpen: Uint8Array;
  /** upper limit on open sites (sites when unlimited) */
  maxOpen: number;
  /** lower limit on open sites (p for p-median) */
  minOpen: number;
  totalDemand: number;
  /** True when every cost and demand is integral, so a gap below 1 proves optimality. */
  integral: boolean;
}

function checkVector(field: string, values: unknown, length: number, allowNull = false): void {
  if (!Array.isArray(values) && !ArrayBuffer.isView(values)) throw new NetworkInputError(field, 'must be an array');
  const list = values as ArrayLike<unknown>;
  if (list.length !== length) throw new NetworkInputError(field, `must have ${length} entries, got ${list.length}`);
  for (let k = 0; k < length; k++) {
    const v = list[k];
    if (v === null && allowNull) continue;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new NetworkInputError(`${field}[${k}]`, 'must be a finite number');
    if (v < 0) throw new NetworkInputError(`${field}[${k}]`, 'must not be negative');
  }
}

/** Checks shapes, signs and the obvious infeasibilities, and builds the typed-array form. */
export function buildInstance(problem: NetworkProblem): Instance {
  const kinds = ['single-source', 'multi-source', 'p-median', 'coverage'];
  if (!kinds.includes(problem.kind)) throw new NetworkInputError('kind', `must be one of ${kinds.join(', ')}`);
  const { siteCount: sites, zoneCount: zones } = problem;
  if (!Number.isInteger(sites) || sites < 1) throw new NetworkInputError('siteCount', 'must be a positive integer');
  if (!Number.isInteger(zones) || zones < 1) throw new NetworkInputError('zoneCount', 'must be a positive integer');
  checkVector('demand', problem.demand, zones);
  checkVector('serviceCost', problem.serviceCost, zones * sites);
  if (problem.fixedCost !== undefined) checkVector('fixedCost', problem.fixedCost, sites);
  if (problem.capacity !== undefined) checkVector('capacity', problem.capacity, sites, true);

  const demand = Float64Array.from(problem.demand);
  const cost = Float64Array.from(problem.serviceCost);
  const capacity = new Float64Array(sites).fill(Infinity);
  const fixed = new Float64Array(sites);
  const capacitated = problem.kind === 'single-source' || problem.kind === 'multi-source';
  if (capacitated && problem.capacity) problem.capacity.forEach((c, s) => (capacity[s] = c ?? Infinity));
  if (problem.kind !== 'p-median' && problem.kind !== 'coverage' && problem.fixedCost) fixed.set(problem.fixedCost);

  const mustOpen = new Uint8Array(sites);
  for (const [k, s] of (problem.mustOpen ?? []).entries()) {
    if (!Number.isInteger(s) || s < 0 || s >= sites) throw new NetworkInputError(`mustOpen[${k}]`, `must be a site index in 0..${sites - 1}`);
    mustOpen[s] = 1;
  }
  const mustCount = mustOpen.reduce((a, b) => a + b, 0);

  let maxOpen = sites;
  let minOpen = 0;
  if (problem.maxOpen !== undefined) {
    if (!Number.isInteger(problem.maxOpen) || problem.maxOpen < 1) throw new NetworkInputError('maxOpen', 'must be a positive integer');
    maxOpen = Math.min(sites, problem.maxOpen);
  }
  if (problem.kind === 'p-median' && problem.openCount === undefined) throw new NetworkInputError('openCount', 'is required for p-median');
  if (problem.openCount !== undefined) {
    const p = problem.openCount;
    if (!Number.isInteger(p) || p < 1 || p > sites) throw new NetworkInputError('openCount', `must be an integer in 1..${sites}`);
    maxOpen = Math.min(maxOpen, p);
    minOpen = p;
    if (maxOpen < p) throw new NetworkInputError('maxOpen', `is below openCount ${p}`);
  }
  if (problem.kind === 'coverage') {
    if (problem.maxOpen === undefined) throw new NetworkInputError('maxOpen', 'is required for coverage');
    checkVector('distance', problem.distance, zones * sites);
    const r = problem.coverageRadius;
    if (typeof r !== 'number' || !Number.isFinite(r) || r < 0) throw new NetworkInputError('coverageRadius', 'must be a non-negative number');
  }
  if (mustCount > maxOpen) throw new NetworkInputError('mustOpen', `${mustCount} sites must stay open but at most ${maxOpen} may open`);

  let totalDemand = 0;
  for (let z = 0; z < zones; z++) totalDemand += demand[z];
  if (capacitated) {
    const sorted = Array.from(capacity).sort((a, b) => b - a);
    let best = 0;
    for (let k = 0; k < maxOpen; k++) best += sorted[k];
    if (best < totalDemand * (1 - 1e-12)) {
      const limit = maxOpen < sites ? ` of the ${maxOpen} largest sites allowed by maxOpen` : '';
      throw new NetworkInputError('capacity', `total capacity${limit} (${best}) is below total demand (${totalDemand})`);
    }
    if (problem.kind === 'single-source') {
      const largest = sorted[0];
      for (let z = 0; z < zones; z++)
        if (demand[z] > largest) throw new NetworkInputError(`demand[${z}]`, `exceeds the largest site capacity (${largest}); single-source needs one site to serve it`);
    }
  }

  let integral = true;
  for (let k = 0; k < cost.length && integral; k++) if (!Number.isInteger(cost[k])) integral = false;
  for (let s = 0; s < sites && integral; s++) if (!Number.isInteger(fixed[s])) integral = false;
  if (problem.kind === 'coverage') for (let z = 0; z < zones && integral; z++) if (!Number.isInteger(demand[z])) integral = false;

  return { kind: problem.kind, sites, zones, demand, cost, fixed, capacity, mustOpen, maxOpen, minOpen, totalDemand, integral };
}

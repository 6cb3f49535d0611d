import type { Deadline } from '../control.js';
import type { Instance } from './instance.js';
import { knapsackScratch, solveKnapsack } from './knapsack.js';
import { serialSiteKnapsacks, type SiteKnapsacks } from './site-knapsacks.js';
import { chooseOpenSites, siteChoiceScratch, SITE_FREE, SITE_OPEN, type SiteChoiceScratch } from './site-choice.js';

/**
 * Lagrangian relaxation of the "every zone is served once" constraints. For multipliers u the
 * problem splits into one knapsack per site (zones worth u_z - cost > 0, room = capacity), plus a
 * choice of which sites to open: cardinality limits, must-open sites and, when no cardinality
 * limit applies, the aggregate "open capacity covers total demand" constraint (another knapsack).
 * Subgradient optimisation (Held–Karp step, Polyak target = best upper bound) improves u.
 */
export interface RelaxedSolution {
  /** 1 when the relaxation opens the site (rounded up when fractional) */
  open: Uint8Array;
  /** per site, zones its knapsack took (valid until the next step: copy to keep) */
  served: Int32Array[];
  /** per site value f_i - knapsack profit */
  siteValue: Float64Array;
  bound: number;
}

export interface LagrangianOptions {
  deadline: Deadline;
  /** current best feasible objective, Infinity when none */
  upperBound: () => number;
  /** called with each relaxed solution so a heuristic can turn it into a feasible one */
  onRelaxed?: (relaxed: RelaxedSolution, iteration: number) => void;
  /** continuous assignment (multi-source) makes each site subproblem a fractional knapsack */
  fractional?: boolean;
  maxIterations?: number;
  /** stop when upper bound minus bound falls below this */
  closeEnough: (bound: number) => boolean;
  initial?: Float64Array;
  /** starting step scale (default 2; lower when warm-started) */
  initialLambda?: number;
  /** who solves the site knapsacks (default: this thread, one after another) */
  knapsacks?: SiteKnapsacks;
}

export interface LagrangianResult {
  bound: number;
  multipliers: Float64Array;
  /** site values f_i - knapsack profit at the best multipliers (for fixing sites) */
  siteValue: Float64Array;
  iterations: number;
  /** the step scale when it stopped, to resume from */
  lambda: number;
  /** the steps had shrunk to nothing or the subgradient vanished: more iterations would not help */
  converged: boolean;
}

export function runLagrangian(inst: Instance, options: LagrangianOptions): LagrangianResult {
  const { sites, zones, cost, mustOpen } = inst;
  const u = options.initial ? options.initial.slice() : new Float64Array(zones);
  if (!options.initial)
    for (let z = 0; z < zones; z++) {
      let best = Infinity;
      for (let i = 0; i < sites; i++) best = Math.min(best, cost[z * sites + i]);
      u[z] = best;
    }
  const knapsacks = options.knapsacks ?? serialSiteKnapsacks(inst, options.fractional ?? false);
  const siteValue = new Float64Array(sites);
  const served: Int32Array[] = new Array(sites);
  const open = new Uint8Array(sites);
  const openShare = new Float64Array(sites);
  const coverage = new Float64Array(zones);
  const siteChoice = siteChoiceScratch(inst);
  const status = Int8Array.from(mustOpen, (must) => (must ? SITE_OPEN : SITE_FREE));

  let bestBound = -Infinity;
  let bestU = u.slice();
  let bestSiteValue = new Float64Array(sites);
  let lambda = options.initialLambda ?? 2;
  let sinceImprovement = 0;
  const patience = Math.max(10, Math.min(40, Math.round(sites / 2)));
  const maxIterations = options.maxIterations ?? 5000;
  let iteration = 0;
  let converged = false;
  for (; iteration < maxIterations && !options.deadline.expired(); iteration++) {
    knapsacks.solve(u, siteValue, served);
    const bound = lagrangianBound(inst, u, siteValue, status, openShare, siteChoice);
    for (let i = 0; i < sites; i++) open[i] = openShare[i] > 1e-9 ? 1 : 0;
    if (bound > bestBound + 1e-9) {
      if (bound > bestBound + 1e-6 * Math.max(1, Math.abs(bound))) sinceImprovement = 0;
      else sinceImprovement++;
      bestBound = bound;
      bestU = u.slice();
      bestSiteValue = siteValue.slice();
    } else if (++sinceImprovement >= patience) {
      lambda /= 2;
      sinceImprovement = 0;
    }
    options.onRelaxed?.({ open, served, siteValue, bound }, iteration);
    if (options.closeEnough(bestBound) || lambda < 1e-5) {
      converged = lambda < 1e-5;
      iteration++;
      break;
    }
    // subgradient
    coverage.fill(0);
    for (let i = 0; i < sites; i++) if (openShare[i] > 0) for (const z of served[i]) coverage[z] += openShare[i];
    let norm = 0;
    for (let z = 0; z < zones; z++) {
      const g = 1 - coverage[z];
      norm += g * g;
    }
    if (norm < 1e-12) {
      converged = true;
      iteration++;
      break;
    }
    let target = options.upperBound();
    if (!Number.isFinite(target)) target = bound + 0.1 * Math.abs(bound) + 1;
    const step = (lambda * Math.max(target - bound, 1e-6 * Math.max(1, Math.abs(bound)))) / norm;
    for (let z = 0; z < zones; z++) u[z] += step * (1 - coverage[z]);
  }
  return { bound: bestBound, multipliers: bestU, siteValue: bestSiteValue, iterations: iteration, lambda, converged };
}

/**
 * The Lagrangian value for multipliers u once the site knapsacks are solved: the multipliers plus
 * the site values of the sites chosen to open (within the site-status limits; `openShare` receives
 * the choice, fractional for a site the capacity knapsack splits).
 */
export function lagrangianBound(
  inst: Instance,
  u: Float64Array,
  siteValue: Float64Array,
  status: Int8Array,
  openShare: Float64Array,
  scratch: SiteChoiceScratch,
): number {
  let bound = 0;
  for (let z = 0; z < inst.zones; z++) bound += u[z];
  chooseOpenSites(inst, siteValue, status, openShare, scratch);
  for (let i = 0; i < inst.sites; i++) bound += openShare[i] * siteValue[i];
  return bound;
}

/**
 * For multipliers u, a lower bound on how much the Lagrangian bound rises if zone z is forced
 * onto site i, for every pair (zone-major). Measured against `base`, the bound without
 * cardinality or aggregate-capacity constraints, so `base + penalty > incumbent` proves that no
 * better solution serves z from i. Infinity when z alone does not fit in i.
 */
export function assignmentPenalties(inst: Instance, u: Float64Array): { base: number; penalty: Float64Array } {
  const { sites, zones, cost, demand, capacity, fixed, mustOpen } = inst;
  const penalty = new Float64Array(sites * zones);
  const profit = new Float64Array(zones);
  const chosen = new Float64Array(zones);
  const items = new Int32Array(zones);
  const scratch = knapsackScratch(zones);
  let base = 0;
  for (let z = 0; z < zones; z++) base += u[z];
  for (let i = 0; i < sites; i++) {
    let count = 0;
    for (let z = 0; z < zones; z++) {
      const p = u[z] - cost[z * sites + i];
      profit[z] = p;
      if (p > 1e-12) items[count++] = z;
    }
    const result = count > 0 ? solveKnapsack(items, count, profit, demand, capacity[i], chosen, scratch, false, true) : { value: 0, exact: true };
    const siteValue = fixed[i] - result.value;
    const openCost = mustOpen[i] || siteValue < 0 ? 0 : siteValue;
    base += mustOpen[i] ? siteValue : Math.min(0, siteValue);
    const divisor = 'divisor' in result ? result.divisor : undefined;
    for (let z = 0; z < zones; z++) {
      const room = capacity[i] - demand[z];
      let forced = Math.max(0, -profit[z]);
      if (room < -1e-9) forced = Infinity;
      else if (divisor !== undefined) forced = Math.max(0, result.value - profit[z] - scratch.table[Math.floor((room + 1e-9) / divisor)]);
      penalty[z * sites + i] = openCost + forced;
    }
  }
  return { base, penalty };
}

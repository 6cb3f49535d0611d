import type { Deadline } from '../control.js';
import { assignByRegret, cloneState, emptyState, recompute, totalCost, type AssignmentState } from './assignment-state.js';
import type { Instance } from './instance.js';
import { branchAndBound } from './branch-and-bound.js';
import { columnBoundApplies, columnGenerationBound } from './column-bound.js';
import { serialSiteKnapsacks } from './site-knapsacks.js';
import { assignmentPenalties, runLagrangian, type RelaxedSolution } from './lagrangian.js';
import { improveAssignment, improveAssignmentDeep, improveSites } from './local-search.js';
import { solveLocationMip } from './mip.js';
import { perturbSites } from './site-perturbation.js';
import { reoptimiseRegions } from './region-search.js';
import { solveRegionTask, type RegionHelpers } from './region-task.js';
import type { Random } from '../../shared/random.js';

/** Largest MIP (columns) we hand to HiGHS; beyond it the WASM build rarely finishes in time. */
const MIP_MAX_COLUMNS = 60_000;
/** Largest single-source model (zone-site pairs) for the branch-and-bound: each open node holds a pair mask. */
const TREE_MAX_PAIRS = 60_000;
/** Share of the time limit kept for resuming the subgradient after the region search. */
const POLISH_SHARE = 0.1;
/** Most of the time limit column generation may take to raise the bound, where it applies (it stops once the master is optimal). */
const COLUMN_BOUND_SHARE = 0.2;
/** Longest single local-search descent, as a share of the time limit. */
const DESCENT_SHARE = 0.05;
/**
 * Most of the subgradient's time that repairs of its relaxed solutions may take. Large models
 * keep it small: there the region search finds the incumbents, repairs of early relaxations land
 * 3-25 % above it, and the iterations they would take make the best relaxation a better start.
 */
const REPAIR_SHARE = 0.4;
const REPAIR_SHARE_LARGE = 0.1;
/** Time for repairing the best relaxation of a large instance, all three margins together. */
const FINAL_REPAIR_SHARE = 0.1;
/** Time for one pass of site moves over a large instance before its region search. */
const SITE_PASS_SHARE = 0.1;

export interface CapacitatedOutcome {
  best: AssignmentState | null;
  /** multi-source split, zone-major shares, when the MIP found a split solution better than `best` */
  share?: Float64Array;
  open?: Uint8Array;
  cost: number;
  lowerBound: number;
  optimal: boolean;
  methods: string[];
}

export function provenOptimal(inst: Instance, cost: number, bound: number): boolean {
  if (!Number.isFinite(cost)) return false;
  return inst.integral ? Math.ceil(bound - 1e-6) >= cost - 1e-6 : bound >= cost - 1e-6 * Math.max(1, Math.abs(cost));
}

/**
 * Opens the sites that look cheapest per unit of capacity (fixed cost per unit plus mean service
 * cost per demand unit) until they hold 1.3 times the demand, assigns by regret and improves the
 * assignment. Opening everything and closing sites one by one is far too slow on large instances.
 */
function construct(inst: Instance, deadline: Deadline): AssignmentState | null {
  const { sites, zones, cost, demand, capacity, fixed } = inst;
  const score = new Float64Array(sites);
  for (let i = 0; i < sites; i++) {
    let perUnit = 0;
    for (let z = 0; z < zones; z++) perUnit += cost[z * sites + i] / Math.max(demand[z], 1e-9);
    score[i] = (Number.isFinite(capacity[i]) ? fixed[i] / Math.max(capacity[i], 1e-9) : 0) + perUnit / zones;
  }
  const order = Array.from({ length: sites }, (_, i) => i).sort((a, b) => score[a] - score[b] || a - b);
  for (const target of [1.3, 2, Infinity]) {
    const s = emptyState(inst);
    let count = 0;
    let room = 0;
    for (let i = 0; i < sites; i++)
      if (inst.mustOpen[i]) {
        s.open[i] = 1;
        count++;
        room += capacity[i];
      }
    for (const i of order) {
      if (count >= inst.maxOpen || (room >= target * inst.totalDemand && count >= Math.max(1, inst.minOpen))) break;
      if (s.open[i]) continue;
      s.open[i] = 1;
      count++;
      room += capacity[i];
    }
    recompute(inst, s);
    if (!assignByRegret(inst, s)) continue;
    recompute(inst, s);
    improveAssignment(inst, s, deadline);
    return s;
  }
  return null;
}

/**
 * Turns a relaxed solution into a feasible one: keep the sites it opens (adding the most
 * attractive others until capacity covers demand with `margin` to spare), keep zones where a
 * knapsack put them when it fits, place the rest by regret.
 */
function repairRelaxed(inst: Instance, relaxed: RelaxedSolution, margin = 1.02): AssignmentState | null {
  // on tight models the best sites leave less than the margin spare: try them as they are too.
  // Not on models too large for the tree: their region search opens and closes sites itself, and
  // packing thousands of zones tightly cost more than it brought (g500x2000, four runs each:
  // 1.00–1.16 % from the bound with it, 0.92–1.02 % without)
  const loose = repairAtMargin(inst, relaxed, margin);
  let capacity = 0;
  for (let i = 0; i < inst.sites; i++) if (relaxed.open[i] || inst.mustOpen[i]) capacity += inst.capacity[i];
  if (capacity >= inst.totalDemand * margin || inst.sites * inst.zones > TREE_MAX_PAIRS) return loose;
  const tight = repairAtMargin(inst, relaxed, 1);
  if (!tight || (loose && totalCost(loose) <= totalCost(tight))) return loose;
  return tight;
}

function repairAtMargin(inst: Instance, relaxed: RelaxedSolution, margin: number): AssignmentState | null {
  const s = emptyState(inst);
  let capacity = 0;
  let count = 0;
  for (let i = 0; i < inst.sites; i++)
    if (relaxed.open[i] || inst.mustOpen[i]) {
      s.open[i] = 1;
      capacity += inst.capacity[i];
      count++;
    }
  if (capacity < inst.totalDemand * margin || count < inst.minOpen) {
    const rest = Array.from({ length: inst.sites }, (_, i) => i)
      .filter((i) => !s.open[i])
      .sort((a, b) => relaxed.siteValue[a] / Math.max(1, inst.capacity[a]) - relaxed.siteValue[b] / Math.max(1, inst.capacity[b]));
    for (const i of rest) {
      if (count >= inst.maxOpen || (capacity >= inst.totalDemand * margin && count >= inst.minOpen)) break;
      s.open[i] = 1;
      capacity += inst.capacity[i];
      count++;
    }
  }
  if (count > inst.maxOpen) return null;
  recompute(inst, s);
  const { sites, cost, demand } = inst;
  const best = new Int32Array(inst.zones).fill(-1);
  for (let i = 0; i < sites; i++) {
    if (!s.open[i]) continue;
    for (const z of relaxed.served[i]) if (best[z] < 0 || cost[z * sites + i] < cost[z * sites + best[z]]) best[z] = i;
  }
  for (let z = 0; z < inst.zones; z++) {
    const i = best[z];
    if (i >= 0 && s.load[i] + demand[z] <= inst.capacity[i] + 1e-9) {
      s.assign[z] = i;
      s.load[i] += demand[z];
      s.serviceCost += cost[z * sites + i];
    }
  }
  if (!assignByRegret(inst, s)) return null;
  return s;
}

export interface CapacitatedOptions {
  /** a solution to start from (a region's current one, when solving regions of a larger instance) */
  initial?: AssignmentState;
  /** threads that solve regions of a model too large for the tree; without them, this thread does */
  helpers?: RegionHelpers;
  /**
   * When the bound after the subgradient is within `gapShare` of the incumbent, the tree gets only
   * `treeMs` and nothing runs after it. For regions of a larger model: there such a tree mostly
   * spends its time proving the region's current solution optimal, and rarely finds a better one.
   */
  nearlyProven?: { gapShare: number; treeMs: number };
}

export async function solveCapacitated(
  inst: Instance,
  deadline: Deadline,
  limitMs: number,
  shouldStop: () => boolean,
  useMip: boolean,
  random: Random,
  { initial, helpers, nearlyProven }: CapacitatedOptions = {},
): Promise<CapacitatedOutcome> {
  const methods = ['construction', 'local-search'];
  let best = construct(inst, deadline);
  if (initial && (!best || totalCost(initial) < totalCost(best))) best = cloneState(initial);
  let bestCost = best ? totalCost(best) : Infinity;
  // single-source models of this size go to our branch-and-bound, multi-source ones to HiGHS;
  // larger single-source ones are improved region by region after the bound
  const treePossible = inst.kind === 'single-source' && inst.sites * inst.zones <= TREE_MAX_PAIRS;
  const mipPossible = !treePossible && useMip && inst.sites * (inst.zones + 1) <= MIP_MAX_COLUMNS;
  const regionsPossible = inst.kind === 'single-source' && !treePossible;
  if (regionsPossible && helpers && helpers.threads > 1) helpers.warm?.();
  // the subgradient runs while the helpers have no regions yet: they take part of its knapsacks
  const knapsacks = regionsPossible && helpers && helpers.threads > 1 ? helpers.siteKnapsacks?.(inst, false) : undefined;
  const seen = new Set<string>();
  const consider = (s: AssignmentState, deep: boolean) => {
    // every source of candidates keeps to the limits on open sites; one that did not must not win
    if (s.openCount > inst.maxOpen || s.openCount < inst.minOpen) return;
    // one descent may not take the whole budget: on large instances a single one can
    const descent = deadline.within(DESCENT_SHARE * limitMs);
    // ejection chains and site moves over thousands of zones are slow, and the region search
    // does both better: large instances only get the plain descent here
    if (regionsPossible) improveAssignment(inst, s, descent);
    else improveAssignmentDeep(inst, s, descent);
    if (deep && !regionsPossible && totalCost(s) < bestCost * 1.02) improveSites(inst, s, descent);
    if (totalCost(s) < bestCost - 1e-9) {
      best = cloneState(s);
      bestCost = totalCost(s);
    }
  };

  /** Repairs a relaxed solution once per open set and keeps the result if better; returns the milliseconds spent. */
  const repairOnce = (relaxed: RelaxedSolution): number => {
    const key = relaxed.open.join('');
    if (seen.has(key)) return 0;
    seen.add(key);
    const t0 = deadline.elapsedMs();
    const s = repairRelaxed(inst, relaxed);
    if (s) consider(s, true);
    return deadline.elapsedMs() - t0;
  };

  methods.push('lagrangian');
  const lagrangianStartMs = deadline.elapsedMs();
  // single-source models too large for the tree are improved region by region afterwards, and the
  // subgradient resumes for the last part of the time (see below)
  const lagrangianShare = regionsPossible ? 0.2 : mipPossible || treePossible ? 0.3 : 0.8;
  let repairMs = 0;
  let highestBound = -Infinity;
  const fractional = inst.kind === 'multi-source';
  const lagrangianDeadline = deadline.within(lagrangianShare * limitMs);
  // large models: the relaxed solution at the best bound, repaired once more after the subgradient
  let bestRelaxed: RelaxedSolution | null = null;
  const lag = runLagrangian(inst, {
    deadline: lagrangianDeadline,
    knapsacks,
    upperBound: () => bestCost,
    fractional,
    closeEnough: (bound) => provenOptimal(inst, bestCost, bound),
    onRelaxed: (relaxed) => {
      // repairs cost more than subgradient steps: keep them to their share of the time and
      // spend them on relaxed solutions near the best bound so far
      if (regionsPossible && relaxed.bound > highestBound)
        bestRelaxed = { open: relaxed.open.slice(), served: relaxed.served.map((list) => list.slice()), siteValue: relaxed.siteValue.slice(), bound: relaxed.bound };
      highestBound = Math.max(highestBound, relaxed.bound);
      if (relaxed.bound < highestBound - 0.005 * Math.abs(highestBound)) return;
      if (repairMs > (regionsPossible ? REPAIR_SHARE_LARGE : REPAIR_SHARE) * (deadline.elapsedMs() - lagrangianStartMs)) return;
      repairMs += repairOnce(relaxed);
    },
  });
  let lowerBound = lag.bound;
  if (best && !regionsPossible) {
    improveSites(inst, best, deadline, 16);
    improveAssignmentDeep(inst, best, deadline);
    bestCost = totalCost(best);
  } else if (best) {
    // the relaxation at its best bound, repaired with more and more spare capacity: on tight
    // models a little slack lets the zones reach near sites, and site moves close what is left over
    // (the cast: TypeScript does not see the assignment inside the callback above)
    const relaxedAtBest = bestRelaxed as RelaxedSolution | null;
    const repairDeadline = deadline.within(FINAL_REPAIR_SHARE * limitMs);
    if (relaxedAtBest)
      for (const margin of [1.02, 1.05, 1.1]) {
        const s = repairRelaxed(inst, relaxedAtBest, margin);
        if (!s) continue;
        improveAssignment(inst, s, repairDeadline);
        improveSites(inst, s, repairDeadline, 16, false);
        if (totalCost(s) < bestCost - 1e-9) {
          best = s;
          bestCost = totalCost(s);
        }
      }
    // a quick pass of site moves before the regions: they would otherwise spend their first sweep on it
    improveSites(inst, best, deadline.within(SITE_PASS_SHARE * limitMs), 16, false);
    improveAssignment(inst, best, deadline);
    bestCost = totalCost(best);
  }

  let share: Float64Array | undefined;
  let openSplit: Uint8Array | undefined;
  let optimal = provenOptimal(inst, bestCost, lowerBound);
  const adoptMip = (open: Uint8Array, shares: Float64Array, objective: number) => {
    if (inst.kind === 'single-source') {
      const s = emptyState(inst);
      s.open.set(open);
      for (let z = 0; z < inst.zones; z++) {
        let top = -1;
        for (let i = 0; i < inst.sites; i++) if (top < 0 || shares[z * inst.sites + i] > shares[z * inst.sites + top]) top = i;
        s.assign[z] = top;
      }
      if (recompute(inst, s) && totalCost(s) < bestCost - 1e-9) {
        best = s;
        bestCost = totalCost(s);
      }
    } else {
      share = shares;
      openSplit = open;
      bestCost = objective;
    }
  };
  let cutShort = false;
  if (!optimal && treePossible && !deadline.expired()) {
    methods.push('branch-and-bound');
    const treeStartMs = deadline.elapsedMs();
    let heuristicMs = 0;
    cutShort = !!nearlyProven && Number.isFinite(bestCost) && bestCost - lowerBound < nearlyProven.gapShare * Math.abs(bestCost);
    const tree = branchAndBound(inst, {
      deadline: cutShort ? deadline.within(nearlyProven!.treeMs) : deadline,
      multipliers: lag.multipliers,
      rootBound: lag.bound,
      upperBound: () => bestCost,
      onFeasible: (open, assign) => {
        const s = emptyState(inst);
        s.open.set(open);
        s.assign.set(assign);
        if (recompute(inst, s)) consider(s, false);
      },
      onRelaxed: (relaxed) => {
        // heuristics find incumbents the tree would reach only deep down; keep them to a quarter of its time
        if (heuristicMs > 0.25 * (deadline.elapsedMs() - treeStartMs)) return;
        heuristicMs += repairOnce(relaxed);
      },
    });
    lowerBound = Math.max(lowerBound, Math.min(tree.complete ? bestCost : tree.lowerBound, bestCost));
    optimal = provenOptimal(inst, bestCost, lowerBound);
  }
  const liveColumns = inst.sites * (inst.zones + 1);
  if (!optimal && mipPossible && liveColumns <= MIP_MAX_COLUMNS && !deadline.expired()) {
    // sites whose forced change of state alone lifts the (cardinality-free) bound above the incumbent
    let base = 0;
    for (let z = 0; z < inst.zones; z++) base += lag.multipliers[z];
    for (let i = 0; i < inst.sites; i++) base += inst.mustOpen[i] ? lag.siteValue[i] : Math.min(0, lag.siteValue[i]);
    const fixedSite = new Int8Array(inst.sites).fill(-1);
    const slack = inst.integral ? 1 - 1e-6 : 1e-9;
    if (Number.isFinite(bestCost))
      for (let i = 0; i < inst.sites; i++) {
        if (inst.mustOpen[i]) continue;
        const v = lag.siteValue[i];
        if (base + Math.abs(v) > bestCost - slack) fixedSite[i] = v >= 0 ? 0 : 1;
      }
    methods.push('mip');
    // kernel search first: a MIP over the incumbent's sites plus the closed sites the relaxation
    // likes best finds better incumbents far faster than the full model
    const kernelSize = Math.min(inst.sites, Math.max(8, (best?.openCount ?? 0) + Math.ceil(inst.sites / 4)));
    if (kernelSize <= 0.6 * (inst.sites - fixedSite.reduce((a, f) => a + (f === 0 ? 1 : 0), 0))) {
      const ranked = Array.from({ length: inst.sites }, (_, i) => i)
        .filter((i) => fixedSite[i] !== 0)
        .sort((a, b) => Number(best?.open[b] ?? 0) - Number(best?.open[a] ?? 0) || lag.siteValue[a] - lag.siteValue[b]);
      const kernel = new Int8Array(inst.sites).fill(0);
      for (const i of ranked.slice(0, kernelSize)) kernel[i] = fixedSite[i];
      for (let i = 0; i < inst.sites; i++) if (inst.mustOpen[i]) kernel[i] = 1;
      const kernelSec = (0.3 * (limitMs - deadline.elapsedMs())) / 1000;
      const kmip = await solveLocationMip(inst, kernel, best ? { open: best.open, assign: best.assign } : null, kernelSec, shouldStop);
      if (kmip.objective < bestCost - 1e-9 && kmip.share && kmip.open) adoptMip(kmip.open, kmip.share, kmip.objective);
    }
    // assignments whose forced use alone lifts the bound past the incumbent are dropped
    const { base: penaltyBase, penalty } = assignmentPenalties(inst, lag.multipliers);
    const forbidden = new Uint8Array(inst.sites * inst.zones);
    let dropped = 0;
    // the penalties come from 0/1 knapsacks, valid for single-source only
    if (Number.isFinite(bestCost) && inst.kind === 'single-source')
      for (let k = 0; k < forbidden.length; k++)
        if (penaltyBase + penalty[k] > bestCost - slack) {
          forbidden[k] = 1;
          dropped++;
        }
    const remainingSec = (limitMs - deadline.elapsedMs()) / 1000;
    const mip = await solveLocationMip(inst, fixedSite, best ? { open: best.open, assign: best.assign } : null, remainingSec, shouldStop, forbidden);
    // reductions only remove solutions that cannot beat the incumbent: an empty model proves it optimal
    if (mip.infeasible && best) lowerBound = Math.max(lowerBound, bestCost);
    // the MIP works on a reduced model: its bound only holds for that model, so combine it with the fixing argument
    if (mip.optimal || Number.isFinite(mip.bound)) lowerBound = Math.max(lowerBound, Math.min(mip.bound, bestCost));
    if (mip.objective < bestCost - 1e-9 && mip.share && mip.open) adoptMip(mip.open, mip.share, mip.objective);
    if (mip.optimal) lowerBound = Math.max(lowerBound, inst.integral ? Math.ceil(bestCost - 0.999 - 1e-9) : bestCost);
    optimal = provenOptimal(inst, bestCost, lowerBound) || mip.optimal;
    if (mip.optimal) lowerBound = Math.max(lowerBound, bestCost);
  }
  // too large for the tree: re-solve it region by region with the tree
  if (!optimal && best && !share && regionsPossible && !deadline.expired()) {
    // the subgradient stalls short of the dual optimum on these sizes: column generation climbs
    // the rest when it applies, before the regions so that the time it does not need goes to them;
    // otherwise the subgradient resumes at the end if it had not converged
    const columns = columnBoundApplies(inst);
    if (columns) {
      methods.push('column-generation');
      const raised = await columnGenerationBound(inst, {
        deadline: deadline.within(COLUMN_BOUND_SHARE * limitMs),
        multipliers: lag.multipliers,
        bound: lag.bound,
        incumbent: best,
        knapsacks: knapsacks ?? serialSiteKnapsacks(inst, false),
      });
      lowerBound = Math.max(lowerBound, raised.bound);
    }
    methods.push('region-search');
    const polishMs = columns || lag.converged ? 0 : POLISH_SHARE * limitMs;
    const regionDeadline = deadline.within(deadline.remainingMs() - polishMs);
    const solver: RegionHelpers = helpers && helpers.threads > 1 ? helpers : { threads: 1, solve: solveRegionTask };
    const regions = await reoptimiseRegions(inst, best, regionDeadline, random, solver);
    if (totalCost(regions.best) < bestCost - 1e-9) {
      best = regions.best;
      bestCost = totalCost(regions.best);
    }
    if (!columns && !lag.converged && !deadline.expired()) {
      const again = runLagrangian(inst, {
        deadline,
        upperBound: () => bestCost,
        fractional,
        closeEnough: (bound) => provenOptimal(inst, bestCost, bound),
        initial: lag.multipliers,
        initialLambda: lag.lambda,
        knapsacks,
      });
      lowerBound = Math.max(lowerBound, again.bound);
    }
    optimal = provenOptimal(inst, bestCost, lowerBound);
  }
  // time the bound and the exact methods left over goes to the incumbent
  if (!optimal && best && !share && !cutShort && !deadline.expired()) {
    methods.push('iterated-local-search');
    const ils = perturbSites(inst, best, deadline, random);
    if (totalCost(ils.best) < bestCost - 1e-9) {
      best = ils.best;
      bestCost = totalCost(ils.best);
    }
    optimal = provenOptimal(inst, bestCost, lowerBound);
  }
  return { best, share, open: openSplit, cost: bestCost, lowerBound: Math.min(lowerBound, bestCost), optimal, methods };
}

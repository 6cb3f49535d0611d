import { Deadline, type SolveControl } from '../control.js';
import { Random } from '../../shared/random.js';
import { solveCapacitated } from './capacitated.js';
import { buildInstance, type Instance } from './instance.js';
import { solveMedian } from './median.js';
import type { RegionHelpers } from './region-task.js';
import type { NetworkFlow, NetworkProblem, NetworkSolution } from './types.js';

export interface NetworkSolveControl extends SolveControl {
  /** Let HiGHS close the gap on instances small enough for it (default true). */
  useMip?: boolean;
  /** threads for the region search on single-source models too large for the tree (see `RegionHelpers`) */
  regionHelpers?: RegionHelpers;
}

const DEFAULT_LIMIT_MS = 10_000;
/** Part of the time limit kept for finishing (1 %, between 10 and 300 ms); runs overshot by up to 0.4 % without it. */
const FINISH_MARGIN_SHARE = 0.01;
const FINISH_MARGIN_MIN_MS = 10;
const FINISH_MARGIN_MAX_MS = 300;

/** Every zone pays at least its cheapest service cost: a bound that needs no iterations. */
function trivialBound(inst: Instance): number {
  let total = 0;
  for (let z = 0; z < inst.zones; z++) {
    let best = Infinity;
    for (let i = 0; i < inst.sites; i++) best = Math.min(best, inst.cost[z * inst.sites + i]);
    total += best;
  }
  return total;
}

function gapOf(cost: number, bound: number): number {
  if (!Number.isFinite(cost)) return Infinity;
  return Math.max(0, (cost - bound) / Math.max(Math.abs(cost), 1e-9));
}

/** Coverage as a p-median: serving a zone from a site costs its demand when the site is out of range. */
function coverageInstance(inst: Instance, distance: number[], radius: number): Instance {
  const cost = new Float64Array(inst.zones * inst.sites);
  for (let z = 0; z < inst.zones; z++)
    for (let i = 0; i < inst.sites; i++) cost[z * inst.sites + i] = distance[z * inst.sites + i] <= radius ? 0 : inst.demand[z];
  return { ...inst, cost, fixed: new Float64Array(inst.sites), minOpen: Math.min(inst.maxOpen, inst.sites) };
}

/**
 * Solves a warehouse network design problem (see `NetworkProblem`). Throws `NetworkInputError`
 * for malformed or plainly infeasible input; otherwise always returns a complete, feasible
 * solution with a proven lower bound, by the time limit.
 */
export async function solveNetwork(problem: NetworkProblem, control: NetworkSolveControl = {}): Promise<NetworkSolution> {
  // the clock starts before the instance is built, and the work stops a little early: what runs
  // after the deadline (answers in flight, the last bound, the result) must fit in the limit too
  const fullMs = control.timeLimitMs ?? DEFAULT_LIMIT_MS;
  const limitMs = Math.max(0, fullMs - Math.min(FINISH_MARGIN_MAX_MS, Math.max(FINISH_MARGIN_MIN_MS, FINISH_MARGIN_SHARE * fullMs)));
  const deadline = new Deadline({ ...control, timeLimitMs: limitMs });
  const inst = buildInstance(problem);
  const random = new Random(control.seed ?? 1);
  const shouldStop = () => deadline.expired();
  const useMip = control.useMip ?? true;
  deadline.progress('solving');

  if (inst.kind === 'p-median' || inst.kind === 'coverage') {
    const work = inst.kind === 'coverage' ? coverageInstance(inst, problem.distance!, problem.coverageRadius!) : inst;
    const out = await solveMedian(work, deadline, limitMs, random, shouldStop, useMip);
    let assignment = out.assign;
    let serviceCost = out.cost;
    let coveredShare: number | undefined;
    if (inst.kind === 'coverage') {
      // among open sites, serve each zone from the nearest one; coverage is unchanged by this
      const open = Array.from(out.open.keys()).filter((i) => out.open[i]);
      assignment = new Int32Array(inst.zones);
      serviceCost = 0;
      for (let z = 0; z < inst.zones; z++) {
        let best = open[0];
        for (const i of open) if (problem.distance![z * inst.sites + i] < problem.distance![z * inst.sites + best]) best = i;
        assignment[z] = best;
        serviceCost += inst.cost[z * inst.sites + best];
      }
      coveredShare = inst.totalDemand > 0 ? 1 - out.cost / inst.totalDemand : 1;
    }
    const lowerBound = out.optimal ? out.cost : Math.max(out.lowerBound, trivialBound(work));
    deadline.progress('done');
    return {
      status: out.optimal ? 'optimal' : 'feasible',
      open: Array.from(out.open.keys()).filter((i) => out.open[i]),
      assignment: Array.from(assignment),
      cost: out.cost,
      fixedCost: 0,
      serviceCost: inst.kind === 'coverage' ? serviceCost : out.cost,
      lowerBound,
      gap: gapOf(out.cost, lowerBound),
      ...(coveredShare !== undefined ? { coveredShare } : {}),
      methods: out.methods,
      elapsedMs: deadline.elapsedMs(),
    };
  }

  const out = await solveCapacitated(inst, deadline, limitMs, shouldStop, useMip, random, { helpers: control.regionHelpers });
  const lowerBound = out.optimal ? out.cost : Math.max(out.lowerBound, trivialBound(inst));
  const base = { lowerBound, gap: gapOf(out.cost, lowerBound), methods: out.methods, elapsedMs: deadline.elapsedMs() };
  if (out.share && out.open) {
    const flows: NetworkFlow[] = [];
    const assignment = new Array<number>(inst.zones).fill(-1);
    let fixedCost = 0;
    let serviceCost = 0;
    for (let i = 0; i < inst.sites; i++) if (out.open[i]) fixedCost += inst.fixed[i];
    for (let z = 0; z < inst.zones; z++) {
      let top = 0;
      for (let i = 0; i < inst.sites; i++) {
        const share = out.share[z * inst.sites + i];
        if (share <= 1e-9) continue;
        flows.push({ zone: z, site: i, share });
        serviceCost += share * inst.cost[z * inst.sites + i];
        if (share > top) {
          top = share;
          assignment[z] = i;
        }
      }
    }
    deadline.progress('done');
    return {
      status: out.optimal ? 'optimal' : 'feasible',
      open: Array.from(out.open.keys()).filter((i) => out.open![i]),
      assignment,
      flows,
      cost: fixedCost + serviceCost,
      fixedCost,
      serviceCost,
      ...base,
    };
  }
  if (!out.best) {
    return {
      status: 'infeasible',
      infeasibleReason: 'no assignment of zones to sites respects every capacity within the time limit (capacity)',
      open: [],
      assignment: [],
      cost: Infinity,
      fixedCost: 0,
      serviceCost: 0,
      ...base,
      gap: Infinity,
    };
  }
  const s = out.best;
  deadline.progress('done');
  return {
    status: out.optimal ? 'optimal' : 'feasible',
    open: Array.from(s.open.keys()).filter((i) => s.open[i]),
    assignment: Array.from(s.assign),
    ...(inst.kind === 'multi-source' ? { flows: Array.from(s.assign, (site, zone) => ({ zone, site, share: 1 })) } : {}),
    cost: s.fixedCost + s.serviceCost,
    fixedCost: s.fixedCost,
    serviceCost: s.serviceCost,
    ...base,
  };
}

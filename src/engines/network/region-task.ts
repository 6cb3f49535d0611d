import { Deadline } from '../control.js';
import { Random } from '../../shared/random.js';
import { emptyState, recompute, type AssignmentState } from './assignment-state.js';
import { solveCapacitated } from './capacitated.js';
import type { Instance } from './instance.js';
import type { SiteKnapsacks } from './site-knapsacks.js';

/**
 * One region of a large single-source model, as plain data so that another thread can solve it
 * (see `RegionHelpers`): the region as an instance of its own, its current solution, its time.
 */
export interface RegionTask {
  region: Instance;
  /**
   * The region's current solution; null when it has none (a region asked to do without one of its
   * sites, whose zones fit nowhere else in it) and so must be solved from scratch
   */
  open: Uint8Array | null;
  assign: Int32Array | null;
  limitMs: number;
  /**
   * When the region's time is up, as wall-clock epoch milliseconds (the one clock threads share):
   * a task that waited in a queue or for its thread to start gets only what is left
   */
  endsAtEpochMs?: number;
  seed: number;
}

/** A solution no worse than the task's (null when none was found) and whether it is proven optimal. */
export interface RegionAnswer {
  open: Uint8Array | null;
  assign: Int32Array | null;
  optimal: boolean;
}

/**
 * Threads that solve regions while the caller's thread coordinates. The engine stays free of
 * threads: whoever runs it (the benchmark, a job) may hand it helpers, typically one per core.
 * Answers are applied in the order threads finish, so a solve with helpers is not repeatable for
 * a seed the way one without them is; every answer is still checked before it is applied.
 */
export interface RegionHelpers {
  /** regions solved at once */
  readonly threads: number;
  solve(task: RegionTask): Promise<RegionAnswer>;
  /** starts the threads ahead of the first region, so none waits for them to load */
  warm?(): void;
  /**
   * Site knapsacks solved by the caller's thread and helpers together, for the subgradient that
   * runs before and after the region search (when the caller's thread would otherwise work alone).
   * They serve until the next call or until the helpers are released; a call for another model
   * releases the previous one's.
   */
  siteKnapsacks?(inst: Instance, fractional: boolean): SiteKnapsacks;
}

/**
 * A region whose bound comes within this share of its current cost gets a tenth of its time for
 * the tree. Measured on 507 regions of a 500 x 2,000 model, solved one after another: those
 * (three quarters of them) took 60 % of the time and brought 9 % of the gain; cut short, the
 * regions together gained 7,336 instead of 7,519 in 63 % of the time.
 */
const NEARLY_PROVEN_GAP = 0.0025;
const NEARLY_PROVEN_TREE_SHARE = 0.1;

export async function solveRegionTask(task: RegionTask): Promise<RegionAnswer> {
  const { region } = task;
  let incumbent: AssignmentState | undefined;
  if (task.open && task.assign) {
    incumbent = emptyState(region);
    incumbent.open.set(task.open);
    incumbent.assign.set(task.assign);
    if (!recompute(region, incumbent)) return { open: null, assign: null, optimal: false };
  }
  const limitMs = Math.max(0, Math.min(task.limitMs, task.endsAtEpochMs === undefined ? Infinity : task.endsAtEpochMs - Date.now()));
  const deadline = new Deadline({ timeLimitMs: limitMs });
  const out = await solveCapacitated(region, deadline, limitMs, () => deadline.expired(), false, new Random(task.seed), {
    initial: incumbent,
    nearlyProven: { gapShare: NEARLY_PROVEN_GAP, treeMs: NEARLY_PROVEN_TREE_SHARE * limitMs },
  });
  return out.best ? { open: out.best.open, assign: out.best.assign, optimal: out.optimal } : { open: null, assign: null, optimal: out.optimal };
}

import type { Deadline } from '../control.js';
import type { Random } from '../../shared/random.js';
import { provenOptimal } from './capacitated.js';
import type { Instance } from './instance.js';
import { runLagrangian } from './lagrangian.js';
import { descend, MedianState, perturb } from './median-search.js';
import { solveLocationMip } from './mip.js';

const MIP_MAX_COLUMNS = 20_000;

export interface MedianOutcome {
  open: Uint8Array;
  assign: Int32Array;
  cost: number;
  lowerBound: number;
  optimal: boolean;
  methods: string[];
}

/** Adds sites one at a time, each the one that lowers the total cost most. */
function greedyStart(inst: Instance, count: number): number[] {
  const { sites, zones, cost } = inst;
  const chosen: number[] = [];
  const nearest = new Float64Array(zones).fill(Infinity);
  const take = (i: number) => {
    chosen.push(i);
    for (let z = 0; z < zones; z++) nearest[z] = Math.min(nearest[z], cost[z * sites + i]);
  };
  for (let i = 0; i < sites; i++) if (inst.mustOpen[i]) take(i);
  while (chosen.length < count) {
    let best = -1;
    let bestTotal = Infinity;
    for (let i = 0; i < sites; i++) {
      if (chosen.includes(i)) continue;
      let total = 0;
      for (let z = 0; z < zones; z++) {
        const c = cost[z * sites + i];
        total += c < nearest[z] ? c : nearest[z];
      }
      if (total < bestTotal) {
        bestTotal = total;
        best = i;
      }
    }
    take(best);
  }
  return chosen;
}

/**
 * p-median (and coverage cast as one): Lagrangian bound with local search from every relaxed
 * site set, then iterated local search (random swaps + best-improvement descent) until the
 * bound proves the incumbent optimal or time runs out. Small instances also go to HiGHS.
 */
export async function solveMedian(inst: Instance, deadline: Deadline, limitMs: number, random: Random, shouldStop: () => boolean, useMip: boolean): Promise<MedianOutcome> {
  const methods = ['greedy', 'local-search', 'lagrangian'];
  const p = Math.min(inst.maxOpen, inst.sites);
  const extraLoss = new Float64Array(inst.sites);
  let state = new MedianState(inst, greedyStart(inst, p));
  descend(inst, state, deadline, extraLoss);
  let best = { open: state.open.slice(), cost: state.cost };
  const remember = (s: MedianState) => {
    if (s.cost < best.cost - 1e-9) best = { open: s.open.slice(), cost: s.cost };
  };
  // sites whose forced opening alone lifts the Lagrangian bound past the incumbent never help
  const promising = (values: Float64Array, bound: number): Int32Array => {
    const sorted = Array.from(values).sort((a, b) => a - b);
    const pth = sorted[Math.max(0, p - 1)];
    const slack = inst.integral ? 1 - 1e-6 : 1e-9;
    const keep: number[] = [];
    for (let i = 0; i < inst.sites; i++) if (bound + values[i] - pth <= best.cost - slack || best.open[i]) keep.push(i);
    return Int32Array.from(keep);
  };
  const seen = new Set<string>();
  const lagrangianStartMs = deadline.elapsedMs();
  let descentMs = 0;
  let highestBound = -Infinity;
  const lagrangianEndsAtMs = deadline.elapsedMs() + 0.5 * limitMs;
  const lag = runLagrangian(inst, {
    deadline: { expired: () => deadline.expired() || deadline.elapsedMs() > lagrangianEndsAtMs } as Deadline,
    upperBound: () => best.cost,
    closeEnough: (bound) => provenOptimal(inst, best.cost, bound),
    onRelaxed: (relaxed, iteration) => {
      // descents cost far more than a subgradient step, so only sample the relaxed site sets
      // descents cost far more than subgradient steps: keep them to about a third of the time
      // and spend them on relaxed solutions near the best bound so far, the ones close to optimal
      highestBound = Math.max(highestBound, relaxed.bound);
      if (iteration % 5 !== 4 || relaxed.bound < highestBound - 0.003 * best.cost) return;
      if (descentMs > 0.4 * (deadline.elapsedMs() - lagrangianStartMs)) return;
      const key = relaxed.open.join('');
      if (seen.has(key)) return;
      seen.add(key);
      const s = new MedianState(inst, relaxed.open.reduce<number[]>((list, flag, i) => (flag ? (list.push(i), list) : list), []));
      const t0 = deadline.elapsedMs();
      descend(inst, s, deadline, extraLoss, promising(relaxed.siteValue, relaxed.bound));
      descentMs += deadline.elapsedMs() - t0;
      remember(s);
    },
  });
  let lowerBound = lag.bound;
  let optimal = provenOptimal(inst, best.cost, lowerBound);

  if (!optimal && useMip && inst.sites * (inst.zones + 1) <= MIP_MAX_COLUMNS && !deadline.expired()) {
    methods.push('mip');
    const state0 = new MedianState(inst, []);
    state0.open.set(best.open);
    state0.refresh();
    const mip = await solveLocationMip(inst, new Int8Array(inst.sites).fill(-1), { open: best.open, assign: state0.near1 }, (limitMs - deadline.elapsedMs()) / 1000, shouldStop);
    if (Number.isFinite(mip.bound)) lowerBound = Math.max(lowerBound, mip.bound);
    if (mip.open && mip.objective < best.cost - 1e-9) {
      const s = new MedianState(inst, []);
      s.open.set(mip.open);
      s.refresh();
      remember(s);
    }
    if (mip.optimal) lowerBound = Math.max(lowerBound, best.cost);
    optimal = provenOptimal(inst, best.cost, lowerBound);
  }

  if (!optimal) methods.push('iterated-local-search');
  state = new MedianState(inst, []);
  state.open.set(best.open);
  state.refresh();
  let round = 0;
  let multipliers = lag.multipliers;
  let candidates = Number.isFinite(lag.bound) ? promising(lag.siteValue, lag.bound) : null;
  const allowedOf = (list: Int32Array | null) => {
    if (!list) return null;
    const flags = new Uint8Array(inst.sites);
    for (const i of list) flags[i] = 1;
    return flags;
  };
  let allowed = allowedOf(candidates);
  let boundAtCost = best.cost;
  while (!optimal && !deadline.expired()) {
    round++;
    perturb(inst, state, random, 1 + random.int(Math.min(3, p)), allowed);
    descend(inst, state, deadline, extraLoss, candidates);
    remember(state);
    if (state.cost > best.cost + 1e-9 || (round & 7) === 0) {
      state.open.set(best.open);
      state.refresh();
    }
    optimal = provenOptimal(inst, best.cost, lowerBound);
    if (!optimal && best.cost < boundAtCost - 1e-9 && !deadline.expired()) {
      // a better incumbent gives the subgradient a better target: resume from the best multipliers
      boundAtCost = best.cost;
      const again = runLagrangian(inst, {
        deadline,
        upperBound: () => best.cost,
        closeEnough: (bound) => provenOptimal(inst, best.cost, bound),
        initial: multipliers,
        initialLambda: 0.25,
        maxIterations: 400,
      });
      if (again.bound > lowerBound) {
        lowerBound = again.bound;
        multipliers = again.multipliers;
        candidates = promising(again.siteValue, again.bound);
        allowed = allowedOf(candidates);
      }
      optimal = provenOptimal(inst, best.cost, lowerBound);
    }
  }
  const final = new MedianState(inst, []);
  final.open.set(best.open);
  final.refresh();
  return { open: best.open, assign: final.near1.slice(), cost: final.cost, lowerBound: Math.min(lowerBound, final.cost), optimal, methods };
}

import type { Deadline } from '../control.js';
import type { Random } from '../../shared/random.js';
import { assignByRegret, cloneState, recompute, totalCost, type AssignmentState } from './assignment-state.js';
import type { Instance } from './instance.js';
import { improveAssignment, improveAssignmentDeep, improveSites } from './local-search.js';

/** Kicks within this share of the incumbent's cost get the full descent. */
const NEAR_SHARE = 0.002;

/**
 * Iterated local search over open sets for the time the bound no longer needs: close a random
 * open site (and, half the time, open a closed site that would serve its zones cheaply), rehome
 * the displaced zones by regret, descend, and keep the result only when it beats the incumbent.
 * Single site moves stall in a local optimum on large instances; a forced pair of moves escapes it.
 */
export function perturbSites(inst: Instance, start: AssignmentState, deadline: Deadline, random: Random): { best: AssignmentState; kicks: number; improvements: number } {
  const { sites, zones, cost, fixed } = inst;
  let best = cloneState(start);
  let kicks = 0;
  let improvements = 0;
  while (!deadline.expired()) {
    const openSites: number[] = [];
    for (let i = 0; i < sites; i++) if (best.open[i] && !inst.mustOpen[i]) openSites.push(i);
    if (openSites.length === 0 || best.openCount <= Math.max(1, inst.minOpen)) break;
    kicks++;
    const s = cloneState(best);
    const closing = random.pick(openSites);
    const displaced: number[] = [];
    for (let z = 0; z < zones; z++) if (s.assign[z] === closing) displaced.push(z);
    s.open[closing] = 0;
    if (random.next() < 0.5 && s.openCount < inst.maxOpen + 1) {
      const scored: { site: number; score: number }[] = [];
      for (let b = 0; b < sites; b++) {
        if (s.open[b] || b === closing) continue;
        let score = fixed[b];
        for (const z of displaced) score += cost[z * sites + b];
        scored.push({ site: b, score });
      }
      scored.sort((x, y) => x.score - y.score || x.site - y.site);
      if (scored.length > 0) s.open[scored[random.int(Math.min(3, scored.length))].site] = 1;
    }
    for (const z of displaced) s.assign[z] = -1;
    recompute(inst, s);
    if (!assignByRegret(inst, s, displaced)) continue;
    if (!recompute(inst, s)) continue;
    // a cheap descent for every kick; the deep one (ejection chains, site moves) only for kicks
    // that come close to the incumbent
    improveAssignment(inst, s, deadline);
    if (totalCost(s) < totalCost(best) * (1 + NEAR_SHARE)) {
      improveAssignmentDeep(inst, s, deadline);
      improveSites(inst, s, deadline, 4);
    }
    if (recompute(inst, s) && totalCost(s) < totalCost(best) - 1e-9) {
      best = s;
      improvements++;
    }
  }
  return { best, kicks, improvements };
}

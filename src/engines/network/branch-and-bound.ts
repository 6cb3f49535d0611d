import type { Deadline } from '../control.js';
import type { Instance } from './instance.js';
import { knapsackScratch, solveKnapsack } from './knapsack.js';
import type { RelaxedSolution } from './lagrangian.js';
import { chooseOpenSites, siteChoiceScratch, SITE_CLOSED, SITE_FREE, SITE_OPEN } from './site-choice.js';

/**
 * Branch-and-bound for single-source capacitated location on the Lagrangian bound (the "each zone
 * served once" constraints relaxed, one knapsack per site). The root bound of the hard instances
 * sits 0.5–2 % below the optimum because zones are taken by several knapsacks or by none; fixing
 * sites closes part of that, fixing zone-to-site pairs the rest. Each node warm-starts from its
 * parent's multipliers, so a few dozen subgradient steps suffice, and Lagrangian penalties fix
 * sites and forbid pairs that cannot be in a solution better than the incumbent.
 *
 * Nodes are taken depth-first, the child that agrees with the relaxation first (where better
 * incumbents turn up), with jumps back to the lowest open bound (see `takeNext`).
 */

interface Node {
  /** per site: -1 free, 0 closed, 1 open */
  site: Int8Array;
  /** zone-major pairs that may not be used */
  forbid: Uint8Array;
  /** per zone: the site it is forced onto, or -1 */
  zoneAt: Int32Array;
  multipliers: Float64Array;
  /** a valid lower bound for every solution in this node (its parent's bound) */
  bound: number;
  depth: number;
}

export interface BranchAndBoundOptions {
  deadline: Deadline;
  /** multipliers from the root Lagrangian run and the bound they give */
  multipliers: Float64Array;
  rootBound: number;
  /** current best objective (the caller's incumbent may improve while this runs) */
  upperBound: () => number;
  /** a feasible assignment found inside the tree (every zone covered exactly once) */
  onFeasible: (open: Uint8Array, assign: Int32Array, cost: number) => void;
  /** a relaxed solution worth turning into a feasible one by the caller's heuristics */
  onRelaxed?: (relaxed: RelaxedSolution) => void;
}

export interface BranchAndBoundResult {
  /** true when the whole tree was explored: the incumbent is optimal */
  complete: boolean;
  /** proven lower bound on the optimum */
  lowerBound: number;
  nodes: number;
}

/** Where between the proven bound and the incumbent each round's cutoff is guessed. */
const GUESS_SHARE = 0.4;

type Outcome = 'pruned' | 'solved' | 'infeasible' | 'open';

/** Open nodes may use this much memory before the search stops jumping to the lowest bound. */
const OPEN_NODES_BYTES = 256 * 1024 * 1024;
/** How far above the lowest open bound, as a share of the way to the cutoff, a dive may continue. */
const DIVE_SLACK = 0.8;

/**
 * Depth-first while the dive's bound stays near the lowest open bound: dives stay close to the
 * incumbent and find better ones. A dive whose bound has climbed most of the way to the cutoff is
 * left for the node with the lowest bound instead: on tight instances such a subtree may hold no
 * solution under the cutoff yet take very long to exhaust. Past the memory budget, pure depth-first.
 */
function takeNext(pending: Node[], nodeBytes: number, cutoff: number): Node {
  let pick = pending.length - 1;
  if (pending.length * nodeBytes <= OPEN_NODES_BYTES && Number.isFinite(cutoff)) {
    let lowest = pick;
    for (let k = 0; k < pending.length; k++) if (pending[k].bound < pending[lowest].bound) lowest = k;
    const floor = pending[lowest].bound;
    if (pending[pick].bound > floor + DIVE_SLACK * (cutoff - floor)) pick = lowest;
  }
  const node = pending[pick];
  pending.splice(pick, 1);
  return node;
}

export function branchAndBound(inst: Instance, options: BranchAndBoundOptions): BranchAndBoundResult {
  const { sites, zones, cost, demand, capacity, fixed } = inst;
  // integral costs: a better solution is at least 1 cheaper
  // the search prunes against min(guess, incumbent); see the rounds at the end
  let guess = Infinity;
  const cut = () => {
    const ub = Math.min(guess, options.upperBound());
    if (!Number.isFinite(ub)) return Infinity;
    return ub - (inst.integral ? 1 - 1e-6 : 1e-9 * Math.max(1, Math.abs(ub)));
  };

  // scratch shared by every node
  const profit = new Float64Array(zones);
  const chosen = new Float64Array(zones);
  const items = new Int32Array(zones);
  const scratch = knapsackScratch(zones);
  const siteChoice = siteChoiceScratch(inst);
  const status = new Int8Array(sites);
  const share = new Float64Array(sites);
  let integralChoice = true;
  const value = new Float64Array(sites);
  const residual = new Float64Array(sites);
  const forcedCost = new Float64Array(sites);
  const mandatory = new Uint8Array(sites);
  const openNow = new Uint8Array(sites);
  const coverage = new Int32Array(zones);
  const servedStart = new Int32Array(sites + 1);
  const servedZones = new Int32Array(zones * sites);
  const freeZones = new Int32Array(zones);

  let freeCount = 0;
  let constant = 0;

  /** Site loads and costs implied by forced zones; false when some site is overfull or closed. */
  function prepare(node: Node): boolean {
    forcedCost.fill(0);
    for (let i = 0; i < sites; i++) {
      residual[i] = capacity[i];
      mandatory[i] = inst.mustOpen[i] || node.site[i] === 1 ? 1 : 0;
    }
    freeCount = 0;
    constant = 0;
    for (let z = 0; z < zones; z++) {
      const i = node.zoneAt[z];
      if (i < 0) {
        freeZones[freeCount++] = z;
        continue;
      }
      if (node.site[i] === 0) return false;
      residual[i] -= demand[z];
      forcedCost[i] += cost[z * sites + i];
      mandatory[i] = 1;
    }
    for (let i = 0; i < sites; i++) if (residual[i] < -1e-9) return false;
    return true;
  }

  /** One Lagrangian evaluation at multipliers u: fills value, openNow, served lists, coverage; returns the bound. */
  function relax(node: Node, u: Float64Array, withTable = false, onTable?: (i: number, result: ReturnType<typeof solveKnapsack>) => void): number {
    let bound = constant;
    for (let k = 0; k < freeCount; k++) bound += u[freeZones[k]];
    let cursor = 0;
    for (let i = 0; i < sites; i++) {
      servedStart[i] = cursor;
      if (node.site[i] === 0) {
        value[i] = Infinity;
        continue;
      }
      let count = 0;
      for (let k = 0; k < freeCount; k++) {
        const z = freeZones[k];
        if (node.forbid[z * sites + i]) continue;
        const p = u[z] - cost[z * sites + i];
        profit[z] = p;
        if (p > 1e-12 && demand[z] <= residual[i] + 1e-9) items[count++] = z;
      }
      let gained = 0;
      if (count > 0) {
        const result = solveKnapsack(items, count, profit, demand, Math.max(0, residual[i]), chosen, scratch, false, withTable);
        gained = result.value;
        if (withTable) onTable?.(i, result);
        for (let k = 0; k < count; k++) if (chosen[items[k]] > 0.5) servedZones[cursor++] = items[k];
      } else if (withTable) onTable?.(i, { value: 0, exact: true });
      value[i] = fixed[i] + forcedCost[i] - gained;
    }
    servedStart[sites] = cursor;
    // which sites the relaxation opens
    for (let i = 0; i < sites; i++) status[i] = mandatory[i] ? SITE_OPEN : node.site[i] === 0 ? SITE_CLOSED : SITE_FREE;
    const choice = chooseOpenSites(inst, value, status, share, siteChoice);
    if (!choice.feasible) return Infinity;
    integralChoice = choice.integral;
    for (let i = 0; i < sites; i++) {
      openNow[i] = share[i] > 0.5 ? 1 : 0;
      if (share[i] > 0) bound += share[i] * value[i];
    }
    coverage.fill(0);
    for (let i = 0; i < sites; i++) if (openNow[i]) for (let k = servedStart[i]; k < servedStart[i + 1]; k++) coverage[servedZones[k]]++;
    return bound;
  }

  /** The relaxed solution is feasible: its Lagrangian value is its cost. */
  function coveredExactlyOnce(): boolean {
    if (!integralChoice) return false;
    for (let k = 0; k < freeCount; k++) if (coverage[freeZones[k]] !== 1) return false;
    return true;
  }

  function reportFeasible(node: Node): void {
    const assign = new Int32Array(zones).fill(-1);
    for (let z = 0; z < zones; z++) if (node.zoneAt[z] >= 0) assign[z] = node.zoneAt[z];
    for (let i = 0; i < sites; i++) if (openNow[i]) for (let k = servedStart[i]; k < servedStart[i + 1]; k++) assign[servedZones[k]] = i;
    let total = 0;
    const load = new Float64Array(sites);
    for (let i = 0; i < sites; i++) if (openNow[i]) total += fixed[i];
    for (let z = 0; z < zones; z++) {
      const i = assign[z];
      if (i < 0 || !openNow[i]) return;
      load[i] += demand[z];
      total += cost[z * sites + i];
    }
    for (let i = 0; i < sites; i++) if (load[i] > capacity[i] + 1e-9) return;
    options.onFeasible(openNow.slice(), assign, total);
  }

  /** Subgradient optimisation at a node; leaves node.multipliers at the best point found. */
  function optimise(node: Node, iterations: number, startStep: number): { bound: number; outcome: Outcome } {
    const u = node.multipliers.slice();
    let best = -Infinity;
    let step = startStep;
    let stall = 0;
    let checkpoint = -Infinity;
    const patience = Math.max(5, Math.min(20, Math.round(sites / 3)));
    for (let it = 0; it < iterations && !options.deadline.expired(); it++) {
      const bound = relax(node, u);
      if (bound === Infinity) return { bound, outcome: 'infeasible' };
      if (coveredExactlyOnce()) {
        reportFeasible(node);
        // every zone once: the Lagrangian value is this solution's cost, the node's optimum
        return { bound, outcome: 'solved' };
      }
      if (bound > best + 1e-9) {
        if (bound > best + 1e-6 * Math.max(1, Math.abs(bound))) stall = 0;
        else stall++;
        best = bound;
        node.multipliers.set(u);
      } else if (++stall >= patience) {
        step /= 2;
        stall = 0;
      }
      if (best > cut()) return { bound: best, outcome: 'pruned' };
      if (step < 1e-4) break;
      // a node whose bound climbs too slowly to reach the cutoff in the steps left is branched now
      if (it % 10 === 9) {
        if (checkpoint > -Infinity && cut() - best > ((best - checkpoint) * (iterations - it)) / 10) break;
        checkpoint = best;
      }
      let norm = 0;
      for (let k = 0; k < freeCount; k++) {
        const g = 1 - coverage[freeZones[k]];
        norm += g * g;
      }
      const target = options.upperBound();
      const gap = Number.isFinite(target) ? Math.max(target - bound, 1e-6 * Math.max(1, Math.abs(bound))) : 0.05 * Math.abs(bound) + 1;
      const t = (step * gap) / norm;
      for (let k = 0; k < freeCount; k++) {
        const z = freeZones[k];
        u[z] += t * (1 - coverage[z]);
      }
    }
    return { bound: best, outcome: 'open' };
  }

  /**
   * At the node's best multipliers: the bound without the cardinality and aggregate-capacity
   * constraints (`base`) rises by at least |value| when a free site changes state and by the
   * knapsack loss when a zone is forced onto a site, so anything lifting it past the incumbent
   * is fixed. Returns false when the fixing leaves some zone without a site.
   */
  function fixByPenalties(node: Node): { changed: boolean; feasible: boolean } {
    const u = node.multipliers;
    const limit = cut();
    let base = constant;
    for (let k = 0; k < freeCount; k++) base += u[freeZones[k]];
    const tables: { divisor?: number; value: number; table?: Float64Array }[] = new Array(sites);
    relax(node, u, true, (i, result) => {
      tables[i] = { value: result.value, divisor: result.divisor, table: result.divisor !== undefined ? scratch.table.slice(0, Math.floor(residual[i] / result.divisor) + 1) : undefined };
    });
    for (let i = 0; i < sites; i++) {
      if (node.site[i] === 0) continue;
      base += mandatory[i] ? value[i] : Math.min(0, value[i]);
    }
    let changed = false;
    for (let i = 0; i < sites; i++) {
      if (node.site[i] !== -1 || mandatory[i]) continue;
      if (base + Math.abs(value[i]) > limit) {
        node.site[i] = value[i] >= 0 ? 0 : 1;
        changed = true;
      }
    }
    for (let i = 0; i < sites; i++) {
      if (node.site[i] === 0) continue;
      const openCost = mandatory[i] || node.site[i] === 1 || value[i] < 0 ? 0 : value[i];
      const t = tables[i];
      for (let k = 0; k < freeCount; k++) {
        const z = freeZones[k];
        const pair = z * sites + i;
        if (node.forbid[pair]) continue;
        let forced: number;
        const room = residual[i] - demand[z];
        const p = u[z] - cost[pair];
        if (room < -1e-9) forced = Infinity;
        else if (t?.table && t.divisor !== undefined) forced = Math.max(0, t.value - p - t.table[Math.floor((room + 1e-9) / t.divisor)]);
        else forced = Math.max(0, -p);
        if (base + openCost + forced > limit) {
          node.forbid[pair] = 1;
          changed = true;
        }
      }
    }
    // zones left with one possible site are forced onto it
    for (let k = 0; k < freeCount; k++) {
      const z = freeZones[k];
      let only = -1;
      let count = 0;
      for (let i = 0; i < sites && count < 2; i++)
        if (node.site[i] !== 0 && !node.forbid[z * sites + i] && demand[z] <= residual[i] + 1e-9) {
          only = i;
          count++;
        }
      if (count === 0) return { changed, feasible: false };
      if (count === 1) {
        node.zoneAt[z] = only;
        changed = true;
      }
    }
    return { changed, feasible: true };
  }

  function relaxedSolution(bound: number): RelaxedSolution {
    const served: Int32Array[] = new Array(sites);
    for (let i = 0; i < sites; i++) served[i] = servedZones.slice(servedStart[i], servedStart[i + 1]);
    return { open: openNow.slice(), served, siteValue: value.map((v) => (Number.isFinite(v) ? v : 1e18)), bound };
  }

  /** Chooses what to branch on from the relaxation at the node's best multipliers. */
  function branch(node: Node): Node[] {
    relax(node, node.multipliers);
    if (coveredExactlyOnce()) {
      reportFeasible(node);
      return [];
    }
    options.onRelaxed?.(relaxedSolution(node.bound));
    // a free site the relaxation cannot settle: the one whose flip costs most is decided first
    let bestSite = -1;
    for (let i = 0; i < sites; i++) {
      if (node.site[i] !== -1 || mandatory[i]) continue;
      if (bestSite < 0 || Math.abs(value[i]) > Math.abs(value[bestSite])) bestSite = i;
    }
    if (bestSite >= 0) {
      const open = child(node);
      open.site[bestSite] = 1;
      const close = child(node);
      close.site[bestSite] = 0;
      return openNow[bestSite] ? [open, close] : [close, open];
    }
    // a zone served twice or not at all; the largest demand first, as it is the hardest to move
    let zone = -1;
    for (let k = 0; k < freeCount; k++) {
      const z = freeZones[k];
      if (coverage[z] === 1) continue;
      if (zone < 0 || demand[z] > demand[zone] || (demand[z] === demand[zone] && coverage[z] === 0 && coverage[zone] !== 0)) zone = z;
    }
    if (zone < 0) return [];
    let target = -1;
    for (let i = 0; i < sites; i++) {
      if (node.site[i] === 0 || node.forbid[zone * sites + i] || demand[zone] > residual[i] + 1e-9) continue;
      let takes = false;
      if (coverage[zone] > 0 && openNow[i]) for (let k = servedStart[i]; k < servedStart[i + 1]; k++) if (servedZones[k] === zone) takes = true;
      if (coverage[zone] > 0 && !takes) continue;
      if (target < 0 || cost[zone * sites + i] - (openNow[i] ? 0 : Math.max(0, value[i])) < cost[zone * sites + target] - (openNow[target] ? 0 : Math.max(0, value[target]))) target = i;
    }
    if (target < 0) return [];
    const assign = child(node);
    assign.zoneAt[zone] = target;
    const avoid = child(node);
    avoid.forbid[zone * sites + target] = 1;
    return [assign, avoid];
  }

  function child(node: Node): Node {
    return { site: node.site.slice(), forbid: node.forbid.slice(), zoneAt: node.zoneAt.slice(), multipliers: node.multipliers.slice(), bound: node.bound, depth: node.depth + 1 };
  }

  function processNode(node: Node, root: boolean): Outcome {
    if (node.bound > cut()) return 'pruned';
    for (let round = 0; round < 3; round++) {
      if (!prepare(node)) return 'infeasible';
      const { bound, outcome } = optimise(node, root && round === 0 ? (firstRound ? 300 : 100) : round === 0 ? 60 : 30, root ? 0.5 : 0.2);
      if (outcome !== 'open') return outcome;
      if (options.deadline.expired()) return 'open';
      node.bound = Math.max(node.bound, bound);
      const fixing = fixByPenalties(node);
      if (!fixing.feasible) return 'infeasible';
      if (!fixing.changed) return 'open';
    }
    return prepare(node) ? 'open' : 'infeasible';
  }

  let nodes = 0;
  let rootMultipliers = options.multipliers.slice();
  /** Depth-first search pruning against `cut()`; returns the lowest bound left unexplored. */
  function explore(): { complete: boolean; openBound: number } {
    const rootNode: Node = {
      site: new Int8Array(sites).fill(-1),
      forbid: new Uint8Array(zones * sites),
      zoneAt: new Int32Array(zones).fill(-1),
      multipliers: rootMultipliers.slice(),
      bound: -Infinity,
      depth: 0,
    };
    for (let i = 0; i < sites; i++) if (inst.mustOpen[i]) rootNode.site[i] = 1;
    const pending: Node[] = [rootNode];
    const nodeBytes = zones * sites + zones * 12 + sites + 64;
    let first = true;
    while (pending.length > 0) {
      if (options.deadline.expired()) break;
      const node = takeNext(pending, nodeBytes, cut());
      nodes++;
      const outcome = processNode(node, first);
      if (first) rootMultipliers = node.multipliers.slice();
      first = false;
      if (outcome !== 'open') continue;
      if (options.deadline.expired()) {
        pending.push(node);
        break;
      }
      // children come best-first; a depth-first pop takes the last pushed
      const children = branch(node);
      for (let k = children.length - 1; k >= 0; k--) pending.push(children[k]);
    }
    let openBound = Infinity;
    for (const node of pending) openBound = Math.min(openBound, node.bound);
    return { complete: pending.length === 0, openBound };
  }

  // Pruning is only as sharp as the incumbent: with the optimum in hand the tree is tiny, with an
  // incumbent 0.5 % above it the penalties fix little. So search in rounds against a guessed
  // cutoff part-way between the proven bound and the incumbent: a round that finds nothing below
  // its guess proves the optimum is at least the guess; a round that finds a solution continues
  // against the new incumbent and its completion proves that solution optimal.
  let proven = options.rootBound;
  let firstRound = true;
  while (!options.deadline.expired()) {
    const incumbent = options.upperBound();
    if (inst.integral ? Math.ceil(proven - 1e-6) >= incumbent : proven >= incumbent - 1e-9 * Math.max(1, Math.abs(incumbent)))
      return { complete: true, lowerBound: incumbent, nodes };
    guess = Number.isFinite(incumbent) ? proven + GUESS_SHARE * (incumbent - proven) : Infinity;
    if (inst.integral) guess = Math.max(Math.ceil(guess), Math.floor(proven) + 1);
    if (guess >= incumbent) guess = Infinity;
    const round = explore();
    firstRound = false;
    if (!round.complete) {
      const atGuess = Math.min(guess, options.upperBound());
      return { complete: false, lowerBound: Math.max(proven, Math.min(round.openBound, atGuess)), nodes };
    }
    if (guess === Infinity || options.upperBound() < guess) return { complete: true, lowerBound: options.upperBound(), nodes };
    proven = Math.max(proven, guess);
  }
  return { complete: false, lowerBound: proven, nodes };
}

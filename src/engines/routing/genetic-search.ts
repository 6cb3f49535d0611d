import type { Deadline } from '../control.js';
import { Random } from '../../shared/random.js';
import { makeIndividual, penalisedCost, type Individual } from './individual.js';
import { LocalSearch } from './local-search.js';
import { MAX_PENALTY, MIN_PENALTY, type Penalties } from './penalties.js';
import { Population } from './population.js';
import type { RoutingModel } from './routing-model.js';
import { splitGiantTour } from './split.js';

export interface SearchOutcome {
  /** Cheapest solution meeting every constraint, if one was found. */
  bestFeasible: Individual | null;
  /** Lowest penalised cost overall (used when nothing feasible exists, e.g. too small a fleet). */
  bestAny: Individual | null;
  iterations: number;
  /** Solutions built for the initial population(s), each followed by a descent. */
  initialSolutions: number;
  /** Local-search descents run (initial population, children and repairs). */
  descents: number;
  firstFeasibleMs: number | null;
}

/** Above this many clients the initial population starts from greedy tours rather than random ones. */
const LARGE = 500;

const PARAMS = {
  minSize: 25,
  generationSize: 40,
  nbElite: 4,
  nbClose: 5,
  targetFeasible: 0.2,
  penaltyWindow: 100,
  iterationsWithoutImprovement: 20_000,
  repairProbability: 0.5,
  repairBoost: 10,
  /** Share of the time limit after which the first population stops growing, so the genetic phase gets time too. */
  initialShare: 0.5,
};

/**
 * Hybrid genetic search (Vidal et al. 2012; Vidal 2022 "HGS-CVRP"): OX crossover on giant tours,
 * optimal split, granular local search with penalised capacity / time warp, biased-fitness
 * population with diversity management, adaptive penalties and restarts. Iteration-based, so a
 * seed reproduces the same trajectory; the deadline only decides where it stops.
 */
export function geneticSearch(m: RoutingModel, seed: number, deadline: Deadline, maxIterations = Infinity): SearchOutcome {
  const rng = new Random(seed);
  const pen: Penalties = {
    load: clamp(m.typicalArcCost / m.typicalDemand),
    timeWarp: clamp(m.typicalArcCost / m.typicalArcSeconds),
    distance: clamp(Math.max(...Array.from(m.perDist)) * 2 || 1),
  };
  const ls = new LocalSearch(m, pen, rng);
  ls.abort = () => deadline.expired();
  const pop = new Population(PARAMS, rng);
  const out: SearchOutcome = { bestFeasible: null, bestAny: null, iterations: 0, initialSolutions: 0, descents: 0, firstFeasibleMs: null };
  if (m.n === 0) return out;

  let recentLoadOk: boolean[] = [];
  let recentTwOk: boolean[] = [];
  let sinceImprovement = 0;

  const record = (ind: Individual) => {
    if (ind.feasible) {
      if (out.firstFeasibleMs === null) out.firstFeasibleMs = deadline.elapsedMs();
      if (!out.bestFeasible || ind.objective < out.bestFeasible.objective - 1e-9) {
        out.bestFeasible = ind;
        sinceImprovement = 0;
        return;
      }
    }
    if (!out.bestAny || rawPenalised(ind, m) < rawPenalised(out.bestAny, m)) out.bestAny = ind;
  };

  const educate = (routes: Int32Array[]): Individual => {
    out.descents++;
    const improved = ls.run(routes);
    let ind = makeIndividual(m, improved, pen);
    recentLoadOk.push(ind.loadExcess <= 1e-6 && ind.distanceExcess <= 1e-6);
    recentTwOk.push(ind.timeWarp <= 1e-6);
    pop.add(ind);
    record(ind);
    if (!ind.feasible && rng.next() < PARAMS.repairProbability && !deadline.expired()) {
      const saved = { ...pen };
      pen.load *= PARAMS.repairBoost;
      pen.timeWarp *= PARAMS.repairBoost;
      pen.distance *= PARAMS.repairBoost;
      out.descents++;
      const repaired = ls.run(ind.routes);
      Object.assign(pen, saved);
      const rep = makeIndividual(m, repaired, pen);
      if (rep.feasible) {
        pop.add(rep);
        record(rep);
        ind = rep;
      }
    }
    return ind;
  };

  const managePenalties = () => {
    const adjust = (value: number, okShare: number) => {
      if (okShare < PARAMS.targetFeasible - 0.05) return clamp(value * 1.2);
      if (okShare > PARAMS.targetFeasible + 0.05) return clamp(value * 0.85);
      return value;
    };
    const share = (xs: boolean[]) => (xs.length ? xs.filter(Boolean).length / xs.length : 1);
    pen.load = adjust(pen.load, share(recentLoadOk));
    pen.distance = adjust(pen.distance, share(recentLoadOk));
    if (m.hasTime) pen.timeWarp = adjust(pen.timeWarp, share(recentTwOk));
    recentLoadOk = [];
    recentTwOk = [];
    pop.repenalise(pen, m.bigM);
  };

  const initialise = (first: boolean) => {
    // HGS starts from 4·mu descents; on larger instances each descent is costly, so fewer of them
    // let the genetic phase start within short budgets (a function of n only: runs stay reproducible).
    // Where even those outlast half the time limit (thousands of stops, a few seconds), the genetic
    // phase starts anyway with what there is: its descents, from children near a local optimum, are
    // several times cheaper than those from fresh tours.
    const target = Math.max(8, Math.min(4 * PARAMS.minSize, Math.round((4 * PARAMS.minSize * 200) / m.n)));
    for (let k = 0; k < target && !deadline.expired(); k++) {
      if (first && k >= 2 && deadline.fraction() >= PARAMS.initialShare) break;
      out.initialSolutions++;
      // random tours give the most diverse start, but on large instances the descent from them is
      // long, so those start from randomised nearest-neighbour tours instead
      if (k === 0 || m.n > LARGE) {
        // a first complete plan at once: greedy insertion (farthest stops first), recorded before its descent
        const order = k === 0 ? farthestFirst(m) : rng.shuffle(Array.from({ length: m.n }, (_, i) => i));
        const built = ls.construct(order);
        if (k === 0) {
          record(makeIndividual(m, built, pen));
          deadline.progress(`first plan, best ${out.bestFeasible ? Math.round(out.bestFeasible.objective) : 'none feasible yet'}`);
        }
        educate(built);
      } else educate(splitGiantTour(m, Int32Array.from(rng.shuffle(Array.from({ length: m.n }, (_, i) => i))), pen));
      deadline.progress(`initial solution ${k + 1}, best ${out.bestFeasible ? Math.round(out.bestFeasible.objective) : 'none feasible yet'}`);
    }
  };

  initialise(true);
  deadline.progress('initial population');
  while (!deadline.expired() && out.iterations < maxIterations) {
    out.iterations++;
    sinceImprovement++;
    const p1 = pop.selectParent();
    const p2 = pop.selectParent();
    const child = orderCrossover(p1.giant, p2.giant, rng);
    educate(splitGiantTour(m, child, pen));
    if (out.iterations % PARAMS.penaltyWindow === 0) {
      managePenalties();
      deadline.progress(`iteration ${out.iterations}, best ${out.bestFeasible ? Math.round(out.bestFeasible.objective) : 'none feasible yet'}`);
    }
    if (sinceImprovement >= PARAMS.iterationsWithoutImprovement) {
      pop.clear();
      sinceImprovement = 0;
      initialise(false);
    }
  }
  return out;
}

function clamp(x: number): number {
  return Math.min(MAX_PENALTY, Math.max(MIN_PENALTY, Number.isFinite(x) ? x : 1));
}

/** Violations weighted heavily: orders infeasible solutions by how close they are to feasible. */
function rawPenalised(ind: Individual, m: RoutingModel): number {
  return penalisedCost(ind, { load: 1e6 * m.typicalArcCost / m.typicalDemand, timeWarp: 1e6 * m.typicalArcCost / m.typicalArcSeconds, distance: 1e6 }, m.bigM);
}

/** OX: a slice of the first parent kept in place, the rest in the second parent's order. */
export function orderCrossover(a: Int32Array, b: Int32Array, rng: Random): Int32Array {
  const n = a.length;
  const child = new Int32Array(n);
  if (n < 2) return a.slice();
  const taken = new Uint8Array(n);
  const start = rng.int(n);
  let end = rng.int(n);
  while (end === start) end = rng.int(n);
  let j = start;
  while (j % n !== (end + 1) % n) {
    child[j % n] = a[j % n];
    taken[a[j % n]] = 1;
    j++;
  }
  for (let i = 1; i <= n; i++) {
    const c = b[(end + i) % n];
    if (taken[c]) continue;
    child[j % n] = c;
    j++;
  }
  return child;
}

/** Clients by decreasing distance from the first vehicle's start: far stops seed the routes. */
function farthestFirst(m: RoutingModel): number[] {
  const from = m.nodeLoc[m.n];
  const key = (c: number) => m.dist[from * m.M + m.nodeLoc[c]];
  return Array.from({ length: m.n }, (_, i) => i).sort((a, b) => key(b) - key(a) || a - b);
}

import type { Deadline } from '../control.js';
import type { AssignmentState } from './assignment-state.js';
import type { Instance } from './instance.js';
import { highs } from './mip.js';
import { lagrangianBound } from './lagrangian.js';
import { siteChoiceScratch, SITE_FREE, SITE_OPEN } from './site-choice.js';
import type { SiteKnapsacks } from './site-knapsacks.js';

/**
 * Raises the Lagrangian bound of a single-source model by column generation (Dantzig–Wolfe) on
 * the same decomposition: a column is one site with a set of zones within its capacity, the master
 * LP covers every zone once with at most one column per site and open capacity for the demand,
 * and pricing is the site knapsack the subgradient solves. The subgradient stalls short of the
 * dual optimum on large models (g500x2000: 413,850–413,990 after its share of a minute, where the
 * master's optimum is 414,174); the master's duals, kept in a box around the best multipliers
 * so far (box-step stabilisation, Marsten et al.), climb the rest in a few seconds.
 *
 * The bound reported is always the Lagrangian value at the duals, computed from the knapsacks
 * themselves, so it is valid whatever the LP's accuracy or the point at which it stops. On small
 * models the master's LP row for the open capacity is weaker than the subgradient's knapsack over
 * sites, and the subgradient's own bound may stay the higher one.
 */

export interface ColumnBoundOptions {
  deadline: Deadline;
  /** the subgradient's best multipliers and the bound they give */
  multipliers: Float64Array;
  bound: number;
  /** a feasible solution: its sites' zone sets are the first columns */
  incumbent: AssignmentState;
  knapsacks: SiteKnapsacks;
}

export interface ColumnBoundResult {
  bound: number;
  /** the master reached its optimum: no column priced out and no zone's dual was held by the box */
  converged: boolean;
  /** master LPs solved */
  rounds: number;
}

/** Half-width of the box around the centre multipliers, in cost units per zone, at the start. */
const INITIAL_BOX = 5;

/**
 * Most zones (master rows) for which the master LP re-solves fast enough to pay for the time it
 * takes from the region search: g500x2000's 2,000 rows reach the master's optimum in 8–12 s of a
 * minute on two cores; g400x4000's 4,000 rows gained nothing in 12 s and the lost region-search
 * time cost 0.2 % of the incumbent.
 */
const MAX_MASTER_ROWS = 2500;

/** The master covers single-source models without limits on the number of open sites, small enough to re-solve quickly. */
export function columnBoundApplies(inst: Instance): boolean {
  if (inst.kind !== 'single-source' || inst.maxOpen < inst.sites || inst.minOpen > 0 || inst.zones > MAX_MASTER_ROWS) return false;
  for (let i = 0; i < inst.sites; i++) if (!Number.isFinite(inst.capacity[i])) return false;
  return true;
}

export async function columnGenerationBound(inst: Instance, options: ColumnBoundOptions): Promise<ColumnBoundResult> {
  const { sites, zones, cost, fixed, capacity, demand } = inst;
  const { deadline, knapsacks } = options;
  const result: ColumnBoundResult = { bound: options.bound, converged: false, rounds: 0 };
  if (!columnBoundApplies(inst) || deadline.expired()) return result;
  const h = await highs();
  const siteRow = zones;
  const capacityRow = zones + sites;
  const rows = zones + sites + 1;
  const rowLower = new Float64Array(rows);
  const rowUpper = new Float64Array(rows);
  for (let z = 0; z < zones; z++) rowLower[z] = rowUpper[z] = 1;
  for (let i = 0; i < sites; i++) {
    rowLower[siteRow + i] = inst.mustOpen[i] ? 1 : -Infinity;
    rowUpper[siteRow + i] = 1;
  }
  rowLower[capacityRow] = inst.totalDemand;
  rowUpper[capacityRow] = Infinity;
  const model = h.createModel({
    numCols: 0,
    numRows: rows,
    colCost: new Float64Array(0),
    colLower: new Float64Array(0),
    colUpper: new Float64Array(0),
    rowLower,
    rowUpper,
    matrix: { format: 'csc', numRows: rows, numCols: 0, starts: Int32Array.from([0]), indices: new Int32Array(0), values: new Float64Array(0) },
  });
  try {
    // the master is re-solved from the last basis after columns are added: presolve would discard
    // it, and the primal simplex keeps the old solution feasible
    model.options.set({ output_flag: false, presolve: 'off', simplex_strategy: 4 });
    // the box: zone z's dual may leave [centre − box, centre + box] only at the price of these
    // two artificial columns, so the master's duals stay near the best multipliers so far
    let centre = options.multipliers.slice();
    let box = INITIAL_BOX;
    const boxCosts = new Float64Array(2 * zones);
    const setBox = () => {
      for (let z = 0; z < zones; z++) {
        boxCosts[2 * z] = centre[z] + box;
        boxCosts[2 * z + 1] = -(centre[z] - box);
      }
      model.changeColsCost({ kind: 'range', from: 0, to: 2 * zones - 1 }, boxCosts);
    };
    for (let z = 0; z < zones; z++) {
      model.addCol(centre[z] + box, 0, Infinity, { indices: [z], values: [1] });
      model.addCol(-(centre[z] - box), 0, Infinity, { indices: [z], values: [-1] });
    }
    /**
     * Adds site i's column for the zones `served` when it fits the capacity and its reduced cost
     * (at zone duals u, site dual v, capacity dual w; null for the first columns) is negative. The
     * set's own cost is priced, not the knapsack's value: a knapsack that fell back to its LP bound
     * values a set it then rounds, and that set may already be in the master.
     */
    const addColumn = (i: number, served: ArrayLike<number>, duals: { u: Float64Array; v: number; w: number } | null) => {
      let columnCost = fixed[i];
      let load = 0;
      let zoneDuals = 0;
      const list = Array.from(served).sort((a, b) => a - b);
      for (const z of list) {
        columnCost += cost[z * sites + i];
        load += demand[z];
        if (duals) zoneDuals += duals.u[z];
      }
      if (load > capacity[i] + 1e-9) return false;
      if (duals && columnCost - zoneDuals - duals.w * capacity[i] - duals.v >= -1e-6) return false;
      const indices = [...list, siteRow + i, capacityRow];
      const values = [...list.map(() => 1), 1, capacity[i]];
      model.addCol(columnCost, 0, Infinity, { indices, values });
      return true;
    };
    const bySite: number[][] = Array.from({ length: sites }, () => []);
    for (let z = 0; z < zones; z++) if (options.incumbent.assign[z] >= 0) bySite[options.incumbent.assign[z]].push(z);
    for (let i = 0; i < sites; i++) if (bySite[i].length > 0 || inst.mustOpen[i]) addColumn(i, bySite[i], null);

    const siteValue = new Float64Array(sites);
    const served: Int32Array[] = new Array(sites);
    const u = new Float64Array(zones);
    // the bound at the duals is the subgradient's: the sites chosen as a knapsack over capacities,
    // stronger than the master's LP row for "open capacity ≥ demand"
    const choice = siteChoiceScratch(inst);
    const status = Int8Array.from(inst.mustOpen, (must) => (must ? SITE_OPEN : SITE_FREE));
    const openShare = new Float64Array(sites);
    let centreBound = options.bound;
    while (!deadline.expired()) {
      // HiGHS counts its time limit over every run of the model, not per run
      model.options.set({ time_limit: model.getRunTime() + deadline.remainingMs() / 1000 });
      model.run();
      if (model.getModelStatus() !== h.constants.modelStatus.optimal) break;
      result.rounds++;
      const solution = model.getSolution();
      const dual = solution.rowDual;
      for (let z = 0; z < zones; z++) u[z] = dual[z];
      const w = Math.max(0, dual[capacityRow]);
      let artificial = 0;
      for (let k = 0; k < 2 * zones; k++) artificial += solution.colValue[k];
      const siteDual = dual.subarray(siteRow, siteRow + sites);
      if (deadline.expired()) break;
      knapsacks.solve(u, siteValue, served);
      const bound = lagrangianBound(inst, u, siteValue, status, openShare, choice);
      let added = 0;
      for (let i = 0; i < sites; i++) if (addColumn(i, served[i], { u, v: siteDual[i], w })) added++;
      result.bound = Math.max(result.bound, bound);
      if (bound > centreBound + 1e-9) {
        centre = u.slice();
        centreBound = bound;
        setBox();
      } else if (added === 0) {
        // no column prices out: the master is optimal within the box; only a larger box can help
        if (artificial < 1e-7) {
          result.converged = true;
          break;
        }
        box *= 2;
        setBox();
      }
    }
  } catch {
    // HiGHS refuses some data (matrix values from 1e15 on, say a capacity meant as unlimited): the
    // bound found so far stands, and the solve goes on without the rest of this step
  } finally {
    model.dispose();
  }
  return result;
}

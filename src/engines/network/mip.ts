import * as highsModule from 'highs';
import type { Highs } from 'highs';
import type { Instance } from './instance.js';

let highsPromise: Promise<Highs> | null = null;

/** HiGHS (WebAssembly) is loaded once per thread and reused. */
export function highs(): Promise<Highs> {
  // the package's types describe its CommonJS build, so under NodeNext the loader may sit one
  // `default` deeper in the types than it does at run time
  type Loader = () => Promise<Highs>;
  const mod = highsModule as unknown as { default: Loader | { default: Loader } };
  const loader: Loader = typeof mod.default === 'function' ? mod.default : mod.default.default;
  highsPromise ??= loader();
  return highsPromise;
}

export interface MipStart {
  open: Uint8Array;
  /** single-source assignment used as a starting incumbent; may be absent */
  assign?: Int32Array;
}

export interface MipResult {
  /** true when HiGHS proved optimality (within the integrality tolerance) */
  optimal: boolean;
  /** true when HiGHS proved the (possibly reduced) model has no solution */
  infeasible: boolean;
  /** best objective found, Infinity when none */
  objective: number;
  /** proven lower bound */
  bound: number;
  open?: Uint8Array;
  /** share of each zone's demand per site, zone-major; only when a solution was found */
  share?: Float64Array;
}

/**
 * Exact MIP for the location kinds (single-source, multi-source, p-median and coverage once it
 * is cast as a cost matrix). Columns: y (sites) then x (zone, site) pairs for sites not fixed
 * closed. Capacity rows link x to y for capacitated sites; x <= y rows for the others.
 */
export async function solveLocationMip(
  inst: Instance,
  fixedSite: Int8Array,
  start: MipStart | null,
  timeLimitSec: number,
  shouldStop: () => boolean,
  /** zone-major per site: 1 = this assignment cannot be in an improving solution */
  forbidden?: Uint8Array,
): Promise<MipResult> {
  const h = await highs();
  const { sites, zones, cost, demand, capacity, fixed } = inst;
  const single = inst.kind === 'single-source';
  const live: number[] = [];
  for (let i = 0; i < sites; i++) if (fixedSite[i] !== 0) live.push(i);
  const L = live.length;
  const numCols = L + zones * L;
  const colCost = new Float64Array(numCols);
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(1);
  const integrality = new Int32Array(numCols);
  for (let k = 0; k < L; k++) {
    const i = live[k];
    colCost[k] = fixed[i];
    integrality[k] = 1;
    if (fixedSite[i] === 1 || inst.mustOpen[i]) colLower[k] = 1;
  }
  for (let z = 0; z < zones; z++)
    for (let k = 0; k < L; k++) {
      const col = L + z * L + k;
      colCost[col] = cost[z * sites + live[k]];
      if (single) integrality[col] = 1;
      if (forbidden?.[z * sites + live[k]]) colUpper[col] = 0;
    }
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const endRow = (lo: number, hi: number) => {
    starts.push(indices.length);
    rowLower.push(lo);
    rowUpper.push(hi);
  };
  for (let z = 0; z < zones; z++) {
    for (let k = 0; k < L; k++) {
      indices.push(L + z * L + k);
      values.push(1);
    }
    endRow(1, 1);
  }
  for (let k = 0; k < L; k++) {
    const i = live[k];
    if (Number.isFinite(capacity[i])) {
      indices.push(k);
      values.push(-capacity[i]);
      for (let z = 0; z < zones; z++) {
        if (demand[z] === 0) continue;
        indices.push(L + z * L + k);
        values.push(demand[z]);
      }
      endRow(-Infinity, 0);
    }
    // x <= y rows: redundant with the capacity row for integer y, but they make the LP relaxation
    // (and so HiGHS's bound) far stronger for single-source models too
    for (let z = 0; z < zones; z++) {
        if (forbidden?.[z * sites + i]) continue;
        indices.push(L + z * L + k, k);
        values.push(1, -1);
        endRow(-Infinity, 0);
      }
  }
  if (inst.maxOpen < L || inst.minOpen > 0) {
    for (let k = 0; k < L; k++) {
      indices.push(k);
      values.push(1);
    }
    endRow(inst.minOpen, inst.maxOpen);
  }
  if (inst.kind === 'single-source' || inst.kind === 'multi-source') {
    // aggregate capacity: redundant for the MIP but a strong cut for its LP relaxation
    let finite = true;
    for (const i of live) if (!Number.isFinite(capacity[i])) finite = false;
    if (finite) {
      for (let k = 0; k < L; k++) {
        indices.push(k);
        values.push(capacity[live[k]]);
      }
      endRow(inst.totalDemand, Infinity);
    }
  }
  const numRows = rowLower.length;
  const model = h.createModel({
    numCols,
    numRows,
    colCost,
    colLower,
    colUpper,
    rowLower: Float64Array.from(rowLower),
    rowUpper: Float64Array.from(rowUpper),
    integrality,
    matrix: { format: 'csr', numRows, numCols, starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: Float64Array.from(values) },
  });
  try {
    model.options.set({
      output_flag: false,
      time_limit: Math.max(0.05, timeLimitSec),
      mip_rel_gap: 0,
      mip_abs_gap: inst.integral ? 0.999 : 1e-6,
    });
    if (start?.assign) {
      const value = new Float64Array(numCols);
      const position = new Int32Array(sites).fill(-1);
      live.forEach((i, k) => (position[i] = k));
      let usable = true;
      for (let k = 0; k < L; k++) value[k] = start.open[live[k]] ? 1 : 0;
      for (let z = 0; z < zones; z++) {
        const k = position[start.assign[z]];
        if (k < 0) usable = false;
        else value[L + z * L + k] = 1;
      }
      if (usable) model.setSolution({ colValue: value });
    }
    model.run({
      [h.constants.callbackType.mipInterrupt](event) {
        if (shouldStop()) event.interrupt();
      },
    });
    const status = model.getModelStatus();
    const optimal = status === h.constants.modelStatus.optimal;
    const info = (name: string): number => {
      try {
        return Number(model.info.get(name));
      } catch {
        return NaN;
      }
    };
    const dual = info('mip_dual_bound');
    // primal_solution_status 2 = feasible solution available
    const primal = info('primal_solution_status') === 2 ? model.getObjectiveValue() : Infinity;
    const infeasible = status === h.constants.modelStatus.infeasible;
    const result: MipResult = { optimal, infeasible, objective: Infinity, bound: Number.isFinite(dual) ? dual : -Infinity };
    if (Number.isFinite(primal) && primal < 1e20) {
      const x = model.getSolution().colValue;
      const open = new Uint8Array(sites);
      const share = new Float64Array(zones * sites);
      for (let k = 0; k < L; k++) open[live[k]] = x[k] > 0.5 ? 1 : 0;
      for (let z = 0; z < zones; z++)
        for (let k = 0; k < L; k++) {
          const v = x[L + z * L + k];
          if (v > 1e-9) share[z * sites + live[k]] = v;
        }
      result.objective = primal;
      result.open = open;
      result.share = share;
    }
    if (optimal) result.bound = Math.max(result.bound, inst.integral ? result.objective - 0.999 : result.objective - 1e-6);
    return result;
  } finally {
    model.dispose();
  }
}

/** Weights of the relaxed constraints during the search (infeasible solutions are kept but charged). */
export interface Penalties {
  /** Per unit of load above capacity (first dimension's unit). */
  load: number;
  /** Per second of time warp (lateness) or of duration above the maximum. */
  timeWarp: number;
  /** Per metre above a vehicle's maximum distance. */
  distance: number;
}

export const MIN_PENALTY = 1e-6;
export const MAX_PENALTY = 1e9;

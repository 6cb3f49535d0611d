/** Job tasks of the landed-cost capability. */
export function registerLandedCostTasks(): void {}

/** Job tasks of the packing capability. */
export function registerPackingTasks(): void {}

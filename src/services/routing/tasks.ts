/** Job tasks of the routing capability. */
export function registerRoutingTasks(): void {}

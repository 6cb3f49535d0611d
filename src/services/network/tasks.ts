/** Job tasks of the network capability. */
export function registerNetworkTasks(): void {}

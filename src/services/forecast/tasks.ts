/** Job tasks of the forecast capability. */
export function registerForecastTasks(): void {}

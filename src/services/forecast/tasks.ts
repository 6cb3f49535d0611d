/** Job tasks of the forecast capability. */
import { registerTask } from '../../jobs/task-registry.js';
import { FORECAST_KIND } from './forecasts.js';
import { buildForecastPayload } from './payload.js';
import { ForecastCreate, type ForecastResult } from './schema.js';
import type { ForecastPayload } from './types.js';

export function registerForecastTasks(): void {
  registerTask<unknown, ForecastPayload, ForecastResult>({
    kind: FORECAST_KIND,
    module: new URL('./run-forecast.ts', import.meta.url).href,
    exportName: 'runForecast',
    // The stored input was validated when the job was created; parsing again fills defaults for jobs made by other means.
    prepare: (services, merchantId, input) => buildForecastPayload(services, merchantId, ForecastCreate.parse(input ?? {})),
  });
}

/** Job tasks of the routing capability. */
import { registerTask } from '../../jobs/task-registry.js';
import { buildPlanPayload } from './plan-payload.js';
import { RoutePlanCreate, type RoutePlanResult } from './plan-schema.js';
import type { PlanPayload } from './plan-types.js';
import { ROUTING_PLAN_KIND } from './route-plans.js';

export function registerRoutingTasks(): void {
  registerTask<unknown, PlanPayload, RoutePlanResult>({
    kind: ROUTING_PLAN_KIND,
    module: new URL('./plan-worker.ts', import.meta.url).href,
    exportName: 'solveRoutePlan',
    // The stored input was validated when the job was created; parsing again fills defaults for jobs made by other means.
    prepare: (services, merchantId, input) => buildPlanPayload(services, merchantId, RoutePlanCreate.parse(input ?? {})),
  });
}

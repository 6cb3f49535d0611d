/** Route plans as merchants see them: a job of kind `routing.plan` under its own resource. */
import { and, eq } from 'drizzle-orm';
import type { Job } from '../../domain/resources.js';
import { warehouses } from '../../store/schema.js';
import type { Services } from '../index.js';
import { Conflict } from '../errors.js';
import { jsonColumn, listJobHeadlines } from '../../jobs/job-headlines.js';
import type { Page, PageRequest } from '../pagination.js';
import { buildPlanPayload, latestOrderDate } from './plan-payload.js';
import type { RoutePlanCreate, RoutePlanListItem, RoutePlanResult, RoutingDepot } from './plan-schema.js';

export const ROUTING_PLAN_KIND = 'routing.plan';

/** Checks the request against the merchant's data (a 400 now rather than a failed job later), then queues it. */
export async function createRoutePlan(services: Services, merchantId: string, input: RoutePlanCreate): Promise<Job> {
  await buildPlanPayload(services, merchantId, input, false);
  return services.jobs.create(merchantId, ROUTING_PLAN_KIND, input);
}

export function getRoutePlan(services: Services, merchantId: string, id: string): Promise<Job> {
  return services.jobs.getOfKind(merchantId, id, [ROUTING_PLAN_KIND], 'route plan');
}

/** A finished plan's result, for the exports. */
export async function finishedRoutePlan(services: Services, merchantId: string, id: string): Promise<RoutePlanResult> {
  const job = await getRoutePlan(services, merchantId, id);
  if (job.status !== 'succeeded' || !job.result) {
    throw new Conflict(`route plan ${id} is ${job.status}; only a finished plan can be exported`, [{ field: 'id', message: `plan is ${job.status}` }]);
  }
  return job.result as RoutePlanResult;
}

/** Newest first with each plan's totals only: a full plan holds every stop and is read one at a time. */
export function listRoutePlans(services: Services, merchantId: string, req: PageRequest & { status?: string }): Promise<Page<RoutePlanListItem>> {
  return listJobHeadlines(services.store, merchantId, ROUTING_PLAN_KIND, req,
    `coalesce(result->'depot'->>'code', input->>'depotCode') as depot_code,
     coalesce(result->>'date', input->>'date') as date, result->'totals' as totals`,
    (r) => ({
      depotCode: r.depot_code as string | null,
      date: r.date as string | null,
      totals: jsonColumn<RoutePlanListItem['totals']>(r.totals),
    }));
}

/** The merchant's active warehouses as depots, with the day of their latest nearby order to plan first. */
export async function routingDepots(services: Services, merchantId: string): Promise<RoutingDepot[]> {
  const rows = await services.store.db.select().from(warehouses).where(and(eq(warehouses.merchantId, merchantId), eq(warehouses.active, true))).orderBy(warehouses.code);
  const out: RoutingDepot[] = [];
  for (const w of rows) {
    out.push({
      code: w.code, name: w.name, city: w.city, country: w.country, lat: w.lat, lng: w.lng,
      latestOrderDate: await latestOrderDate(services, merchantId, { id: w.id, code: w.code, name: w.name, lat: w.lat, lng: w.lng }, 100),
    });
  }
  return out;
}

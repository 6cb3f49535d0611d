/** Route plans as merchants see them: a job of kind `routing.plan` under its own resource. */
import { and, eq } from 'drizzle-orm';
import type { Job } from '../../domain/resources.js';
import { warehouses } from '../../store/schema.js';
import type { Services } from '../index.js';
import { Conflict } from '../errors.js';
import { decodeCursor, pageLimit, type Page, type PageRequest } from '../pagination.js';
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

interface ListRow {
  id: string;
  status: string;
  progress: number;
  message: string;
  created_at: Date | string;
  finished_at: Date | string | null;
  depot_code: string | null;
  date: string | null;
  totals: RoutePlanListItem['totals'] | string | null;
}

const iso = (d: Date | string) => new Date(d).toISOString();

/** Newest first with each plan's totals only: a full plan holds every stop and is read one at a time. */
export async function listRoutePlans(services: Services, merchantId: string, req: PageRequest & { status?: string }): Promise<Page<RoutePlanListItem>> {
  const limit = pageLimit(req.limit);
  const params: unknown[] = [merchantId, ROUTING_PLAN_KIND, limit + 1];
  let where = 'merchant_id = $1 and kind = $2';
  const before = decodeCursor(req.cursor);
  if (before) {
    params.push(before);
    where += ` and id < $${params.length}`;
  }
  if (req.status) {
    params.push(req.status);
    where += ` and status = $${params.length}`;
  }
  const { rows } = await services.store.query<ListRow>(
    `select id, status, progress, message, created_at, finished_at,
            coalesce(result->'depot'->>'code', input->>'depotCode') as depot_code,
            coalesce(result->>'date', input->>'date') as date, result->'totals' as totals
       from jobs where ${where} order by id desc limit $3`, params);
  const more = rows.length > limit;
  const slice = more ? rows.slice(0, limit) : rows;
  return {
    data: slice.map((r) => ({
      id: r.id, status: r.status, progress: Number(r.progress), message: r.message, createdAt: iso(r.created_at), finishedAt: r.finished_at ? iso(r.finished_at) : null,
      depotCode: r.depot_code, date: r.date,
      totals: typeof r.totals === 'string' ? (JSON.parse(r.totals) as RoutePlanListItem['totals']) : r.totals ?? null,
    })),
    nextCursor: more ? Buffer.from(slice[slice.length - 1].id).toString('base64url') : null,
  };
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

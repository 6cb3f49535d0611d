/** Network studies as merchants see them: a job of kind `network.study` under its own resource. */
import type { Job } from '../../domain/resources.js';
import type { Services } from '../index.js';
import { decodeCursor, pageLimit, type Page, type PageRequest } from '../pagination.js';
import { buildStudyPayload } from './study-payload.js';
import type { NetworkStudyCreate, NetworkStudyListItem } from './study-schema.js';

export const NETWORK_STUDY_KIND = 'network.study';

/** Checks the request against the merchant's data (a 400 now rather than a failed job later), then queues it. */
export async function createNetworkStudy(services: Services, merchantId: string, input: NetworkStudyCreate): Promise<Job> {
  await buildStudyPayload(services, merchantId, input);
  return services.jobs.create(merchantId, NETWORK_STUDY_KIND, input);
}

export function getNetworkStudy(services: Services, merchantId: string, id: string): Promise<Job> {
  return services.jobs.getOfKind(merchantId, id, [NETWORK_STUDY_KIND], 'network study');
}

interface ListRow {
  id: string;
  status: string;
  progress: number;
  message: string;
  created_at: Date | string;
  finished_at: Date | string | null;
  max_warehouses: number | null;
  zone_by: string | null;
  summary: NetworkStudyListItem['summary'] | string | null;
}

const iso = (d: Date | string) => new Date(d).toISOString();

/** Newest first, with each study's headline only: a full result holds every zone and is read one at a time. */
export async function listNetworkStudies(services: Services, merchantId: string, req: PageRequest & { status?: string }): Promise<Page<NetworkStudyListItem>> {
  const limit = pageLimit(req.limit);
  const params: unknown[] = [merchantId, NETWORK_STUDY_KIND, limit + 1];
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
            (input->>'maxWarehouses')::int as max_warehouses, input->>'zoneBy' as zone_by, result->'summary' as summary
       from jobs where ${where} order by id desc limit $3`, params);
  const more = rows.length > limit;
  const slice = more ? rows.slice(0, limit) : rows;
  return {
    data: slice.map((r) => ({
      id: r.id, status: r.status, progress: Number(r.progress), message: r.message, createdAt: iso(r.created_at), finishedAt: r.finished_at ? iso(r.finished_at) : null,
      maxWarehouses: r.max_warehouses === null ? null : Number(r.max_warehouses), zoneBy: r.zone_by,
      summary: typeof r.summary === 'string' ? (JSON.parse(r.summary) as NetworkStudyListItem['summary']) : r.summary ?? null,
    })),
    nextCursor: more ? Buffer.from(slice[slice.length - 1].id).toString('base64url') : null,
  };
}

/**
 * Lists of one kind of job with a few headline fields taken out of the stored input and result, for
 * capabilities that show their jobs as a resource (network studies, forecasts, route plans). Full
 * results can hold thousands of zones, series or stops, so lists never read them whole.
 */
import type { Store } from '../store/database.js';
import { decodeCursor, pageLimit, type Page, type PageRequest } from '../services/pagination.js';

export interface JobHeadline {
  id: string;
  status: string;
  progress: number;
  message: string;
  createdAt: string;
  finishedAt: string | null;
}

interface BaseRow {
  id: string;
  status: string;
  progress: number;
  message: string;
  created_at: Date | string;
  finished_at: Date | string | null;
}

const iso = (d: Date | string) => new Date(d).toISOString();

/** jsonb comes back parsed from both drivers, but a text cast of it would not: accept both. */
export function jsonColumn<T>(value: unknown): T | null {
  if (value === null || value === undefined) return null;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/**
 * Newest first. `headlineColumns` is a SQL select list over `input` and `result` (e.g.
 * `result->'summary' as summary`); `toHeadline` turns those columns into the item's own fields.
 */
export async function listJobHeadlines<Extra>(
  store: Store, merchantId: string, kind: string, req: PageRequest & { status?: string },
  headlineColumns: string, toHeadline: (row: Record<string, unknown>) => Extra,
): Promise<Page<JobHeadline & Extra>> {
  const limit = pageLimit(req.limit);
  const params: unknown[] = [merchantId, kind, limit + 1];
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
  const { rows } = await store.query<BaseRow & Record<string, unknown>>(
    `select id, status, progress, message, created_at, finished_at, ${headlineColumns}
       from jobs where ${where} order by id desc limit $3`, params);
  const more = rows.length > limit;
  const slice = more ? rows.slice(0, limit) : rows;
  return {
    data: slice.map((r) => ({
      id: r.id, status: r.status, progress: Number(r.progress), message: r.message,
      createdAt: iso(r.created_at), finishedAt: r.finished_at ? iso(r.finished_at) : null,
      ...toHeadline(r),
    })),
    nextCursor: more ? Buffer.from(slice[slice.length - 1].id).toString('base64url') : null,
  };
}

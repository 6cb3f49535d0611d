/** Forecasts as merchants see them: a job of kind `forecast.run` under its own resource. */
import type { Job } from '../../domain/resources.js';
import type { Services } from '../index.js';
import { decodeCursor, pageLimit, type Page, type PageRequest } from '../pagination.js';
import { historyWindow } from './payload.js';
import type { ForecastCreate, ForecastListItem, ForecastResult, ForecastSeriesResult } from './schema.js';
import { NotFound } from '../errors.js';

export const FORECAST_KIND = 'forecast.run';

/** Checks the window against the merchant's orders (a 400 now rather than a failed job later), then queues it. */
export async function createForecast(services: Services, merchantId: string, input: ForecastCreate): Promise<Job> {
  await historyWindow(services, merchantId, input);
  return services.jobs.create(merchantId, FORECAST_KIND, input);
}

/**
 * A forecast job; with `series` (comma-separated keys), the result keeps only those series: a
 * chart needs one, the full result holds hundreds.
 */
export async function getForecast(services: Services, merchantId: string, id: string, series?: string): Promise<Job> {
  const job = await services.jobs.getOfKind(merchantId, id, [FORECAST_KIND], 'forecast');
  if (!series || !job.result) return job;
  const result = job.result as ForecastResult;
  const byKey = new Map(result.series.map((s) => [s.key, s]));
  // A category name may itself hold a comma, so the whole value is tried as one key first.
  const keys = byKey.has(series) ? [series] : series.split(',').map((k) => k.trim()).filter(Boolean);
  const missing = keys.find((k) => !byKey.has(k));
  if (missing !== undefined) throw new NotFound(`series in forecast ${id}`, missing);
  const kept: ForecastSeriesResult[] = keys.map((k) => byKey.get(k)!);
  return { ...job, result: { ...result, series: kept } };
}

interface ListRow {
  id: string;
  status: string;
  progress: number;
  message: string;
  created_at: Date | string;
  finished_at: Date | string | null;
  summary: ForecastListItem['summary'] | string | null;
}

const iso = (d: Date | string) => new Date(d).toISOString();

/** Newest first, with each forecast's headline only: a full result holds every series. */
export async function listForecasts(services: Services, merchantId: string, req: PageRequest & { status?: string }): Promise<Page<ForecastListItem>> {
  const limit = pageLimit(req.limit);
  const params: unknown[] = [merchantId, FORECAST_KIND, limit + 1];
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
    `select id, status, progress, message, created_at, finished_at, result->'summary' as summary
       from jobs where ${where} order by id desc limit $3`, params);
  const more = rows.length > limit;
  const slice = more ? rows.slice(0, limit) : rows;
  return {
    data: slice.map((r) => ({
      id: r.id, status: r.status, progress: Number(r.progress), message: r.message, createdAt: iso(r.created_at), finishedAt: r.finished_at ? iso(r.finished_at) : null,
      summary: typeof r.summary === 'string' ? (JSON.parse(r.summary) as ForecastListItem['summary']) : r.summary ?? null,
    })),
    nextCursor: more ? Buffer.from(slice[slice.length - 1].id).toString('base64url') : null,
  };
}

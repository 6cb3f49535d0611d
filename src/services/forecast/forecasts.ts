/** Forecasts as merchants see them: a job of kind `forecast.run` under its own resource. */
import type { Job } from '../../domain/resources.js';
import type { Services } from '../index.js';
import { jsonColumn, listJobHeadlines } from '../../jobs/job-headlines.js';
import type { Page, PageRequest } from '../pagination.js';
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

/** Newest first, with each forecast's headline only: a full result holds every series. */
export function listForecasts(services: Services, merchantId: string, req: PageRequest & { status?: string }): Promise<Page<ForecastListItem>> {
  return listJobHeadlines(services.store, merchantId, FORECAST_KIND, req, `result->'summary' as summary`,
    (r) => ({ summary: jsonColumn<ForecastListItem['summary']>(r.summary) }));
}

/** Network studies as merchants see them: a job of kind `network.study` under its own resource. */
import type { Job } from '../../domain/resources.js';
import type { Services } from '../index.js';
import { jsonColumn, listJobHeadlines } from '../../jobs/job-headlines.js';
import type { Page, PageRequest } from '../pagination.js';
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

/** Newest first, with each study's headline only: a full result holds every zone and is read one at a time. */
export function listNetworkStudies(services: Services, merchantId: string, req: PageRequest & { status?: string }): Promise<Page<NetworkStudyListItem>> {
  return listJobHeadlines(services.store, merchantId, NETWORK_STUDY_KIND, req,
    `(input->>'maxWarehouses')::int as max_warehouses, input->>'zoneBy' as zone_by, result->'summary' as summary`,
    (r) => ({
      maxWarehouses: r.max_warehouses === null ? null : Number(r.max_warehouses),
      zoneBy: r.zone_by as string | null,
      summary: jsonColumn<NetworkStudyListItem['summary']>(r.summary),
    }));
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Job } from '../../domain/resources.js';
import { createNetworkStudy, getNetworkStudy, listNetworkStudies } from '../../services/network/studies.js';
import { NetworkStudyCreate, NetworkStudyListItem, NetworkStudyResult } from '../../services/network/study-schema.js';
import { merchantOf } from '../context.js';
import { errorResponses, IdParams, PageQuery, pageOf, security } from './common.js';
import { jobWithResult, sendAccepted } from './jobs-common.js';

const tags = ['Network'];
const NetworkStudyJob = jobWithResult(NetworkStudyResult, 'NetworkStudyJob');

/** HTTP routes of the network capability (under /v1). */
export async function networkRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const s = fastify.services;

  app.post('/network-studies', {
    schema: {
      tags, summary: 'Study where to put warehouses and which zones each serves, for 1..maxWarehouses sites (a job)', security,
      description: [
        'Aggregates the order history in the window (default: the 365 days up to the latest order) into demand zones by city or postal code, in units per year.',
        'Candidate sites are your active warehouses plus the largest demand cities (or your own list). For each number of warehouses k the single-source capacitated facility location problem is solved: fixed cost per year + units × road km × costPerUnitKm, each zone served by one site. With `objective: "coverage"` each scenario\'s sites are instead the k that reach the most demand within `coverageWithinDays` transit days (within their capacities), and zones are served from them as cheaply as that reach allows.',
        'The result gives per scenario the open sites, each zone\'s site, the costs, demand-weighted mean and p90 distance and transit days, the share of demand within 1/2/3 days, a lower bound and the gap; and today\'s network costed the same way.',
        'Answers 202 with a job; follow it at `GET /v1/network-studies/{id}`. Input that cannot work (no orders with coordinates, capacity below demand, an unknown mustKeep code) is a 400 naming the field.',
      ].join('\n\n'),
      body: NetworkStudyCreate,
      response: { 202: Job, ...errorResponses },
    },
  }, async (req, reply) => sendAccepted(reply, await createNetworkStudy(s, merchantOf(req), req.body), '/v1/network-studies'));

  app.get('/network-studies', {
    schema: {
      tags, summary: 'Network studies, newest first, with their headline figures', security,
      querystring: z.object({ ...PageQuery, status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']).optional() }),
      response: { 200: pageOf(NetworkStudyListItem), ...errorResponses },
    },
  }, (req) => listNetworkStudies(s, merchantOf(req), req.query));

  app.get('/network-studies/:id', {
    schema: { tags, summary: 'A network study: status, progress, and when done the scenarios and today\'s network', security, params: IdParams, response: { 200: NetworkStudyJob, ...errorResponses } },
  }, (req) => getNetworkStudy(s, merchantOf(req), req.params.id) as never);
}

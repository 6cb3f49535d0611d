import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Job } from '../../domain/resources.js';
import { planCsv, planGeoJson } from '../../services/routing/plan-export.js';
import { RoutePlanCreate, RoutePlanListItem, RoutePlanResult, RoutingDepot } from '../../services/routing/plan-schema.js';
import { createRoutePlan, finishedRoutePlan, getRoutePlan, listRoutePlans, routingDepots } from '../../services/routing/route-plans.js';
import { merchantOf } from '../context.js';
import { errorResponses, IdParams, PageQuery, pageOf, security } from './common.js';
import { jobWithResult, sendAccepted } from './jobs-common.js';

const tags = ['Routing'];
const RoutePlanJob = jobWithResult(RoutePlanResult, 'RoutePlanJob');

/** HTTP routes of the routing capability (under /v1). */
export async function routingRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const s = fastify.services;

  app.post('/route-plans', {
    schema: {
      tags, summary: 'Plan delivery routes for a day: which van serves which stops, in which order (a job)', security,
      description: [
        '`{ depotCode, date?, days?, radiusKm? }` plans the orders shipping within `radiusKm` (default 100) of the warehouse that were placed on `date` and the `days` − 1 days before (default 7 days ending on the day of the latest such order). Each order is a stop: weight from its products (g), volume from their mm dimensions (L), one parcel, delivery window 09:00–18:00, 5 minutes at a home and 10 at a business.',
        'Or an explicit `stops` list (id, lat/lng, demand, time windows, service minutes, skills, priority) with a `depotCode` or `depot` coordinates.',
        '`vehicles` is a number of standard vans (1 t, 10 m³, 150 parcels, shift 08:00–19:00, 40 + 0.30/km + 28/h) or a list with capacities, shifts, costs, skills, start/end, open ends and a driver `break` (`{ durationMinutes, windows: [{ from, to }] }`: it starts inside a window wherever the van is, no detour; each route then has a `break` with its times and place, and counts it in its hours and cost). Times are local "HH:MM" at the depot.',
        'Travel is great-circle distance × `options.circuityFactor` at `options.speedKmh` (default 45 km/h) or by `options.speedProfile` (speed by the leg\'s road km, e.g. `[{ upToKm: 2, kmh: 20 }, { upToKm: 10, kmh: 35 }, { kmh: 60 }]`: a leg\'s first 2 km at 20 km/h, the next 8 at 35, the rest at 60; one or the other), or `options.matrix` (depot first, then the stops), or a routing server at `options.tableUrl`: OSRM (`table` service; the default) or, with `options.tableProvider: "valhalla"`, Valhalla (`sources_to_targets`, `options.costing` auto, truck or bicycle). Pairs the server cannot route are estimated; a server that cannot be reached, refuses the request or does not answer in time (30 s by default) fails the job with the reason.',
        'Answers 202 with a job; follow it at `GET /v1/route-plans/{id}`. Malformed input (a window closing before it opens, duplicate ids, bad coordinates, no vehicles, a break that cannot fit in its van\'s shift) is a 400 naming the field; stops that are valid but cannot be served (too heavy for every van, unreachable in their window, missing skill) come back under `unassigned` with the reason.',
      ].join('\n\n'),
      body: RoutePlanCreate,
      response: { 202: Job, ...errorResponses },
    },
  }, async (req, reply) => sendAccepted(reply, await createRoutePlan(s, merchantOf(req), req.body), '/v1/route-plans'));

  app.get('/route-plans', {
    schema: {
      tags, summary: 'Route plans, newest first, with their totals', security,
      querystring: z.object({ ...PageQuery, status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']).optional() }),
      response: { 200: pageOf(RoutePlanListItem), ...errorResponses },
    },
  }, (req) => listRoutePlans(s, merchantOf(req), req.query));

  app.get('/route-plans/depots', {
    schema: {
      tags, summary: 'The warehouses vans can leave from, with the day of the latest order near each', security,
      response: { 200: z.object({ data: z.array(RoutingDepot) }), ...errorResponses },
    },
  }, async (req) => ({ data: await routingDepots(s, merchantOf(req)) }));

  app.get('/route-plans/:id', {
    schema: { tags, summary: 'A route plan: status, progress, and when done the routes, totals and unassigned stops', security, params: IdParams, response: { 200: RoutePlanJob, ...errorResponses } },
  }, (req) => getRoutePlan(s, merchantOf(req), req.params.id) as never);

  app.get('/route-plans/:id/export.csv', {
    schema: { tags, summary: 'A finished plan as CSV: one row per stop (vehicle, sequence, stop, order, arrival, departure, lat, lng), and one per driver break (kind = break)', security, params: IdParams },
  }, async (req, reply) => {
    const plan = await finishedRoutePlan(s, merchantOf(req), req.params.id);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="route-plan-${req.params.id}.csv"`).send(planCsv(plan));
  });

  app.get('/route-plans/:id/export.geojson', {
    schema: { tags, summary: 'A finished plan as a GeoJSON FeatureCollection: a LineString per route (with its break times), a Point per stop and per break, the depot and unassigned stops', security, params: IdParams },
  }, async (req, reply) => {
    const plan = await finishedRoutePlan(s, merchantOf(req), req.params.id);
    return reply.type('application/geo+json').header('content-disposition', `attachment; filename="route-plan-${req.params.id}.geojson"`).send(JSON.stringify(planGeoJson(plan)));
  });
}

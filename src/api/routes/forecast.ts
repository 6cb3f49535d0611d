import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Job } from '../../domain/resources.js';
import { createForecast, getForecast, listForecasts } from '../../services/forecast/forecasts.js';
import { ForecastCreate, ForecastListItem, ForecastResult } from '../../services/forecast/schema.js';
import { merchantOf } from '../context.js';
import { errorResponses, IdParams, PageQuery, pageOf, security } from './common.js';
import { jobWithResult, sendAccepted } from './jobs-common.js';

const tags = ['Forecast'];
const ForecastJob = jobWithResult(ForecastResult, 'ForecastJob');

/** HTTP routes of the forecast capability (under /v1). */
export async function forecastRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const s = fastify.services;

  app.post('/forecasts', {
    schema: {
      tags, summary: 'Forecast daily demand per SKU, warehouse and channel, with 80/95 % intervals and a backtest (a job)', security,
      description: [
        'Builds daily units per SKU from the order history (cancelled orders left out; the order\'s warehouse is its region; days without sales are zeros from the SKU\'s first sale on).',
        'The `top` SKUs by units are forecast one by one; the rest are summed per category into "other" series. Each bottom series gets the engine\'s automatic model choice (ETS, Theta, Croston/SBA/TSB/ADIDA for intermittent demand, multiple seasonalities) with weekly seasonality, and yearly with two years of history; Black Friday and Cyber Monday uplifts are applied where the history shows them.',
        'Forecasts are added up bottom-up to SKU, category, warehouse, channel and total, so every level adds up. The rolling-origin backtest (3 origins one horizon apart) scores our forecast and seasonal naive with MASE, sMAPE, RMSSE, bias and interval coverage; peaks (days far above the usual level, e.g. Black Friday) are flagged with their date and ratio.',
        'Answers 202 with a job; follow it at `GET /v1/forecasts/{id}`. A window without orders is a 400 naming the field.',
      ].join('\n\n'),
      body: ForecastCreate,
      response: { 202: Job, ...errorResponses },
    },
  }, async (req, reply) => sendAccepted(reply, await createForecast(s, merchantOf(req), req.body), '/v1/forecasts'));

  app.get('/forecasts', {
    schema: {
      tags, summary: 'Forecasts, newest first, with their headline figures', security,
      querystring: z.object({ ...PageQuery, status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']).optional() }),
      response: { 200: pageOf(ForecastListItem), ...errorResponses },
    },
  }, (req) => listForecasts(s, merchantOf(req), req.query));

  app.get('/forecasts/:id', {
    schema: {
      tags, summary: 'A forecast: status, progress, and when done every series with history, forecast, intervals, accuracy and peaks', security,
      params: IdParams,
      querystring: z.object({
        series: z.string().trim().min(1, 'must name at least one series key').optional()
          .meta({ description: 'comma-separated series keys (e.g. "total,sku:TENT-1"): keep only these series in the result' }),
      }),
      response: { 200: ForecastJob, ...errorResponses },
    },
  }, (req) => getForecast(s, merchantOf(req), req.params.id, req.query.series) as never);
}

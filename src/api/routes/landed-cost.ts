/**
 * Cross-border: landed-cost quotes, the merchant's exchange rates, the HS 2022 helper and customs
 * documents as PDF. Quotes are synchronous: the engine answers in well under a millisecond.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem } from '../problem.js';
import { merchantOf } from '../context.js';
import { crossBorderServices } from '../../services/landed-cost/index.js';
import { Invalid } from '../../services/errors.js';
import { tablesFromInput } from '../../services/landed-cost/exchange-rates.js';
import {
  CustomsDocumentFromOrder, CustomsDocumentFull, ExchangeRateImport, ExchangeRateTable, ExchangeRateTableInput, HsCodeInfo, HsSearchResult,
  IsoDay, LandedCostApiRequest, LandedCostQuoteSchema,
} from '../../services/landed-cost/schemas.js';
import { errorResponses, security } from './common.js';

const DocumentProblems = Problem.extend({
  errors: z.array(z.object({
    field: z.string(), message: z.string(),
    code: z.string().meta({ description: 'missing-hs-code, missing-origin, value-mismatch, weight-mismatch, cn22-over-limit, prohibited-goods, ...' }),
    severity: z.enum(['error', 'warning']).meta({ description: 'errors stop printing; warnings would be printed on the document as notes' }),
  })),
}).meta({ id: 'CustomsDocumentProblems' });

const ExchangeRatesBody = z.union([ExchangeRateTableInput, z.array(ExchangeRateTableInput).min(1).max(20_000)]);

/** These bodies are validated by the service, which names each field; the schema is for OpenAPI. */
const acceptAnyBody = () => (data: unknown) => ({ value: data });

export async function landedCostRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const s = () => crossBorderServices(fastify.services.store.db);

  // Encapsulated in this plugin: only the exchange-rate import reads XML bodies.
  fastify.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.post('/landed-cost', {
    schema: {
      tags: ['Landed cost'], summary: 'Quote duties, taxes and fees for a cross-border parcel', security,
      description: 'Synchronous. Every duty, tax and fee line names its rule, official source and formula; subtotals, the DDP total and who pays what follow. Exchange rates: `exchangeRates` in the body, else the merchant\'s stored rates (the latest table on or before `date`, at most 31 days old). Bad input (unknown country or currency, HS code of the wrong length, negative value, a date outside every rule, a missing rate) is a 400 naming the field. Examples per destination: src/engines/landed-cost/README.md.',
      body: LandedCostApiRequest,
      response: { 200: LandedCostQuoteSchema, ...errorResponses },
    },
  }, (req) => s().landedCost.quote(merchantOf(req), req.body));

  app.post('/exchange-rates', {
    schema: {
      tags: ['Landed cost'], summary: 'Store exchange rates (ECB XML or JSON)', security,
      description: 'Send the ECB reference-rate file (eurofxref-daily.xml, -hist-90d.xml or -hist.xml) with Content-Type application/xml, or JSON `{ date, base, rates }` (or an array of them). A table of the same day and base is merged currency by currency (so XDR added by JSON for the CN22 limit stays when the ECB file is imported again). Quotes without their own rates use the latest table on or before their date.',
      body: ExchangeRatesBody,
      response: { 201: ExchangeRateImport, ...errorResponses },
    },
    validatorCompiler: acceptAnyBody,
  }, async (req, reply) => {
    const svc = s().exchangeRates;
    const merchantId = merchantOf(req);
    if (typeof req.body === 'string') return reply.status(201).send(await svc.importTables(merchantId, svc.parseEcb(req.body), 'ecb-xml'));
    const parsed = ExchangeRatesBody.safeParse(req.body);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => ({ field: i.path.length ? i.path.join('.') : '(body)', message: i.message }));
      throw new Invalid(`invalid exchange rates: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`, errors);
    }
    const tables = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
    return reply.status(201).send(await svc.importTables(merchantId, tablesFromInput(tables.map((t) => ({ ...t, source: t.source ?? 'merchant rates' }))), 'json'));
  });

  app.get('/exchange-rates', {
    schema: {
      tags: ['Landed cost'], summary: "The merchant's exchange-rate tables, newest first", security,
      querystring: z.object({
        from: IsoDay.optional(), to: IsoDay.optional(),
        limit: z.coerce.number().int().min(1).max(1000).default(50).meta({ description: 'tables to return, 1 to 1000 (default 50)' }),
      }),
      response: { 200: z.object({ data: z.array(ExchangeRateTable) }), ...errorResponses },
    },
  }, async (req) => ({ data: await s().exchangeRates.list(merchantOf(req), req.query) }));

  app.get('/hs-codes', {
    schema: {
      tags: ['Landed cost'], summary: 'Search the HS 2022 nomenclature by words', security,
      description: 'Ranked: entries matching more words first, then rarer words; a heading before its subheadings at equal score. Shoppers\' words work (t-shirt, sneakers, laptop).',
      querystring: z.object({
        q: z.string().max(200).meta({ description: 'words, e.g. "cotton t-shirt"' }),
        limit: z.coerce.number().int().min(1).max(50).default(10),
      }),
      response: { 200: HsSearchResult, ...errorResponses },
    },
  }, (req) => s().hsCodes.search(req.query.q, req.query.limit));

  app.get('/hs-codes/:code', {
    schema: {
      tags: ['Landed cost'], summary: 'Validate an HS code and describe it', security,
      description: 'A 6–10 digit code (dots and spaces ignored) is valid when its first six digits are an HS 2022 subheading; a 2- or 4-digit code returns its chapter or heading (valid: false, it cannot be declared). Malformed: 400; not in HS 2022: 404.',
      params: z.object({ code: z.string().max(20) }),
      response: { 200: HsCodeInfo, ...errorResponses },
    },
  }, (req) => s().hsCodes.describe(req.params.code));

  app.post('/customs-documents', {
    schema: {
      tags: ['Landed cost'], summary: 'Print a commercial invoice, CN22, CN23 or packing list (PDF)', security,
      description: 'Either the shipment in full (`CustomsDocumentRequest`) or `{ type, orderId, exporter?, importer?, incoterm, reason }` to build it from a stored order (HS codes, origins and weights from the products). Checked before printing: missing HS code or origin, value or weight mismatch, CN22 over 300 SDR (needs an XDR rate) or 2 kg, goods prohibited or restricted at the destination. Problems: 422 listing every one (field + message); warnings are printed on the document. Answers application/pdf.',
      body: z.union([CustomsDocumentFull, CustomsDocumentFromOrder]),
      produces: ['application/pdf'],
      response: {
        200: z.any().meta({ description: 'the PDF document', type: 'string', format: 'binary' }),
        422: DocumentProblems,
        ...errorResponses,
      },
    },
    validatorCompiler: acceptAnyBody,
  }, async (req, reply) => {
    const doc = await s().customsDocuments.render(merchantOf(req), req.body);
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="${doc.filename}"`)
      .header('x-page-count', String(doc.pageCount))
      .header('x-document-warnings', String(doc.warnings.length))
      .send(doc.pdf);
  });
}

/**
 * The cross-border API's shapes as zod schemas: one definition for validation and OpenAPI. The
 * landed-cost request is the engine's own schema, extended only by optional exchange rates.
 */
import { z } from 'zod';
import { CurrencyCode, isCurrencyCode } from '../../domain/codes.js';
import { CustomsDocumentRequestSchema, DOCUMENT_KINDS, PartySchema } from '../../engines/customs/index.js';
import { INCOTERMS_2020, LandedCostRequestSchema, type LandedCostQuote } from '../../engines/landed-cost/index.js';

export const IsoDay = z.string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), { message: 'must be a real calendar date' });

const Rate = z.union([z.string(), z.number()])
  .transform((v) => (typeof v === 'number' ? String(v) : v.trim()))
  .refine((s) => /^\d{1,12}(\.\d{1,12})?$/.test(s) && Number(s) > 0, { message: 'must be a positive decimal rate, e.g. "1.0832"' })
  .meta({ type: 'string', example: '1.0832' });

export const ExchangeRateTableInput = z.object({
  date: IsoDay.meta({ description: 'day the rates were fixed', example: '2026-11-24' }),
  base: CurrencyCode,
  rates: z.record(z.string(), Rate)
    .superRefine((rates, ctx) => {
      for (const code of Object.keys(rates)) {
        if (!isCurrencyCode(code)) ctx.addIssue({ code: 'custom', path: [code], message: 'must be an ISO 4217 currency code, e.g. USD' });
      }
      if (Object.keys(rates).length === 0) ctx.addIssue({ code: 'custom', message: 'must hold at least one rate' });
    })
    .meta({ description: 'units of each currency per one unit of base', example: { USD: '1.0832', GBP: '0.8571' } }),
  source: z.string().trim().min(1).max(200).optional().meta({ description: 'where the rates come from; default "merchant rates"' }),
}).meta({ id: 'NewExchangeRateTable' });

export const ExchangeRateTable = z.object({
  id: z.string(),
  date: z.string(),
  base: z.string(),
  rates: z.record(z.string(), z.string()),
  source: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).meta({ id: 'ExchangeRateTable' });

export const ExchangeRateImport = z.object({
  format: z.enum(['ecb-xml', 'json']),
  tables: z.number(),
  inserted: z.number(),
  updated: z.number(),
  from: z.string(),
  to: z.string(),
  currencies: z.array(z.string()),
}).meta({ id: 'ExchangeRateImport' });

export const LandedCostApiRequest = LandedCostRequestSchema.extend({
  exchangeRates: z.array(ExchangeRateTableInput).max(400).optional()
    .meta({ description: "rate tables for this quote only; when absent, the merchant's stored rates (latest on or before `date`) are used" }),
}).strict().meta({ id: 'LandedCostRequest' });

const Payer = z.enum(['seller', 'buyer']);

const ChargeLine = z.object({
  kind: z.enum(['duty', 'tax', 'fee']),
  code: z.string().meta({ description: 'DUTY, FLAT_DUTY, VAT, GST, HST, CT, LCT, MPF, HANDLING' }),
  name: z.string(),
  amount: z.string().meta({ description: "in the destination's assessment currency, rounded as it rounds" }),
  currency: z.string(),
  quoteAmount: z.string(),
  quoteCurrency: z.string(),
  ruleId: z.string(),
  source: z.string(),
  formula: z.string(),
  base: z.string().optional(),
  ratePercent: z.string().optional(),
  itemIndexes: z.array(z.number()),
  collectedAt: z.enum(['checkout', 'import']),
  collectedBy: z.enum(['seller', 'customs', 'carrier']),
  payer: Payer,
  waivedBecause: z.string().optional(),
}).meta({ id: 'LandedCostChargeLine' });

const MoneyTotals = z.object({
  currency: z.string(), goods: z.string(), shipping: z.string(), insurance: z.string(), duties: z.string(), taxes: z.string(), fees: z.string(),
  ddpTotal: z.string(), checkoutTotal: z.string(), dueOnDelivery: z.string(),
}).meta({ id: 'LandedCostTotals' });

export const LandedCostQuoteSchema = z.object({
  date: z.string(),
  origin: z.string(),
  destination: z.object({ country: z.string(), region: z.string().optional() }),
  incoterm: z.string(),
  rules: z.array(z.object({ id: z.string(), effectiveFrom: z.string(), effectiveUntil: z.string().nullable(), sources: z.array(z.string()), notes: z.array(z.string()) })),
  items: z.array(z.object({
    index: z.number(), description: z.string(), hsCode: z.string(), originCountry: z.string(), quantity: z.number(), goodsValue: z.string(), customsValue: z.string(),
    dutyRateSource: z.enum(['merchant-override', 'default-table', 'default-fallback', 'flat-rate', 'exempt']).optional(),
  })),
  duties: z.array(ChargeLine),
  taxes: z.array(ChargeLine),
  fees: z.array(ChargeLine),
  exemptions: z.array(z.object({
    kind: z.enum(['duty-de-minimis', 'tax-de-minimis', 'seller-collected', 'no-import', 'duty-relief']), ruleId: z.string(), source: z.string(), detail: z.string(), itemIndexes: z.array(z.number()),
  })),
  destinationTotals: MoneyTotals,
  totals: MoneyTotals,
  payer: z.object({ duties: Payer, importTaxes: Payer, fees: Payer }),
  exchangeRates: z.array(z.object({ from: z.string(), to: z.string(), rate: z.string(), date: z.string(), source: z.string() })),
  warnings: z.array(z.string()),
}).meta({ id: 'LandedCostQuote' });

// The response schema must accept every quote the engine builds, or the API answers 500.
type Assignable<T, U extends T> = U;
export type QuoteSchemaCoversEngine = Assignable<z.input<typeof LandedCostQuoteSchema>, LandedCostQuote>;

export const HsSearchResult = z.object({
  query: z.string(),
  data: z.array(z.object({
    code: z.string(), description: z.string(), level: z.number().meta({ description: '2 chapter, 4 heading, 6 subheading' }), score: z.number(),
    path: z.array(z.object({ code: z.string(), description: z.string() })),
  })),
}).meta({ id: 'HsSearchResult' });

const HsEntry = z.object({ code: z.string(), description: z.string() });

export const HsCodeInfo = z.object({
  code: z.string().meta({ description: 'the code as given, digits only' }),
  valid: z.boolean(),
  level: z.number().meta({ description: 'most precise HS 2022 level found: 2, 4 or 6' }),
  description: z.string(),
  chapter: HsEntry.optional(),
  heading: HsEntry.optional(),
  subheading: HsEntry.optional(),
  nationalDigits: z.string().meta({ description: 'digits beyond the six HS digits (national tariff line), not checked against a national tariff' }),
}).meta({ id: 'HsCode' });

/** Shipment data in full, exactly as the customs engine prints it. */
export const CustomsDocumentFull = CustomsDocumentRequestSchema.extend({
  type: z.enum(DOCUMENT_KINDS),
  exchangeRates: z.array(ExchangeRateTableInput).max(400).optional().meta({ description: 'rates with XDR for the CN22 limit; default: the merchant\'s stored rates' }),
}).meta({ id: 'CustomsDocumentRequest' });

/** A document built from a stored order: lines, HS codes, origins and weights come from the catalogue. */
export const CustomsDocumentFromOrder = z.strictObject({
  type: z.enum(DOCUMENT_KINDS),
  orderId: z.string().trim().min(1, 'must not be empty').meta({ description: 'the order id (ord_...) or the merchant\'s order number' }),
  exporter: PartySchema.optional().meta({ description: "default: the merchant's name at the order's warehouse address" }),
  importer: PartySchema.optional().meta({ description: "default: the order's ship-to address" }),
  incoterm: z.enum(INCOTERMS_2020).default('DAP'),
  incotermPlace: z.string().trim().max(80).optional(),
  reason: z.string().trim().max(120).optional().meta({ description: 'reason for export, e.g. "Sale"' }),
  contentType: CustomsDocumentRequestSchema.shape.contentType.default('sale-of-goods'),
  date: IsoDay.optional().meta({ description: 'document date; default today' }),
  shippingCost: CustomsDocumentRequestSchema.shape.shippingCost.optional(),
  insuranceCost: CustomsDocumentRequestSchema.shape.insuranceCost.optional(),
  grossWeightGrams: z.number().positive('must be positive').optional().meta({ description: 'parcel gross weight; default: the goods plus 10 % packaging (at least 100 g)' }),
  carrier: z.string().max(60).optional(),
  trackingNumber: z.string().max(60).optional(),
  signatory: z.string().trim().min(1).max(100).optional(),
  exchangeRates: z.array(ExchangeRateTableInput).max(400).optional(),
}).meta({ id: 'CustomsDocumentFromOrder' });

export type ExchangeRateTableInput = z.output<typeof ExchangeRateTableInput>;
export type LandedCostApiRequest = z.output<typeof LandedCostApiRequest>;
export type CustomsDocumentFromOrder = z.output<typeof CustomsDocumentFromOrder>;

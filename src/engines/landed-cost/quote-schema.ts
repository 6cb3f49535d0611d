/**
 * The quote as a zod schema, for the API's OpenAPI response document. It mirrors quote-types.ts;
 * a test parses real quotes with it so the two cannot drift apart.
 */
import { z } from 'zod';

const Amount = z.string().meta({ description: 'exact decimal amount', example: '19.90' });
const Currency = z.string().meta({ description: 'ISO 4217 currency code', example: 'EUR' });
const Payer = z.enum(['seller', 'buyer']);

export const ChargeLineSchema = z.object({
  kind: z.enum(['duty', 'tax', 'fee']),
  code: z.string().meta({ description: 'DUTY, FLAT_DUTY, VAT, GST, HST, CT, LCT, MPF, HANDLING' }),
  name: z.string(),
  amount: Amount.meta({ description: 'in the destination\'s assessment currency, rounded as the destination rounds' }),
  currency: Currency,
  quoteAmount: Amount.meta({ description: 'the same amount in the quote currency' }),
  quoteCurrency: Currency,
  ruleId: z.string(),
  source: z.string().meta({ description: 'legal or official source of the rule' }),
  formula: z.string().meta({ description: 'how the amount was computed', example: '12 % × EUR 220.00 customs value (CIF)' }),
  base: Amount.optional(),
  ratePercent: z.string().optional(),
  itemIndexes: z.array(z.number().int()).meta({ description: 'indexes into request.items; empty = whole consignment' }),
  collectedAt: z.enum(['checkout', 'import']),
  collectedBy: z.enum(['seller', 'customs', 'carrier']),
  payer: Payer,
  waivedBecause: z.string().optional(),
});

export const MoneyTotalsSchema = z.object({
  currency: Currency,
  goods: Amount, shipping: Amount, insurance: Amount, duties: Amount, taxes: Amount, fees: Amount,
  ddpTotal: Amount.meta({ description: 'goods + transport + all duties, taxes and fees' }),
  checkoutTotal: Amount.meta({ description: 'what the shopper pays at checkout under the incoterm' }),
  dueOnDelivery: Amount.meta({ description: 'what is still due when the parcel is delivered' }),
});

export const LandedCostQuoteSchema = z.object({
  date: z.string(),
  origin: z.string(),
  destination: z.object({ country: z.string(), region: z.string().optional() }),
  incoterm: z.string(),
  rules: z.array(z.object({ id: z.string(), effectiveFrom: z.string(), effectiveUntil: z.string().nullable(), sources: z.array(z.string()), notes: z.array(z.string()) })),
  items: z.array(z.object({
    index: z.number().int(), description: z.string(), hsCode: z.string(), originCountry: z.string(), quantity: z.number().int(),
    goodsValue: Amount, customsValue: Amount,
    dutyRateSource: z.enum(['merchant-override', 'default-table', 'default-fallback', 'flat-rate', 'exempt']).optional(),
  })),
  duties: z.array(ChargeLineSchema),
  taxes: z.array(ChargeLineSchema),
  fees: z.array(ChargeLineSchema),
  exemptions: z.array(z.object({
    kind: z.enum(['duty-de-minimis', 'tax-de-minimis', 'seller-collected', 'no-import', 'duty-relief']),
    ruleId: z.string(), source: z.string(), detail: z.string(), itemIndexes: z.array(z.number().int()),
  })),
  destinationTotals: MoneyTotalsSchema,
  totals: MoneyTotalsSchema.meta({ description: 'in the quote currency: the figures to show and charge' }),
  payer: z.object({ duties: Payer, importTaxes: Payer, fees: Payer }),
  exchangeRates: z.array(z.object({ from: z.string(), to: z.string(), rate: z.string(), date: z.string(), source: z.string() })),
  warnings: z.array(z.string()),
});

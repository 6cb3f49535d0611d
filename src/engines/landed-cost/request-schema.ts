/**
 * The landed-cost request, as a zod schema the API reuses for validation and OpenAPI.
 * Money is a decimal string (numbers are accepted and converted, never used as floats).
 */
import { z } from 'zod';
import { CountryCode, CurrencyCode, HsCode, NonNegativeDecimal } from '../../domain/codes.js';
import { REGISTRATION_SCHEMES } from './rule-types.js';

/** The eleven Incoterms® 2020 rules. */
export const INCOTERMS_2020 = ['EXW', 'FCA', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP', 'FAS', 'FOB', 'CFR', 'CIF'] as const;
export type Incoterm = (typeof INCOTERMS_2020)[number];

const IsoDate = z.string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), { message: 'must be a real calendar date' })
  .meta({ description: 'date of import (ISO 8601)', example: '2026-11-25' });

const Money = z.object({
  amount: NonNegativeDecimal,
  currency: CurrencyCode,
});

export const LandedCostItemSchema = z.object({
  description: z.string().trim().min(1, 'must not be empty').max(200),
  sku: z.string().max(64).optional(),
  hsCode: HsCode,
  originCountry: CountryCode.meta({ description: 'country of origin of the goods (where made)' }),
  quantity: z.number().int('must be a whole number').positive('must be at least 1').max(1_000_000),
  unitValue: NonNegativeDecimal.meta({ description: 'price of one unit, excluding transport' }),
  currency: CurrencyCode,
  unitWeightGrams: z.number().nonnegative('must not be negative').optional()
    .meta({ description: 'gross weight of one unit in grams (needed for specific duties)' }),
  taxCategory: z.enum(['standard', 'reduced', 'super-reduced', 'zero']).default('standard')
    .meta({ description: 'VAT/GST category; the merchant decides whether the goods qualify for a reduced rate' }),
});

export const TariffOverrideSchema = z.object({
  destinationCountry: CountryCode.optional().meta({ description: 'limit to one destination; absent = every destination' }),
  originCountry: CountryCode.optional().meta({ description: 'limit to goods of this origin (preferential or additional duties)' }),
  hsPrefix: z.string().regex(/^\d{2,10}$/, 'must be 2 to 10 digits'),
  ratePercent: NonNegativeDecimal.optional(),
  amountPerKg: NonNegativeDecimal.optional().meta({ description: 'specific duty per kg gross, in the destination currency' }),
  note: z.string().max(200).optional(),
}).refine((o) => o.ratePercent !== undefined || o.amountPerKg !== undefined, { message: 'needs ratePercent or amountPerKg', path: ['ratePercent'] });

export const LandedCostRequestSchema = z.object({
  date: IsoDate,
  origin: z.object({ country: CountryCode.meta({ description: 'country the parcel is shipped from' }) }),
  destination: z.object({
    country: CountryCode,
    region: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{1,3}$/, 'must be a subdivision code such as ON').optional()
      .meta({ description: 'state or province (ISO 3166-2 suffix); required for Canada' }),
  }),
  currency: CurrencyCode.optional().meta({ description: 'currency of the quote totals; default: the first item\'s currency' }),
  items: z.array(LandedCostItemSchema).min(1, 'must hold at least one item').max(500),
  shipping: Money.meta({ description: 'international transport charged for the parcel' }),
  insurance: Money.optional(),
  shippingMode: z.enum(['courier', 'postal']).default('courier'),
  incoterm: z.enum(INCOTERMS_2020).default('DAP').meta({ description: 'Incoterms 2020; DDP: the seller pays import charges' }),
  purpose: z.enum(['personal', 'commercial']).default('personal').meta({ description: 'personal = sale to a consumer (B2C)' }),
  seller: z.object({
    registrations: z.array(z.object({
      scheme: z.enum(REGISTRATION_SCHEMES),
      number: z.string().trim().min(1, 'must not be empty').max(40),
    })).default([]),
  }).default({ registrations: [] }),
  tariffOverrides: z.array(TariffOverrideSchema).max(5000).default([])
    .meta({ description: 'merchant duty rates that win over the built-in default table (longest HS prefix wins)' }),
});

export type LandedCostRequestInput = z.input<typeof LandedCostRequestSchema>;
export type LandedCostRequest = z.output<typeof LandedCostRequestSchema>;
export type LandedCostItem = z.output<typeof LandedCostItemSchema>;
export type TariffOverride = z.output<typeof TariffOverrideSchema>;

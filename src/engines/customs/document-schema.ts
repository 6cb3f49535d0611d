/**
 * The customs-document request: one shipment described once, printed as a commercial invoice,
 * CN22, CN23 or packing list. HS code and origin are optional in the schema on purpose, so that
 * validation can list every missing one instead of failing on the first.
 */
import { z } from 'zod';
import { CountryCode, CurrencyCode, NonNegativeDecimal } from '../../domain/codes.js';
import { INCOTERMS_2020 } from '../landed-cost/request-schema.js';

export const DOCUMENT_KINDS = ['commercial-invoice', 'cn22', 'cn23', 'packing-list'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Categories of item on the UPU CN22/CN23 forms. */
export const CONTENT_TYPES = ['sale-of-goods', 'gift', 'commercial-sample', 'documents', 'returned-goods', 'other'] as const;

const Address = z.object({
  lines: z.array(z.string().trim().min(1).max(100)).min(1, 'needs at least one street line').max(3),
  city: z.string().trim().min(1, 'must not be empty').max(80),
  postalCode: z.string().trim().max(20).optional(),
  region: z.string().trim().max(40).optional(),
  country: CountryCode,
});

export const PartySchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(100),
  company: z.string().trim().max(100).optional(),
  address: Address,
  email: z.string().trim().max(120).optional(),
  phone: z.string().trim().max(40).optional(),
  eori: z.string().trim().regex(/^[A-Z]{2}[A-Z0-9]{1,15}$/, 'must be an EORI number: country code + up to 15 characters').optional(),
  vatNumber: z.string().trim().max(20).optional(),
  iossNumber: z.string().trim().regex(/^IM\d{10}$/, 'must be an IOSS number IM + 10 digits').optional(),
  taxId: z.string().trim().max(30).optional().meta({ description: 'other registration: VOEC, UK VAT, ABN/ARN, EIN, business number' }),
});

export const DocumentLineSchema = z.object({
  description: z.string().trim().min(1, 'must not be empty').max(200),
  sku: z.string().max(64).optional(),
  hsCode: z.string().trim().optional(),
  originCountry: CountryCode.optional(),
  quantity: z.number().int('must be a whole number').positive('must be at least 1'),
  unitValue: NonNegativeDecimal,
  /** Net weight of the whole line (all units), grams. */
  netWeightGrams: z.number().nonnegative('must not be negative'),
  grossWeightGrams: z.number().nonnegative('must not be negative').optional(),
});

export const PackageSchema = z.object({
  number: z.number().int().positive(),
  lengthMm: z.number().positive().optional(),
  widthMm: z.number().positive().optional(),
  heightMm: z.number().positive().optional(),
  grossWeightGrams: z.number().positive('must be positive'),
  contents: z.array(z.object({ line: z.number().int().nonnegative(), quantity: z.number().int().positive() })).min(1),
});

export const CustomsDocumentRequestSchema = z.object({
  documentNumber: z.string().trim().min(1, 'must not be empty').max(40),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
  exporter: PartySchema,
  importer: PartySchema,
  incoterm: z.enum(INCOTERMS_2020),
  incotermPlace: z.string().trim().max(80).optional().meta({ description: 'named place, e.g. "Oslo" for DAP Oslo' }),
  contentType: z.enum(CONTENT_TYPES),
  reasonForExport: z.string().trim().max(120).optional(),
  currency: CurrencyCode,
  lines: z.array(DocumentLineSchema).min(1, 'must hold at least one line').max(200),
  shippingCost: NonNegativeDecimal.default('0'),
  insuranceCost: NonNegativeDecimal.default('0'),
  declared: z.object({
    /** Total value of the goods as declared by the sender; must equal the sum of the lines. */
    totalValue: NonNegativeDecimal,
    totalGrossWeightGrams: z.number().positive('must be positive'),
    totalNetWeightGrams: z.number().nonnegative().optional(),
    packageCount: z.number().int().positive().default(1),
  }),
  packages: z.array(PackageSchema).default([]),
  shipment: z.object({
    carrier: z.string().max(60).optional(),
    service: z.string().max(60).optional(),
    trackingNumber: z.string().max(60).optional(),
    orderNumber: z.string().max(60).optional(),
    postalItem: z.boolean().default(false).meta({ description: 'sent by post (CN22/CN23 apply)' }),
  }).default({ postalItem: false }),
  declaration: z.object({
    signatory: z.string().trim().min(1, 'must not be empty').max(100),
    place: z.string().trim().min(1, 'must not be empty').max(80),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
    text: z.string().max(600).optional(),
    signatureText: z.string().max(100).optional().meta({ description: 'typed signature (e.g. "/s/ Ada Lovelace")' }),
  }),
  comments: z.string().max(400).optional(),
});

export type CustomsDocumentRequestInput = z.input<typeof CustomsDocumentRequestSchema>;
export type CustomsDocumentRequest = z.output<typeof CustomsDocumentRequestSchema>;
export type DocumentLine = z.output<typeof DocumentLineSchema>;
export type Party = z.output<typeof PartySchema>;

/**
 * The API's resources as zod schemas: the one definition behind request validation, CSV import
 * validation and the OpenAPI document. Create schemas are strict (unknown fields are an error).
 */
import { z } from 'zod';
import { Code, CountryCode, CurrencyCode, HsCode, Latitude, Longitude, NonNegativeDecimal } from './codes.js';

const Timestamp = z.string().meta({ format: 'date-time' });

export const Address = z.strictObject({
  line1: z.string().max(200).default(''),
  city: z.string().trim().min(1, 'must not be empty').max(120),
  region: z.string().max(120).default(''),
  postalCode: z.string().max(20).default(''),
  country: CountryCode,
});

export const WarehouseCreate = z.strictObject({
  code: Code,
  name: z.string().trim().min(1, 'must not be empty').max(200),
  operator: z.enum(['own', '3pl']).default('own').meta({ description: "'own' or '3pl' (third-party / local fulfilment partner)" }),
  address: Address,
  lat: Latitude,
  lng: Longitude,
  capacityUnitsPerDay: z.number().int().positive().nullable().default(null),
  fixedCostPerYear: NonNegativeDecimal.default('0'),
  currency: CurrencyCode,
  active: z.boolean().default(true),
});
export const WarehousePatch = WarehouseCreate.omit({ code: true }).partial().strict();
export const Warehouse = z.object({
  id: z.string(), code: z.string(), name: z.string(), operator: z.enum(['own', '3pl']),
  address: z.object({ line1: z.string(), city: z.string(), region: z.string(), postalCode: z.string(), country: z.string() }),
  lat: z.number(), lng: z.number(), capacityUnitsPerDay: z.number().nullable(), fixedCostPerYear: z.string(), currency: z.string(),
  active: z.boolean(), createdAt: Timestamp, updatedAt: Timestamp,
}).meta({ id: 'Warehouse' });

const Millimetres = z.number().int('must be a whole number of millimetres').positive('must be greater than 0').max(20_000);
const Grams = z.number().int('must be a whole number of grams').positive('must be greater than 0').max(10_000_000);

export const ProductCreate = z.strictObject({
  sku: Code,
  name: z.string().trim().min(1, 'must not be empty').max(300),
  category: z.string().max(120).default(''),
  lengthMm: Millimetres,
  widthMm: Millimetres,
  heightMm: Millimetres,
  weightG: Grams,
  unitValue: NonNegativeDecimal,
  currency: CurrencyCode,
  hsCode: HsCode.nullable().default(null),
  originCountry: CountryCode.nullable().default(null),
  fragile: z.boolean().default(false),
  thisSideUp: z.boolean().default(false),
  hazmat: z.boolean().default(false),
});
export const ProductPatch = ProductCreate.omit({ sku: true }).partial().strict();
export const Product = z.object({
  id: z.string(), sku: z.string(), name: z.string(), category: z.string(),
  lengthMm: z.number(), widthMm: z.number(), heightMm: z.number(), weightG: z.number(),
  unitValue: z.string(), currency: z.string(), hsCode: z.string().nullable(), originCountry: z.string().nullable(),
  fragile: z.boolean(), thisSideUp: z.boolean(), hazmat: z.boolean(), createdAt: Timestamp, updatedAt: Timestamp,
}).meta({ id: 'Product' });

export const ChannelCreate = z.strictObject({
  code: Code,
  name: z.string().trim().min(1, 'must not be empty').max(200),
  kind: z.enum(['webshop', 'marketplace', 'retail', 'wholesale']),
});
export const ChannelPatch = ChannelCreate.omit({ code: true }).partial().strict();
export const Channel = z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.string(), createdAt: Timestamp }).meta({ id: 'Channel' });

export const InventoryUpsert = z.strictObject({
  sku: Code,
  warehouseCode: Code,
  onHand: z.number().int().min(0, 'must not be negative'),
  reserved: z.number().int().min(0, 'must not be negative').default(0),
  reorderPoint: z.number().int().min(0, 'must not be negative').nullable().default(null),
});
export const InventoryLevel = z.object({
  sku: z.string(), warehouseCode: z.string(), onHand: z.number(), reserved: z.number(), reorderPoint: z.number().nullable(), updatedAt: Timestamp,
}).meta({ id: 'InventoryLevel' });

export const ShipTo = z.strictObject({
  name: z.string().max(200).default(''),
  line1: z.string().max(200).default(''),
  city: z.string().trim().min(1, 'must not be empty').max(120),
  region: z.string().max(120).default(''),
  postalCode: z.string().max(20).default(''),
  country: CountryCode,
  lat: Latitude.nullable().default(null),
  lng: Longitude.nullable().default(null),
  residential: z.boolean().default(true),
});

export const OrderLineInput = z.strictObject({
  sku: Code,
  quantity: z.number().int('must be a whole number').positive('must be at least 1').max(100_000),
  unitPrice: NonNegativeDecimal,
});

export const OrderStatus = z.enum(['open', 'fulfilled', 'shipped', 'delivered', 'cancelled']);

export const OrderCreate = z.strictObject({
  externalId: Code.meta({ description: "the merchant's own order number (unique per merchant)" }),
  channelCode: Code.nullable().default(null),
  warehouseCode: Code.nullable().default(null),
  placedAt: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time, e.g. 2026-03-01T10:00:00Z' }),
  status: OrderStatus.default('open'),
  currency: CurrencyCode,
  shipTo: ShipTo,
  lines: z.array(OrderLineInput).min(1, 'an order needs at least one line').max(1000),
});
export const OrderPatch = z.strictObject({
  status: OrderStatus.optional(),
  warehouseCode: Code.nullable().optional(),
  shipTo: ShipTo.optional(),
});
export const Order = z.object({
  id: z.string(), externalId: z.string(), channelCode: z.string().nullable(), warehouseCode: z.string().nullable(),
  placedAt: Timestamp, status: z.string(), currency: z.string(), totalValue: z.string(),
  shipTo: z.object({
    name: z.string(), line1: z.string(), city: z.string(), region: z.string(), postalCode: z.string(), country: z.string(),
    lat: z.number().nullable(), lng: z.number().nullable(), residential: z.boolean(),
  }),
  lines: z.array(z.object({ sku: z.string(), quantity: z.number(), unitPrice: z.string() })),
  createdAt: Timestamp, updatedAt: Timestamp,
}).meta({ id: 'Order' });

export const Parcel = z.object({
  id: z.string(), boxCode: z.string().nullable(), lengthMm: z.number(), widthMm: z.number(), heightMm: z.number(), weightG: z.number(),
  trackingNumber: z.string().nullable(),
});
export const ShipmentCreate = z.strictObject({
  orderId: z.string().nullable().default(null),
  warehouseCode: Code.nullable().default(null),
  carrier: z.string().trim().min(1).max(60),
  serviceLevel: z.string().trim().min(1).max(60),
  trackingNumber: z.string().max(60).nullable().default(null),
  status: z.enum(['label_created', 'in_transit', 'out_for_delivery', 'delivered', 'exception', 'returned']).default('label_created'),
  incoterm: z.enum(['EXW', 'FCA', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP', 'FAS', 'FOB', 'CFR', 'CIF']).nullable().default(null),
  shippingCost: NonNegativeDecimal.nullable().default(null),
  currency: CurrencyCode.nullable().default(null),
  parcels: z.array(z.strictObject({
    boxCode: z.string().max(60).nullable().default(null),
    lengthMm: Millimetres, widthMm: Millimetres, heightMm: Millimetres, weightG: Grams,
    trackingNumber: z.string().max(60).nullable().default(null),
  })).min(1, 'a shipment needs at least one parcel').max(500),
});
export const Shipment = z.object({
  id: z.string(), orderId: z.string().nullable(), warehouseCode: z.string().nullable(), carrier: z.string(), serviceLevel: z.string(),
  trackingNumber: z.string().nullable(), status: z.string(), incoterm: z.string().nullable(), shippingCost: z.string().nullable(),
  currency: z.string().nullable(), shippedAt: Timestamp.nullable(), promisedAt: Timestamp.nullable(), deliveredAt: Timestamp.nullable(),
  parcels: z.array(Parcel), createdAt: Timestamp,
}).meta({ id: 'Shipment' });

export const BoxCreate = z.strictObject({
  code: Code,
  name: z.string().trim().min(1, 'must not be empty').max(200),
  innerLengthMm: Millimetres, innerWidthMm: Millimetres, innerHeightMm: Millimetres,
  outerLengthMm: Millimetres, outerWidthMm: Millimetres, outerHeightMm: Millimetres,
  emptyWeightG: z.number().int().min(0, 'must not be negative').max(1_000_000),
  maxWeightG: Grams,
  cost: NonNegativeDecimal,
  currency: CurrencyCode,
  stock: z.number().int().min(0, 'must not be negative').nullable().default(null),
  active: z.boolean().default(true),
}).superRefine((b, ctx) => {
  for (const d of ['Length', 'Width', 'Height'] as const) {
    if (b[`outer${d}Mm`] < b[`inner${d}Mm`]) ctx.addIssue({ code: 'custom', path: [`outer${d}Mm`], message: `must be at least inner${d}Mm` });
  }
});
export const BoxPatch = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  emptyWeightG: z.number().int().min(0).max(1_000_000).optional(),
  maxWeightG: Grams.optional(),
  cost: NonNegativeDecimal.optional(),
  currency: CurrencyCode.optional(),
  stock: z.number().int().min(0, 'must not be negative').nullable().optional(),
  active: z.boolean().optional(),
});
export const Box = z.object({
  id: z.string(), code: z.string(), name: z.string(),
  innerLengthMm: z.number(), innerWidthMm: z.number(), innerHeightMm: z.number(),
  outerLengthMm: z.number(), outerWidthMm: z.number(), outerHeightMm: z.number(),
  emptyWeightG: z.number(), maxWeightG: z.number(), cost: z.string(), currency: z.string(), stock: z.number().nullable(), active: z.boolean(),
  createdAt: Timestamp, updatedAt: Timestamp,
}).meta({ id: 'Box' });

export const Job = z.object({
  id: z.string(), kind: z.string(), status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']),
  progress: z.number(), message: z.string(), result: z.unknown().nullable(), error: z.unknown().nullable(), attempts: z.number(),
  createdAt: Timestamp, startedAt: Timestamp.nullable(), finishedAt: Timestamp.nullable(),
}).meta({ id: 'Job' });

export const ApiKey = z.object({ id: z.string(), name: z.string(), prefix: z.string(), createdAt: Timestamp, lastUsedAt: Timestamp.nullable(), revokedAt: Timestamp.nullable() }).meta({ id: 'ApiKey' });

export const Merchant = z.object({ id: z.string(), name: z.string(), defaultCurrency: z.string(), createdAt: Timestamp }).meta({ id: 'Merchant' });

export type WarehouseCreate = z.output<typeof WarehouseCreate>;
export type WarehousePatch = z.output<typeof WarehousePatch>;
export type Warehouse = z.output<typeof Warehouse>;
export type ProductCreate = z.output<typeof ProductCreate>;
export type ProductPatch = z.output<typeof ProductPatch>;
export type Product = z.output<typeof Product>;
export type ChannelCreate = z.output<typeof ChannelCreate>;
export type Channel = z.output<typeof Channel>;
export type InventoryUpsert = z.output<typeof InventoryUpsert>;
export type InventoryLevel = z.output<typeof InventoryLevel>;
export type OrderCreate = z.output<typeof OrderCreate>;
export type OrderPatch = z.output<typeof OrderPatch>;
export type Order = z.output<typeof Order>;
export type ShipmentCreate = z.output<typeof ShipmentCreate>;
export type Shipment = z.output<typeof Shipment>;
export type Job = z.output<typeof Job>;
export type BoxCreate = z.output<typeof BoxCreate>;
export type BoxPatch = z.output<typeof BoxPatch>;
export type Box = z.output<typeof Box>;
export type ApiKey = z.output<typeof ApiKey>;

/**
 * The cartonization API's shapes as zod schemas: request validation and the OpenAPI document.
 * Axes of every placement: x runs along the box's inner width, y along its inner length, z is up;
 * positions are the item's corner nearest the box's origin (front-left-bottom), in millimetres.
 */
import { z } from 'zod';
import { Code, NonNegativeDecimal } from '../../domain/codes.js';
import { Job } from '../../domain/resources.js';
import { OrderStatus } from '../../domain/resources.js';

// Zero or negative sizes are not malformed: the item is reported unpackable and the rest ships.
const Size = z.number().max(100_000, 'must be at most 100000 mm');

export const Rotation = z.enum(['any', 'this-side-up', 'never']).meta({
  description: "'any' (six orientations), 'this-side-up' (height stays vertical), 'never' (placed exactly as given)",
});

export const PackItemInput = z.strictObject({
  sku: z.string().trim().min(1, 'must not be empty').max(64).optional().meta({ description: 'label shown in the packing list; looked up in the catalogue for its name' }),
  name: z.string().max(300).optional(),
  lengthMm: Size,
  widthMm: Size,
  heightMm: Size,
  weightG: z.number().min(0, 'must not be negative').max(10_000_000),
  quantity: z.number().int('must be a whole number').min(1, 'must be at least 1').max(10_000).default(1),
  rotation: Rotation.optional(),
  fragile: z.boolean().default(false).meta({ description: 'only other fragile items may rest on it' }),
  doNotStackOn: z.boolean().default(false).meta({ description: 'nothing may rest on it' }),
  shipAlone: z.boolean().default(false).meta({ description: 'each unit travels in a box of its own' }),
  ownContainer: z.boolean().default(false).meta({ description: 'ships in its own packaging, labelled as it is' }),
  hazmat: z.boolean().default(false).meta({ description: 'dangerous goods: packed apart from the other items unless options.separateHazmat is false' }),
}).meta({ id: 'PackItemInput' });

export const PackOptions = z.strictObject({
  dimDivisor: z.number().positive('must be greater than 0').max(100_000).default(5000)
    .meta({ description: 'dimensional-weight divisor, in the unit of dimDivisorUnit (5000 cm³/kg, 6000 cm³/kg, 139 in³/lb, ...)' }),
  dimDivisorUnit: z.enum(['cm3/kg', 'in3/lb']).default('cm3/kg'),
  ratePerKg: NonNegativeDecimal.default('0.50').meta({ description: 'estimated carrier price per started kilogram of chargeable weight, in the boxes’ currency' }),
  perParcel: NonNegativeDecimal.default('4.00').meta({ description: 'estimated carrier price per parcel, in the boxes’ currency' }),
  objective: z.enum(['cost', 'boxes']).default('cost').meta({ description: "'cost': cheapest boxes plus shipping estimate; 'boxes': fewest boxes first" }),
  minSupportPercent: z.number().min(0, 'must be between 0 and 100').max(100, 'must be between 0 and 100').default(70)
    .meta({ description: 'share of each item’s base that must rest on the box floor or on items below, so nothing hangs in the air' }),
  separateHazmat: z.boolean().default(true).meta({ description: 'pack dangerous goods (hazmat items) in parcels of their own, apart from the other items' }),
  timeLimitMs: z.number().int().min(10, 'must be at least 10').max(10_000, 'must be at most 10000').optional()
    .meta({ description: 'search budget per order (default 1000 ms; 200 ms per order in a batch)' }),
}).meta({ id: 'PackOptions' });

/** Bounds the synchronous work and the size of the packing list; a pallet load is another tool. */
const MAX_UNITS = 2000;

const BoxCodes = z.array(Code).min(1, 'give at least one box code or leave boxCodes out').max(200)
  .meta({ description: 'use only these boxes of the catalogue (default: every active box)' });

export const CartonizationRequest = z.strictObject({
  orderId: z.string().min(1).max(100).optional().meta({ description: 'an order id (ord_...) or the merchant’s external order number' }),
  items: z.array(PackItemInput).min(1, 'give at least one item').max(500).optional(),
  orderIds: z.array(z.string().min(1).max(100)).min(1, 'give at least one order id').max(1000).optional(),
  status: OrderStatus.optional().meta({ description: 'batch: the most recent orders with this status' }),
  limit: z.number().int().min(1, 'must be at least 1').max(1000, 'must be at most 1000').optional().meta({ description: 'batch with status: how many orders (default 100)' }),
  boxCodes: BoxCodes.optional(),
  options: PackOptions.optional(),
}).superRefine((b, ctx) => {
  const modes = [b.orderId !== undefined, b.items !== undefined, b.orderIds !== undefined, b.status !== undefined].filter(Boolean).length;
  if (modes !== 1) {
    ctx.addIssue({ code: 'custom', path: ['orderId'], message: 'give exactly one of orderId, items, orderIds or status' });
  }
  if (b.limit !== undefined && b.status === undefined) ctx.addIssue({ code: 'custom', path: ['limit'], message: 'only goes with status' });
  const units = (b.items ?? []).reduce((n, i) => n + i.quantity, 0);
  if (units > MAX_UNITS) ctx.addIssue({ code: 'custom', path: ['items'], message: `at most ${MAX_UNITS} units in one cartonization (got ${units})` });
}).meta({ id: 'CartonizationRequest' });

const Dims = z.object({ widthMm: z.number(), lengthMm: z.number(), heightMm: z.number() });

export const PlacedItemOut = z.object({
  seq: z.number().meta({ description: 'placement order within the box (bottom up)' }),
  sku: z.string().nullable(),
  name: z.string().nullable(),
  xMm: z.number(), yMm: z.number(), zMm: z.number(),
  widthMm: z.number().meta({ description: 'placed extent along x' }),
  lengthMm: z.number().meta({ description: 'placed extent along y' }),
  heightMm: z.number().meta({ description: 'placed extent along z (vertical)' }),
  orientation: z.enum(['upright', 'on-side', 'on-end']).meta({ description: "which of the item's own dimensions is vertical: height (upright), width (on its side) or length (on its end)" }),
  axes: z.string().meta({ description: "the item's own dimensions along x, y, z, e.g. LWH = length along x, width along y, height up" }),
  weightG: z.number(),
  fragile: z.boolean(),
  hazmat: z.boolean(),
});

export const PackedBoxOut = z.object({
  boxCode: z.string().nullable().meta({ description: 'null when the item ships in its own packaging' }),
  boxName: z.string(),
  inner: Dims,
  outer: Dims,
  items: z.array(PlacedItemOut),
  volumeUsedPercent: z.number(),
  weightG: z.number(),
  dimensionalWeightG: z.number(),
  chargeableWeightG: z.number(),
  boxCost: z.string(),
  shippingCost: z.string(),
  cost: z.string(),
});

export const UnpackableReason = z.enum(['invalid-dimensions', 'too-large', 'too-heavy', 'out-of-stock', 'unknown-sku']);

export const CartonizationOut = z.object({
  orderId: z.string().nullable(),
  externalId: z.string().nullable(),
  currency: z.string(),
  boxes: z.array(PackedBoxOut),
  unpackable: z.array(z.object({ sku: z.string().nullable(), name: z.string().nullable(), quantity: z.number(), reason: UnpackableReason, detail: z.string() })),
  totals: z.object({
    boxes: z.number(), items: z.number(), weightG: z.number(), dimensionalWeightG: z.number(), chargeableWeightG: z.number(),
    volumeUsedPercent: z.number(), boxCost: z.string(), shippingCost: z.string(), cost: z.string(),
    boxesByCode: z.record(z.string(), z.number()),
  }),
  assumptions: z.object({ dimDivisorCm3PerKg: z.number(), ratePerKg: z.string(), perParcel: z.string(), objective: z.string(), minSupportPercent: z.number(), separateHazmat: z.boolean(), timeLimitMs: z.number() }),
  elapsedMs: z.number(),
}).meta({ id: 'Cartonization' });

export const BatchSummary = z.object({
  orders: z.number(),
  packed: z.number().meta({ description: 'orders with every unit in a box' }),
  withUnpackable: z.number(),
  boxes: z.number(),
  boxesByCode: z.record(z.string(), z.number()),
  meanVolumeUsedPercent: z.number(),
  boxCost: z.string(),
  shippingCost: z.string(),
  cost: z.string(),
  currency: z.string(),
});

export const BatchResult = z.object({ summary: BatchSummary, orders: z.array(CartonizationOut) }).meta({ id: 'CartonizationBatchResult' });

export const CartonizationJob = Job.extend({ result: BatchResult.nullable() }).meta({ id: 'CartonizationJob' });

export const PackableOrder = z.object({
  id: z.string(), externalId: z.string(), placedAt: z.string(), status: z.string(), country: z.string(), lines: z.number(), units: z.number(),
}).meta({ id: 'PackableOrder' });

export type PackItemInput = z.output<typeof PackItemInput>;
export type PackOptions = z.output<typeof PackOptions>;
export type CartonizationRequest = z.output<typeof CartonizationRequest>;
export type PlacedItemOut = z.output<typeof PlacedItemOut>;
export type PackedBoxOut = z.output<typeof PackedBoxOut>;
export type CartonizationOut = z.output<typeof CartonizationOut>;
export type BatchSummary = z.output<typeof BatchSummary>;
export type BatchResult = z.output<typeof BatchResult>;
export type PackableOrder = z.output<typeof PackableOrder>;

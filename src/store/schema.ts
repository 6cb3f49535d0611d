/**
 * The relational model. Every business row carries merchant_id: tenancy is enforced by the
 * services, which always filter on it, and by composite unique keys on natural keys per merchant.
 * Money is numeric (exact) with an explicit currency column; sizes are millimetres, weights grams.
 */

import {
  boolean, doublePrecision, index, integer, jsonb, numeric, pgTable, primaryKey, real, text, timestamp, uniqueIndex,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

export const merchants = pgTable('merchants', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  defaultCurrency: text('default_currency').notNull(),
  createdAt: createdAt(),
});

export const apiKeys = pgTable('api_keys', {
  id: text('id').primaryKey(),
  merchantId: text('merchant_id').notNull().references(() => merchants.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  /** First characters of the key, shown in listings so a user can tell keys apart. */
  prefix: text('prefix').notNull(),
  /** SHA-256 of the whole key; the key itself is shown once and never stored. */
  keyHash: text('key_hash').notNull(),
  createdAt: createdAt(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
  revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
}, (t) => [uniqueIndex('api_keys_hash_uq').on(t.keyHash), index('api_keys_merchant_idx').on(t.merchantId)]);

export const warehouses = pgTable('warehouses', {
  id: text('id').primaryKey(),
  merchantId: text('merchant_id').notNull().references(() => merchants.id, { onDelete: 'cascade' }),
  code: text('code').notNull(),
  name: text('name').notNull(),
  /** 'own' or '3pl' (a third-party or local fulfilment partner). */
  operator: text('operator').notNull(),
  line1: text('line1').notNull().default(''),
  city: text('city').notNull(),
  region: text('region').notNull().default(''),
  postalCode: text('postal_code').notNull().default(''),
  country: text('country').notNull(),
  lat: doublePrecision('lat').notNull(),
  lng: doublePrecision('lng').notNull(),
  capacityUnitsPerDay: integer('capacity_units_per_day'),
  fixedCostPerYear: numeric('fixed_cost_per_year', { precision: 18, scale: 4 }).notNull().default('0'),
  currency: text('currency').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [uniqueIndex('warehouses_code_uq').on(t.merchantId, t.code)]);

export const products = pgTable('products', {
  id: text('id').primaryKey(),
  merchantId: text('merchant_id').notNull().references(() => merchants.id, { onDelete: 'cascade' }),
  sku: text('sku').notNull(),
  name: text('name').notNull(),
  category: text('category').notNull().default(''),
  lengthMm: integer('length_mm').notNull(),
  widthMm: integer('width_mm').notNull(),
  heightMm: integer('height_mm').notNull(),
  weightG: integer('weight_g').notNull(),
  unitValue: numeric('unit_value', { precision: 18, scale: 4 }).notNull(),
  currency: text('currency').notNull(),
  hsCode: text('hs_code'),
  originCountry: text('origin_country'),
  fragile: boolean('fragile').notNull().default(false),
  thisSideUp: boolean('this_side_up').notNull().default(false),
  hazmat: boolean('hazmat').notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [uniqueIndex('products_sku_uq').on(t.merchantId, t.sku)]);

export const inventoryLevels = pgTable('inventory_levels', {
  merchantId: text('merchant_id').notNull().references(() => merchants.id, { onDelete: 'cascade' }),
  productId: text('product_id').notNull().references(() => products.id, { onDelete: 'cascade' }),
  warehouseId: text('warehouse_id').notNull().references(() => warehouses.id, { onDelete: 'cascade' }),
  onHand: integer('on_hand').notNull().default(0),
  reserved: integer('reserved').notNull().default(0),
  reorderPoint: integer('reorder_point'),
  updatedAt: updatedAt(),
}, (t) => [primaryKey({ columns: [t.merchantId, t.productId, t.warehouseId] })]);

export const channels = pgTable('channels', {
  id: text('id').primaryKey(),
  merchantId: text('merchant_id').notNull().references(() => merchants.id, { onDelete: 'cascade' }),
  code: text('code').notNull(),
  name: text('name').notNull(),
  /** webshop | marketplace | retail | wholesale */
  kind: text('kind').notNull(),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('channels_code_uq').on(t.merchantId, t.code)]);

export const orders = pgTable('orders', {
  id: text('id').primaryKey(),
  merchantId: text('merchant_id').notNull().references(() => merchants.id, { onDelete: 'cascade' }),
  /** The merchant's own order number: the natural key that makes imports idempotent. */
  externalId: text('external_id').notNull(),
  channelId: text('channel_id').references(() => channels.id, { onDelete: 'set null' }),
  warehouseId: text('warehouse_id').references(() => warehouses.id, { onDelete: 'set null' }),
  placedAt: timestamp('placed_at', { withTimezone: true, mode: 'date' }).notNull(),
  /** open | fulfilled | shipped | delivered | cancelled */
  status: text('status').notNull(),
  currency: text('currency').notNull(),
  totalValue: numeric('total_value', { precision: 18, scale: 4 }).notNull(),
  shipToName: text('ship_to_name').notNull().default(''),
  shipToLine1: text('ship_to_line1').notNull().default(''),
  shipToCity: text('ship_to_city').notNull(),
  shipToRegion: text('ship_to_region').notNull().default(''),
  shipToPostalCode: text('ship_to_postal_code').notNull().default(''),
  shipToCountry: text('ship_to_country').notNull(),
  shipToLat: doublePrecision('ship_to_lat'),
  shipToLng: doublePrecision('ship_to_lng'),
  shipToResidential: boolean('ship_to_residential').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex('orders_external_uq').on(t.merchantId, t.externalId),
  index('orders_placed_idx').on(t.merchantId, t.placedAt),
  index('orders_country_idx').on(t.merchantId, t.shipToCountry),
]);

export const orderLines = pgTable('order_lines', {
  orderId: text('order_id').notNull().references(() => orders.id, { onDelete: 'cascade' }),
  lineNo: integer('line_no').notNull(),
  merchantId: text('merchant_id').notNull().references(() => merchants.id, { onDelete: 'cascade' }),
  productId: text('product_id').references(() => products.id, { onDelete: 'set null' }),
  sku: text('sku').notNull(),
  quantity: integer('quantity').notNull(),
  unitPrice: numeric('unit_price', { precision: 18, scale: 4 }).notNull(),
}, (t) => [primaryKey({ columns: [t.orderId, t.lineNo] }), index('order_lines_sku_idx').on(t.merchantId, t.sku)]);

export const shipments = pgTable('shipments', {
  id: text('id').primaryKey(),
  merchantId: text('merchant_id').notNull().references(() => merchants.id, { onDelete: 'cascade' }),
  orderId: text('order_id').references(() => orders.id, { onDelete: 'set null' }),
  warehouseId: text('warehouse_id').references(() => warehouses.id, { onDelete: 'set null' }),
  carrier: text('carrier').notNull(),
  serviceLevel: text('service_level').notNull(),
  trackingNumber: text('tracking_number'),
  /** label_created | in_transit | out_for_delivery | delivered | exception | returned */
  status: text('status').notNull(),
  incoterm: text('incoterm'),
  shippingCost: numeric('shipping_cost', { precision: 18, scale: 4 }),
  currency: text('currency'),
  shippedAt: timestamp('shipped_at', { withTimezone: true, mode: 'date' }),
  promisedAt: timestamp('promised_at', { withTimezone: true, mode: 'date' }),
  deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'date' }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [index('shipments_order_idx').on(t.merchantId, t.orderId)]);

export const parcels = pgTable('parcels', {
  id: text('id').primaryKey(),
  merchantId: text('merchant_id').notNull().references(() => merchants.id, { onDelete: 'cascade' }),
  shipmentId: text('shipment_id').notNull().references(() => shipments.id, { onDelete: 'cascade' }),
  boxCode: text('box_code'),
  lengthMm: integer('length_mm').notNull(),
  widthMm: integer('width_mm').notNull(),
  heightMm: integer('height_mm').notNull(),
  weightG: integer('weight_g').notNull(),
  trackingNumber: text('tracking_number'),
  createdAt: createdAt(),
}, (t) => [index('parcels_shipment_idx').on(t.shipmentId)]);

/** The merchant's box catalogue for cartonization. */
export const boxes = pgTable('boxes', {
  id: text('id').primaryKey(),
  merchantId: text('merchant_id').notNull().references(() => merchants.id, { onDelete: 'cascade' }),
  code: text('code').notNull(),
  name: text('name').notNull(),
  innerLengthMm: integer('inner_length_mm').notNull(),
  innerWidthMm: integer('inner_width_mm').notNull(),
  innerHeightMm: integer('inner_height_mm').notNull(),
  outerLengthMm: integer('outer_length_mm').notNull(),
  outerWidthMm: integer('outer_width_mm').notNull(),
  outerHeightMm: integer('outer_height_mm').notNull(),
  emptyWeightG: integer('empty_weight_g').notNull(),
  maxWeightG: integer('max_weight_g').notNull(),
  cost: numeric('cost', { precision: 18, scale: 4 }).notNull(),
  currency: text('currency').notNull(),
  /** Boxes on hand; null when the merchant does not track it. */
  stock: integer('stock'),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [uniqueIndex('boxes_code_uq').on(t.merchantId, t.code)]);

export const jobs = pgTable('jobs', {
  id: text('id').primaryKey(),
  merchantId: text('merchant_id').notNull().references(() => merchants.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  /** queued | running | succeeded | failed | cancelled */
  status: text('status').notNull(),
  progress: real('progress').notNull().default(0),
  message: text('message').notNull().default(''),
  input: jsonb('input').notNull(),
  result: jsonb('result'),
  error: jsonb('error'),
  attempts: integer('attempts').notNull().default(0),
  /** Which worker process holds it, and when it last said so; a stale heartbeat means it died. */
  workerId: text('worker_id'),
  heartbeatAt: timestamp('heartbeat_at', { withTimezone: true, mode: 'date' }),
  createdAt: createdAt(),
  startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }),
  finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
}, (t) => [index('jobs_merchant_idx').on(t.merchantId, t.createdAt), index('jobs_status_idx').on(t.status)]);

export const idempotencyKeys = pgTable('idempotency_keys', {
  merchantId: text('merchant_id').notNull().references(() => merchants.id, { onDelete: 'cascade' }),
  key: text('key').notNull(),
  method: text('method').notNull(),
  path: text('path').notNull(),
  requestHash: text('request_hash').notNull(),
  statusCode: integer('status_code').notNull(),
  response: jsonb('response'),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.merchantId, t.key] })]);


/**
 * The merchant's dated exchange-rate tables (typed in or imported from the ECB XML), used by the
 * landed-cost quote when a request brings no rates of its own. One table per merchant, day and base.
 */
export const exchangeRates = pgTable('exchange_rates', {
  id: text('id').primaryKey(),
  merchantId: text('merchant_id').notNull().references(() => merchants.id, { onDelete: 'cascade' }),
  /** Day the rates were fixed, YYYY-MM-DD (text so that it compares as the engine compares it). */
  date: text('date').notNull(),
  base: text('base').notNull(),
  /** Currency → units per one unit of base, as exact decimal strings. */
  rates: jsonb('rates').notNull().$type<Record<string, string>>(),
  source: text('source').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [uniqueIndex('exchange_rates_day_uq').on(t.merchantId, t.date, t.base)]);

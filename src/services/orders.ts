import { Decimal } from 'decimal.js';
import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Db } from '../store/database.js';
import { channels, orderLines, orders, products, warehouses } from '../store/schema.js';
import type { Order, OrderCreate, OrderPatch } from '../domain/resources.js';
import { newId } from '../shared/ids.js';
import { Conflict, Invalid } from './errors.js';
import type { Page, PageRequest } from './pagination.js';
import { TenantResource } from './tenant-resource.js';
import { normaliseDecimal } from './decimal.js';

type Row = typeof orders.$inferSelect;
type LineRow = typeof orderLines.$inferSelect;

export interface OrderFilters extends PageRequest {
  country?: string;
  channel?: string;
  status?: string;
  from?: string;
  to?: string;
}

/** Codes → ids for one merchant, loaded once per request or per import. */
export interface OrderLookups {
  channelIds: Map<string, string>;
  warehouseIds: Map<string, string>;
  productIds: Map<string, string>;
}

export async function loadOrderLookups(db: Db, merchantId: string, skus?: string[]): Promise<OrderLookups> {
  const [ch, wh] = await Promise.all([
    db.select({ id: channels.id, code: channels.code }).from(channels).where(eq(channels.merchantId, merchantId)),
    db.select({ id: warehouses.id, code: warehouses.code }).from(warehouses).where(eq(warehouses.merchantId, merchantId)),
  ]);
  const pr = skus && skus.length === 0 ? [] : await db.select({ id: products.id, sku: products.sku }).from(products)
    .where(skus ? and(eq(products.merchantId, merchantId), inArray(products.sku, skus)) : eq(products.merchantId, merchantId));
  return {
    channelIds: new Map(ch.map((c) => [c.code, c.id])),
    warehouseIds: new Map(wh.map((w) => [w.code, w.id])),
    productIds: new Map(pr.map((p) => [p.sku, p.id])),
  };
}

/** The rows one order becomes; throws Invalid naming the field when a code is unknown. */
export function orderRows(merchantId: string, id: string, input: OrderCreate, lookups: OrderLookups) {
  const errors = [];
  const channelId = input.channelCode === null ? null : lookups.channelIds.get(input.channelCode);
  if (channelId === undefined) errors.push({ field: 'channelCode', message: `no channel with code ${input.channelCode}` });
  const warehouseId = input.warehouseCode === null ? null : lookups.warehouseIds.get(input.warehouseCode);
  if (warehouseId === undefined) errors.push({ field: 'warehouseCode', message: `no warehouse with code ${input.warehouseCode}` });
  if (errors.length) throw new Invalid(errors.map((e) => e.message).join('; '), errors);
  let total = new Decimal(0);
  const lines = input.lines.map((l, i) => {
    total = total.plus(new Decimal(l.unitPrice).times(l.quantity));
    return { orderId: id, lineNo: i + 1, merchantId, productId: lookups.productIds.get(l.sku) ?? null, sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice };
  });
  const s = input.shipTo;
  const order = {
    id, merchantId, externalId: input.externalId, channelId: channelId ?? null, warehouseId: warehouseId ?? null,
    placedAt: new Date(input.placedAt), status: input.status, currency: input.currency, totalValue: total.toFixed(4),
    shipToName: s.name, shipToLine1: s.line1, shipToCity: s.city, shipToRegion: s.region, shipToPostalCode: s.postalCode,
    shipToCountry: s.country, shipToLat: s.lat, shipToLng: s.lng, shipToResidential: s.residential,
  };
  return { order, lines };
}

function toApi(r: Row, lines: LineRow[], channelCodes: Map<string, string>, warehouseCodes: Map<string, string>): Order {
  return {
    id: r.id, externalId: r.externalId, channelCode: r.channelId ? channelCodes.get(r.channelId) ?? null : null,
    warehouseCode: r.warehouseId ? warehouseCodes.get(r.warehouseId) ?? null : null,
    placedAt: r.placedAt.toISOString(), status: r.status, currency: r.currency, totalValue: normaliseDecimal(r.totalValue),
    shipTo: {
      name: r.shipToName, line1: r.shipToLine1, city: r.shipToCity, region: r.shipToRegion, postalCode: r.shipToPostalCode,
      country: r.shipToCountry, lat: r.shipToLat, lng: r.shipToLng, residential: r.shipToResidential,
    },
    lines: lines.sort((a, b) => a.lineNo - b.lineNo).map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: normaliseDecimal(l.unitPrice) })),
    createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
  };
}

export class OrderService extends TenantResource<Row, Row> {
  constructor(db: Db) {
    super(db, orders, 'order', (r) => r);
  }

  async listOrders(merchantId: string, req: OrderFilters): Promise<Page<Order>> {
    const page = await this.list(merchantId, req, [
      req.country ? eq(orders.shipToCountry, req.country.toUpperCase()) : undefined,
      req.status ? eq(orders.status, req.status) : undefined,
      req.from ? gte(orders.placedAt, parseDate('from', req.from)) : undefined,
      req.to ? lt(orders.placedAt, parseDate('to', req.to)) : undefined,
      req.channel ? eq(orders.channelId, (await this.lookups(merchantId)).channelIds.get(req.channel) ?? '-') : undefined,
    ]);
    return { data: await this.expand(merchantId, page.data), nextCursor: page.nextCursor };
  }

  async getOrder(merchantId: string, id: string): Promise<Order> {
    const [order] = await this.expand(merchantId, [await this.row(merchantId, id)]);
    return order;
  }

  async create(merchantId: string, input: OrderCreate): Promise<Order> {
    const lookups = await loadOrderLookups(this.db, merchantId, input.lines.map((l) => l.sku));
    const id = newId('ord');
    const { order, lines } = orderRows(merchantId, id, input, lookups);
    await this.db.transaction(async (tx) => {
      const [dup] = await tx.select({ id: orders.id }).from(orders).where(and(eq(orders.merchantId, merchantId), eq(orders.externalId, input.externalId)));
      if (dup) throw new Conflict(`an order with externalId ${input.externalId} already exists (${dup.id})`, [{ field: 'externalId', message: 'already used' }]);
      await tx.insert(orders).values(order);
      await tx.insert(orderLines).values(lines);
    });
    return this.getOrder(merchantId, id);
  }

  async update(merchantId: string, id: string, patch: OrderPatch): Promise<Order> {
    await this.row(merchantId, id);
    const set: Partial<typeof orders.$inferInsert> = { updatedAt: new Date() };
    if (patch.status) set.status = patch.status;
    if (patch.warehouseCode !== undefined) {
      if (patch.warehouseCode === null) set.warehouseId = null;
      else {
        const wid = (await this.lookups(merchantId)).warehouseIds.get(patch.warehouseCode);
        if (!wid) throw new Invalid(`no warehouse with code ${patch.warehouseCode}`, [{ field: 'warehouseCode', message: 'unknown warehouse' }]);
        set.warehouseId = wid;
      }
    }
    if (patch.shipTo) {
      const s = patch.shipTo;
      Object.assign(set, {
        shipToName: s.name, shipToLine1: s.line1, shipToCity: s.city, shipToRegion: s.region, shipToPostalCode: s.postalCode,
        shipToCountry: s.country, shipToLat: s.lat, shipToLng: s.lng, shipToResidential: s.residential,
      });
    }
    await this.db.update(orders).set(set).where(this.owned(merchantId, id));
    return this.getOrder(merchantId, id);
  }

  private lookups(merchantId: string): Promise<OrderLookups> {
    return loadOrderLookups(this.db, merchantId, []);
  }

  private async expand(merchantId: string, rows: Row[]): Promise<Order[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [lines, lookups] = await Promise.all([
      this.db.select().from(orderLines).where(and(eq(orderLines.merchantId, merchantId), inArray(orderLines.orderId, ids))).orderBy(asc(orderLines.orderId)),
      this.lookups(merchantId),
    ]);
    const byOrder = new Map<string, LineRow[]>();
    for (const l of lines) {
      const list = byOrder.get(l.orderId) ?? [];
      list.push(l);
      byOrder.set(l.orderId, list);
    }
    const channelCodes = new Map([...lookups.channelIds].map(([code, cid]) => [cid, code]));
    const warehouseCodes = new Map([...lookups.warehouseIds].map(([code, wid]) => [wid, code]));
    return rows.map((r) => toApi(r, byOrder.get(r.id) ?? [], channelCodes, warehouseCodes));
  }
}

function parseDate(field: string, value: string): Date {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new Invalid(`${field} is not a date`, [{ field, message: 'must be an ISO 8601 date, e.g. 2026-01-31' }]);
  return d;
}

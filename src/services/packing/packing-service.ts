/**
 * Cartonization use cases: pack one order (or typed-in items) now, or start a batch job over many
 * orders. Everything is read within the merchant; the engine itself runs on plain data.
 */
import { and, asc, desc, eq, ilike, inArray, or } from 'drizzle-orm';
import type { Box, Job } from '../../domain/resources.js';
import { orderLines, orders, products } from '../../store/schema.js';
import { Conflict, Invalid, NotFound, type FieldError } from '../errors.js';
import type { Services } from '../index.js';
import type { CartonizationOut, CartonizationRequest, PackableOrder, PackItemInput, PackOptions } from './contract.js';
import { divisorInCm3PerKg, packOrder, type BoxSpec, type ItemSpec, type OrderToPack, type PackingJobPayload, type ResolvedOptions } from './pack-order.js';

export const PACKING_BATCH = 'packing.batch';

/** What a batch job stores as its input: explicit order ids, so a re-run packs the same orders. */
export interface BatchInput {
  orderIds: string[];
  boxCodes?: string[];
  options?: Partial<PackOptions>;
}

const SINGLE_TIME_LIMIT_MS = 1000;
const BATCH_TIME_LIMIT_MS = 200;

export class PackingService {
  constructor(private readonly services: Services) {}

  /** Packs one order or a list of items, synchronously. */
  async cartonize(merchantId: string, req: CartonizationRequest): Promise<CartonizationOut> {
    const options = resolveOptions(req.options, SINGLE_TIME_LIMIT_MS);
    let order: OrderToPack;
    if (req.orderId !== undefined) {
      const [found] = await this.loadOrders(merchantId, [req.orderId]);
      if (!found) throw new NotFound('order', req.orderId);
      order = found;
    } else if (req.items) {
      order = { orderId: null, externalId: null, items: await this.itemsFromInput(merchantId, req.items), unknown: [] };
    } else {
      throw new Invalid('give orderId or items to pack one order', [{ field: 'orderId', message: 'is required (or items)' }]);
    }
    // the order is looked up first: another merchant's order id is a 404 whatever their boxes
    const { boxes, currency } = await this.boxes(merchantId, req.boxCodes);
    return packOrder(order, boxes, currency, options);
  }

  /** Checks a batch request and turns it into a job over explicit order ids. */
  async startBatch(merchantId: string, req: CartonizationRequest): Promise<Job> {
    await this.boxes(merchantId, req.boxCodes);
    let orderIds: string[];
    if (req.orderIds) {
      const found = await this.orderRefs(merchantId, req.orderIds);
      const unknown = req.orderIds.map((ref, i) => ({ ref, i })).filter(({ ref }) => !found.has(ref));
      if (unknown.length) {
        throw new Invalid(`${unknown.length} unknown order(s): ${unknown.slice(0, 5).map((u) => u.ref).join(', ')}${unknown.length > 5 ? ', ...' : ''}`,
          unknown.map((u) => ({ field: `orderIds[${u.i}]`, message: `no order ${u.ref}` })));
      }
      orderIds = [...new Set(req.orderIds.map((ref) => found.get(ref)!))];
    } else if (req.status) {
      const rows = await this.services.store.db.select({ id: orders.id }).from(orders)
        .where(and(eq(orders.merchantId, merchantId), eq(orders.status, req.status)))
        .orderBy(desc(orders.placedAt), desc(orders.id)).limit(req.limit ?? 100);
      orderIds = rows.map((r) => r.id);
    } else {
      throw new Invalid('give orderIds or status for a batch', [{ field: 'orderIds', message: 'is required (or status)' }]);
    }
    const input: BatchInput = { orderIds, ...(req.boxCodes ? { boxCodes: req.boxCodes } : {}), ...(req.options ? { options: req.options } : {}) };
    return this.services.jobs.create(merchantId, PACKING_BATCH, input);
  }

  /** Everything the batch worker needs, read in the main thread. */
  async preparePayload(merchantId: string, input: BatchInput): Promise<PackingJobPayload> {
    const { boxes, currency } = await this.boxes(merchantId, input.boxCodes);
    const loaded = await this.loadOrders(merchantId, input.orderIds);
    return { orders: loaded, boxes, currency, options: resolveOptions(input.options, BATCH_TIME_LIMIT_MS) };
  }

  /** Orders a packer might pick: newest first, optionally by (part of) the external order number. */
  async packableOrders(merchantId: string, q: { q?: string; status?: string; limit?: number }): Promise<PackableOrder[]> {
    const db = this.services.store.db;
    const where = [eq(orders.merchantId, merchantId)];
    if (q.status) where.push(eq(orders.status, q.status));
    if (q.q) {
      const text = q.q.trim();
      where.push(or(eq(orders.id, text), ilike(orders.externalId, `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`))!);
    }
    const rows = await db.select({ id: orders.id, externalId: orders.externalId, placedAt: orders.placedAt, status: orders.status, country: orders.shipToCountry })
      .from(orders).where(and(...where)).orderBy(desc(orders.placedAt), desc(orders.id)).limit(q.limit ?? 20);
    if (rows.length === 0) return [];
    const lines = await db.select({ orderId: orderLines.orderId, quantity: orderLines.quantity }).from(orderLines)
      .where(and(eq(orderLines.merchantId, merchantId), inArray(orderLines.orderId, rows.map((r) => r.id))));
    const count = new Map<string, { lines: number; units: number }>();
    for (const l of lines) {
      const c = count.get(l.orderId) ?? { lines: 0, units: 0 };
      c.lines++;
      c.units += l.quantity;
      count.set(l.orderId, c);
    }
    return rows.map((r) => ({ ...r, placedAt: r.placedAt.toISOString(), ...(count.get(r.id) ?? { lines: 0, units: 0 }) }));
  }

  /** The merchant's active boxes (or the named subset), in one currency. */
  async boxes(merchantId: string, codes?: string[]): Promise<{ boxes: BoxSpec[]; currency: string }> {
    const catalogue = await this.services.boxes.catalogue(merchantId);
    let chosen: Box[] = catalogue;
    if (codes) {
      const byCode = new Map(catalogue.map((b) => [b.code, b]));
      const errors: FieldError[] = [];
      codes.forEach((c, i) => {
        if (!byCode.has(c)) errors.push({ field: `boxCodes[${i}]`, message: `no active box with code ${c}` });
      });
      if (errors.length) throw new Invalid(errors.map((e) => e.message).join('; '), errors);
      chosen = [...new Set(codes)].map((c) => byCode.get(c)!);
    }
    if (chosen.length === 0) {
      throw new Conflict('the box catalogue has no active boxes; add some with POST /v1/boxes', [{ field: 'boxCodes', message: 'no boxes to pack into' }]);
    }
    const currencies = [...new Set(chosen.map((b) => b.currency))];
    if (currencies.length > 1) {
      throw new Conflict(`the boxes are priced in several currencies (${currencies.join(', ')}); choose boxes of one currency with boxCodes`, [{ field: 'boxCodes', message: 'mixes currencies' }]);
    }
    return { boxes: chosen.map(toBoxSpec), currency: currencies[0] };
  }

  /** Orders by id or external number, with their items; lines whose SKU is unknown are kept aside. */
  private async loadOrders(merchantId: string, refs: string[]): Promise<OrderToPack[]> {
    const db = this.services.store.db;
    const ids = [...(await this.orderRefs(merchantId, refs)).values()];
    if (ids.length === 0) return [];
    const [orderRows, lineRows] = await Promise.all([
      db.select({ id: orders.id, externalId: orders.externalId }).from(orders).where(and(eq(orders.merchantId, merchantId), inArray(orders.id, ids))),
      db.select({ orderId: orderLines.orderId, lineNo: orderLines.lineNo, sku: orderLines.sku, quantity: orderLines.quantity }).from(orderLines)
        .where(and(eq(orderLines.merchantId, merchantId), inArray(orderLines.orderId, ids))).orderBy(asc(orderLines.orderId), asc(orderLines.lineNo)),
    ]);
    const skus = [...new Set(lineRows.map((l) => l.sku))];
    const productRows = skus.length
      ? await db.select().from(products).where(and(eq(products.merchantId, merchantId), inArray(products.sku, skus)))
      : [];
    const bySku = new Map(productRows.map((p) => [p.sku, p]));
    const byOrder = new Map<string, OrderToPack>(orderRows.map((o) => [o.id, { orderId: o.id, externalId: o.externalId, items: [], unknown: [] }]));
    for (const l of lineRows) {
      const order = byOrder.get(l.orderId)!;
      const p = bySku.get(l.sku);
      if (!p) {
        order.unknown.push({ sku: l.sku, quantity: l.quantity });
        continue;
      }
      order.items.push({
        sku: p.sku, name: p.name, lengthMm: p.lengthMm, widthMm: p.widthMm, heightMm: p.heightMm, weightG: p.weightG, quantity: l.quantity,
        rotation: p.thisSideUp ? 'this-side-up' : 'any',
        fragile: p.fragile, doNotStackOn: false, shipAlone: false, ownContainer: false, hazmat: p.hazmat,
      });
    }
    // keep the caller's order
    return ids.map((id) => byOrder.get(id)!).filter(Boolean);
  }

  /** Maps each reference (order id or external number) the merchant owns to its order id. */
  private async orderRefs(merchantId: string, refs: string[]): Promise<Map<string, string>> {
    if (refs.length === 0) return new Map();
    const rows = await this.services.store.db.select({ id: orders.id, externalId: orders.externalId }).from(orders)
      .where(and(eq(orders.merchantId, merchantId), or(inArray(orders.id, refs), inArray(orders.externalId, refs))));
    const out = new Map<string, string>();
    for (const r of rows) {
      out.set(r.externalId, r.id);
    }
    // an id wins over an external number that happens to look the same
    for (const r of rows) out.set(r.id, r.id);
    const result = new Map<string, string>();
    for (const ref of refs) if (out.has(ref)) result.set(ref, out.get(ref)!);
    return result;
  }

  /** Typed-in items; a SKU in the catalogue lends its product name and flags when the caller gave none. */
  private async itemsFromInput(merchantId: string, items: PackItemInput[]): Promise<ItemSpec[]> {
    const skus = [...new Set(items.map((i) => i.sku).filter((s): s is string => !!s))];
    const known = skus.length
      ? await this.services.store.db.select({ sku: products.sku, name: products.name }).from(products).where(and(eq(products.merchantId, merchantId), inArray(products.sku, skus)))
      : [];
    const names = new Map(known.map((k) => [k.sku, k.name]));
    return items.map((i) => ({
      sku: i.sku ?? null,
      name: i.name ?? (i.sku ? names.get(i.sku) ?? null : null),
      lengthMm: i.lengthMm, widthMm: i.widthMm, heightMm: i.heightMm, weightG: i.weightG, quantity: i.quantity,
      rotation: i.rotation ?? 'any',
      fragile: i.fragile, doNotStackOn: i.doNotStackOn, shipAlone: i.shipAlone, ownContainer: i.ownContainer, hazmat: i.hazmat,
    }));
  }
}

export function resolveOptions(o: Partial<PackOptions> | undefined, defaultTimeLimitMs: number): ResolvedOptions {
  return {
    dimDivisorCm3PerKg: Math.round(divisorInCm3PerKg(o?.dimDivisor ?? 5000, o?.dimDivisorUnit ?? 'cm3/kg') * 10) / 10,
    ratePerKg: o?.ratePerKg ?? '0.50',
    perParcel: o?.perParcel ?? '4.00',
    objective: o?.objective ?? 'cost',
    minSupportPercent: o?.minSupportPercent ?? 70,
    separateHazmat: o?.separateHazmat ?? true,
    timeLimitMs: o?.timeLimitMs ?? defaultTimeLimitMs,
  };
}

function toBoxSpec(b: Box): BoxSpec {
  return {
    code: b.code,
    name: b.name,
    inner: { widthMm: b.innerWidthMm, lengthMm: b.innerLengthMm, heightMm: b.innerHeightMm },
    outer: { widthMm: b.outerWidthMm, lengthMm: b.outerLengthMm, heightMm: b.outerHeightMm },
    emptyWeightG: b.emptyWeightG,
    maxWeightG: b.maxWeightG,
    cost: b.cost,
    stock: b.stock,
  };
}

import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../store/database.js';
import { orders, parcels, shipments, warehouses } from '../store/schema.js';
import type { Shipment, ShipmentCreate } from '../domain/resources.js';
import { newId } from '../shared/ids.js';
import { Invalid } from './errors.js';
import type { Page, PageRequest } from './pagination.js';
import { TenantResource } from './tenant-resource.js';
import { normaliseDecimal } from './decimal.js';

type Row = typeof shipments.$inferSelect;

export class ShipmentService extends TenantResource<Row, Row> {
  constructor(db: Db) {
    super(db, shipments, 'shipment', (r) => r);
  }

  async listShipments(merchantId: string, req: PageRequest & { orderId?: string; status?: string }): Promise<Page<Shipment>> {
    const page = await this.list(merchantId, req, [
      req.orderId ? eq(shipments.orderId, req.orderId) : undefined,
      req.status ? eq(shipments.status, req.status) : undefined,
    ]);
    return { data: await this.expand(merchantId, page.data), nextCursor: page.nextCursor };
  }

  async getShipment(merchantId: string, id: string): Promise<Shipment> {
    const [s] = await this.expand(merchantId, [await this.row(merchantId, id)]);
    return s;
  }

  async create(merchantId: string, input: ShipmentCreate): Promise<Shipment> {
    const errors = [];
    if (input.orderId) {
      const [o] = await this.db.select({ id: orders.id }).from(orders).where(and(eq(orders.merchantId, merchantId), eq(orders.id, input.orderId)));
      if (!o) errors.push({ field: 'orderId', message: `no order ${input.orderId}` });
    }
    let warehouseId: string | null = null;
    if (input.warehouseCode) {
      const [w] = await this.db.select({ id: warehouses.id }).from(warehouses).where(and(eq(warehouses.merchantId, merchantId), eq(warehouses.code, input.warehouseCode)));
      if (!w) errors.push({ field: 'warehouseCode', message: `no warehouse with code ${input.warehouseCode}` });
      else warehouseId = w.id;
    }
    if (input.shippingCost !== null && !input.currency) errors.push({ field: 'currency', message: 'is required with shippingCost' });
    if (errors.length) throw new Invalid(errors.map((e) => e.message).join('; '), errors);
    const id = newId('shp');
    const { parcels: parcelInputs, warehouseCode: _code, ...rest } = input;
    await this.db.transaction(async (tx) => {
      await tx.insert(shipments).values({ id, merchantId, ...rest, warehouseId });
      await tx.insert(parcels).values(parcelInputs.map((p) => ({ id: newId('pcl'), merchantId, shipmentId: id, ...p })));
    });
    return this.getShipment(merchantId, id);
  }

  private async expand(merchantId: string, rows: Row[]): Promise<Shipment[]> {
    if (rows.length === 0) return [];
    const ps = await this.db.select().from(parcels).where(and(eq(parcels.merchantId, merchantId), inArray(parcels.shipmentId, rows.map((r) => r.id))));
    const whs = await this.db.select({ id: warehouses.id, code: warehouses.code }).from(warehouses).where(eq(warehouses.merchantId, merchantId));
    const codes = new Map(whs.map((w) => [w.id, w.code]));
    const iso = (d: Date | null) => (d ? d.toISOString() : null);
    return rows.map((r) => ({
      id: r.id, orderId: r.orderId, warehouseCode: r.warehouseId ? codes.get(r.warehouseId) ?? null : null, carrier: r.carrier,
      serviceLevel: r.serviceLevel, trackingNumber: r.trackingNumber, status: r.status, incoterm: r.incoterm,
      shippingCost: r.shippingCost === null ? null : normaliseDecimal(r.shippingCost), currency: r.currency,
      shippedAt: iso(r.shippedAt), promisedAt: iso(r.promisedAt), deliveredAt: iso(r.deliveredAt),
      parcels: ps.filter((p) => p.shipmentId === r.id).map((p) => ({
        id: p.id, boxCode: p.boxCode, lengthMm: p.lengthMm, widthMm: p.widthMm, heightMm: p.heightMm, weightG: p.weightG, trackingNumber: p.trackingNumber,
      })),
      createdAt: r.createdAt.toISOString(),
    }));
  }
}

import { and, eq } from 'drizzle-orm';
import type { Db } from '../store/database.js';
import { warehouses } from '../store/schema.js';
import type { Warehouse, WarehouseCreate, WarehousePatch } from '../domain/resources.js';
import { newId } from '../shared/ids.js';
import { Conflict } from './errors.js';
import type { Page, PageRequest } from './pagination.js';
import { TenantResource } from './tenant-resource.js';
import { normaliseDecimal } from './decimal.js';

type Row = typeof warehouses.$inferSelect;

export function warehouseToApi(r: Row): Warehouse {
  return {
    id: r.id, code: r.code, name: r.name, operator: r.operator as Warehouse['operator'],
    address: { line1: r.line1, city: r.city, region: r.region, postalCode: r.postalCode, country: r.country },
    lat: r.lat, lng: r.lng, capacityUnitsPerDay: r.capacityUnitsPerDay, fixedCostPerYear: normaliseDecimal(r.fixedCostPerYear),
    currency: r.currency, active: r.active, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
  };
}

export function warehouseColumns(input: Partial<WarehouseCreate>) {
  const { address, ...rest } = input;
  return { ...rest, ...(address ? { line1: address.line1, city: address.city, region: address.region, postalCode: address.postalCode, country: address.country } : {}) };
}

export class WarehouseService extends TenantResource<Row, Warehouse> {
  constructor(db: Db) {
    super(db, warehouses, 'warehouse', warehouseToApi);
  }

  listFiltered(merchantId: string, req: PageRequest & { country?: string; operator?: string }): Promise<Page<Warehouse>> {
    return this.list(merchantId, req, [
      req.country ? eq(warehouses.country, req.country.toUpperCase()) : undefined,
      req.operator ? eq(warehouses.operator, req.operator) : undefined,
    ]);
  }

  async byCode(merchantId: string, code: string): Promise<Row | undefined> {
    const [row] = await this.db.select().from(warehouses).where(and(eq(warehouses.merchantId, merchantId), eq(warehouses.code, code)));
    return row;
  }

  async create(merchantId: string, input: WarehouseCreate): Promise<Warehouse> {
    if (await this.byCode(merchantId, input.code)) throw new Conflict(`a warehouse with code ${input.code} already exists`, [{ field: 'code', message: 'already used' }]);
    const [row] = await this.db.insert(warehouses).values({ id: newId('wh'), merchantId, ...warehouseColumns(input) } as typeof warehouses.$inferInsert).returning();
    return warehouseToApi(row);
  }

  async update(merchantId: string, id: string, patch: WarehousePatch): Promise<Warehouse> {
    await this.row(merchantId, id);
    const [row] = await this.db.update(warehouses).set({ ...warehouseColumns(patch), updatedAt: new Date() }).where(this.owned(merchantId, id)).returning();
    return warehouseToApi(row);
  }
}

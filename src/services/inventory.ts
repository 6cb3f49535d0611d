import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../store/database.js';
import { inventoryLevels, products, warehouses } from '../store/schema.js';
import type { InventoryLevel, InventoryUpsert } from '../domain/resources.js';
import { Invalid } from './errors.js';
import { pageLimit, type Page, type PageRequest } from './pagination.js';

export class InventoryService {
  constructor(private readonly db: Db) {}

  /** Levels sorted by SKU then warehouse; the cursor is the last "sku|warehouse" pair. */
  async list(merchantId: string, req: PageRequest & { sku?: string; warehouse?: string }): Promise<Page<InventoryLevel>> {
    const limit = pageLimit(req.limit);
    const key = sql`${products.sku} || '|' || ${warehouses.code}`;
    const where = [eq(inventoryLevels.merchantId, merchantId)];
    if (req.sku) where.push(eq(products.sku, req.sku));
    if (req.warehouse) where.push(eq(warehouses.code, req.warehouse));
    if (req.cursor) where.push(gt(key, Buffer.from(req.cursor, 'base64url').toString('utf8')));
    const rows = await this.db.select({
      sku: products.sku, warehouseCode: warehouses.code, onHand: inventoryLevels.onHand, reserved: inventoryLevels.reserved,
      reorderPoint: inventoryLevels.reorderPoint, updatedAt: inventoryLevels.updatedAt,
    }).from(inventoryLevels)
      .innerJoin(products, eq(products.id, inventoryLevels.productId))
      .innerJoin(warehouses, eq(warehouses.id, inventoryLevels.warehouseId))
      .where(and(...where)).orderBy(asc(key)).limit(limit + 1);
    const more = rows.length > limit;
    const data = (more ? rows.slice(0, limit) : rows).map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
    const last = data[data.length - 1];
    return { data, nextCursor: more ? Buffer.from(`${last.sku}|${last.warehouseCode}`).toString('base64url') : null };
  }

  async upsert(merchantId: string, input: InventoryUpsert, db: Db = this.db): Promise<{ created: boolean; level: InventoryLevel }> {
    const [product] = await db.select({ id: products.id }).from(products).where(and(eq(products.merchantId, merchantId), eq(products.sku, input.sku)));
    const [warehouse] = await db.select({ id: warehouses.id }).from(warehouses).where(and(eq(warehouses.merchantId, merchantId), eq(warehouses.code, input.warehouseCode)));
    const errors = [];
    if (!product) errors.push({ field: 'sku', message: `no product with SKU ${input.sku}` });
    if (!warehouse) errors.push({ field: 'warehouseCode', message: `no warehouse with code ${input.warehouseCode}` });
    if (errors.length) throw new Invalid(errors.map((e) => e.message).join('; '), errors);
    const now = new Date();
    const [row] = await db.insert(inventoryLevels)
      .values({ merchantId, productId: product.id, warehouseId: warehouse.id, onHand: input.onHand, reserved: input.reserved, reorderPoint: input.reorderPoint, updatedAt: now })
      .onConflictDoUpdate({
        target: [inventoryLevels.merchantId, inventoryLevels.productId, inventoryLevels.warehouseId],
        set: { onHand: input.onHand, reserved: input.reserved, reorderPoint: input.reorderPoint, updatedAt: now },
      })
      .returning({ insertedNew: sql<boolean>`(xmax = 0)` });
    return {
      created: Boolean(row.insertedNew),
      level: { sku: input.sku, warehouseCode: input.warehouseCode, onHand: input.onHand, reserved: input.reserved, reorderPoint: input.reorderPoint, updatedAt: now.toISOString() },
    };
  }
}

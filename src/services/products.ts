import { and, eq, ilike, or } from 'drizzle-orm';
import type { Db } from '../store/database.js';
import { products } from '../store/schema.js';
import type { Product, ProductCreate, ProductPatch } from '../domain/resources.js';
import { newId } from '../shared/ids.js';
import { Conflict } from './errors.js';
import type { Page, PageRequest } from './pagination.js';
import { TenantResource } from './tenant-resource.js';
import { normaliseDecimal } from './decimal.js';

type Row = typeof products.$inferSelect;

export function productToApi(r: Row): Product {
  return {
    id: r.id, sku: r.sku, name: r.name, category: r.category, lengthMm: r.lengthMm, widthMm: r.widthMm, heightMm: r.heightMm,
    weightG: r.weightG, unitValue: normaliseDecimal(r.unitValue), currency: r.currency, hsCode: r.hsCode, originCountry: r.originCountry,
    fragile: r.fragile, thisSideUp: r.thisSideUp, hazmat: r.hazmat, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
  };
}

export class ProductService extends TenantResource<Row, Product> {
  constructor(db: Db) {
    super(db, products, 'product', productToApi);
  }

  listFiltered(merchantId: string, req: PageRequest & { q?: string; category?: string }): Promise<Page<Product>> {
    const like = req.q ? `%${req.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : undefined;
    return this.list(merchantId, req, [
      like ? or(ilike(products.sku, like), ilike(products.name, like)) : undefined,
      req.category ? eq(products.category, req.category) : undefined,
    ]);
  }

  async bySku(merchantId: string, sku: string): Promise<Row | undefined> {
    const [row] = await this.db.select().from(products).where(and(eq(products.merchantId, merchantId), eq(products.sku, sku)));
    return row;
  }

  async create(merchantId: string, input: ProductCreate): Promise<Product> {
    if (await this.bySku(merchantId, input.sku)) throw new Conflict(`a product with SKU ${input.sku} already exists`, [{ field: 'sku', message: 'already used' }]);
    const [row] = await this.db.insert(products).values({ id: newId('prd'), merchantId, ...input }).returning();
    return productToApi(row);
  }

  async update(merchantId: string, id: string, patch: ProductPatch): Promise<Product> {
    await this.row(merchantId, id);
    const [row] = await this.db.update(products).set({ ...patch, updatedAt: new Date() }).where(this.owned(merchantId, id)).returning();
    return productToApi(row);
  }
}

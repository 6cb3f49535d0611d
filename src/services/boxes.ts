import { and, eq } from 'drizzle-orm';
import type { Db } from '../store/database.js';
import { boxes } from '../store/schema.js';
import type { Box, BoxCreate, BoxPatch } from '../domain/resources.js';
import { newId } from '../shared/ids.js';
import { Conflict } from './errors.js';
import { TenantResource } from './tenant-resource.js';
import { normaliseDecimal } from './decimal.js';

type Row = typeof boxes.$inferSelect;

export function boxToApi(r: Row): Box {
  const { merchantId: _m, cost, createdAt, updatedAt, ...rest } = r;
  return { ...rest, cost: normaliseDecimal(cost), createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
}

export class BoxService extends TenantResource<Row, Box> {
  constructor(db: Db) {
    super(db, boxes, 'box', boxToApi);
  }

  /** Every active box of the merchant, for the packing engine. */
  async catalogue(merchantId: string): Promise<Box[]> {
    const rows = await this.db.select().from(boxes).where(and(eq(boxes.merchantId, merchantId), eq(boxes.active, true))).orderBy(boxes.code);
    return rows.map(boxToApi);
  }

  async create(merchantId: string, input: BoxCreate): Promise<Box> {
    const [dup] = await this.db.select({ id: boxes.id }).from(boxes).where(and(eq(boxes.merchantId, merchantId), eq(boxes.code, input.code)));
    if (dup) throw new Conflict(`a box with code ${input.code} already exists`, [{ field: 'code', message: 'already used' }]);
    const [row] = await this.db.insert(boxes).values({ id: newId('box'), merchantId, ...input }).returning();
    return boxToApi(row);
  }

  async update(merchantId: string, id: string, patch: BoxPatch): Promise<Box> {
    await this.row(merchantId, id);
    const [row] = await this.db.update(boxes).set({ ...patch, updatedAt: new Date() }).where(this.owned(merchantId, id)).returning();
    return boxToApi(row);
  }
}

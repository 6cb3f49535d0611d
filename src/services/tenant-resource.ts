/**
 * The reads and deletes every merchant-owned resource shares. Every query filters on the
 * merchant, so one merchant's key can never reach another merchant's rows.
 */
import { and, asc, eq, gt, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../store/database.js';
import { NotFound } from './errors.js';
import { decodeCursor, pageLimit, toPage, type Page, type PageRequest } from './pagination.js';

type TenantTable = PgTable & { id: PgColumn; merchantId: PgColumn };

export class TenantResource<Row extends { id: string }, Api> {
  constructor(
    protected readonly db: Db,
    private readonly table: TenantTable,
    private readonly what: string,
    private readonly toApi: (row: Row) => Api,
  ) {}

  async list(merchantId: string, req: PageRequest, filters: (SQL | undefined)[] = []): Promise<Page<Api>> {
    const limit = pageLimit(req.limit);
    const where = [eq(this.table.merchantId, merchantId), ...filters];
    const after = decodeCursor(req.cursor);
    if (after) where.push(gt(this.table.id, after));
    const rows = (await this.db.select().from(this.table as PgTable).where(and(...where)).orderBy(asc(this.table.id)).limit(limit + 1)) as unknown as Row[];
    return toPage(rows, limit, this.toApi);
  }

  async row(merchantId: string, id: string): Promise<Row> {
    const [row] = (await this.db.select().from(this.table as PgTable).where(this.owned(merchantId, id))) as unknown as Row[];
    if (!row) throw new NotFound(this.what, id);
    return row;
  }

  async get(merchantId: string, id: string): Promise<Api> {
    return this.toApi(await this.row(merchantId, id));
  }

  async remove(merchantId: string, id: string): Promise<void> {
    const deleted = await this.db.delete(this.table).where(this.owned(merchantId, id)).returning({ id: this.table.id });
    if (deleted.length === 0) throw new NotFound(this.what, id);
  }

  protected owned(merchantId: string, id: string): SQL {
    return and(eq(this.table.merchantId, merchantId), eq(this.table.id, id)) as SQL;
  }
}

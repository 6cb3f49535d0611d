import { and, eq } from 'drizzle-orm';
import type { Db } from '../store/database.js';
import { channels } from '../store/schema.js';
import type { Channel, ChannelCreate } from '../domain/resources.js';
import { newId } from '../shared/ids.js';
import { Conflict } from './errors.js';
import { TenantResource } from './tenant-resource.js';

type Row = typeof channels.$inferSelect;

export function channelToApi(r: Row): Channel {
  return { id: r.id, code: r.code, name: r.name, kind: r.kind, createdAt: r.createdAt.toISOString() };
}

export class ChannelService extends TenantResource<Row, Channel> {
  constructor(db: Db) {
    super(db, channels, 'channel', channelToApi);
  }

  async byCode(merchantId: string, code: string): Promise<Row | undefined> {
    const [row] = await this.db.select().from(channels).where(and(eq(channels.merchantId, merchantId), eq(channels.code, code)));
    return row;
  }

  async create(merchantId: string, input: ChannelCreate): Promise<Channel> {
    if (await this.byCode(merchantId, input.code)) throw new Conflict(`a channel with code ${input.code} already exists`, [{ field: 'code', message: 'already used' }]);
    const [row] = await this.db.insert(channels).values({ id: newId('ch'), merchantId, ...input }).returning();
    return channelToApi(row);
  }

  async update(merchantId: string, id: string, patch: Partial<ChannelCreate>): Promise<Channel> {
    await this.row(merchantId, id);
    const [row] = await this.db.update(channels).set(patch).where(this.owned(merchantId, id)).returning();
    return channelToApi(row);
  }
}

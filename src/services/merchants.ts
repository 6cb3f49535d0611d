/** Merchants (tenants) and their API keys. Keys are random, shown once, stored as SHA-256. */
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../store/database.js';
import { apiKeys, merchants } from '../store/schema.js';
import type { ApiKey } from '../domain/resources.js';
import { newId } from '../shared/ids.js';
import { NotFound } from './errors.js';

export interface Principal {
  merchantId: string;
  keyId: string;
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

function keyToApi(r: typeof apiKeys.$inferSelect): ApiKey {
  return {
    id: r.id, name: r.name, prefix: r.prefix, createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null, revokedAt: r.revokedAt?.toISOString() ?? null,
  };
}

export class MerchantService {
  /** lastUsedAt is written at most once a minute per key, not on every request. */
  private readonly touched = new Map<string, number>();
  /**
   * Key hash → principal, for a few seconds, so a request does not pay a database round trip to
   * authenticate. Revoking in this process clears it at once; other processes see it within the TTL.
   */
  private readonly recent = new Map<string, { principal: Principal; until: number }>();
  static readonly authCacheMs = 10_000;

  constructor(private readonly db: Db) {}

  async create(name: string, defaultCurrency: string, id = newId('mer')): Promise<{ id: string; name: string }> {
    await this.db.insert(merchants).values({ id, name, defaultCurrency });
    return { id, name };
  }

  async get(merchantId: string) {
    const [m] = await this.db.select().from(merchants).where(eq(merchants.id, merchantId));
    if (!m) throw new NotFound('merchant', merchantId);
    return { id: m.id, name: m.name, defaultCurrency: m.defaultCurrency, createdAt: m.createdAt.toISOString() };
  }

  async list() {
    return this.db.select().from(merchants).orderBy(merchants.createdAt);
  }

  async createKey(merchantId: string, name: string): Promise<ApiKey & { key: string }> {
    await this.get(merchantId);
    const key = `pk_${randomBytes(24).toString('base64url')}`;
    const [row] = await this.db.insert(apiKeys).values({ id: newId('key'), merchantId, name, prefix: key.slice(0, 10), keyHash: hashKey(key) }).returning();
    return { ...keyToApi(row), key };
  }

  async listKeys(merchantId: string): Promise<ApiKey[]> {
    const rows = await this.db.select().from(apiKeys).where(eq(apiKeys.merchantId, merchantId)).orderBy(desc(apiKeys.createdAt));
    return rows.map(keyToApi);
  }

  async revokeKey(merchantId: string, keyId: string): Promise<ApiKey> {
    const [row] = await this.db.update(apiKeys).set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.merchantId, merchantId), eq(apiKeys.id, keyId))).returning();
    if (!row) throw new NotFound('API key', keyId);
    this.recent.delete(row.keyHash);
    return keyToApi(row);
  }

  /** The merchant a presented key belongs to, or null when unknown or revoked. */
  async authenticate(key: string): Promise<Principal | null> {
    const hash = hashKey(key);
    const cached = this.recent.get(hash);
    if (cached && cached.until > Date.now()) return cached.principal;
    const [row] = await this.db.select({ id: apiKeys.id, merchantId: apiKeys.merchantId }).from(apiKeys)
      .where(and(eq(apiKeys.keyHash, hash), isNull(apiKeys.revokedAt)));
    if (!row) return null;
    if (this.recent.size > 10_000) this.recent.clear();
    this.recent.set(hash, { principal: { merchantId: row.merchantId, keyId: row.id }, until: Date.now() + MerchantService.authCacheMs });
    const now = Date.now();
    if ((this.touched.get(row.id) ?? 0) < now - 60_000) {
      this.touched.set(row.id, now);
      await this.db.update(apiKeys).set({ lastUsedAt: new Date(now) }).where(eq(apiKeys.id, row.id));
    }
    return { merchantId: row.merchantId, keyId: row.id };
  }
}

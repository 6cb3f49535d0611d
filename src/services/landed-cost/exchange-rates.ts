/**
 * The merchant's dated exchange-rate tables: imported from the ECB reference-rate XML or typed in,
 * and read back as the engine's ExchangeRates for a quote date.
 */
import { and, desc, eq, gte, lte, sql } from 'drizzle-orm';
import { parseEcbXml, type ExchangeRates, type ExchangeRateTable as EngineTable } from '../../engines/landed-cost/index.js';
import { newId } from '../../shared/ids.js';
import type { Db } from '../../store/database.js';
import { exchangeRates } from '../../store/schema.js';
import { Invalid } from '../errors.js';
import type { ExchangeRateTableInput } from './schemas.js';

type Row = typeof exchangeRates.$inferSelect;

/** The engine accepts tables up to 31 days old by default (customs use monthly rates). */
export const RATE_MAX_AGE_DAYS = 31;
const DAY_MS = 86_400_000;

export interface StoredRateTable {
  id: string;
  date: string;
  base: string;
  rates: Record<string, string>;
  source: string;
  createdAt: string;
  updatedAt: string;
}

export interface RateImportReport {
  format: 'ecb-xml' | 'json';
  tables: number;
  inserted: number;
  updated: number;
  from: string;
  to: string;
  currencies: string[];
}

function toApi(r: Row): StoredRateTable {
  return { id: r.id, date: r.date, base: r.base, rates: r.rates, source: r.source, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}

export function tablesFromInput(tables: ExchangeRateTableInput[]): EngineTable[] {
  return tables.map((t) => ({ date: t.date, base: t.base, rates: t.rates, source: t.source ?? 'rates sent with the request' }));
}

function daysBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Quotes are synchronous and frequent (every checkout), while rates change once a day: the tables
 * for a merchant and day are kept this long in memory. An import in this process clears them at
 * once; another process sees it within this delay.
 */
export const RATE_CACHE_MS = 30_000;
const RATE_CACHE_ENTRIES = 2_000;

export class ExchangeRateService {
  private readonly cache = new Map<string, { at: number; rates: ExchangeRates }>();

  constructor(private readonly db: Db) {}

  /** Parses an ECB eurofxref XML file; a file that is not one is a 400 on the body. */
  parseEcb(xml: string): EngineTable[] {
    try {
      return parseEcbXml(xml);
    } catch (e) {
      throw new Invalid(`the body is not an ECB reference-rate XML file: ${(e as Error).message}`, [{ field: '(body)', message: 'must be an ECB eurofxref XML file (<Cube time="..."><Cube currency="USD" rate="..."/>...)' }]);
    }
  }

  /** Stores tables in one transaction; a table of the same day and base gets the new rates merged in. */
  async importTables(merchantId: string, tables: EngineTable[], format: RateImportReport['format']): Promise<RateImportReport> {
    let inserted = 0;
    let updated = 0;
    const now = new Date();
    await this.db.transaction(async (tx) => {
      for (let i = 0; i < tables.length; i += 500) {
        const batch = tables.slice(i, i + 500);
        const rows = await tx.insert(exchangeRates)
          .values(batch.map((t) => ({ id: newId('fx'), merchantId, date: t.date, base: t.base, rates: t.rates, source: t.source })))
          .onConflictDoUpdate({
            target: [exchangeRates.merchantId, exchangeRates.date, exchangeRates.base],
            // Merged currency by currency, so that XDR typed in for CN22 limits survives the next ECB import.
            set: {
              rates: sql`${exchangeRates.rates} || excluded.rates`,
              source: sql`case when position(excluded.source in ${exchangeRates.source}) > 0 then ${exchangeRates.source} else ${exchangeRates.source} || '; ' || excluded.source end`,
              updatedAt: now,
            },
          })
          .returning({ inserted: sql<boolean>`(xmax = 0)` });
        // xmax is 0 only on a freshly inserted row version: it tells inserts from upserts.
        for (const r of rows) {
          if (r.inserted) inserted++;
          else updated++;
        }
      }
    });
    this.forget(merchantId);
    const dates = tables.map((t) => t.date).sort();
    const currencies = [...new Set(tables.flatMap((t) => [t.base, ...Object.keys(t.rates)]))].sort();
    return { format, tables: tables.length, inserted, updated, from: dates[0], to: dates[dates.length - 1], currencies };
  }

  async list(merchantId: string, filter: { from?: string; to?: string; limit: number }): Promise<StoredRateTable[]> {
    const rows = await this.db.select().from(exchangeRates).where(and(
      eq(exchangeRates.merchantId, merchantId),
      filter.from ? gte(exchangeRates.date, filter.from) : undefined,
      filter.to ? lte(exchangeRates.date, filter.to) : undefined,
    )).orderBy(desc(exchangeRates.date), exchangeRates.base).limit(filter.limit);
    return rows.map(toApi);
  }

  /** The tables a quote dated `day` may use: on or before it, within the engine's age limit. */
  async ratesFor(merchantId: string, day: string): Promise<ExchangeRates> {
    const key = `${merchantId} ${day}`;
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit && now - hit.at < RATE_CACHE_MS) return hit.rates;
    const rates = await this.loadRates(merchantId, day);
    if (this.cache.size >= RATE_CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, { at: now, rates });
    return rates;
  }

  private forget(merchantId: string): void {
    for (const key of this.cache.keys()) if (key.startsWith(`${merchantId} `)) this.cache.delete(key);
  }

  private async loadRates(merchantId: string, day: string): Promise<ExchangeRates> {
    const rows = await this.db.select({ date: exchangeRates.date, base: exchangeRates.base, rates: exchangeRates.rates, source: exchangeRates.source })
      .from(exchangeRates)
      .where(and(eq(exchangeRates.merchantId, merchantId), lte(exchangeRates.date, day), gte(exchangeRates.date, daysBefore(day, RATE_MAX_AGE_DAYS))))
      .orderBy(desc(exchangeRates.date));
    return { tables: rows, maxAgeDays: RATE_MAX_AGE_DAYS };
  }
}

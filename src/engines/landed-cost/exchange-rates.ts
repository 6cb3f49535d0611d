/**
 * Currency conversion from dated rate tables (merchant-supplied or imported from the ECB).
 * A table quotes units of each currency per one unit of its base; cross rates go through the base.
 */
import { Dec, dec } from './money.js';
import type { ExchangeRateUsed } from './quote-types.js';

export interface ExchangeRateTable {
  /** Day the rates were fixed (YYYY-MM-DD). */
  date: string;
  base: string;
  /** Units of the currency per 1 unit of base, as decimal strings. */
  rates: Record<string, string>;
  source: string;
}

export interface ExchangeRates {
  tables: ExchangeRateTable[];
  /** Oldest acceptable table relative to the quote date; default 31 days (customs use monthly rates). */
  maxAgeDays?: number;
}

const DAY_MS = 86_400_000;

/** Finds a conversion rate valid on `date`, or explains why there is none. */
export class RateBook {
  private readonly used = new Map<string, ExchangeRateUsed>();
  private readonly cache = new Map<string, Dec | string>();
  private readonly sorted: ExchangeRateTable[];

  constructor(private readonly rates: ExchangeRates, private readonly date: string) {
    this.sorted = [...rates.tables].filter((t) => t.date <= date).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  }

  /** Rate to multiply an amount in `from` by to get `to`, or an error message. */
  rate(from: string, to: string): Dec | string {
    if (from === to) return dec(1);
    const key = `${from}>${to}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const found = this.lookup(from, to);
    this.cache.set(key, found);
    return found;
  }

  convert(amount: Dec, from: string, to: string): Dec {
    const r = this.rate(from, to);
    if (typeof r === 'string') throw new Error(r);
    return amount.mul(r);
  }

  usedRates(): ExchangeRateUsed[] {
    return [...this.used.values()];
  }

  private lookup(from: string, to: string): Dec | string {
    const maxAge = (this.rates.maxAgeDays ?? 31) * DAY_MS;
    const quoteDay = Date.parse(`${this.date}T00:00:00Z`);
    for (const t of this.sorted) {
      if (quoteDay - Date.parse(`${t.date}T00:00:00Z`) > maxAge) break;
      const perBase = (c: string) => (c === t.base ? dec(1) : t.rates[c] !== undefined ? dec(t.rates[c]) : null);
      const f = perBase(from);
      const g = perBase(to);
      if (!f || !g || f.isZero()) continue;
      const r = g.div(f);
      this.used.set(`${from}>${to}`, { from, to, rate: r.toSignificantDigits(10).toString(), date: t.date, source: t.source });
      return r;
    }
    return `no exchange rate ${from}→${to} dated on or up to ${this.rates.maxAgeDays ?? 31} days before ${this.date}`;
  }
}

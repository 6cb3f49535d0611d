/** Shared test rates and a request builder; rates are round numbers so the worked examples stay checkable by hand. */
import type { ExchangeRates } from '../../../src/engines/landed-cost/index.js';

export const RATES: ExchangeRates = {
  maxAgeDays: 3650,
  tables: [{
    date: '2024-01-01', base: 'EUR', source: 'test rates',
    rates: { USD: '1.10', GBP: '0.85', CAD: '1.50', AUD: '1.65', CHF: '0.95', NOK: '11.5', JPY: '160', SGD: '1.45', SEK: '11', HUF: '400', CZK: '25', DKK: '7.5', PLN: '4.3', RON: '5', BGN: '1.95583', MXN: '20', XDR: '0.86' },
  }],
};

export interface ItemSpec { hs: string; value: string; qty?: number; currency: string; origin?: string; taxCategory?: string; description?: string; grams?: number }

export function request(opts: {
  date: string; to: string; region?: string; from?: string; items: ItemSpec[]; shipping?: string; shippingCurrency?: string;
  mode?: 'courier' | 'postal'; incoterm?: string; registrations?: string[]; purpose?: 'personal' | 'commercial'; overrides?: unknown[]; currency?: string;
}) {
  return {
    date: opts.date,
    origin: { country: opts.from ?? 'CN' },
    destination: { country: opts.to, ...(opts.region ? { region: opts.region } : {}) },
    ...(opts.currency ? { currency: opts.currency } : {}),
    items: opts.items.map((i) => ({
      description: i.description ?? `goods ${i.hs}`, hsCode: i.hs, originCountry: i.origin ?? opts.from ?? 'CN', quantity: i.qty ?? 1,
      unitValue: i.value, currency: i.currency, ...(i.taxCategory ? { taxCategory: i.taxCategory } : {}), ...(i.grams !== undefined ? { unitWeightGrams: i.grams } : {}),
    })),
    shipping: { amount: opts.shipping ?? '0', currency: opts.shippingCurrency ?? opts.items[0].currency },
    shippingMode: opts.mode ?? 'courier',
    incoterm: opts.incoterm ?? 'DDP',
    purpose: opts.purpose ?? 'personal',
    seller: { registrations: (opts.registrations ?? []).map((scheme) => ({ scheme, number: `${scheme}-TEST` })) },
    tariffOverrides: opts.overrides ?? [],
  };
}

/**
 * A seeded mix of landed-cost requests across every shipped destination: e-commerce goods from the
 * default table and outside it, values on both sides of each low-value threshold, courier and
 * postal, with and without the seller registrations, several currencies.
 */
import { Random } from '../../src/shared/random.js';
import { shippedCountries, type ExchangeRates, type LandedCostRequestInput } from '../../src/engines/landed-cost/index.js';

export const BENCH_RATES: ExchangeRates = {
  maxAgeDays: 3650,
  tables: [{
    date: '2024-01-01', base: 'EUR', source: 'bench fixed rates',
    rates: { USD: '1.08', GBP: '0.86', CAD: '1.48', AUD: '1.64', CHF: '0.94', NOK: '11.6', JPY: '162', SGD: '1.45', SEK: '11.2', HUF: '395', CZK: '25.1', DKK: '7.46', PLN: '4.28', RON: '4.97', BGN: '1.95583', CNY: '7.8', MXN: '19.5' },
  }],
};

const GOODS: [hs: string, description: string, euroValue: [number, number], grams: number][] = [
  ['610910', 'Cotton T-shirt', [8, 40], 180], ['611020', 'Cotton sweater', [25, 90], 450], ['620342', 'Cotton jeans', [30, 120], 700],
  ['640399', 'Leather boots', [60, 220], 1200], ['640411', 'Running shoes', [40, 160], 800], ['420221', 'Leather handbag', [50, 400], 900],
  ['851713', 'Smartphone', [150, 1200], 200], ['847130', 'Laptop', [400, 2500], 1800], ['851830', 'Headphones', [20, 300], 250],
  ['330499', 'Face cream', [10, 80], 120], ['392690', 'Plastic phone case', [5, 30], 60], ['490199', 'Printed book', [8, 45], 400],
  ['711319', 'Gold ring', [120, 1500], 10], ['910211', 'Wrist watch', [60, 900], 150], ['950300', 'Wooden toy', [10, 70], 500],
  ['950691', 'Yoga mat', [20, 80], 1500], ['691200', 'Ceramic mug', [8, 30], 350], ['940360', 'Wooden stool', [40, 250], 4000],
  ['630231', 'Cotton bed linen', [30, 150], 1100], ['850440', 'Phone charger', [10, 50], 150],
];

const CURRENCY_OF: Record<string, string> = { US: 'USD', GB: 'GBP', CA: 'CAD', AU: 'AUD', CH: 'CHF', NO: 'NOK', JP: 'JPY', SG: 'SGD', CN: 'CNY' };
const ORIGINS = ['US', 'GB', 'CN', 'DE', 'JP', 'CA'];
const SCHEMES: Record<string, string> = { GB: 'UK_VAT', NO: 'NO_VOEC', AU: 'AU_GST', SG: 'SG_OVR', CH: 'CH_VAT' };
const PROVINCES = ['ON', 'QC', 'BC', 'AB', 'NS', 'NB', 'MB'];
const DATES = ['2025-03-10', '2025-08-20', '2025-09-15', '2026-03-01', '2026-06-30', '2026-07-01', '2026-11-25'];
const EURO_PER: Record<string, number> = Object.fromEntries(Object.entries(BENCH_RATES.tables[0].rates).map(([c, r]) => [c, Number(r)]));

function amount(random: Random, lo: number, hi: number, currency: string): string {
  const euros = lo + random.next() * (hi - lo);
  const local = euros * (currency === 'EUR' ? 1 : EURO_PER[currency]);
  return currency === 'JPY' || currency === 'HUF' ? String(Math.round(local)) : local.toFixed(2);
}

export function generateRequests(count: number, seed: number): LandedCostRequestInput[] {
  const random = new Random(seed);
  const destinations = shippedCountries();
  const out: LandedCostRequestInput[] = [];
  for (let n = 0; n < count; n++) {
    const to = destinations[n % destinations.length];
    let from = random.pick(ORIGINS);
    if (from === to || (from === 'DE' && !CURRENCY_OF[to])) from = to === 'US' ? 'CN' : 'US';
    const sellerCurrency = random.next() < 0.5 ? (CURRENCY_OF[from] ?? 'EUR') : (CURRENCY_OF[to] ?? 'EUR');
    const lines = 1 + random.int(random.next() < 0.7 ? 2 : 5);
    // A third of the parcels are small (under every low-value threshold), others spread wide.
    const scale = random.next() < 0.35 ? 0.25 : random.next() < 0.5 ? 1 : 3;
    const items = Array.from({ length: lines }, () => {
      const [hs, description, [lo, hi], grams] = random.pick(GOODS);
      return {
        description, hsCode: hs, originCountry: random.next() < 0.6 ? 'CN' : from, quantity: 1 + (random.next() < 0.2 ? random.int(3) : 0),
        unitValue: amount(random, lo * scale, hi * scale, sellerCurrency), currency: sellerCurrency, unitWeightGrams: grams,
        taxCategory: hs === '490199' && to !== 'DK' && to !== 'US' && to !== 'CA' && to !== 'AU' && to !== 'SG' ? 'reduced' as const : 'standard' as const,
      };
    });
    const scheme = SCHEMES[to] ?? (to === 'US' || to === 'CA' || to === 'JP' ? undefined : 'EU_IOSS');
    out.push({
      date: random.pick(DATES),
      origin: { country: from },
      destination: { country: to, ...(to === 'CA' ? { region: random.pick(PROVINCES) } : {}) },
      currency: sellerCurrency,
      items,
      shipping: { amount: amount(random, 4, 40, sellerCurrency), currency: sellerCurrency },
      ...(random.next() < 0.3 ? { insurance: { amount: amount(random, 1, 10, sellerCurrency), currency: sellerCurrency } } : {}),
      shippingMode: random.next() < 0.25 ? 'postal' : 'courier',
      incoterm: random.next() < 0.6 ? 'DDP' : 'DAP',
      purpose: random.next() < 0.9 ? 'personal' : 'commercial',
      seller: { registrations: scheme && random.next() < 0.7 ? [{ scheme: scheme as 'EU_IOSS', number: 'BENCH' }] : [] },
    });
  }
  return out;
}

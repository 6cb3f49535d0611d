/**
 * Generates the demo merchant: a European outdoor brand selling worldwide from three warehouses.
 * Deterministic for a seed (and an end date), so tests and screenshots are reproducible.
 * Demand has a weekly cycle, a yearly cycle with a winter peak, a Black Friday / Cyber Monday
 * spike, growth over the two years, and long-tail SKU popularity.
 */
import { Random } from '../../shared/random.js';
import type { BoxCreate, ChannelCreate, InventoryUpsert, OrderCreate, ProductCreate, WarehouseCreate } from '../../domain/resources.js';
import { productLines } from './catalogue.js';
import { citiesByCountry, countryShares, postalCode, type City } from './geography.js';

export interface DemoOptions {
  orders: number;
  seed: number;
  /** Last day with orders (UTC); defaults to yesterday. */
  until?: Date;
  days?: number;
  skus?: number;
}

export interface DemoData {
  merchant: { name: string; defaultCurrency: string };
  warehouses: WarehouseCreate[];
  channels: ChannelCreate[];
  boxes: BoxCreate[];
  products: ProductCreate[];
  inventory: InventoryUpsert[];
  orders: OrderCreate[];
}

const DAY_MS = 86_400_000;

export const demoWarehouses: WarehouseCreate[] = [
  { code: 'AMS1', name: 'Amsterdam fulfilment centre', operator: 'own', address: { line1: 'Hoogoorddreef 60', city: 'Amsterdam', region: 'NH', postalCode: '1101 BE', country: 'NL' }, lat: 52.3105, lng: 4.945, capacityUnitsPerDay: 4000, fixedCostPerYear: '420000', currency: 'EUR', active: true },
  { code: 'EWR1', name: 'New Jersey 3PL', operator: '3pl', address: { line1: '300 Raritan Center Pkwy', city: 'Edison', region: 'NJ', postalCode: '08837', country: 'US' }, lat: 40.5187, lng: -74.3521, capacityUnitsPerDay: 2500, fixedCostPerYear: '180000', currency: 'EUR', active: true },
  { code: 'SYD1', name: 'Sydney 3PL', operator: '3pl', address: { line1: '12 Huntingwood Dr', city: 'Huntingwood', region: 'NSW', postalCode: '2148', country: 'AU' }, lat: -33.7965, lng: 150.8829, capacityUnitsPerDay: 800, fixedCostPerYear: '90000', currency: 'EUR', active: true },
];

const warehouseFor: Record<string, string> = { US: 'EWR1', CA: 'EWR1', AU: 'SYD1', NZ: 'SYD1', SG: 'SYD1', JP: 'SYD1' };

export const demoChannels: ChannelCreate[] = [
  { code: 'WEB', name: 'Webshop', kind: 'webshop' },
  { code: 'MARKET', name: 'Marketplace', kind: 'marketplace' },
  { code: 'B2B', name: 'Wholesale to outdoor stores', kind: 'wholesale' },
];

/** A typical e-commerce carton range: a mailer bag, four corrugated boxes, a long box. */
export const demoBoxes: BoxCreate[] = [
  // Sized to the demo products: a folded T-shirt fits the mailer, a sweater or shell jacket the
  // poly mailer, a pair of shoes the medium box.
  { code: 'MAILER', name: 'Padded mailer bag', innerLengthMm: 380, innerWidthMm: 280, innerHeightMm: 50, outerLengthMm: 390, outerWidthMm: 290, outerHeightMm: 55, emptyWeightG: 40, maxWeightG: 2000, cost: '0.35', currency: 'EUR', stock: 4000, active: true },
  { code: 'MAILER-L', name: 'Large poly mailer', innerLengthMm: 450, innerWidthMm: 340, innerHeightMm: 80, outerLengthMm: 460, outerWidthMm: 350, outerHeightMm: 85, emptyWeightG: 50, maxWeightG: 3000, cost: '0.30', currency: 'EUR', stock: 3000, active: true },
  { code: 'S', name: 'Small box', innerLengthMm: 250, innerWidthMm: 180, innerHeightMm: 120, outerLengthMm: 260, outerWidthMm: 190, outerHeightMm: 130, emptyWeightG: 150, maxWeightG: 10000, cost: '0.55', currency: 'EUR', stock: 3000, active: true },
  { code: 'M', name: 'Medium box', innerLengthMm: 380, innerWidthMm: 260, innerHeightMm: 160, outerLengthMm: 392, outerWidthMm: 272, outerHeightMm: 172, emptyWeightG: 260, maxWeightG: 20000, cost: '0.85', currency: 'EUR', stock: 2500, active: true },
  { code: 'L', name: 'Large box', innerLengthMm: 450, innerWidthMm: 350, innerHeightMm: 250, outerLengthMm: 462, outerWidthMm: 362, outerHeightMm: 262, emptyWeightG: 420, maxWeightG: 25000, cost: '1.25', currency: 'EUR', stock: 1500, active: true },
  { code: 'XL', name: 'Extra large box', innerLengthMm: 600, innerWidthMm: 400, innerHeightMm: 400, outerLengthMm: 615, outerWidthMm: 415, outerHeightMm: 415, emptyWeightG: 750, maxWeightG: 30000, cost: '2.10', currency: 'EUR', stock: 600, active: true },
  { code: 'LONG', name: 'Long box', innerLengthMm: 800, innerWidthMm: 200, innerHeightMm: 200, outerLengthMm: 812, outerWidthMm: 212, outerHeightMm: 212, emptyWeightG: 520, maxWeightG: 20000, cost: '1.60', currency: 'EUR', stock: 300, active: true },
];

export function generateDemo(options: DemoOptions): DemoData {
  const rnd = new Random(options.seed);
  const days = options.days ?? 730;
  const until = startOfDay(options.until ?? new Date(Date.now() - DAY_MS));
  const products = generateProducts(rnd, options.skus ?? 500);
  const popularity = zipfWeights(products.length, 0.95, rnd);
  const dailyWeights = dayWeights(until, days, rnd);
  const perDay = apportion(options.orders, dailyWeights);
  const countries = Object.keys(countryShares);
  const countryCum = cumulative(countries.map((c) => countryShares[c]));
  const cities = citiesByCountry();
  const cityCum = new Map<string, { list: City[]; cum: Float64Array }>();
  for (const [country, list] of cities) cityCum.set(country, { list, cum: cumulative(list.map((c) => Math.pow(c.population, 0.9))) });
  const skuCum = cumulative(popularity);
  const orders: OrderCreate[] = [];
  let seq = 100000;
  for (let d = 0; d < days; d++) {
    const dayStart = until.getTime() - (days - 1 - d) * DAY_MS;
    for (let k = 0; k < perDay[d]; k++) {
      const country = countries[pickCum(countryCum, rnd.next())];
      const pool = cityCum.get(country)!;
      const city = pool.list[pickCum(pool.cum, rnd.next())];
      const channel = rnd.next() < 0.7 ? 'WEB' : rnd.next() < 0.95 ? 'MARKET' : 'B2B';
      const lineCount = channel === 'B2B' ? rnd.range(3, 8) : 1 + (rnd.next() < 0.32 ? 1 : 0) + (rnd.next() < 0.12 ? 1 : 0) + (rnd.next() < 0.04 ? 1 : 0);
      const chosen = new Set<number>();
      while (chosen.size < lineCount) chosen.add(pickCum(skuCum, rnd.next()));
      const lines = [...chosen].map((i) => ({
        sku: products[i].sku,
        quantity: channel === 'B2B' ? rnd.range(2, 12) : rnd.next() < 0.85 ? 1 : rnd.range(2, 3),
        unitPrice: products[i].unitValue,
      }));
      // Shoppers order in the daytime of the destination, roughly.
      const hour = Math.min(23, Math.max(0, Math.round(14 + 4 * rnd.normal() - city.lng / 15)));
      const placedAt = new Date(dayStart + ((hour + 24) % 24) * 3_600_000 + rnd.int(3_600_000));
      const age = (until.getTime() - placedAt.getTime()) / DAY_MS;
      orders.push({
        externalId: String(seq++),
        channelCode: channel,
        warehouseCode: warehouseFor[country] ?? 'AMS1',
        placedAt: placedAt.toISOString(),
        status: age > 10 ? 'delivered' : age > 2 ? 'shipped' : 'open',
        currency: 'EUR',
        shipTo: {
          name: channel === 'B2B' ? `${city.name} Outdoor Store` : shopperName(rnd),
          line1: `${rnd.range(1, 240)} ${rnd.pick(streets)}`,
          city: city.name,
          region: city.region,
          postalCode: postalCode(country, () => rnd.next()),
          country,
          lat: round5(city.lat + rnd.normal() * 0.03),
          lng: round5(city.lng + rnd.normal() * 0.03),
          residential: channel !== 'B2B',
        },
        lines,
      });
    }
  }
  return {
    merchant: { name: 'Northwind Outdoor Co.', defaultCurrency: 'EUR' },
    warehouses: demoWarehouses,
    channels: demoChannels,
    boxes: demoBoxes,
    products,
    inventory: generateInventory(rnd, products, popularity),
    orders,
  };
}

const streets = ['Main Street', 'Harbour Road', 'Station Lane', 'Park Avenue', 'Mill Road', 'Church Street', 'Canal Street', 'Market Square', 'High Street', 'River Walk'];
const givenNames = ['Ana', 'Ben', 'Chloé', 'Daan', 'Emma', 'Finn', 'Greta', 'Hiro', 'Isla', 'Jonas', 'Kai', 'Lena', 'Mia', 'Noah', 'Olivia', 'Priya', 'Quinn', 'Ravi', 'Sofia', 'Tom'];
const familyNames = ['Jansen', 'Müller', 'Martin', 'Smith', 'García', 'Rossi', 'Nilsen', 'Tanaka', 'Tan', 'Brown', 'de Vries', 'Novak', 'Kowalski', 'Silva', 'Walsh'];

function shopperName(rnd: Random): string {
  return `${rnd.pick(givenNames)} ${rnd.pick(familyNames)}`;
}

function generateProducts(rnd: Random, count: number): ProductCreate[] {
  const out: ProductCreate[] = [];
  const seen = new Set<string>();
  let i = 0;
  while (out.length < count && i < count * 20) {
    i++;
    const line = productLines[i % productLines.length];
    const name = rnd.pick(line.names);
    const variant = rnd.pick(line.variants);
    const model = rnd.range(1, 40);
    const sku = `${line.category.slice(0, 3).toUpperCase()}-${name.replace(/[^A-Za-z0-9]/g, '').slice(0, 6).toUpperCase()}-${model}-${variant.replace(/[^A-Za-z0-9]/g, '').toUpperCase()}`;
    if (seen.has(sku)) continue;
    seen.add(sku);
    const between = ([lo, hi]: [number, number]) => Math.round(lo + (hi - lo) * rnd.next());
    const price = line.priceEur[0] + (line.priceEur[1] - line.priceEur[0]) * rnd.next();
    out.push({
      sku, name: `${name} ${model}, ${variant}`, category: line.category,
      lengthMm: between(line.lengthMm), widthMm: between(line.widthMm), heightMm: between(line.heightMm), weightG: between(line.weightG),
      // Prices end in .95 or .00, as shops price them.
      unitValue: rnd.next() < 0.7 ? `${Math.floor(price)}.95` : `${Math.round(price)}.00`,
      currency: 'EUR', hsCode: line.hsCode, originCountry: rnd.pick(line.origins),
      fragile: Boolean(line.fragile), thisSideUp: Boolean(line.thisSideUp), hazmat: Boolean(line.hazmat),
    });
  }
  return out;
}

function generateInventory(rnd: Random, products: ProductCreate[], popularity: Float64Array): InventoryUpsert[] {
  const total = popularity.reduce((a, b) => a + b, 0);
  const share: Record<string, number> = { AMS1: 0.62, EWR1: 0.27, SYD1: 0.11 };
  const out: InventoryUpsert[] = [];
  products.forEach((p, i) => {
    const annual = (popularity[i] / total) * 40_000;
    for (const w of demoWarehouses) {
      const weekly = (annual * share[w.code]) / 52;
      if (weekly < 0.05 && rnd.next() < 0.6) continue;
      const reorderPoint = Math.ceil(weekly * 2);
      out.push({ sku: p.sku, warehouseCode: w.code, onHand: Math.max(0, Math.round(weekly * (2 + 6 * rnd.next()))), reserved: Math.round(weekly * 0.2 * rnd.next()), reorderPoint });
    }
  });
  return out;
}

/** Relative demand per day: growth, weekly and yearly cycles, Black Friday, noise. */
function dayWeights(until: Date, days: number, rnd: Random): Float64Array {
  const w = new Float64Array(days);
  const weekday = [0.82, 1.18, 1.1, 1.04, 1.0, 0.9, 0.78]; // Sun..Sat: Monday is the busiest day online
  for (let d = 0; d < days; d++) {
    const date = new Date(until.getTime() - (days - 1 - d) * DAY_MS);
    const doy = dayOfYear(date);
    const growth = 1 + 0.45 * (d / days);
    const yearly = 1 + 0.22 * Math.cos((2 * Math.PI * (doy - 350)) / 365) + 0.08 * Math.cos((4 * Math.PI * (doy - 160)) / 365);
    let event = 1;
    const bf = blackFriday(date.getUTCFullYear());
    const offset = Math.round((date.getTime() - bf.getTime()) / DAY_MS);
    if (offset === 0) event = 4.2;
    else if (offset === 3) event = 3.1; // Cyber Monday
    else if (offset >= -4 && offset <= 6) event = 1.7;
    else if (date.getUTCMonth() === 11 && date.getUTCDate() >= 1 && date.getUTCDate() <= 18) event = 1.35;
    else if (date.getUTCMonth() === 11 && date.getUTCDate() >= 24) event = 0.7;
    w[d] = growth * yearly * weekday[date.getUTCDay()] * event * Math.exp(0.12 * rnd.normal());
  }
  return w;
}

/** Black Friday: the day after the fourth Thursday of November. */
export function blackFriday(year: number): Date {
  const nov1 = new Date(Date.UTC(year, 10, 1));
  const firstThursday = 1 + ((4 - nov1.getUTCDay() + 7) % 7);
  return new Date(Date.UTC(year, 10, firstThursday + 21 + 1));
}

function zipfWeights(n: number, s: number, rnd: Random): Float64Array {
  const ranks = rnd.shuffle([...Array(n).keys()]);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = 1 / Math.pow(ranks[i] + 1, s);
  return w;
}

/** Splits a total into whole numbers proportional to weights (largest remainders). */
function apportion(total: number, weights: Float64Array): Int32Array {
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = new Int32Array(weights.length);
  const rem: [number, number][] = [];
  let given = 0;
  weights.forEach((w, i) => {
    const exact = (total * w) / sum;
    out[i] = Math.floor(exact);
    given += out[i];
    rem.push([exact - out[i], i]);
  });
  rem.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; k < total - given; k++) out[rem[k][1]]++;
  return out;
}

function cumulative(weights: ArrayLike<number>): Float64Array {
  const c = new Float64Array(weights.length);
  let s = 0;
  for (let i = 0; i < weights.length; i++) c[i] = s += weights[i];
  for (let i = 0; i < c.length; i++) c[i] /= s;
  return c;
}

function pickCum(cum: Float64Array, u: number): number {
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function startOfDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

function dayOfYear(d: Date): number {
  return Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY_MS);
}

function round5(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}

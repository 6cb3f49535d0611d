import assert from 'node:assert/strict';
import { it } from 'node:test';
import { blackFriday, generateDemo } from '../../../src/services/demo/generate.js';
import { isCountryCode } from '../../../src/domain/codes.js';
import { OrderCreate, ProductCreate } from '../../../src/domain/resources.js';

const until = new Date('2026-10-31T00:00:00Z');
const demo = generateDemo({ orders: 20_000, seed: 7, until });

it('is the same for the same seed and different for another', () => {
  const again = generateDemo({ orders: 2_000, seed: 7, until });
  const same = generateDemo({ orders: 2_000, seed: 7, until });
  const other = generateDemo({ orders: 2_000, seed: 8, until });
  assert.deepEqual(again.orders.slice(0, 50), same.orders.slice(0, 50));
  assert.notDeepEqual(again.orders.slice(0, 50), other.orders.slice(0, 50));
});

it('makes exactly the orders asked for, each valid against the API schema', () => {
  assert.equal(demo.orders.length, 20_000);
  for (const o of demo.orders.slice(0, 2000)) OrderCreate.parse(o);
  for (const p of demo.products) ProductCreate.parse(p);
  assert.equal(demo.products.length, 500);
  assert.equal(new Set(demo.products.map((p) => p.sku)).size, 500);
  assert.ok(demo.warehouses.length >= 2 && new Set(demo.warehouses.map((w) => w.address.country)).size >= 2);
  assert.ok(demo.channels.length >= 2);
});

it('ships worldwide, with a realistic cross-border mix', () => {
  const countries = new Set(demo.orders.map((o) => o.shipTo.country));
  assert.ok(countries.size >= 15);
  for (const c of countries) assert.ok(isCountryCode(c));
  const whCountry = new Map(demo.warehouses.map((w) => [w.code, w.address.country]));
  const cross = demo.orders.filter((o) => whCountry.get(o.warehouseCode!) !== o.shipTo.country).length / demo.orders.length;
  assert.ok(cross > 0.3 && cross < 0.85, `cross-border share ${cross}`);
  assert.ok(demo.orders.every((o) => o.shipTo.lat !== null && Math.abs(o.shipTo.lat!) <= 90));
});

it('has weekly and yearly seasonality and a Black Friday peak', () => {
  const perDay = new Map<string, number>();
  for (const o of demo.orders) perDay.set(o.placedAt.slice(0, 10), (perDay.get(o.placedAt.slice(0, 10)) ?? 0) + 1);
  const bf = blackFriday(2025).toISOString().slice(0, 10);
  const novemberDays = [...perDay].filter(([d]) => d.startsWith('2025-11') && d !== bf).map(([, n]) => n);
  const novMean = novemberDays.reduce((a, b) => a + b, 0) / novemberDays.length;
  assert.ok(perDay.get(bf)! > 2.5 * novMean, `Black Friday ${perDay.get(bf)} vs November mean ${novMean}`);
  const byWeekday = new Array(7).fill(0);
  for (const [d, n] of perDay) byWeekday[new Date(`${d}T00:00:00Z`).getUTCDay()] += n;
  assert.ok(byWeekday[1] > byWeekday[6] * 1.2, 'Mondays busier than Saturdays');
  const month = (m: string) => [...perDay].filter(([d]) => d.startsWith(m)).reduce((s, [, n]) => s + n, 0);
  assert.ok(month('2025-12') > month('2025-06'), 'December busier than June');
});

it('makes a long tail of SKU popularity', () => {
  const units = new Map<string, number>();
  for (const o of demo.orders) for (const l of o.lines) units.set(l.sku, (units.get(l.sku) ?? 0) + l.quantity);
  const sorted = [...units.values()].sort((a, b) => b - a);
  const total = sorted.reduce((a, b) => a + b, 0);
  const top10 = sorted.slice(0, 50).reduce((a, b) => a + b, 0);
  assert.ok(top10 / total > 0.35, 'top 10% of SKUs sell over a third of units');
  assert.ok(sorted.length > 400, 'most SKUs sell at least once');
});

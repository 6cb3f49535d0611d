/**
 * EU worked examples: the €150 duty relief (Reg. 1186/2009 art. 23) until 30 Jun 2026, the interim
 * €3-per-item-category duty from 1 Jul 2026 (Council, Dec 2025 / Feb 2026), IOSS (Directive
 * 2017/2455), and each of the 27 member states' standard VAT rate (European Commission, VAT rates
 * applied in the Member States) on both sides of the €150 threshold.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Decimal } from 'decimal.js';
import { EU_MEMBER_STATES, quoteLandedCost } from '../../../src/engines/landed-cost/index.js';
import { minorUnits } from '../../../src/engines/landed-cost/money.js';
import { RATES, request } from './fixtures.js';

type Req = Parameters<typeof request>[0];
const quote = (o: Req) => quoteLandedCost(request(o), undefined, RATES);
const amounts = (lines: { code: string; amount: string }[]) => lines.map((l) => `${l.code} ${l.amount}`);

describe('EU low-value regimes (Germany, 19 %)', () => {
  it('Reg. 1186/2009 art. 23 + IOSS, 2026-06-30: €100 + €10 — no duty, VAT 19 % × 110 = €20.90 at checkout', () => {
    const q = quote({ date: '2026-06-30', to: 'DE', items: [{ hs: '620610', value: '40', currency: 'EUR' }, { hs: '620620', value: '30', qty: 2, currency: 'EUR' }], shipping: '10', registrations: ['EU_IOSS'] });
    assert.deepEqual(q.duties, []);
    assert.deepEqual(q.taxes.map((t) => [t.collectedAt, t.amount]), [['checkout', '8.36'], ['checkout', '12.54']]);
    assert.equal(q.totals.taxes, '20.90');
  });

  it('Council €3 flat duty, 2026-07-01: 1 silk blouse + 2 wool blouses = 2 item categories = €6 (Council example)', () => {
    const q = quote({ date: '2026-07-01', to: 'DE', items: [{ hs: '620610', value: '40', currency: 'EUR' }, { hs: '620620', value: '30', qty: 2, currency: 'EUR' }], shipping: '10', registrations: ['EU_IOSS'] });
    assert.deepEqual(amounts(q.duties), ['FLAT_DUTY 3.00', 'FLAT_DUTY 3.00']);
    assert.deepEqual(q.duties.map((d) => d.itemIndexes), [[0], [1]]);
    assert.equal(q.totals.duties, '6.00');
    assert.equal(q.totals.taxes, '20.90');
  });

  it('Council €3 flat duty: four identical pens and a book are two categories — €6 (DHL example)', () => {
    const q = quote({ date: '2026-11-25', to: 'DE', items: [{ hs: '960810', value: '2', qty: 4, currency: 'EUR' }, { hs: '490199', value: '20', currency: 'EUR', taxCategory: 'reduced' }], registrations: ['EU_IOSS'] });
    assert.equal(q.totals.duties, '6.00');
  });

  it('€150 is the last value within the regime; €150.01 pays the tariff rate on CIF and import VAT', () => {
    const at = quote({ date: '2026-11-25', to: 'DE', items: [{ hs: '610910', value: '150', currency: 'EUR' }], registrations: ['EU_IOSS'] });
    assert.deepEqual(amounts(at.duties), ['FLAT_DUTY 3.00']);
    const over = quote({ date: '2026-11-25', to: 'DE', items: [{ hs: '610910', value: '150.01', currency: 'EUR' }], registrations: ['EU_IOSS'] });
    assert.deepEqual(amounts(over.duties), ['DUTY 18.00']);
    assert.deepEqual(amounts(over.taxes), ['VAT 31.92']);
    assert.equal(over.taxes[0].collectedAt, 'import');
  });

  it('UCC art. 70–71: €200 + €20 transport, no IOSS — duty 12 % × CIF 220 = 26.40, VAT 19 % × 246.40 = 46.82', () => {
    const q = quote({ date: '2026-11-25', to: 'DE', items: [{ hs: '610910', value: '200', currency: 'EUR' }], shipping: '20' });
    assert.deepEqual(amounts(q.duties), ['DUTY 26.40']);
    assert.deepEqual(amounts(q.taxes), ['VAT 46.82']);
  });

  it('≤ €150 without IOSS after 1 Jul 2026: no flat duty (IOSS only), art. 23 relief, VAT 20.90 at import', () => {
    const q = quote({ date: '2026-11-25', to: 'DE', items: [{ hs: '610910', value: '100', currency: 'EUR' }], shipping: '10', incoterm: 'DAP' });
    assert.deepEqual(q.duties, []);
    assert.deepEqual(amounts(q.taxes), ['VAT 20.90']);
    assert.equal(q.totals.dueOnDelivery, '20.90');
    assert.equal(q.totals.checkoutTotal, '110.00');
  });

  it('intra-EU (FR → DE) is not an import', () => {
    const q = quote({ date: '2026-11-25', from: 'FR', to: 'DE', items: [{ hs: '610910', value: '500', currency: 'EUR' }] });
    assert.deepEqual([...q.duties, ...q.taxes, ...q.fees], []);
    assert.equal(q.exemptions[0].kind, 'no-import');
  });

  it('Denmark has no reduced rate: asking for one is an error naming the item field', () => {
    assert.throws(() => quote({ date: '2026-11-25', to: 'DK', items: [{ hs: '490199', value: '20', currency: 'EUR', taxCategory: 'reduced' }] }), (e: { issues: { field: string }[] }) => e.issues[0].field === 'items.0.taxCategory');
  });
});

/** Standard rates on 2026-11-25 per the Commission's table, and national currencies (EUR_TO from the fixture). */
const STANDARD: Record<string, string> = {
  AT: '20', BE: '21', BG: '20', HR: '25', CY: '19', CZ: '21', DK: '25', EE: '24', FI: '25.5', FR: '20', DE: '19', GR: '24', HU: '27', IE: '23',
  IT: '22', LV: '21', LT: '21', LU: '17', MT: '18', NL: '21', PL: '23', PT: '23', RO: '21', SK: '23', SI: '22', ES: '21', SE: '25',
};
const CURRENCY: Record<string, string> = { CZ: 'CZK', DK: 'DKK', HU: 'HUF', PL: 'PLN', RO: 'RON', SE: 'SEK' };
const WHOLE_UNITS = new Set(['HUF', 'CZK']);

describe('all 27 member states, 2026-11-25', () => {
  it('the rule set covers exactly the 27 member states', () => {
    assert.deepEqual([...EU_MEMBER_STATES].sort(), Object.keys(STANDARD).sort());
  });
  for (const country of Object.keys(STANDARD)) {
    const rate = new Decimal(STANDARD[country]);
    const currency = CURRENCY[country] ?? 'EUR';
    const perEur = new Decimal(RATES.tables[0].rates[currency] ?? '1');
    const places = WHOLE_UNITS.has(currency) ? 0 : 2;
    const printed = minorUnits(currency);
    const local = (eur: string) => new Decimal(eur).mul(perEur);
    it(`${country}: €120 + €10 with IOSS → VAT ${rate} % at checkout, €3 flat duty; €300 + €20 without → 12 % duty and import VAT on CIF + duty`, () => {
      const low = quote({ date: '2026-11-25', to: country, items: [{ hs: '610910', value: '120', currency: 'EUR' }], shipping: '10', registrations: ['EU_IOSS'] });
      assert.equal(low.taxes[0].collectedAt, 'checkout');
      assert.equal(low.taxes[0].amount, local('130').mul(rate).div(100).toFixed(printed, Decimal.ROUND_HALF_UP));
      assert.equal(low.duties[0].amount, local('3').toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed(printed));
      const high = quote({ date: '2026-11-25', to: country, items: [{ hs: '610910', value: '300', currency: 'EUR' }], shipping: '20' });
      const duty = local('320').mul('0.12').toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
      const vat = local('320').add(duty).mul(rate).div(100).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
      assert.equal(high.duties[0].amount, duty.toFixed(printed));
      assert.equal(high.taxes[0].amount, vat.toFixed(printed));
      assert.equal(high.taxes[0].currency, currency);
    });
  }
});

describe('dated VAT changes', () => {
  it('Estonia 22 % → 24 % on 2025-07-01; Finland 24 % → 25.5 % on 2024-09-01; Romania 19 % → 21 % on 2025-08-01; Slovakia 20 % → 23 % on 2025-01-01', () => {
    const vatOn = (to: string, date: string) => quote({ date, to, items: [{ hs: '610910', value: '100', currency: 'EUR' }] }).taxes[0].ratePercent;
    assert.deepEqual([vatOn('EE', '2025-06-30'), vatOn('EE', '2025-07-01')], ['22', '24']);
    assert.deepEqual([vatOn('FI', '2024-08-31'), vatOn('FI', '2024-09-01')], ['24', '25.5']);
    assert.deepEqual([vatOn('RO', '2025-07-31'), vatOn('RO', '2025-08-01')], ['19', '21']);
    assert.deepEqual([vatOn('SK', '2024-12-31'), vatOn('SK', '2025-01-01')], ['20', '23']);
  });

  it('Bulgaria assesses in BGN until 2025-12-31 and in EUR from 2026-01-01 (euro adoption)', () => {
    const cur = (date: string) => quote({ date, to: 'BG', items: [{ hs: '610910', value: '100', currency: 'EUR' }] }).taxes[0].currency;
    assert.deepEqual([cur('2025-12-31'), cur('2026-01-01')], ['BGN', 'EUR']);
  });
});

/** Bad input is rejected field by field (never a silent zero); currency conversion and ECB import; purity. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  LandedCostInputError, LandedCostQuoteSchema, LandedCostRequestSchema, parseEcbXml, quoteLandedCost, shippedCountries, validateLandedCostRequest, type FieldIssue,
} from '../../../src/engines/landed-cost/index.js';
import { RATES, request } from './fixtures.js';

const base = () => request({ date: '2026-11-25', to: 'DE', items: [{ hs: '610910', value: '200', currency: 'EUR' }], shipping: '20' });

function issues(input: unknown, rates = RATES): FieldIssue[] {
  try {
    quoteLandedCost(input, undefined, rates);
  } catch (e) {
    assert.ok(e instanceof LandedCostInputError);
    assert.equal(e.status, 400);
    return e.issues;
  }
  assert.fail('expected a LandedCostInputError');
}
const fields = (input: unknown, rates = RATES) => issues(input, rates).map((i) => i.field);

describe('bad input', () => {
  it('unknown country code, and a real country without rules, name destination.country', () => {
    assert.deepEqual(fields({ ...base(), destination: { country: 'ZZ' } }), ['destination.country']);
    const br = issues({ ...base(), destination: { country: 'BR' } });
    assert.equal(br[0].field, 'destination.country');
    assert.match(br[0].message, /no landed-cost rules for BR/);
  });

  it('unknown currency names the item currency field', () => {
    const r = base();
    r.items[0].currency = 'XYZ';
    assert.deepEqual(fields(r), ['items.0.currency']);
  });

  it('HS codes of 4 or 11 digits are rejected', () => {
    const r = base();
    r.items[0].hsCode = '6109';
    assert.deepEqual(fields(r), ['items.0.hsCode']);
    r.items[0].hsCode = '61091000001';
    assert.deepEqual(fields(r), ['items.0.hsCode']);
  });

  it('negative values are rejected, for items and shipping', () => {
    const r = base();
    r.items[0].unitValue = '-1';
    r.shipping.amount = '-5';
    assert.deepEqual(fields(r).sort(), ['items.0.unitValue', 'shipping.amount']);
  });

  it('a date before every rule period names date', () => {
    const r = { ...base(), date: '2023-06-01' };
    const i = issues(r);
    assert.equal(i[0].field, 'date');
    assert.match(i[0].message, /outside every rule period for DE/);
    assert.deepEqual(fields({ ...base(), date: '2026-02-30' }), ['date']);
  });

  it('a missing exchange rate is an error on the currency field, not a zero', () => {
    const r = request({ date: '2026-11-25', to: 'DE', items: [{ hs: '610910', value: '200', currency: 'USD' }] });
    assert.deepEqual([...new Set(fields(r, { tables: [] }))], ['items.0.currency', 'shipping.currency', 'currency']);
    const stale = { tables: [{ date: '2026-01-01', base: 'EUR', rates: { USD: '1.1' }, source: 't' }] };
    assert.match(issues(r, stale)[0].message, /no exchange rate USD→EUR/);
  });

  it('Canada needs a province', () => {
    assert.deepEqual(fields(request({ date: '2026-11-25', to: 'CA', items: [{ hs: '610910', value: '200', currency: 'CAD' }] })), ['destination.region']);
  });

  it('every problem is reported at once', () => {
    const r = base();
    r.items[0].hsCode = '12';
    r.items[0].quantity = 0;
    (r as { incoterm: string }).incoterm = 'XYZ';
    assert.deepEqual(fields(r).sort(), ['incoterm', 'items.0.hsCode', 'items.0.quantity']);
    assert.deepEqual(validateLandedCostRequest(base(), undefined, RATES), []);
  });

  it('accepts all 11 Incoterms 2020 and assigns import charges to the seller only under DDP', () => {
    for (const incoterm of ['EXW', 'FCA', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP', 'FAS', 'FOB', 'CFR', 'CIF']) {
      const q = quoteLandedCost({ ...base(), incoterm }, undefined, RATES);
      assert.equal(q.payer.duties, incoterm === 'DDP' ? 'seller' : 'buyer');
    }
    assert.ok(LandedCostRequestSchema.safeParse(base()).success);
  });
});

describe('currency', () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
  <gesmes:subject>Reference rates</gesmes:subject>
  <Cube>
    <Cube time='2026-11-24'>
      <Cube currency='USD' rate='1.0500'/>
      <Cube currency='JPY' rate='165.20'/>
      <Cube currency='GBP' rate='0.8400'/>
    </Cube>
    <Cube time='2026-11-23'>
      <Cube currency='USD' rate='1.0400'/>
    </Cube>
  </Cube>
</gesmes:Envelope>`;

  it('parses ECB reference-rate XML (daily and history), oldest first', () => {
    const tables = parseEcbXml(xml);
    assert.deepEqual(tables.map((t) => t.date), ['2026-11-23', '2026-11-24']);
    assert.deepEqual(tables[1].rates, { USD: '1.0500', JPY: '165.20', GBP: '0.8400' });
    assert.throws(() => parseEcbXml('<html></html>'), /not an ECB/);
  });

  it('converts USD to EUR with the latest rate on or before the date: $210 at 1.05 = €200 → duty 12 % × (200 + 0) = €24.00', () => {
    const r = request({ date: '2026-11-25', to: 'DE', items: [{ hs: '610910', value: '210', currency: 'USD' }] });
    const q = quoteLandedCost(r, undefined, { tables: parseEcbXml(xml) });
    assert.equal(q.duties[0].amount, '24.00');
    assert.equal(q.duties[0].quoteAmount, '25.20');
    assert.equal(q.totals.currency, 'USD');
    assert.deepEqual(q.exchangeRates.find((x) => x.from === 'USD' && x.to === 'EUR'), { from: 'USD', to: 'EUR', rate: '0.9523809524', date: '2026-11-24', source: 'ECB euro foreign exchange reference rates' });
    const older = quoteLandedCost({ ...r, date: '2026-11-23' }, undefined, { tables: parseEcbXml(xml) });
    assert.equal(older.exchangeRates.find((x) => x.from === 'USD')?.date, '2026-11-23');
  });

  it('cross rates go through the base: GBP → JPY for Japan', () => {
    const r = request({ date: '2026-11-25', to: 'JP', purpose: 'commercial', items: [{ hs: '490199', value: '84', currency: 'GBP' }] });
    const q = quoteLandedCost(r, undefined, { tables: parseEcbXml(xml) });
    assert.equal(q.items[0].goodsValue, '16520');
  });
});

describe('engine properties', () => {
  it('is deterministic and its output is structured-cloneable plain data', () => {
    const r = request({ date: '2026-11-25', to: 'NO', items: [{ hs: '610910', value: '3500', currency: 'NOK' }, { hs: '490199', value: '200', currency: 'NOK' }], registrations: ['NO_VOEC'] });
    const a = quoteLandedCost(r, undefined, RATES);
    const b = quoteLandedCost(r, undefined, RATES);
    assert.deepEqual(a, b);
    assert.deepEqual(structuredClone(a), a);
  });

  it('every line names a rule, a source and a formula; totals add up', () => {
    for (const to of shippedCountries()) {
      const region = to === 'CA' ? 'ON' : undefined;
      const r = request({ date: '2026-11-25', to, region, from: to === 'US' ? 'CN' : 'US', items: [{ hs: '610910', value: '400', currency: 'USD' }, { hs: '851830', value: '2000', currency: 'USD' }], shipping: '30' });
      const q = quoteLandedCost(r, undefined, RATES);
      for (const l of [...q.duties, ...q.taxes, ...q.fees]) {
        assert.ok(l.ruleId && l.source && l.formula, `${to} ${l.code}`);
      }
      const t = q.totals;
      const sum = [t.goods, t.shipping, t.insurance, t.duties, t.taxes, t.fees].reduce((a, v) => a + Math.round(Number(v) * 100), 0);
      assert.equal(Math.round(Number(t.ddpTotal) * 100), sum, to);
      assert.equal(t.checkoutTotal, t.ddpTotal, `${to} DDP: everything at checkout`);
      assert.deepEqual(LandedCostQuoteSchema.strict().parse(q), q, `${to}: quote matches the published response schema`);
    }
  });
});

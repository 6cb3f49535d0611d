/**
 * Worked examples computed by hand from the official rules, at least three per shipped destination
 * and both sides of each threshold. Duty rates come from the default table (documented in
 * rules/duty-tables.ts) unless a test overrides them; the legal source of each rule is cited.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quoteLandedCost, type LandedCostQuote } from '../../../src/engines/landed-cost/index.js';
import { RATES, request } from './fixtures.js';

type Req = Parameters<typeof request>[0];
const quote = (o: Req): LandedCostQuote => quoteLandedCost(request(o), undefined, RATES);
const amounts = (lines: { code: string; amount: string }[]) => lines.map((l) => `${l.code} ${l.amount}`);
const kinds = (q: LandedCostQuote) => q.exemptions.map((e) => e.kind).sort();

describe('United States', () => {
  it('19 CFR 10.151 (Section 321): $500 on 2025-08-01 is under the $800 de minimis — no duty, no MPF', () => {
    const q = quote({ date: '2025-08-01', to: 'US', items: [{ hs: '610910', value: '500', currency: 'USD' }], shipping: '20' });
    assert.deepEqual(q.duties, []);
    assert.deepEqual(q.fees, []);
    assert.deepEqual(kinds(q), ['duty-de-minimis']);
    assert.equal(q.totals.ddpTotal, '520.00');
  });

  it('Section 321: $801 on 2025-08-01 is over $800 — 16.5 % duty on FOB ($132.17) and informal MPF FY2025 $2.62', () => {
    const q = quote({ date: '2025-08-01', to: 'US', items: [{ hs: '610910', value: '801', currency: 'USD' }], shipping: '20' });
    assert.deepEqual(amounts(q.duties), ['DUTY 132.17']);
    assert.deepEqual(amounts(q.fees), ['MPF 2.62']);
    assert.equal(q.totals.ddpTotal, '955.79');
  });

  it('EO 14324 (de minimis suspended from 2025-08-29): the same $500 on 2025-09-15 pays $82.50 duty + MPF $2.62', () => {
    const q = quote({ date: '2025-09-15', to: 'US', items: [{ hs: '610910', value: '500', currency: 'USD' }], shipping: '20' });
    assert.deepEqual(amounts(q.duties), ['DUTY 82.50']);
    assert.match(q.duties[0].formula, /16\.5 % × USD 500\.00 customs value \(FOB\)/);
    assert.deepEqual(amounts(q.fees), ['MPF 2.62']);
    assert.equal(q.totals.ddpTotal, '605.12');
  });

  it('CBP FY2026 user fees (19 CFR 24.23): a $3,000 formal entry pays 0.3464 % = $10.39, raised to the $33.58 minimum', () => {
    const q = quote({ date: '2026-11-25', to: 'US', items: [{ hs: '847130', value: '3000', currency: 'USD' }] });
    assert.deepEqual(amounts(q.duties), ['DUTY 0.00']);
    assert.deepEqual(amounts(q.fees), ['MPF 33.58']);
    assert.equal(q.fees[0].ruleId, 'US-MPF-FORMAL-FY2026');
  });

  it('merchant tariff override by origin (e.g. additional duties on CN goods) wins over the default table', () => {
    const q = quote({ date: '2026-11-25', to: 'US', items: [{ hs: '610910', value: '500', currency: 'USD' }], overrides: [{ hsPrefix: '6109', originCountry: 'CN', ratePercent: '36.5' }, { hsPrefix: '6109', ratePercent: '16.5' }] });
    assert.deepEqual(amounts(q.duties), ['DUTY 182.50']);
    assert.equal(q.items[0].dutyRateSource, 'merchant-override');
  });
});

describe('United Kingdom', () => {
  it('HMRC £135 rule: a £100 consignment — seller charges 20 % VAT at checkout on £110 (£22.00), no duty', () => {
    const q = quote({ date: '2026-11-25', to: 'GB', items: [{ hs: '610910', value: '100', currency: 'GBP' }], shipping: '10', registrations: ['UK_VAT'] });
    assert.deepEqual(q.duties, []);
    assert.deepEqual(amounts(q.taxes), ['VAT 22.00']);
    assert.equal(q.taxes[0].collectedAt, 'checkout');
    assert.equal(q.totals.dueOnDelivery, '0.00');
  });

  it('HMRC £135 rule: exactly £135.00 is still within the limit (VAT at sale)', () => {
    const q = quote({ date: '2026-11-25', to: 'GB', items: [{ hs: '610910', value: '135.00', currency: 'GBP' }], registrations: ['UK_VAT'] });
    assert.equal(q.taxes[0].collectedAt, 'checkout');
    assert.deepEqual(q.duties, []);
  });

  it('HMRC: £200 over £135 — duty 12 % on CIF £215 = £25.80, import VAT 20 % × £240.80 = £48.16 (DAP: due on delivery)', () => {
    const q = quote({ date: '2026-11-25', to: 'GB', items: [{ hs: '610910', value: '200', currency: 'GBP' }], shipping: '15', registrations: ['UK_VAT'], incoterm: 'DAP' });
    assert.deepEqual(amounts(q.duties), ['DUTY 25.80']);
    assert.deepEqual(amounts(q.taxes), ['VAT 48.16']);
    assert.equal(q.taxes[0].collectedAt, 'import');
    assert.equal(q.taxes[0].payer, 'buyer');
    assert.equal(q.totals.dueOnDelivery, '73.96');
    assert.equal(q.totals.checkoutTotal, '215.00');
  });

  it('HMRC rounds duty and VAT down to the penny: £135.01 × 12 % = £16.2012 → £16.20; £199.99 → £23.99 (not £24.00)', () => {
    assert.deepEqual(amounts(quote({ date: '2026-11-25', to: 'GB', items: [{ hs: '610910', value: '199.99', currency: 'GBP' }] }).duties), ['DUTY 23.99']);
    const q = quote({ date: '2026-11-25', to: 'GB', items: [{ hs: '610910', value: '135.01', currency: 'GBP' }] });
    assert.deepEqual(amounts(q.duties), ['DUTY 16.20']);
    assert.deepEqual(amounts(q.taxes), ['VAT 30.24']);
  });

  it('an unregistered seller under £135 still owes VAT at sale — shown with a warning', () => {
    const q = quote({ date: '2026-11-25', to: 'GB', items: [{ hs: '610910', value: '50', currency: 'GBP' }] });
    assert.equal(q.taxes[0].collectedAt, 'checkout');
    assert.ok(q.warnings.some((w) => w.includes('must register for UK_VAT')));
  });
});

describe('Canada', () => {
  it('CUSMA courier from the US, CAD 120 to Ontario: duty-free (≤ CAD 150), HST 13 % on FOB CAD 120 = 15.60', () => {
    const q = quote({ date: '2026-11-25', to: 'CA', region: 'ON', from: 'US', items: [{ hs: '610910', value: '120', currency: 'CAD' }], shipping: '15' });
    assert.deepEqual(q.duties, []);
    assert.deepEqual(amounts(q.taxes), ['HST 15.60']);
  });

  it('CUSMA tax threshold CAD 40: CAD 40.00 is tax-free, CAD 40.01 pays HST 5.20', () => {
    const at = quote({ date: '2026-11-25', to: 'CA', region: 'ON', from: 'US', items: [{ hs: '610910', value: '40', currency: 'CAD' }] });
    assert.deepEqual(at.taxes, []);
    assert.deepEqual(kinds(at), ['duty-de-minimis', 'tax-de-minimis']);
    const over = quote({ date: '2026-11-25', to: 'CA', region: 'ON', from: 'US', items: [{ hs: '610910', value: '40.01', currency: 'CAD' }] });
    assert.deepEqual(amounts(over.taxes), ['HST 5.20']);
  });

  it('CUSMA duty threshold CAD 150: CAD 151 pays 18 % duty 27.18 and HST 13 % × 178.18 = 23.16', () => {
    const q = quote({ date: '2026-11-25', to: 'CA', region: 'ON', from: 'US', items: [{ hs: '610910', value: '151', currency: 'CAD' }] });
    assert.deepEqual(amounts(q.duties), ['DUTY 27.18']);
    assert.deepEqual(amounts(q.taxes), ['HST 23.16']);
  });

  it('CBSA D8-2-16 postal CAD 20: CAD 25 by post to Alberta pays duty 4.50, GST 5 % × 29.50 = 1.48 and the Canada Post fee 9.95', () => {
    const q = quote({ date: '2026-11-25', to: 'CA', region: 'AB', from: 'US', mode: 'postal', items: [{ hs: '610910', value: '25', currency: 'CAD' }] });
    assert.deepEqual(amounts(q.duties), ['DUTY 4.50']);
    assert.deepEqual(amounts(q.taxes), ['GST 1.48']);
    assert.deepEqual(amounts(q.fees), ['HANDLING 9.95']);
    const under = quote({ date: '2026-11-25', to: 'CA', region: 'AB', from: 'US', mode: 'postal', items: [{ hs: '610910', value: '20', currency: 'CAD' }] });
    assert.deepEqual([...under.duties, ...under.taxes, ...under.fees], []);
  });

  it('courier from a non-CUSMA country uses CAD 20: CAD 21 from China pays duty and GST', () => {
    const q = quote({ date: '2026-11-25', to: 'CA', region: 'BC', from: 'CN', items: [{ hs: '610910', value: '21', currency: 'CAD' }] });
    assert.deepEqual(amounts(q.duties), ['DUTY 3.78']);
    assert.deepEqual(amounts(q.taxes), ['GST 1.24']);
  });

  it('Nova Scotia HST: 15 % until 2025-03-31, 14 % from 2025-04-01 (CRA)', () => {
    const before = quote({ date: '2025-03-31', to: 'CA', region: 'NS', from: 'US', items: [{ hs: '491199', value: '100', currency: 'CAD' }] });
    const after = quote({ date: '2025-04-01', to: 'CA', region: 'NS', from: 'US', items: [{ hs: '491199', value: '100', currency: 'CAD' }] });
    assert.deepEqual(amounts(before.taxes), ['HST 15.00']);
    assert.deepEqual(amounts(after.taxes), ['HST 14.00']);
  });
});

describe('Australia', () => {
  it('GST Act Div. 84: A$900 low-value goods from a registered seller — GST 10 % × (900 + 50 transport) = 95.00 at checkout, no duty', () => {
    const q = quote({ date: '2026-11-25', to: 'AU', items: [{ hs: '610910', value: '900', currency: 'AUD' }], shipping: '50', registrations: ['AU_GST'] });
    assert.deepEqual(q.duties, []);
    assert.deepEqual(amounts(q.taxes), ['GST 95.00']);
    assert.equal(q.taxes[0].collectedAt, 'checkout');
  });

  it('exactly A$1,000 from an unregistered seller: nothing at the border, with a warning', () => {
    const q = quote({ date: '2026-11-25', to: 'AU', items: [{ hs: '610910', value: '1000', currency: 'AUD' }] });
    assert.deepEqual([...q.duties, ...q.taxes], []);
    assert.ok(q.warnings.some((w) => w.includes('AU_GST')));
  });

  it('A$1,200 over the threshold: duty 5 % on FOB = 60.00; GST 10 % on VoTI (1200 + 60 duty + 50 T&I) = 131.00', () => {
    const q = quote({ date: '2026-11-25', to: 'AU', items: [{ hs: '610910', value: '1200', currency: 'AUD' }], shipping: '50', registrations: ['AU_GST'] });
    assert.deepEqual(amounts(q.duties), ['DUTY 60.00']);
    assert.deepEqual(amounts(q.taxes), ['GST 131.00']);
    assert.equal(q.taxes[0].collectedAt, 'import');
  });
});

describe('Switzerland', () => {
  it('SR 641.204: CHF 50 + 10 transport — VAT 8.1 % × 60 = 4.86 → 4.85 (5 centimes) ≤ CHF 5, not collected', () => {
    const q = quote({ date: '2026-11-25', to: 'CH', items: [{ hs: '610910', value: '50', currency: 'CHF' }], shipping: '10' });
    assert.equal(q.taxes.length, 1);
    assert.equal(q.taxes[0].amount, '0.00');
    assert.match(q.taxes[0].waivedBecause ?? '', /4\.85 ≤ CHF 5/);
    assert.equal(q.totals.taxes, '0.00');
  });

  it('MWSTG Art. 54: CHF 100 + 10 transport — VAT 8.1 % × 110 = 8.91 → 8.90, collected; industrial duty 0 since 2024', () => {
    const q = quote({ date: '2026-11-25', to: 'CH', items: [{ hs: '610910', value: '100', currency: 'CHF' }], shipping: '10' });
    assert.deepEqual(amounts(q.duties), ['DUTY 0.00']);
    assert.deepEqual(amounts(q.taxes), ['VAT 8.90']);
    assert.equal(q.taxes[0].waivedBecause, undefined);
  });

  it('reduced 2.6 % (books): CHF 200 + 10 → 5.46 → 5.45 collected; CHF 150 + 10 → 4.16 → 4.15 waived', () => {
    const over = quote({ date: '2026-11-25', to: 'CH', items: [{ hs: '490199', value: '200', currency: 'CHF', taxCategory: 'reduced' }], shipping: '10' });
    assert.deepEqual(amounts(over.taxes), ['VAT 5.45']);
    const under = quote({ date: '2026-11-25', to: 'CH', items: [{ hs: '490199', value: '150', currency: 'CHF', taxCategory: 'reduced' }], shipping: '10' });
    assert.deepEqual(amounts(under.taxes), ['VAT 0.00']);
  });

  it('agricultural goods have no default Swiss duty: the merchant supplies it per kg gross; CHF 3.50 duty (≤ CHF 5) is waived, CHF 14.00 is collected', () => {
    assert.throws(() => quote({ date: '2026-11-25', to: 'CH', items: [{ hs: '180632', value: '40', currency: 'CHF' }] }), (e: { issues: { field: string }[] }) => e.issues.some((i) => i.field === 'items.0.hsCode'));
    const overrides = [{ hsPrefix: '1806', amountPerKg: '3.50', destinationCountry: 'CH' }];
    const small = quote({ date: '2026-11-25', to: 'CH', items: [{ hs: '180632', value: '40', currency: 'CHF', grams: 500, qty: 2 }], overrides });
    assert.deepEqual(amounts(small.duties), ['DUTY 0.00']);
    assert.match(small.duties[0].waivedBecause ?? '', /duty total CHF 3\.50 ≤ CHF 5/);
    const big = quote({ date: '2026-11-25', to: 'CH', items: [{ hs: '180632', value: '20', currency: 'CHF', grams: 500, qty: 8 }], overrides });
    assert.deepEqual(amounts(big.duties), ['DUTY 14.00']);
    assert.deepEqual(amounts(big.taxes), ['VAT 14.10']);
  });
});

describe('Norway', () => {
  it('VOEC (item < NOK 3,000), registered seller: VAT 25 % × (2,999 + 100 transport) = 774.75 at checkout, no duty', () => {
    const q = quote({ date: '2026-11-25', to: 'NO', items: [{ hs: '610910', value: '2999', currency: 'NOK' }], shipping: '100', registrations: ['NO_VOEC'] });
    assert.deepEqual(q.duties, []);
    assert.deepEqual(amounts(q.taxes), ['VAT 774.75']);
    assert.equal(q.taxes[0].collectedAt, 'checkout');
  });

  it('VOEC limit is strict (< NOK 3,000): an item at 3,000 clears normally — duty 10.7 % × 3,100 = 331.70, VAT 25 % × 3,431.70 = 857.93', () => {
    const q = quote({ date: '2026-11-25', to: 'NO', items: [{ hs: '610910', value: '3000', currency: 'NOK' }], shipping: '100', registrations: ['NO_VOEC'] });
    assert.deepEqual(amounts(q.duties), ['DUTY 331.70']);
    assert.deepEqual(amounts(q.taxes), ['VAT 857.93']);
  });

  it('the VOEC limit is per item: a parcel with a NOK 500 and a NOK 3,500 item splits between checkout and border', () => {
    const q = quote({ date: '2026-11-25', to: 'NO', items: [{ hs: '850440', value: '500', currency: 'NOK' }, { hs: '850440', value: '3500', currency: 'NOK' }], registrations: ['NO_VOEC'] });
    assert.deepEqual(q.taxes.map((t) => [t.itemIndexes[0], t.collectedAt, t.amount]), [[0, 'checkout', '125.00'], [1, 'import', '875.00']]);
  });

  it('Tolletaten: since 2024-01-01 no NOK 350 exemption — NOK 100 from an unregistered seller pays import VAT 25.00', () => {
    const q = quote({ date: '2026-11-25', to: 'NO', items: [{ hs: '850440', value: '100', currency: 'NOK' }] });
    assert.deepEqual(amounts(q.taxes), ['VAT 25.00']);
    assert.equal(q.taxes[0].collectedAt, 'import');
  });
});

describe('Japan', () => {
  it('¥10,000 small-amount exemption: ¥15,000 book for personal use → 60 % = 9,000 + ¥1,000 transport = 10,000 ≤ 10,000, exempt', () => {
    const q = quote({ date: '2026-11-25', to: 'JP', items: [{ hs: '490199', value: '15000', currency: 'JPY' }], shipping: '1000' });
    assert.deepEqual([...q.duties, ...q.taxes], []);
    assert.deepEqual(kinds(q), ['duty-de-minimis', 'tax-de-minimis']);
  });

  it('¥16,000 book → taxable 10,600 > 10,000: consumption tax 7.8 % × 10,000 (rounded down) = 780 → 700, local 22/78 × 700 = 197 → 100', () => {
    const q = quote({ date: '2026-11-25', to: 'JP', items: [{ hs: '490199', value: '16000', currency: 'JPY' }], shipping: '1000' });
    assert.deepEqual(amounts(q.duties), ['DUTY 0']);
    assert.deepEqual(amounts(q.taxes), ['CT 700', 'LCT 100']);
  });

  it('knitted clothing is excluded from the exemption: ¥5,000 T-shirt → taxable 4,000; duty 10.9 % = 436 → 400; CT 7.8 % × 4,000 = 312 → 300', () => {
    const q = quote({ date: '2026-11-25', to: 'JP', items: [{ hs: '610910', value: '5000', currency: 'JPY' }], shipping: '1000' });
    assert.deepEqual(amounts(q.duties), ['DUTY 400']);
    assert.deepEqual(amounts(q.taxes), ['CT 300', 'LCT 0']);
  });

  it('commercial imports are valued at the full price (no 60 % rule): ¥15,000 book + ¥1,000 → 16,000 > 10,000', () => {
    const q = quote({ date: '2026-11-25', to: 'JP', purpose: 'commercial', items: [{ hs: '490199', value: '15000', currency: 'JPY' }], shipping: '1000' });
    assert.deepEqual(amounts(q.taxes), ['CT 1200', 'LCT 300']);
  });
});

describe('Singapore', () => {
  it('OVR regime (≤ S$400): registered seller charges GST 9 % × (300 + 20) = 28.80 at checkout', () => {
    const q = quote({ date: '2026-11-25', to: 'SG', items: [{ hs: '610910', value: '300', currency: 'SGD' }], shipping: '20', registrations: ['SG_OVR'] });
    assert.deepEqual(amounts(q.taxes), ['GST 28.80']);
    assert.equal(q.taxes[0].collectedAt, 'checkout');
  });

  it('import GST relief: CIF exactly S$400 from an unregistered seller is relieved; S$400.01 pays 9 % = 36.00', () => {
    const at = quote({ date: '2026-11-25', to: 'SG', items: [{ hs: '610910', value: '380', currency: 'SGD' }], shipping: '20' });
    assert.deepEqual(at.taxes, []);
    assert.ok(kinds(at).includes('tax-de-minimis'));
    const over = quote({ date: '2026-11-25', to: 'SG', items: [{ hs: '610910', value: '380.01', currency: 'SGD' }], shipping: '20', registrations: ['SG_OVR'] });
    assert.deepEqual(amounts(over.taxes), ['GST 36.00']);
    assert.equal(over.taxes[0].collectedAt, 'import');
  });

  it('GST rate history: 8 % is not in the table (rules start 2024-01-01 at 9 %) and liquor needs a merchant duty rate', () => {
    assert.throws(() => quote({ date: '2023-12-31', to: 'SG', items: [{ hs: '610910', value: '500', currency: 'SGD' }] }), /outside every rule period/);
    assert.throws(() => quote({ date: '2026-11-25', to: 'SG', items: [{ hs: '220830', value: '500', currency: 'SGD' }] }), /liquors/);
  });
});

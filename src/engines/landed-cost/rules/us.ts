/**
 * United States. Duty on the transaction value (FOB: international freight and insurance are not
 * dutiable); no federal import VAT/sales tax. The $800 de minimis (19 U.S.C. 1321, "Section 321")
 * was suspended for all countries from 29 Aug 2025. Merchandise Processing Fee per fiscal year.
 */
import type { CountryRuleVersion, FeeRule } from '../rule-types.js';
import { CENTS } from '../money.js';

const SRC_321 = '19 U.S.C. 1321 and 19 CFR 10.151 (administrative exemption $800 per person per day)';
const SRC_EO = 'Executive Order 14324 of 30 Jul 2025, "Suspending Duty-Free De Minimis Treatment for All Countries", effective 29 Aug 2025';
const SRC_VALUE = '19 U.S.C. 1401a (transaction value excludes international freight and insurance)';
const SRC_MPF25 = '19 CFR 24.23; CBP FY2025 user-fee notice (informal $2.62; formal 0.3464 %, min $32.71, max $634.62)';
const SRC_MPF26 = '19 CFR 24.23; CBP FY2026 user-fee notice, 90 FR (Jul 2025) (informal $2.69; formal 0.3464 %, min $33.58, max $651.50)';

function mpf(fy: string, informal: string, min: string, max: string, source: string): FeeRule[] {
  return [
    { id: `US-MPF-INFORMAL-${fy}`, code: 'MPF', name: 'Merchandise Processing Fee (informal entry)', kind: 'fixed', amount: informal, currency: 'USD', when: { modes: ['courier'], valueAtMost: '2500' }, leviedBy: 'customs', source },
    { id: `US-MPF-FORMAL-${fy}`, code: 'MPF', name: 'Merchandise Processing Fee (formal entry)', kind: 'ad-valorem', ratePercent: '0.3464', minimum: min, maximum: max, currency: 'USD', when: { valueAbove: '2500' }, leviedBy: 'customs', source },
  ];
}

function us(id: string, from: string, until: string | null, deMinimis: boolean, fees: FeeRule[], feeSource: string): CountryRuleVersion {
  return {
    id, country: 'US', effectiveFrom: from, effectiveUntil: until, currency: 'USD', customsValuation: 'FOB',
    rounding: { duty: CENTS, tax: CENTS, fee: CENTS },
    tariff: 'US',
    dutyDeMinimis: deMinimis ? [{ id: 'US-321-800', amount: '800', currency: 'USD', comparison: 'lte', measure: 'goods', source: SRC_321 }] : [],
    taxes: [],
    taxDeMinimis: [],
    fees,
    notes: [
      deMinimis ? 'Shipments of $800 or less (fair retail value) enter free of duty and fees under Section 321.'
        : 'No de minimis: every shipment is dutiable regardless of value or origin since 29 Aug 2025.',
      'Default duty rates are column-1 general (MFN) rates; additional duties by origin (Section 232/301, IEEPA) are not in the default table: supply them as tariffOverrides with originCountry.',
      'Postal shipments: the Merchandise Processing Fee is modelled for courier (informal) and formal entries only.',
      'State sales tax is not collected at import.',
    ],
    sources: [deMinimis ? SRC_321 : SRC_EO, SRC_VALUE, feeSource],
  };
}

export const US_RULES: CountryRuleVersion[] = [
  us('US-2024-10-01', '2024-10-01', '2025-08-29', true, mpf('FY2025', '2.62', '32.71', '634.62', SRC_MPF25), SRC_MPF25),
  us('US-2025-08-29', '2025-08-29', '2025-10-01', false, mpf('FY2025', '2.62', '32.71', '634.62', SRC_MPF25), SRC_MPF25),
  // FY2027 fee figures are not yet in this table: the FY2026 figures stay in force until replaced.
  us('US-2025-10-01', '2025-10-01', null, false, mpf('FY2026', '2.69', '33.58', '651.50', SRC_MPF26), SRC_MPF26),
];

/**
 * Australia. Low-value goods (customs value A$1,000 or less) enter free of duty and import GST;
 * since 1 Jul 2018 GST on them is collected at the checkout by sellers registered for GST
 * (required from A$75,000 Australian turnover). Above A$1,000: duty on the FOB customs value and
 * GST 10 % on the value of the taxable importation (customs value + duty + transport and insurance).
 */
import type { CountryRuleVersion } from '../rule-types.js';
import { CENTS } from '../money.js';

const SRC_LVG = 'A New Tax System (Goods and Services Tax) Act 1999, Div. 84 (low value goods ≤ A$1,000, GST collected by the vendor, from 1 Jul 2018); ATO "GST on low value imported goods"';
const SRC_DUTY = 'Customs Act 1901; Customs By-law 1800424 / Item 67 of Schedule 4 to the Customs Tariff Act 1995 (goods ≤ A$1,000 free of duty)';
const SRC_VALUE = 'Customs Act 1901 s.159–161 (customs value is FOB); GST Act s.13-20 (value of taxable importation = customs value + duty + transport and insurance)';

export const AU_RULES: CountryRuleVersion[] = [{
  id: 'AU-2024-01-01', country: 'AU', effectiveFrom: '2024-01-01', effectiveUntil: null, currency: 'AUD', customsValuation: 'FOB',
  rounding: { duty: CENTS, tax: CENTS, fee: CENTS },
  tariff: 'AU',
  dutyDeMinimis: [{ id: 'AU-LVG-DUTY-1000', amount: '1000', currency: 'AUD', comparison: 'lte', measure: 'customs-value', source: SRC_DUTY }],
  taxes: [{ id: 'AU-GST', code: 'GST', name: 'Goods and Services Tax', rates: { standard: '10', zero: '0' }, baseIncludesTransport: true, baseIncludesDuty: true, granularity: 'item', source: `${SRC_VALUE}; GST 10 % (GST Act s.9-70)` }],
  taxDeMinimis: [],
  sellerCollection: {
    id: 'AU-LVG-GST', scheme: 'AU_GST',
    threshold: { id: 'AU-LVG-1000', amount: '1000', currency: 'AUD', comparison: 'lte', measure: 'customs-value', source: SRC_LVG },
    dutyRelief: true, whenNotRegistered: 'none', source: SRC_LVG,
  },
  fees: [],
  notes: [
    'Low value goods: GST is charged by a registered seller at the checkout; nothing is collected at the border.',
    'Above A$1,000 a full import declaration is needed; the Import Processing Charge and broker fees are not modelled.',
    'Free-trade-agreement preferences (many origins enter duty-free) are not in the default table: use tariffOverrides with originCountry.',
  ],
  sources: [SRC_LVG, SRC_DUTY, SRC_VALUE],
}];

/**
 * Norway. Since 1 Apr 2020 sellers registered in VOEC charge Norwegian VAT at the checkout on goods
 * costing less than NOK 3,000 per item, which then clear without import VAT or duty. Since
 * 1 Jan 2024 the NOK 350 exemption is gone: all other goods pay VAT (and duty) from the first krone.
 */
import type { CountryRuleVersion } from '../rule-types.js';
import { CENTS } from '../money.js';

const SRC_VOEC = 'Norwegian VAT Act s.3-30 and Skatteetaten "VAT on e-commerce (VOEC)": goods with a value below NOK 3,000 per item';
const SRC_350 = 'Tolletaten: the NOK 350 customs exemption for low-value goods was abolished on 1 Jan 2024';
const SRC_VAT = 'Norwegian VAT Act s.5-1, 5-2 (25 % standard, 15 % food) and Customs Act s.7-1 (customs value including transport to the border); VAT base = customs value + duties + other costs';

export const NO_RULES: CountryRuleVersion[] = [{
  id: 'NO-2024-01-01', country: 'NO', effectiveFrom: '2024-01-01', effectiveUntil: null, currency: 'NOK', customsValuation: 'CIF',
  rounding: { duty: CENTS, tax: CENTS, fee: CENTS },
  tariff: 'NO',
  dutyDeMinimis: [],
  taxes: [{ id: 'NO-VAT', code: 'VAT', name: 'Norwegian VAT (MVA)', rates: { standard: '25', reduced: '15', 'super-reduced': '12', zero: '0' }, baseIncludesTransport: true, baseIncludesDuty: true, granularity: 'item', source: SRC_VAT }],
  taxDeMinimis: [],
  sellerCollection: {
    id: 'NO-VOEC-3000', scheme: 'NO_VOEC',
    threshold: { id: 'NO-VOEC-ITEM-3000', amount: '3000', currency: 'NOK', comparison: 'lt', measure: 'item', source: SRC_VOEC },
    dutyRelief: true, whenNotRegistered: 'import', source: SRC_VOEC,
  },
  fees: [],
  notes: ['The VOEC limit is per item (unit price excluding transport): dearer items in the same parcel are cleared normally.', 'Foodstuffs are outside VOEC in practice; Posten/carrier clearance fees are not modelled.'],
  sources: [SRC_VOEC, SRC_350, SRC_VAT],
}];

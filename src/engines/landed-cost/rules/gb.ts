/**
 * United Kingdom. Since 1 Jan 2021 VAT on consignments of £135 or less is charged by the seller at
 * the point of sale (no import VAT) and such consignments are relieved from customs duty (except
 * excise goods and gifts). Above £135: duty on the CIF value and import VAT at the border.
 */
import type { CountryRuleVersion } from '../rule-types.js';

const SRC_135 = 'HMRC, "VAT and overseas goods sold directly to customers in the UK" (GOV.UK, 2021; VAT Act 1994 s.7 and Taxation (Cross-border Trade) Act 2018)';
const SRC_RELIEF = 'HMRC Notice 143 / GOV.UK "Tax and customs for goods sent from abroad": no customs duty on goods ≤ £135 (non-excise)';
const SRC_VALUE = 'The Customs (Import Duty) (EU Exit) Regulations 2018, Sch. 4 (transport and insurance to the UK border are part of the customs value); VATA 1994 s.21';
const SRC_RATES = 'HMRC VAT rates on different goods and services (20 % standard, 5 % reduced, 0 % zero)';

const DOWN = { increment: '0.01', mode: 'down' as const };

export const GB_RULES: CountryRuleVersion[] = [{
  id: 'GB-2024-01-01', country: 'GB', effectiveFrom: '2024-01-01', effectiveUntil: null, currency: 'GBP', customsValuation: 'CIF',
  // HMRC truncates duty and import VAT to the whole penny.
  rounding: { duty: DOWN, tax: DOWN, fee: DOWN },
  tariff: 'GB',
  dutyDeMinimis: [{ id: 'GB-DUTY-RELIEF-135', amount: '135', currency: 'GBP', comparison: 'lte', measure: 'goods', source: SRC_RELIEF }],
  taxes: [{
    id: 'GB-VAT', code: 'VAT', name: 'UK VAT', rates: { standard: '20', reduced: '5', zero: '0' },
    baseIncludesTransport: true, baseIncludesDuty: true, granularity: 'item', source: `${SRC_RATES}; ${SRC_VALUE}`,
  }],
  taxDeMinimis: [],
  sellerCollection: {
    id: 'GB-SELLER-VAT-135', scheme: 'UK_VAT',
    threshold: { id: 'GB-135', amount: '135', currency: 'GBP', comparison: 'lte', measure: 'goods', source: SRC_135 },
    dutyRelief: true, whenNotRegistered: 'seller-obligation', source: SRC_135,
  },
  fees: [],
  notes: ['≤ £135: the seller must be UK VAT-registered and charge VAT at the checkout; no duty, no import VAT.', 'Carrier clearance fees on import VAT collection are not modelled.'],
  sources: [SRC_135, SRC_RELIEF, SRC_VALUE, SRC_RATES],
}];

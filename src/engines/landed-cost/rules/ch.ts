/**
 * Switzerland. Industrial goods have been duty-free since 1 Jan 2024; agricultural goods pay
 * specific duties per gross weight (no default: the merchant must supply them). Import VAT 8.1 %
 * (2.6 % reduced) on the value at the border plus transport to the destination and duties; import
 * tax of CHF 5 or less is not collected. Foreign sellers over the mail-order turnover limit register
 * and charge Swiss VAT themselves. Swiss amounts are rounded to 5 centimes.
 */
import type { CountryRuleVersion } from '../rule-types.js';

const SRC_VAT = 'Federal VAT Act (MWSTG) Art. 54 (import tax base) and Art. 25 (8.1 % / 2.6 % from 1 Jan 2024)';
const SRC_SMALL = 'FOCBS / Swiss Post import FAQ: duty and import VAT of CHF 5 or less per customs declaration are not collected, each considered separately (Customs Ordinance, small-amount remission)';
const SRC_MAIL = 'MWSTG Art. 7 para. 3 (mail-order rule, from 1 Jan 2019): sellers registered for Swiss VAT are deemed to supply domestically';
const SRC_IND = 'Amendment to the Customs Tariff Act: abolition of industrial tariffs, in force 1 Jan 2024';

const RAPPEN = { increment: '0.05', mode: 'half-up' as const };

export const CH_RULES: CountryRuleVersion[] = [{
  id: 'CH-2024-01-01', country: 'CH', effectiveFrom: '2024-01-01', effectiveUntil: null, currency: 'CHF', customsValuation: 'CIF',
  rounding: { duty: RAPPEN, tax: RAPPEN, fee: RAPPEN },
  tariff: 'CH',
  dutyDeMinimis: [],
  taxes: [{ id: 'CH-VAT', code: 'VAT', name: 'Swiss import VAT', rates: { standard: '8.1', reduced: '2.6', zero: '0' }, baseIncludesTransport: true, baseIncludesDuty: true, granularity: 'item', source: SRC_VAT }],
  taxDeMinimis: [],
  sellerCollection: { id: 'CH-MAIL-ORDER', scheme: 'CH_VAT', dutyRelief: false, whenNotRegistered: 'import', source: SRC_MAIL },
  minimumCollected: { amount: '5', currency: 'CHF', appliesTo: ['duty', 'tax'], source: SRC_SMALL },
  fees: [],
  customsUnion: 'CH',
  notes: [
    'Duty, and separately import tax, of CHF 5 or less per declaration is waived (import tax: about CHF 62 of goods at 8.1 %).',
    'Postal and courier clearance fees are not modelled.',
  ],
  sources: [SRC_VAT, SRC_SMALL, SRC_MAIL, SRC_IND],
}];

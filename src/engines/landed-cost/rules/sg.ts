/**
 * Singapore. Duty only on liquor, tobacco, motor vehicles and motor spirits. Since 1 Jan 2023
 * low-value goods (≤ S$400, by air or post) are relieved from import GST and taxed at the checkout
 * by overseas vendors registered under the OVR regime; GST 9 % from 1 Jan 2024. Above S$400
 * import GST is charged on CIF + duty.
 */
import type { CountryRuleVersion, Threshold } from '../rule-types.js';
import { CENTS } from '../money.js';

const SRC_LVG = 'GST Act 1993 (as amended 2022), IRAS e-Tax Guide "GST: Taxing imported low-value goods by way of the overseas vendor registration regime" (≤ S$400, from 1 Jan 2023)';
const SRC_RELIEF = 'Singapore Customs: import GST relief for goods of total CIF value not exceeding S$400 imported by air or post';
const SRC_RATE = 'GST (Amendment) Act 2022: 9 % from 1 Jan 2024; GST Act s.18 (value of imported goods = CIF + duties)';

const lvg = (id: string, source: string): Threshold => ({ id, amount: '400', currency: 'SGD', comparison: 'lte', measure: 'customs-value', source });

export const SG_RULES: CountryRuleVersion[] = [{
  id: 'SG-2024-01-01', country: 'SG', effectiveFrom: '2024-01-01', effectiveUntil: null, currency: 'SGD', customsValuation: 'CIF',
  rounding: { duty: CENTS, tax: CENTS, fee: CENTS },
  tariff: 'SG',
  dutyDeMinimis: [],
  taxes: [{ id: 'SG-GST', code: 'GST', name: 'Goods and Services Tax', rates: { standard: '9', zero: '0' }, baseIncludesTransport: true, baseIncludesDuty: true, granularity: 'item', source: SRC_RATE }],
  taxDeMinimis: [lvg('SG-GST-RELIEF-400', SRC_RELIEF)],
  sellerCollection: { id: 'SG-OVR-400', scheme: 'SG_OVR', threshold: lvg('SG-LVG-400', SRC_LVG), dutyRelief: false, whenNotRegistered: 'none', source: SRC_LVG },
  fees: [],
  customsUnion: 'SG',
  notes: ['Sellers with more than S$100,000 of B2C sales into Singapore must register under OVR and charge GST on low-value goods.'],
  sources: [SRC_LVG, SRC_RELIEF, SRC_RATE],
}];

/**
 * Japan. CIF valuation; goods imported for personal use are valued at 60 % of the overseas retail
 * price. Duty and consumption tax are exempt when the total taxable value is ¥10,000 or less,
 * except for goods such as leather bags, knitted clothing and footwear. Consumption tax 7.8 %
 * (6.24 % reduced) plus local consumption tax of 22/78 of it; bases are rounded down to ¥1,000 and
 * taxes down to ¥100.
 */
import type { CountryRuleVersion, Threshold } from '../rule-types.js';

const SRC_10000 = 'Customs Tariff Temporary Measures Act Art. 14 item 18 / Japan Customs "Tax exemption for small amounts" (taxable value ≤ ¥10,000, exceptions listed)';
const SRC_60 = 'Customs Tariff Act Enforcement Order Art. 1-4-1 / Japan Customs: goods for personal use are valued at 60 % of the overseas retail price';
const SRC_CT = 'Consumption Tax Act Art. 28(4) and 29 (7.8 % / 6.24 %), Local Tax Act Art. 72-83 (22/78); Act on General Rules for National Taxes Art. 118, 119 (base rounded down to ¥1,000, tax to ¥100)';
const SRC_DUTY = 'Customs Act Art. 4 (CIF valuation); Act on General Rules for National Taxes Art. 118, 119 (rounding)';

const EXCLUDED = ['4202', '4203', '6101', '6102', '6103', '6104', '6105', '6106', '6107', '6108', '6109', '6110', '6111', '6112', '6114', '6115', '6116', '6117', '6401', '6402', '6403', '6404', '6405'];

const small = (id: string): Threshold => ({ id, amount: '10000', currency: 'JPY', comparison: 'lte', measure: 'customs-value', excludedHsPrefixes: EXCLUDED, source: SRC_10000 });

export const JP_RULES: CountryRuleVersion[] = [{
  id: 'JP-2024-01-01', country: 'JP', effectiveFrom: '2024-01-01', effectiveUntil: null, currency: 'JPY', customsValuation: 'CIF',
  personalUseValueFactor: { factor: '0.6', source: SRC_60 },
  rounding: { duty: { increment: '100', mode: 'down' }, tax: { increment: '100', mode: 'down' }, fee: { increment: '1', mode: 'half-up' }, dutyBase: { increment: '1000', mode: 'down' } },
  tariff: 'JP',
  dutyDeMinimis: [small('JP-SMALL-DUTY-10000')],
  taxes: [
    { id: 'JP-CT', code: 'CT', name: 'Consumption tax (national)', rates: { standard: '7.8', reduced: '6.24' }, baseIncludesTransport: true, baseIncludesDuty: true, baseRounding: { increment: '1000', mode: 'down' }, granularity: 'consignment', source: SRC_CT },
    { id: 'JP-LCT', code: 'LCT', name: 'Local consumption tax', rates: { standard: '2.2', reduced: '1.76' }, baseIncludesTransport: true, baseIncludesDuty: true, granularity: 'consignment', derivedFrom: { taxId: 'JP-CT', numerator: '22', denominator: '78' }, source: SRC_CT },
  ],
  taxDeMinimis: [small('JP-SMALL-TAX-10000')],
  fees: [],
  customsUnion: 'JP',
  notes: [
    'Personal imports: taxable value = 60 % of the goods price + transport and insurance.',
    'Leather bags and gloves, knitted clothing, footwear and ski boots never benefit from the ¥10,000 exemption.',
    'The simplified tariff for personal imports (≤ ¥200,000) is not modelled; the default table holds general rates.',
  ],
  sources: [SRC_10000, SRC_60, SRC_CT, SRC_DUTY],
}];

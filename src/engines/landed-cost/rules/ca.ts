/**
 * Canada. Value for duty is the transaction value (FOB: transport from the point of direct shipment
 * excluded). Low-value thresholds: courier shipments from the US or Mexico, duty-free up to CAD 150
 * and tax-free up to CAD 40 (CUSMA); otherwise (postal, or from elsewhere) CAD 20 for both.
 * GST 5 %, or HST in participating provinces, on value for duty + duty.
 */
import type { CountryRuleVersion, Threshold } from '../rule-types.js';
import { CENTS } from '../money.js';

const SRC_CUSMA = 'CBSA D8-2-16 Courier Imports Remission Order / CUSMA low-value shipment thresholds (CAD 150 duty, CAD 40 tax), in force 1 Jul 2020';
const SRC_20 = 'CBSA D8-2-16 / Postal Imports Remission Order: goods valued at CAD 20 or less are relieved of duty and taxes';
const SRC_VALUE = 'Customs Act (R.S.C. 1985, c. 1 (2nd Supp.)) s.48 (transaction value; transportation costs from the point of direct shipment excluded, s.48(5)(b))';
const SRC_GST = 'Excise Tax Act s.215 (GST/HST on imported goods: value for duty + duties) and CRA GST/HST rates';
const SRC_NS = 'Nova Scotia HST reduced from 15 % to 14 % on 1 Apr 2025 (CRA notice)';
const SRC_CP = 'Canada Post handling fee on mail items on which duty or tax is collected (CAD 9.95)';

const HST_PROVINCES = ['ON', 'NB', 'NL', 'NS', 'PE'];
const PROVINCES = ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'];

const cusma = (id: string, amount: string): Threshold => ({ id, amount, currency: 'CAD', comparison: 'lte', measure: 'goods', when: { modes: ['courier'], shippedFrom: ['US', 'MX'] }, source: SRC_CUSMA });
const general: Threshold = { id: 'CA-LVS-20', amount: '20', currency: 'CAD', comparison: 'lte', measure: 'goods', source: SRC_20 };

function ca(from: string, until: string | null, nsHst: string): CountryRuleVersion {
  const hst: Record<string, string> = { ON: '13', NB: '15', NL: '15', NS: nsHst, PE: '15' };
  return {
    id: `CA-${from}`, country: 'CA', effectiveFrom: from, effectiveUntil: until, currency: 'CAD', customsValuation: 'FOB',
    rounding: { duty: CENTS, tax: CENTS, fee: CENTS },
    tariff: 'CA',
    dutyDeMinimis: [cusma('CA-CUSMA-DUTY-150', '150'), general],
    taxes: [
      { id: 'CA-GST', code: 'GST', name: 'Goods and Services Tax', rates: { standard: '5', zero: '0' }, excludedRegions: HST_PROVINCES, baseIncludesTransport: false, baseIncludesDuty: true, granularity: 'item', source: SRC_GST },
      ...HST_PROVINCES.map((p) => ({
        id: `CA-HST-${p}-${from}`, code: 'HST', name: `Harmonized Sales Tax (${p})`, rates: { standard: hst[p], zero: '0' }, regions: [p],
        baseIncludesTransport: false, baseIncludesDuty: true, granularity: 'item' as const, source: p === 'NS' ? `${SRC_GST}; ${SRC_NS}` : SRC_GST,
      })),
    ],
    taxDeMinimis: [cusma('CA-CUSMA-TAX-40', '40'), general],
    fees: [{ id: 'CA-CANADAPOST-HANDLING', code: 'HANDLING', name: 'Canada Post handling fee', kind: 'fixed', amount: '9.95', currency: 'CAD', when: { modes: ['postal'], onlyIfImportChargesDue: true }, leviedBy: 'carrier', source: SRC_CP }],
    requiresRegion: PROVINCES,
    notes: [
      'Provincial sales tax (BC PST, QST, SK/MB PST) is not collected by CBSA on these imports and is not included.',
      'Courier brokerage fees vary by carrier and are not included.',
    ],
    sources: [SRC_CUSMA, SRC_20, SRC_VALUE, SRC_GST, ...(from >= '2025-04-01' ? [SRC_NS] : [])],
  };
}

export const CA_RULES: CountryRuleVersion[] = [ca('2024-01-01', '2025-04-01', '15'), ca('2025-04-01', null, '14')];

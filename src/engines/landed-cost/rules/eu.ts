/**
 * The 27 EU member states. One customs territory (Common Customs Tariff, CIF valuation), national
 * VAT rates, and two low-value regimes: until 30 Jun 2026 duty relief for consignments of intrinsic
 * value up to €150; from 1 Jul 2026 a flat €3 duty per item category (HS subheading) in such
 * consignments declared under IOSS. VAT is due from the first euro since 1 Jul 2021; IOSS lets the
 * seller charge it at the checkout for consignments up to €150.
 */
import type { CountryRuleVersion, Threshold } from '../rule-types.js';
import { CENTS, type Rounding } from '../money.js';

const SRC_DUTY_RELIEF = 'Council Regulation (EC) No 1186/2009, Art. 23 (duty relief ≤ €150 intrinsic value)';
const SRC_FLAT = 'Council of the EU, 12 Dec 2025 / 11 Feb 2026: interim fixed customs duty of €3 per item category (tariff subheading) in parcels < €150, 1 Jul 2026 – 1 Jul 2028 (IOSS consignments)';
const SRC_IOSS = 'Council Directive (EU) 2017/2455 and 2019/1995 (VAT e-commerce package): IOSS for consignments ≤ €150, VAT from €0 since 1 Jul 2021';
const SRC_VALUE = 'Union Customs Code, Reg. (EU) 952/2013, Art. 70–71 (transport and insurance to the EU border are part of the customs value); Directive 2006/112/EC Art. 85–86 (import VAT base: customs value + duties + incidental costs)';
const SRC_RATES = 'European Commission, VAT rates applied in the Member States (taxation-customs.ec.europa.eu)';

interface VatPeriod { from: string; standard: string; reduced?: string; superReduced?: string; currency?: string }

/** Standard and principal reduced rates; a later period replaces the earlier one from its date. */
const MEMBERS: Record<string, { name: string; currency: string; periods: VatPeriod[] }> = {
  AT: { name: 'Austria', currency: 'EUR', periods: [{ from: '2024-01-01', standard: '20', reduced: '10' }] },
  BE: { name: 'Belgium', currency: 'EUR', periods: [{ from: '2024-01-01', standard: '21', reduced: '6' }] },
  BG: { name: 'Bulgaria', currency: 'BGN', periods: [{ from: '2024-01-01', standard: '20', reduced: '9' }, { from: '2026-01-01', standard: '20', reduced: '9', currency: 'EUR' }] },
  HR: { name: 'Croatia', currency: 'EUR', periods: [{ from: '2024-01-01', standard: '25', reduced: '13', superReduced: '5' }] },
  CY: { name: 'Cyprus', currency: 'EUR', periods: [{ from: '2024-01-01', standard: '19', reduced: '9', superReduced: '5' }] },
  CZ: { name: 'Czechia', currency: 'CZK', periods: [{ from: '2024-01-01', standard: '21', reduced: '12' }] },
  DK: { name: 'Denmark', currency: 'DKK', periods: [{ from: '2024-01-01', standard: '25' }] },
  EE: { name: 'Estonia', currency: 'EUR', periods: [{ from: '2024-01-01', standard: '22', reduced: '9' }, { from: '2025-07-01', standard: '24', reduced: '9' }] },
  FI: { name: 'Finland', currency: 'EUR', periods: [{ from: '2024-01-01', standard: '24', reduced: '14', superReduced: '10' }, { from: '2024-09-01', standard: '25.5', reduced: '14', superReduced: '10' }, { from: '2025-01-01', standard: '25.5', reduced: '14' }, { from: '2026-01-01', standard: '25.5', reduced: '13.5' }] },
  FR: { name: 'France', currency: 'EUR', periods: [{ from: '2024-01-01', standard: '20', reduced: '5.5', superReduced: '2.1' }] },
  DE: { name: 'Germany', currency: 'EUR', periods: [{ from: '2024-01-01', standard: '19', reduced: '7' }] },
  GR: { name: 'Greece', currency: 'EUR', periods: [{ from: '2024-01-01', standard: '24', reduced: '13', superReduced: '6' }] },
  HU: { name: 'Hungary', currency: 'HUF', periods: [{ from: '2024-01-01', standard: '27', reduced: '18', superReduced: '5' }] },
  IE: { name: 'Ireland', currency: 'EUR', periods: [{ from: '2024-01-01', standard: '23', reduced: '13.5', superReduced: '4.8' }] },
  IT: { name: 'Italy', currency: 'EUR', periods: [{ from: '2024-01-01', standard: '22', reduced: '10', superReduced: '4' }] },
  LV: { name: 'Latvia', currency: 'EUR', periods: [{ from: '2024-01-01', standard: '21', reduced: '12' }] },
  LT: { name: 'Lithuania', currency: 'EUR', periods: [{ from: '2024-01-01', standard: '21', reduced: '9' }] },
  LU: { name: 'Luxembourg', currency: 'EUR', periods: [{ from: '2024-01-01', standard: '17', reduced: '8', superReduced: '3' }] },
  MT: { name: 'Malta', currency: 'EUR', periods: [{ from: '2024-01-01', standard: '18', reduced: '7', superReduced: '5' }] },
  NL: { name: 'Netherlands', currency: 'EUR', periods: [{ from: '2024-01-01', standard: '21', reduced: '9' }] },
  PL: { name: 'Poland', currency: 'PLN', periods: [{ from: '2024-01-01', standard: '23', reduced: '8', superReduced: '5' }] },
  PT: { name: 'Portugal', currency: 'EUR', periods: [{ from: '2024-01-01', standard: '23', reduced: '13', superReduced: '6' }] },
  RO: { name: 'Romania', currency: 'RON', periods: [{ from: '2024-01-01', standard: '19', reduced: '9', superReduced: '5' }, { from: '2025-08-01', standard: '21', reduced: '11' }] },
  SK: { name: 'Slovakia', currency: 'EUR', periods: [{ from: '2024-01-01', standard: '20', reduced: '10', superReduced: '5' }, { from: '2025-01-01', standard: '23', reduced: '19', superReduced: '5' }] },
  SI: { name: 'Slovenia', currency: 'EUR', periods: [{ from: '2024-01-01', standard: '22', reduced: '9.5', superReduced: '5' }] },
  ES: { name: 'Spain', currency: 'EUR', periods: [{ from: '2024-01-01', standard: '21', reduced: '10', superReduced: '4' }] },
  SE: { name: 'Sweden', currency: 'SEK', periods: [{ from: '2024-01-01', standard: '25', reduced: '12', superReduced: '6' }] },
};

export const EU_MEMBER_STATES = Object.keys(MEMBERS);

const FLAT_DUTY_FROM = '2026-07-01';

/** Forint and koruna amounts are assessed in whole units; everything else to the cent. */
function roundingFor(currency: string): Rounding {
  return currency === 'HUF' || currency === 'CZK' ? { increment: '1', mode: 'half-up' } : CENTS;
}

function lowValue(id: string, source: string): Threshold {
  return { id, amount: '150', currency: 'EUR', comparison: 'lte', measure: 'goods', source };
}

function version(code: string, from: string, until: string | null, vat: VatPeriod): CountryRuleVersion {
  const m = MEMBERS[code];
  const currency = vat.currency ?? m.currency;
  const flat = from >= FLAT_DUTY_FROM;
  const rates: CountryRuleVersion['taxes'][number]['rates'] = { standard: vat.standard, zero: '0' };
  if (vat.reduced) rates.reduced = vat.reduced;
  if (vat.superReduced) rates['super-reduced'] = vat.superReduced;
  return {
    id: `EU-${code}-${from}`,
    country: code,
    effectiveFrom: from,
    effectiveUntil: until,
    currency,
    customsValuation: 'CIF',
    rounding: { duty: roundingFor(currency), tax: roundingFor(currency), fee: roundingFor(currency) },
    tariff: 'EU',
    customsUnion: 'EU',
    // With the flat duty in force, art. 23 relief still covers consignments not declared under IOSS.
    dutyDeMinimis: [lowValue(`EU-DUTY-RELIEF-150`, SRC_DUTY_RELIEF)],
    flatDuty: flat
      ? { id: 'EU-FLAT-DUTY-3', amountPerCategory: '3', currency: 'EUR', categoryDigits: 6, threshold: lowValue('EU-FLAT-DUTY-150', SRC_FLAT), requiresRegistration: 'EU_IOSS', source: SRC_FLAT }
      : undefined,
    taxes: [{
      id: `EU-${code}-VAT-${from}`, code: 'VAT', name: `${m.name} VAT`, rates,
      baseIncludesTransport: true, baseIncludesDuty: true, granularity: 'item', source: `${SRC_RATES}; ${SRC_VALUE}`,
    }],
    taxDeMinimis: [],
    sellerCollection: {
      id: 'EU-IOSS', scheme: 'EU_IOSS', threshold: lowValue('EU-IOSS-150', SRC_IOSS), dutyRelief: false, whenNotRegistered: 'import', source: SRC_IOSS,
    },
    fees: [],
    notes: [
      flat ? 'Consignments ≤ €150 under IOSS pay the interim €3 duty per HS subheading; others ≤ €150 keep the art. 23 duty relief.'
        : 'Consignments ≤ €150 (intrinsic value) are relieved from customs duty.',
      'Without IOSS, import VAT is charged at the border; carriers usually add a clearance fee (not modelled).',
      'National handling fees on low-value parcels announced for late 2026 are not modelled.',
    ],
    sources: [SRC_DUTY_RELIEF, SRC_IOSS, SRC_VALUE, SRC_RATES, ...(flat ? [SRC_FLAT] : [])],
  };
}

function versionsFor(code: string): CountryRuleVersion[] {
  const periods = MEMBERS[code].periods;
  const cuts = [...new Set([...periods.map((p) => p.from), FLAT_DUTY_FROM])].sort();
  return cuts.map((from, i) => {
    const vat = [...periods].reverse().find((p) => p.from <= from)!;
    return version(code, from, cuts[i + 1] ?? null, vat);
  });
}

export const EU_RULES: CountryRuleVersion[] = EU_MEMBER_STATES.flatMap(versionsFor);

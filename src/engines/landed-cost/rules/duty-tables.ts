/**
 * The small default duty table: most-favoured-nation (MFN) ad valorem rates for the HS headings
 * merchants ship most, per destination tariff. It is deliberately approximate — a heading often
 * spans several national lines with different rates, and preferential (FTA) or additional duties
 * by origin are not in it — so every line priced from it carries a warning, and the merchant
 * overrides it with its own tariff (request.tariffOverrides or a replacement DutyTable).
 * The fallback is used for headings not listed: roughly the tariff's simple average MFN rate on
 * non-agricultural goods (WTO World Tariff Profiles), rounded.
 */
import type { DutyTable } from '../rule-types.js';

type Row = [hsPrefix: string, description: string, rates: Record<string, string>];

/** Tariffs: US (HTSUS), EU (Common Customs Tariff), GB (UK Global Tariff), CA, AU, CH, NO, JP, SG. */
const ROWS: Row[] = [
  ['4901', 'Printed books', { US: '0', EU: '0', GB: '0', CA: '0', AU: '0', CH: '0', NO: '0', JP: '0', SG: '0' }],
  ['8471', 'Computers and units thereof', { US: '0', EU: '0', GB: '0', CA: '0', AU: '0', CH: '0', NO: '0', JP: '0', SG: '0' }],
  ['8517', 'Telephones, smartphones, network equipment', { US: '0', EU: '0', GB: '0', CA: '0', AU: '0', CH: '0', NO: '0', JP: '0', SG: '0' }],
  ['851830', 'Headphones and earphones', { US: '4.9', EU: '2', GB: '2', CA: '0', AU: '0', CH: '0', NO: '0', JP: '0', SG: '0' }],
  ['3304', 'Beauty and make-up preparations', { US: '0', EU: '0', GB: '0', CA: '6.5', AU: '0', CH: '0', NO: '0', JP: '0', SG: '0' }],
  ['3926', 'Other articles of plastics', { US: '5.3', EU: '6.5', GB: '6', CA: '6.5', AU: '5', CH: '0', NO: '0', JP: '3.9', SG: '0' }],
  ['4202', 'Trunks, handbags, wallets and similar containers', { US: '8', EU: '3', GB: '4', CA: '8', AU: '5', CH: '0', NO: '0', JP: '10', SG: '0' }],
  ['6109', 'T-shirts, singlets and vests, knitted', { US: '16.5', EU: '12', GB: '12', CA: '18', AU: '5', CH: '0', NO: '10.7', JP: '10.9', SG: '0' }],
  ['6110', 'Jerseys, pullovers, cardigans, knitted', { US: '16.5', EU: '12', GB: '12', CA: '18', AU: '5', CH: '0', NO: '10.7', JP: '10.9', SG: '0' }],
  ['6203', "Men's suits, jackets, trousers, not knitted", { US: '16.6', EU: '12', GB: '12', CA: '17', AU: '5', CH: '0', NO: '10.7', JP: '9.1', SG: '0' }],
  ['6204', "Women's suits, dresses, skirts, trousers, not knitted", { US: '16.6', EU: '12', GB: '12', CA: '17', AU: '5', CH: '0', NO: '10.7', JP: '9.1', SG: '0' }],
  ['6302', 'Bed, table, toilet and kitchen linen', { US: '6.7', EU: '12', GB: '12', CA: '17', AU: '5', CH: '0', NO: '10.7', JP: '6.6', SG: '0' }],
  ['6403', 'Footwear with leather uppers', { US: '8.5', EU: '8', GB: '8', CA: '18', AU: '5', CH: '0', NO: '0', JP: '30', SG: '0' }],
  ['6404', 'Footwear with textile uppers', { US: '20', EU: '17', GB: '16', CA: '18', AU: '5', CH: '0', NO: '0', JP: '30', SG: '0' }],
  ['7113', 'Jewellery of precious metal', { US: '5.5', EU: '2.5', GB: '2', CA: '8.5', AU: '5', CH: '0', NO: '0', JP: '5.2', SG: '0' }],
  ['9102', 'Wrist-watches, other than of precious metal', { US: '6.4', EU: '4.5', GB: '4.5', CA: '5', AU: '5', CH: '0', NO: '0', JP: '0', SG: '0' }],
  ['9403', 'Other furniture', { US: '0', EU: '0', GB: '0', CA: '0', AU: '5', CH: '0', NO: '0', JP: '0', SG: '0' }],
  ['9503', 'Toys, scale models, puzzles', { US: '0', EU: '4.7', GB: '0', CA: '0', AU: '0', CH: '0', NO: '0', JP: '0', SG: '0' }],
  ['9504', 'Video game consoles, table and parlour games', { US: '0', EU: '0', GB: '0', CA: '0', AU: '0', CH: '0', NO: '0', JP: '0', SG: '0' }],
  ['9506', 'Articles and equipment for sports', { US: '4', EU: '2.7', GB: '2', CA: '7', AU: '5', CH: '0', NO: '0', JP: '3.2', SG: '0' }],
  ['61', 'Other knitted clothing (chapter 61)', { US: '16', EU: '12', GB: '12', CA: '18', AU: '5', CH: '0', NO: '10.7', JP: '10.9', SG: '0' }],
  ['62', 'Other woven clothing (chapter 62)', { US: '16', EU: '12', GB: '12', CA: '17', AU: '5', CH: '0', NO: '10.7', JP: '9.1', SG: '0' }],
  ['090121', 'Coffee, roasted, not decaffeinated', { US: '0', EU: '7.5', GB: '6', CA: '0', AU: '0', NO: '0', JP: '12', SG: '0' }],
];

const TARIFFS: { tariff: string; currency: string; fallback: string; noDefaultFor: DutyTable['noDefaultFor']; source: string }[] = [
  { tariff: 'US', currency: 'USD', fallback: '3.3', noDefaultFor: [], source: 'USITC Harmonized Tariff Schedule of the United States (column 1 general); default table approximate' },
  { tariff: 'EU', currency: 'EUR', fallback: '4', noDefaultFor: [], source: 'EU Common Customs Tariff, Reg. (EEC) 2658/87 Annex I (TARIC); default table approximate' },
  { tariff: 'GB', currency: 'GBP', fallback: '3.5', noDefaultFor: [], source: 'UK Global Tariff (GOV.UK Trade Tariff); default table approximate' },
  { tariff: 'CA', currency: 'CAD', fallback: '2.5', noDefaultFor: [], source: 'CBSA Customs Tariff, MFN column; default table approximate' },
  { tariff: 'AU', currency: 'AUD', fallback: '5', noDefaultFor: [], source: 'Australian Customs Tariff Act 1995, Schedule 3 general rate (most goods 5 % or free); default table approximate' },
  {
    tariff: 'CH', currency: 'CHF', fallback: '0',
    noDefaultFor: [{ hsPrefix: '0', reason: 'Swiss duties on agricultural goods (chapters 01–09) are specific, per 100 kg gross: supply a tariffOverride' },
      { hsPrefix: '1', reason: 'Swiss duties on agricultural goods (chapters 10–19) are specific, per 100 kg gross: supply a tariffOverride' },
      { hsPrefix: '20', reason: 'Swiss duties on agricultural goods are specific, per 100 kg gross: supply a tariffOverride' },
      { hsPrefix: '21', reason: 'Swiss duties on agricultural goods are specific, per 100 kg gross: supply a tariffOverride' },
      { hsPrefix: '22', reason: 'Swiss duties on beverages are specific, per 100 kg gross: supply a tariffOverride' },
      { hsPrefix: '23', reason: 'Swiss duties on agricultural goods are specific, per 100 kg gross: supply a tariffOverride' },
      { hsPrefix: '24', reason: 'Swiss duties on tobacco are specific: supply a tariffOverride' }],
    source: 'Swiss tariff (Tares); industrial goods (chapters 25–97) duty-free since 1 Jan 2024 (Federal Council, abolition of industrial tariffs)',
  },
  { tariff: 'NO', currency: 'NOK', fallback: '0', noDefaultFor: [{ hsPrefix: '0', reason: 'Norwegian duties on food are high and often specific: supply a tariffOverride' }, { hsPrefix: '1', reason: 'Norwegian duties on food are high and often specific: supply a tariffOverride' }, { hsPrefix: '2', reason: 'Norwegian duties on food are high and often specific: supply a tariffOverride' }], source: 'Norwegian Customs Tariff (Tolltariffen); most industrial goods duty-free, clothing 10.7 %; default table approximate' },
  { tariff: 'JP', currency: 'JPY', fallback: '2.5', noDefaultFor: [], source: 'Customs Tariff Schedules of Japan (WTO/general rate); default table approximate' },
  { tariff: 'SG', currency: 'SGD', fallback: '0', noDefaultFor: [{ hsPrefix: '22', reason: 'Singapore levies specific excise-type duty on liquors: supply a tariffOverride' }, { hsPrefix: '24', reason: 'Singapore levies specific duty on tobacco: supply a tariffOverride' }, { hsPrefix: '2710', reason: 'Singapore levies duty on motor spirits: supply a tariffOverride' }, { hsPrefix: '87', reason: 'Singapore levies excise duty on motor vehicles: supply a tariffOverride' }], source: 'Singapore Customs: duty only on liquors, tobacco, motor vehicles and motor spirits; all other goods duty-free' },
];

export const DEFAULT_DUTY_TABLES: DutyTable[] = TARIFFS.map((t) => ({
  tariff: t.tariff,
  currency: t.currency,
  fallbackRatePercent: t.fallback,
  noDefaultFor: t.noDefaultFor,
  source: t.source,
  rates: ROWS.filter(([, , r]) => r[t.tariff] !== undefined).map(([hsPrefix, description, r]) => ({ hsPrefix, description, ratePercent: r[t.tariff] })),
}));

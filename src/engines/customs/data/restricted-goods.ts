/**
 * A small screen of goods that carriers or destinations prohibit or restrict. Matching is by HS
 * prefix and/or description keyword; `*` means every destination. It is a first check before
 * printing, not a substitute for the carrier's and destination's full lists.
 */
export interface RestrictedGoodsRow {
  destination: string;
  hsPrefixes: string[];
  keywords: string[];
  status: 'prohibited' | 'restricted';
  reason: string;
  source: string;
}

const UPU = 'UPU Convention, Art. 19 (prohibitions) and the UPU List of prohibited articles';
const IATA = 'IATA Dangerous Goods Regulations, section II (lithium batteries), and carriers\' DG acceptance rules';

export const RESTRICTED_GOODS: RestrictedGoodsRow[] = [
  { destination: '*', hsPrefixes: ['3601', '3602', '3603', '3604'], keywords: ['firework', 'explosive', 'detonator'], status: 'prohibited', reason: 'explosives and fireworks are dangerous goods not accepted in post or express parcels', source: UPU },
  { destination: '*', hsPrefixes: ['9301', '9302', '9303', '9304', '9305', '9306'], keywords: ['firearm', 'ammunition'], status: 'prohibited', reason: 'arms and ammunition need export and import licences and are not accepted as parcels', source: UPU },
  { destination: '*', hsPrefixes: ['2402', '2403'], keywords: ['cigarette', 'tobacco'], status: 'restricted', reason: 'tobacco is an excise good: duty-paid import and a carrier contract required', source: UPU },
  { destination: '*', hsPrefixes: ['2203', '2204', '2205', '2206', '2208'], keywords: [], status: 'restricted', reason: 'alcoholic beverages are excise goods: most carriers need a contract and the destination levies excise', source: UPU },
  { destination: '*', hsPrefixes: ['850650', '850760'], keywords: ['lithium'], status: 'restricted', reason: 'lithium cells and batteries are dangerous goods: packing instruction, labels and quantity limits apply', source: IATA },
  { destination: '*', hsPrefixes: ['3004'], keywords: ['medicine', 'prescription'], status: 'restricted', reason: 'medicines need a prescription or import authorisation in most destinations', source: UPU },
  { destination: 'AU', hsPrefixes: ['0401', '0402', '0403', '0404', '0405', '0406', '0407', '0408', '0602', '1209'], keywords: ['seed', 'plant', 'egg'], status: 'restricted', reason: 'biosecurity: dairy, eggs, live plants and seeds need a permit (BICON)', source: 'Australian Department of Agriculture, Fisheries and Forestry, BICON import conditions' },
  { destination: 'AU', hsPrefixes: ['854340'], keywords: ['vape', 'e-cigarette'], status: 'prohibited', reason: 'vaping goods may only be imported by licensed importers since 1 Jan 2024', source: 'Customs (Prohibited Imports) Regulations 1956, reg. 5A (vaping goods)' },
  { destination: 'SG', hsPrefixes: ['170410'], keywords: ['chewing gum'], status: 'prohibited', reason: 'chewing gum (other than oral-dental gum) may not be imported into Singapore', source: 'Singapore Regulation of Imports and Exports Regulations, Third Schedule' },
  { destination: 'SG', hsPrefixes: ['854340'], keywords: ['vape', 'e-cigarette'], status: 'prohibited', reason: 'e-cigarettes and vaporisers are prohibited imports', source: 'Tobacco (Control of Advertisements and Sale) Act 1993, s.16' },
  { destination: 'JP', hsPrefixes: ['9304'], keywords: ['air gun', 'airsoft'], status: 'restricted', reason: 'air guns need a permit under the Firearms and Swords Control Law', source: 'Japan Customs, Prohibited and restricted imports' },
  { destination: 'US', hsPrefixes: ['0201', '0202', '0203', '0207', '0210', '1601', '1602'], keywords: ['meat'], status: 'restricted', reason: 'meat products need USDA APHIS/FSIS clearance', source: 'USDA APHIS, 9 CFR 94 (restrictions on meat imports)' },
  { destination: 'US', hsPrefixes: [], keywords: ['kinder surprise'], status: 'prohibited', reason: 'confectionery with an embedded non-nutritive object is banned by the FDA', source: 'Federal Food, Drug, and Cosmetic Act §402(d)(1)' },
  { destination: 'CA', hsPrefixes: ['9304'], keywords: ['pepper spray', 'stun gun'], status: 'prohibited', reason: 'prohibited weapons under the Criminal Code', source: 'CBSA Memorandum D19-13-2 (importing and exporting firearms, weapons and devices)' },
  { destination: 'NO', hsPrefixes: ['2208'], keywords: [], status: 'restricted', reason: 'spirits may only be imported by private persons within the quota; mail-order import of spirits by consumers is not allowed', source: 'Norwegian Customs, import of alcohol' },
  { destination: 'EU', hsPrefixes: ['4303'], keywords: ['cat fur', 'dog fur', 'seal'], status: 'prohibited', reason: 'cat and dog fur and seal products may not be placed on the EU market', source: 'Regulation (EC) No 1523/2007; Regulation (EC) No 1007/2009' },
  { destination: 'GB', hsPrefixes: ['4303'], keywords: ['cat fur', 'dog fur', 'seal'], status: 'prohibited', reason: 'cat and dog fur and seal products are banned', source: 'The Cat and Dog Fur (Control of Import, Export and Placing on the Market) Regulations 2008' },
];

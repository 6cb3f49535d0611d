/** Shapes of the cross-border API (POST /v1/landed-cost, /v1/exchange-rates, /v1/hs-codes) the page reads. */

export const INCOTERMS = ['EXW', 'FCA', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP', 'FAS', 'FOB', 'CFR', 'CIF'] as const;
export const REGISTRATION_SCHEMES = [
  { scheme: 'EU_IOSS', label: 'EU IOSS' },
  { scheme: 'UK_VAT', label: 'UK VAT' },
  { scheme: 'NO_VOEC', label: 'Norway VOEC' },
  { scheme: 'AU_GST', label: 'Australia GST' },
  { scheme: 'SG_OVR', label: 'Singapore OVR' },
  { scheme: 'CH_VAT', label: 'Swiss VAT' },
] as const;
export const DESTINATIONS = ['US', 'GB', 'CA', 'AU', 'CH', 'NO', 'JP', 'SG', 'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE'];
export const DOCUMENT_TYPES = [
  { type: 'commercial-invoice', label: 'Commercial invoice' },
  { type: 'cn23', label: 'CN23' },
  { type: 'cn22', label: 'CN22' },
  { type: 'packing-list', label: 'Packing list' },
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number]['type'];

export interface ItemForm {
  description: string;
  sku?: string;
  hsCode: string;
  originCountry: string;
  quantity: number;
  unitValue: string;
  currency: string;
  unitWeightGrams?: number;
}

export interface QuoteForm {
  date: string;
  originCountry: string;
  destinationCountry: string;
  destinationRegion: string;
  currency: string;
  incoterm: string;
  shippingMode: 'courier' | 'postal';
  shippingAmount: string;
  shippingCurrency: string;
  registrations: Record<string, string>;
  items: ItemForm[];
}

export interface RateTable {
  date: string;
  base: string;
  rates: Record<string, string>;
  source?: string;
}

export interface ChargeLine {
  kind: 'duty' | 'tax' | 'fee';
  code: string;
  name: string;
  amount: string;
  currency: string;
  quoteAmount: string;
  quoteCurrency: string;
  ruleId: string;
  source: string;
  formula: string;
  base?: string;
  ratePercent?: string;
  itemIndexes: number[];
  collectedAt: 'checkout' | 'import';
  collectedBy: 'seller' | 'customs' | 'carrier';
  payer: 'seller' | 'buyer';
  waivedBecause?: string;
}

export interface MoneyTotals {
  currency: string;
  goods: string;
  shipping: string;
  insurance: string;
  duties: string;
  taxes: string;
  fees: string;
  ddpTotal: string;
  checkoutTotal: string;
  dueOnDelivery: string;
}

export interface Quote {
  date: string;
  origin: string;
  destination: { country: string; region?: string };
  incoterm: string;
  rules: { id: string; effectiveFrom: string; effectiveUntil: string | null; sources: string[]; notes: string[] }[];
  items: { index: number; description: string; hsCode: string; goodsValue: string; customsValue: string; dutyRateSource?: string }[];
  duties: ChargeLine[];
  taxes: ChargeLine[];
  fees: ChargeLine[];
  exemptions: { kind: string; ruleId: string; source: string; detail: string; itemIndexes: number[] }[];
  destinationTotals: MoneyTotals;
  totals: MoneyTotals;
  payer: { duties: 'seller' | 'buyer'; importTaxes: 'seller' | 'buyer'; fees: 'seller' | 'buyer' };
  exchangeRates: { from: string; to: string; rate: string; date: string; source: string }[];
  warnings: string[];
}

export interface HsHit {
  code: string;
  description: string;
  level: number;
  score: number;
  path: { code: string; description: string }[];
}

/** The request body of POST /v1/landed-cost built from the form. */
export function requestBody(f: QuoteForm, exchangeRates?: RateTable[]) {
  const registrations = Object.entries(f.registrations).filter(([, n]) => n.trim()).map(([scheme, number]) => ({ scheme, number: number.trim() }));
  return {
    date: f.date,
    origin: { country: f.originCountry },
    destination: { country: f.destinationCountry, ...(f.destinationRegion.trim() ? { region: f.destinationRegion.trim() } : {}) },
    currency: f.currency,
    items: f.items.map((i) => ({
      description: i.description, ...(i.sku ? { sku: i.sku } : {}), hsCode: i.hsCode, originCountry: i.originCountry, quantity: i.quantity,
      unitValue: i.unitValue, currency: i.currency, ...(i.unitWeightGrams ? { unitWeightGrams: i.unitWeightGrams } : {}),
    })),
    shipping: { amount: f.shippingAmount, currency: f.shippingCurrency },
    shippingMode: f.shippingMode,
    incoterm: f.incoterm,
    seller: { registrations },
    ...(exchangeRates ? { exchangeRates } : {}),
  };
}

/** The landed-cost quote: Zonos/Easyship-shaped lines, each with its rule, source and formula. */

export type ChargeKind = 'duty' | 'tax' | 'fee';

export interface ChargeLine {
  kind: ChargeKind;
  /** DUTY, FLAT_DUTY, VAT, GST, HST, CT, LCT, MPF, ... */
  code: string;
  name: string;
  /** In the destination's assessment currency, rounded as the destination rounds it. */
  amount: string;
  currency: string;
  /** The same amount converted to the quote currency (the shopper's checkout currency). */
  quoteAmount: string;
  quoteCurrency: string;
  ruleId: string;
  source: string;
  /** Human-readable computation, e.g. "12 % × EUR 54.20 customs value". */
  formula: string;
  base?: string;
  ratePercent?: string;
  /** Indexes into request.items this line is for (empty: the whole consignment). */
  itemIndexes: number[];
  /** `checkout`: collected in the price by the seller; `import`: due when the parcel clears customs. */
  collectedAt: 'checkout' | 'import';
  collectedBy: 'seller' | 'customs' | 'carrier';
  /** Who bears it under the incoterm: DDP → seller for import charges; otherwise the buyer. */
  payer: 'seller' | 'buyer';
  /** Set when the charge is computed but legally not collected (e.g. Swiss CHF 5 minimum). */
  waivedBecause?: string;
}

export interface Exemption {
  kind: 'duty-de-minimis' | 'tax-de-minimis' | 'seller-collected' | 'no-import' | 'duty-relief';
  ruleId: string;
  source: string;
  detail: string;
  itemIndexes: number[];
}

export interface QuotedItem {
  index: number;
  description: string;
  hsCode: string;
  originCountry: string;
  quantity: number;
  /** Line value (quantity × unit value) in the destination currency. */
  goodsValue: string;
  /** Goods value plus the item's share of transport/insurance when the destination values CIF. */
  customsValue: string;
  dutyRateSource?: 'merchant-override' | 'default-table' | 'default-fallback' | 'flat-rate' | 'exempt';
}

export interface MoneyTotals {
  currency: string;
  goods: string;
  shipping: string;
  insurance: string;
  duties: string;
  taxes: string;
  fees: string;
  /** Goods + transport + every duty, tax and fee: what delivered-duty-paid costs in total. */
  ddpTotal: string;
  /** What the shopper pays at checkout under the chosen incoterm. */
  checkoutTotal: string;
  /** What is still due on delivery (DAP and other non-DDP terms). */
  dueOnDelivery: string;
}

export interface ExchangeRateUsed {
  from: string;
  to: string;
  rate: string;
  date: string;
  source: string;
}

export interface LandedCostQuote {
  date: string;
  origin: string;
  destination: { country: string; region?: string };
  incoterm: string;
  rules: { id: string; effectiveFrom: string; effectiveUntil: string | null; sources: string[]; notes: string[] }[];
  items: QuotedItem[];
  duties: ChargeLine[];
  taxes: ChargeLine[];
  fees: ChargeLine[];
  exemptions: Exemption[];
  /** Totals in the destination's assessment currency. */
  destinationTotals: MoneyTotals;
  /** Totals in the quote currency: these are the figures to show and charge at checkout. */
  totals: MoneyTotals;
  payer: { duties: 'seller' | 'buyer'; importTaxes: 'seller' | 'buyer'; fees: 'seller' | 'buyer' };
  exchangeRates: ExchangeRateUsed[];
  warnings: string[];
}

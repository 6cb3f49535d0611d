/**
 * Landed-cost rules as plain, dated data. Each destination has a list of versions, one per period
 * (effectiveFrom inclusive, effectiveUntil exclusive, null = until superseded), and every figure
 * names the legal or official source it comes from, because these rules change every year.
 */
import type { Rounding } from './money.js';

export type ShippingMode = 'courier' | 'postal';

/** Seller registrations that move tax collection from the border to the checkout. */
export const REGISTRATION_SCHEMES = ['EU_IOSS', 'UK_VAT', 'NO_VOEC', 'AU_GST', 'SG_OVR', 'CH_VAT'] as const;
export type RegistrationScheme = (typeof REGISTRATION_SCHEMES)[number];

/**
 * What a threshold is measured on:
 * - `goods`: intrinsic value of the consignment (goods only, no transport or insurance),
 * - `customs-value`: the consignment's customs value on the destination's valuation basis,
 * - `item`: the unit price of each article separately (Norway's VOEC limit is per item).
 */
export type ThresholdMeasure = 'goods' | 'customs-value' | 'item';

export interface Threshold {
  id: string;
  amount: string;
  currency: string;
  /** `lte`: value ≤ amount qualifies; `lt`: value < amount qualifies. */
  comparison: 'lte' | 'lt';
  measure: ThresholdMeasure;
  /** The threshold only applies when every given condition holds. */
  when?: { modes?: ShippingMode[]; shippedFrom?: string[] };
  /** Goods (HS prefixes) that never benefit from the relief, e.g. Japan's leather bags and knitwear. */
  excludedHsPrefixes?: string[];
  source: string;
}

/** EU interim flat duty: a fixed amount per distinct tariff subheading in a low-value consignment. */
export interface FlatDutyRule {
  id: string;
  amountPerCategory: string;
  currency: string;
  /** Digits of the HS code that define an "item category" (6 = HS subheading). */
  categoryDigits: number;
  threshold: Threshold;
  /** The measure only covers consignments declared under this scheme (IOSS). */
  requiresRegistration?: RegistrationScheme;
  source: string;
}

export type TaxCategory = 'standard' | 'reduced' | 'super-reduced' | 'zero';

export interface TaxRule {
  id: string;
  /** Short code printed on the line: VAT, GST, HST, CT (Japan consumption tax), LCT. */
  code: string;
  name: string;
  /** Rates in percent by category; a category missing here is rejected, never treated as zero. */
  rates: Partial<Record<TaxCategory, string>>;
  /** Only for these regions of the destination (Canadian provinces); absent = whole country. */
  regions?: string[];
  /** Regions where this tax does not apply (GST is replaced by HST there). */
  excludedRegions?: string[];
  /** Adds transport and insurance to the base when the customs value does not already hold them. */
  baseIncludesTransport: boolean;
  baseIncludesDuty: boolean;
  /** Japan: the tax base is rounded down to ¥1,000 before the rate applies. */
  baseRounding?: Rounding;
  /** `consignment`: one line per rate (as Japan computes it), else one line per item. */
  granularity: 'item' | 'consignment';
  /** Japan's local consumption tax is 22/78 of the national tax, not a rate on the base. */
  derivedFrom?: { taxId: string; numerator: string; denominator: string };
  source: string;
}

/** Tax collected by a registered seller at the checkout instead of at the border. */
export interface SellerCollectionRule {
  id: string;
  scheme: RegistrationScheme;
  /** The consignment (or, for `item`, each article) must be within this threshold; absent = any value. */
  threshold?: Threshold;
  /** Goods covered by the scheme are also relieved from duty (UK ≤ £135, Norway VOEC). */
  dutyRelief: boolean;
  /**
   * When the seller is not registered: `import` = tax is charged at the border as usual,
   * `none` = no tax is collected at the border (goods relieved), `seller-obligation` = the seller
   * owes it anyway (UK: must register), so it is shown as the seller's charge with a warning.
   */
  whenNotRegistered: 'import' | 'none' | 'seller-obligation';
  source: string;
}

export interface FeeRule {
  id: string;
  code: string;
  name: string;
  kind: 'fixed' | 'ad-valorem';
  amount?: string;
  ratePercent?: string;
  minimum?: string;
  maximum?: string;
  currency: string;
  /** Measured on the consignment's customs value in the fee's currency. */
  when: { modes?: ShippingMode[]; valueAbove?: string; valueAtMost?: string; onlyIfImportChargesDue?: boolean };
  /** Who levies it: customs (a government fee) or the carrier (handling fee on collect). */
  leviedBy: 'customs' | 'carrier';
  source: string;
}

export interface CountryRuleVersion {
  id: string;
  country: string;
  effectiveFrom: string;
  effectiveUntil: string | null;
  /** Currency in which the destination assesses duty and tax. */
  currency: string;
  /** CIF: transport and insurance to the border are part of the customs value; FOB: they are not. */
  customsValuation: 'CIF' | 'FOB';
  /** Japan values goods imported for personal use at 60 % of the overseas retail price. */
  personalUseValueFactor?: { factor: string; source: string };
  /** `dutyBase`: Japan rounds the taxable value down to ¥1,000 before applying the duty rate. */
  rounding: { duty: Rounding; tax: Rounding; fee: Rounding; dutyBase?: Rounding };
  /** Key into the duty tables (tariff of the destination's customs territory). */
  tariff: string;
  /** Checked in order; the first whose `when` matches applies. Empty = no duty relief. */
  dutyDeMinimis: Threshold[];
  flatDuty?: FlatDutyRule;
  taxes: TaxRule[];
  taxDeMinimis: Threshold[];
  sellerCollection?: SellerCollectionRule;
  /** Switzerland: a duty total, and separately an import-tax total, at or below this amount is not collected. */
  minimumCollected?: { amount: string; currency: string; appliesTo: ('duty' | 'tax')[]; source: string };
  fees: FeeRule[];
  /** Customs territory (the EU is one); shipments inside it are not imports. */
  customsUnion?: string;
  /** Regions the destination needs to pick a tax (Canada: province); required when set. */
  requiresRegion?: string[];
  notes: string[];
  sources: string[];
}

export interface DutyRate {
  /** HS prefix of 2 to 10 digits; the longest matching prefix wins. */
  hsPrefix: string;
  ratePercent?: string;
  /** Specific duty per kilogram of gross weight, in the tariff's currency. */
  amountPerKg?: string;
  description: string;
}

export interface DutyTable {
  tariff: string;
  currency: string;
  /** Applied (with a warning) when no entry matches and the heading is not in noDefaultFor. */
  fallbackRatePercent: string;
  /** Chapters (HS prefixes) the default table refuses to guess (specific agricultural duties, excise goods). */
  noDefaultFor: { hsPrefix: string; reason: string }[];
  rates: DutyRate[];
  source: string;
}

/** Everything the engine needs besides the request and the exchange rates. */
export interface LandedCostRules {
  versions: CountryRuleVersion[];
  dutyTables: DutyTable[];
}

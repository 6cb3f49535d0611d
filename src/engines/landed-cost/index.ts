/** Landed cost: duties, taxes and fees for cross-border parcels, from dated rules. */
export { quoteLandedCost, validateLandedCostRequest } from './quote.js';
export { LandedCostRequestSchema, LandedCostItemSchema, TariffOverrideSchema, INCOTERMS_2020 } from './request-schema.js';
export type { LandedCostRequest, LandedCostRequestInput, LandedCostItem, TariffOverride, Incoterm } from './request-schema.js';
export { LandedCostQuoteSchema, ChargeLineSchema, MoneyTotalsSchema } from './quote-schema.js';
export type { LandedCostQuote, ChargeLine, Exemption, MoneyTotals, QuotedItem, ExchangeRateUsed } from './quote-types.js';
export type * from './rule-types.js';
export { REGISTRATION_SCHEMES } from './rule-types.js';
export { LandedCostInputError, type FieldIssue } from './errors.js';
export { RateBook, type ExchangeRates, type ExchangeRateTable } from './exchange-rates.js';
export { parseEcbXml } from './ecb-xml.js';
export { DEFAULT_LANDED_COST_RULES, EU_MEMBER_STATES, shippedCountries } from './rules/index.js';

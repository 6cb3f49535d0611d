/**
 * quoteLandedCost: duties, taxes and fees for one cross-border parcel, each line tied to the dated
 * rule and source it comes from. Pure and synchronous: request, rules and exchange rates in, a
 * plain structured-cloneable quote out. Bad input throws LandedCostInputError naming every field.
 * The work is a fixed pipeline over the items (no search), so it needs no time limit.
 */
import { addDuties } from './duties.js';
import { LandedCostInputError } from './errors.js';
import type { ExchangeRates } from './exchange-rates.js';
import { addFees } from './fees.js';
import { prepare } from './prepare.js';
import { QuoteContext } from './quote-context.js';
import type { LandedCostQuote } from './quote-types.js';
import type { LandedCostRules } from './rule-types.js';
import { DEFAULT_LANDED_COST_RULES } from './rules/index.js';
import { addTaxes } from './taxes.js';
import { buildQuote } from './totals.js';
import { assignTreatments } from './treatment.js';

export { validateLandedCostRequest } from './prepare.js';

export function quoteLandedCost(input: unknown, rules: LandedCostRules = DEFAULT_LANDED_COST_RULES, rates: ExchangeRates): LandedCostQuote {
  const { issues, prepared } = prepare(input, rules, rates);
  if (!prepared) throw new LandedCostInputError(issues);
  const ctx = new QuoteContext(prepared, rates);
  if (prepared.domestic) {
    const { request, version } = ctx;
    ctx.exemptions.push({
      kind: 'no-import', ruleId: version.id, source: version.sources[0], itemIndexes: ctx.items.map((i) => i.index),
      detail: `${request.origin.country} and ${request.destination.country} are in the same customs territory: no import duty or import VAT (domestic or intra-union VAT applies to the sale)`,
    });
    for (const it of ctx.items) { it.dutyTreatment = 'relieved'; it.taxTreatment = 'relieved'; }
  } else {
    assignTreatments(ctx);
    addDuties(ctx);
    addTaxes(ctx);
    addFees(ctx);
  }
  return buildQuote(ctx);
}

/**
 * Request validation beyond the schema: the rule version in force, the region, every exchange rate,
 * tax category and duty rate the quote will need. Collects every problem, field by field.
 */
import type { ZodError } from 'zod';
import type { FieldIssue } from './errors.js';
import { RateBook, type ExchangeRates } from './exchange-rates.js';
import { dec } from './money.js';
import { LandedCostRequestSchema, type LandedCostRequest } from './request-schema.js';
import { customsTerritory, findVersion, resolveDutyRate, type DutyRateResolution } from './rule-lookup.js';
import type { CountryRuleVersion, LandedCostRules, TaxRule } from './rule-types.js';
import { DEFAULT_LANDED_COST_RULES } from './rules/index.js';

export type ResolvedDutyRate = Extract<DutyRateResolution, { ok: true }>;

export interface Prepared {
  request: LandedCostRequest;
  version: CountryRuleVersion;
  book: RateBook;
  taxes: TaxRule[];
  rates: (ResolvedDutyRate | undefined)[];
  domestic: boolean;
}

function zodIssues(error: ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ field: i.path.length ? i.path.join('.') : '(request)', message: i.message }));
}

/** Every problem with a request, or the parsed request and its rule version when there is none. */
export function prepare(input: unknown, rules: LandedCostRules, rates: ExchangeRates): { issues: FieldIssue[]; prepared?: Prepared } {
  const parsed = LandedCostRequestSchema.safeParse(input);
  if (!parsed.success) return { issues: zodIssues(parsed.error) };
  const request = parsed.data;
  const issues: FieldIssue[] = [];
  const dest = request.destination.country;
  const found = findVersion(rules, dest, request.date);
  if (!found.ok) return { issues: [{ field: found.field, message: found.message }] };
  const version = found.version;
  const book = new RateBook(rates, request.date);
  const domestic = customsTerritory(rules, request.origin.country) === customsTerritory(rules, dest);

  const region = request.destination.region;
  if (version.requiresRegion && (!region || !version.requiresRegion.includes(region))) {
    issues.push({ field: 'destination.region', message: `${dest} needs a region to pick its sales tax: one of ${version.requiresRegion.join(', ')}` });
  }
  const taxes = version.taxes.filter((t) => (!t.regions || (region !== undefined && t.regions.includes(region))) && !(t.excludedRegions && region !== undefined && t.excludedRegions.includes(region)));

  const needRate = (from: string, to: string, field: string) => {
    const r = book.rate(from, to);
    if (typeof r === 'string') issues.push({ field, message: r });
  };
  const quoteCurrency = request.currency ?? request.items[0].currency;
  request.items.forEach((item, i) => {
    needRate(item.currency, version.currency, `items.${i}.currency`);
    needRate(item.currency, quoteCurrency, `items.${i}.currency`);
  });
  needRate(request.shipping.currency, version.currency, 'shipping.currency');
  needRate(request.shipping.currency, quoteCurrency, 'shipping.currency');
  if (request.insurance) {
    needRate(request.insurance.currency, version.currency, 'insurance.currency');
    needRate(request.insurance.currency, quoteCurrency, 'insurance.currency');
  }
  needRate(version.currency, quoteCurrency, 'currency');
  const thresholdCurrencies = new Set<string>();
  for (const t of [...version.dutyDeMinimis, ...version.taxDeMinimis]) thresholdCurrencies.add(t.currency);
  if (version.flatDuty) thresholdCurrencies.add(version.flatDuty.threshold.currency).add(version.flatDuty.currency);
  if (version.sellerCollection?.threshold) thresholdCurrencies.add(version.sellerCollection.threshold.currency);
  for (const f of version.fees) thresholdCurrencies.add(f.currency);
  for (const c of thresholdCurrencies) needRate(version.currency, c, 'date');
  for (const c of thresholdCurrencies) needRate(c, version.currency, 'date');

  const rateResolutions: Prepared['rates'] = request.items.map((item, i) => {
    if (domestic) return undefined;
    for (const t of taxes) {
      if (t.rates[item.taxCategory] === undefined) {
        issues.push({ field: `items.${i}.taxCategory`, message: `${t.name} has no ${item.taxCategory} rate in ${version.id} (rates: ${Object.keys(t.rates).join(', ')})` });
      }
    }
    const r = resolveDutyRate(item.hsCode, item.originCountry, dest, version.tariff, request.tariffOverrides, rules.dutyTables, version.currency);
    if (!r.ok) {
      issues.push({ field: `items.${i}.hsCode`, message: r.message });
      return undefined;
    }
    if (r.amountPerKg && !dec(r.amountPerKg).isZero()) {
      if (item.unitWeightGrams === undefined) issues.push({ field: `items.${i}.unitWeightGrams`, message: `a specific duty per kg applies to ${item.hsCode}: the gross weight is needed` });
      if (r.perKgCurrency) needRate(r.perKgCurrency, version.currency, `items.${i}.hsCode`);
    }
    return r;
  });
  if (issues.length) return { issues };
  return { issues, prepared: { request, version, book, taxes, rates: rateResolutions, domestic } };
}

/** Field-by-field problems with a request; empty when quoteLandedCost would succeed. */
export function validateLandedCostRequest(input: unknown, rules: LandedCostRules = DEFAULT_LANDED_COST_RULES, rates: ExchangeRates = { tables: [] }): FieldIssue[] {
  return prepare(input, rules, rates).issues;
}


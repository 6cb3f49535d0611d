/** Picks the rule version in force on a date, and the duty rate for an HS code. */
import type { CountryRuleVersion, DutyTable, LandedCostRules, ShippingMode, Threshold } from './rule-types.js';
import type { TariffOverride } from './request-schema.js';

export type VersionLookup =
  | { ok: true; version: CountryRuleVersion }
  | { ok: false; field: 'destination.country' | 'date'; message: string };

export function findVersion(rules: LandedCostRules, country: string, date: string): VersionLookup {
  const versions = rules.versions.filter((v) => v.country === country);
  if (versions.length === 0) {
    const shipped = [...new Set(rules.versions.map((v) => v.country))].sort().join(', ');
    return { ok: false, field: 'destination.country', message: `no landed-cost rules for ${country} (rules exist for: ${shipped})` };
  }
  const hit = versions.find((v) => v.effectiveFrom <= date && (v.effectiveUntil === null || date < v.effectiveUntil));
  if (hit) return { ok: true, version: hit };
  const from = versions.map((v) => v.effectiveFrom).sort()[0];
  const untils = versions.map((v) => v.effectiveUntil);
  const until = untils.includes(null) ? 'open-ended' : `until ${untils.sort().at(-1)}`;
  return { ok: false, field: 'date', message: `${date} is outside every rule period for ${country} (rules cover ${from} ${until})` };
}

/** The customs territory of a country (EU members share one), from any version of its rules. */
export function customsTerritory(rules: LandedCostRules, country: string): string {
  return rules.versions.find((v) => v.country === country)?.customsUnion ?? country;
}

/** The first threshold whose conditions match this shipment, if any. */
export function applicableThreshold(thresholds: Threshold[], mode: ShippingMode, shippedFrom: string): Threshold | undefined {
  return thresholds.find((t) => (!t.when?.modes || t.when.modes.includes(mode)) && (!t.when?.shippedFrom || t.when.shippedFrom.includes(shippedFrom)));
}

export function excludedFromRelief(t: Threshold, hsCode: string): boolean {
  return !!t.excludedHsPrefixes?.some((p) => hsCode.startsWith(p));
}

export type DutyRateResolution =
  | { ok: true; ratePercent: string; amountPerKg?: string; perKgCurrency?: string; origin: 'merchant-override' | 'default-table' | 'default-fallback'; label: string; source: string }
  | { ok: false; message: string };

export function resolveDutyRate(
  hsCode: string, originCountry: string, destination: string, tariff: string,
  overrides: TariffOverride[], tables: DutyTable[], destCurrency: string,
): DutyRateResolution {
  let best: TariffOverride | undefined;
  for (const o of overrides) {
    if (o.destinationCountry && o.destinationCountry !== destination) continue;
    if (o.originCountry && o.originCountry !== originCountry) continue;
    if (!hsCode.startsWith(o.hsPrefix)) continue;
    if (!best || o.hsPrefix.length > best.hsPrefix.length || (o.hsPrefix.length === best.hsPrefix.length && !!o.originCountry && !best.originCountry)) best = o;
  }
  if (best) {
    return {
      ok: true, ratePercent: best.ratePercent ?? '0', amountPerKg: best.amountPerKg, perKgCurrency: destCurrency, origin: 'merchant-override',
      label: `merchant tariff ${best.hsPrefix}${best.originCountry ? ` (origin ${best.originCountry})` : ''}`,
      source: best.note ? `merchant tariff: ${best.note}` : 'merchant tariff override',
    };
  }
  const table = tables.find((t) => t.tariff === tariff);
  if (!table) return { ok: false, message: `no duty table for tariff ${tariff}: supply a tariffOverride` };
  let entry: DutyTable['rates'][number] | undefined;
  for (const r of table.rates) if (hsCode.startsWith(r.hsPrefix) && (!entry || r.hsPrefix.length > entry.hsPrefix.length)) entry = r;
  if (entry) {
    return { ok: true, ratePercent: entry.ratePercent ?? '0', amountPerKg: entry.amountPerKg, perKgCurrency: table.currency, origin: 'default-table', label: `default table ${tariff} ${entry.hsPrefix} (${entry.description})`, source: table.source };
  }
  const refused = table.noDefaultFor.find((n) => hsCode.startsWith(n.hsPrefix));
  if (refused) return { ok: false, message: refused.reason };
  return { ok: true, ratePercent: table.fallbackRatePercent, origin: 'default-fallback', perKgCurrency: table.currency, label: `default fallback rate for tariff ${tariff}`, source: table.source };
}

/**
 * quoteLandedCost: duties, taxes and fees for one cross-border parcel, each line tied to the dated
 * rule and source it comes from. Pure and synchronous: request, rules and exchange rates in, a
 * plain structured-cloneable quote out. Bad input throws LandedCostInputError naming every field.
 */
import type { ZodError } from 'zod';
import { LandedCostInputError, type FieldIssue } from './errors.js';
import { RateBook, type ExchangeRates } from './exchange-rates.js';
import { Dec, ZERO, dec, formatMoney, formatRounded, minorUnits, pct, roundTo, type Rounding } from './money.js';
import type { ChargeLine, Exemption, LandedCostQuote, MoneyTotals, QuotedItem } from './quote-types.js';
import { LandedCostRequestSchema, type LandedCostRequest } from './request-schema.js';
import { applicableThreshold, customsTerritory, excludedFromRelief, findVersion, resolveDutyRate, type DutyRateResolution } from './rule-lookup.js';
import type { CountryRuleVersion, LandedCostRules, TaxRule, Threshold } from './rule-types.js';
import { DEFAULT_LANDED_COST_RULES } from './rules/index.js';

type DutyTreatment = 'relieved' | 'flat' | 'rated';
type TaxTreatment = 'seller' | 'import' | 'relieved';

interface ItemState {
  index: number;
  hsCode: string;
  /** All amounts in the destination currency, unrounded. */
  goods: Dec;
  unitGoods: Dec;
  transport: Dec;
  customsValue: Dec;
  duty: Dec;
  dutyTreatment: DutyTreatment;
  taxTreatment: TaxTreatment;
  rate?: Extract<DutyRateResolution, { ok: true }>;
}

interface Prepared {
  request: LandedCostRequest;
  version: CountryRuleVersion;
  book: RateBook;
  taxes: TaxRule[];
  rates: (Extract<DutyRateResolution, { ok: true }> | undefined)[];
  domestic: boolean;
}

function zodIssues(error: ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ field: i.path.length ? i.path.join('.') : '(request)', message: i.message }));
}

/** Every problem with a request, or the parsed request and its rule version when there is none. */
function prepare(input: unknown, rules: LandedCostRules, rates: ExchangeRates): { issues: FieldIssue[]; prepared?: Prepared } {
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

function qualifies(value: Dec, t: Threshold): boolean {
  const c = value.cmp(dec(t.amount));
  return t.comparison === 'lte' ? c <= 0 : c < 0;
}

const money = (v: Dec, currency: string) => `${currency} ${formatMoney(v, currency)}`;

export function quoteLandedCost(input: unknown, rules: LandedCostRules = DEFAULT_LANDED_COST_RULES, rates: ExchangeRates): LandedCostQuote {
  const { issues, prepared } = prepare(input, rules, rates);
  if (!prepared) throw new LandedCostInputError(issues);
  const { request, version, book, taxes, domestic } = prepared;
  const dest = request.destination.country;
  const cur = version.currency;
  const quoteCurrency = request.currency ?? request.items[0].currency;
  const toDest = (amount: string | Dec, from: string) => book.convert(dec(amount), from, cur);
  const toQuote = (amount: Dec) => book.convert(amount, cur, quoteCurrency);
  const inCurrency = (amount: Dec, currency: string) => book.convert(amount, cur, currency);
  const warnings: string[] = [];
  const exemptions: Exemption[] = [];
  const ddp = request.incoterm === 'DDP';
  const importPayer = ddp ? 'seller' : 'buyer';
  const rule = { id: version.id, effectiveFrom: version.effectiveFrom, effectiveUntil: version.effectiveUntil, sources: version.sources, notes: version.notes };

  // Values in the destination currency; transport and insurance are spread over items by value.
  const shippingDest = toDest(request.shipping.amount, request.shipping.currency);
  const insuranceDest = request.insurance ? toDest(request.insurance.amount, request.insurance.currency) : ZERO;
  const transportTotal = shippingDest.add(insuranceDest);
  const goodsEach = request.items.map((it) => toDest(dec(it.unitValue).mul(it.quantity), it.currency));
  const goodsTotal = goodsEach.reduce((a, b) => a.add(b), ZERO);
  const personalFactor = version.personalUseValueFactor && request.purpose === 'personal' ? dec(version.personalUseValueFactor.factor) : null;
  const items: ItemState[] = request.items.map((it, i) => {
    const share = goodsTotal.isZero() ? dec(1).div(request.items.length) : goodsEach[i].div(goodsTotal);
    const transport = transportTotal.mul(share);
    const valuedGoods = personalFactor ? goodsEach[i].mul(personalFactor) : goodsEach[i];
    return {
      index: i, hsCode: it.hsCode, goods: goodsEach[i], unitGoods: goodsEach[i].div(it.quantity), transport,
      customsValue: version.customsValuation === 'CIF' ? valuedGoods.add(transport) : valuedGoods,
      duty: ZERO, dutyTreatment: 'rated', taxTreatment: 'import', rate: prepared.rates[i],
    };
  });
  if (personalFactor) warnings.push(`Personal import: goods valued at ${personalFactor.mul(100).toString()} % of the retail price (${version.personalUseValueFactor!.source}).`);
  const customsTotal = items.reduce((a, it) => a.add(it.customsValue), ZERO);
  const measure = (t: Threshold, item?: ItemState) => inCurrency(t.measure === 'goods' ? goodsTotal : t.measure === 'customs-value' ? customsTotal : item!.unitGoods, t.currency);
  const describe = (t: Threshold, value: Dec) => `${t.measure === 'item' ? 'item value' : t.measure === 'goods' ? 'goods value' : 'customs value'} ${money(value, t.currency)} ${t.comparison === 'lte' ? '≤' : '<'} ${t.currency} ${t.amount}`;

  const duties: ChargeLine[] = [];
  const taxLines: ChargeLine[] = [];
  const fees: ChargeLine[] = [];
  const line = (l: Omit<ChargeLine, 'amount' | 'quoteAmount' | 'quoteCurrency' | 'currency'> & { value: Dec; rounding?: Rounding }): ChargeLine => {
    const { value, rounding, ...rest } = l;
    return {
      ...rest,
      amount: rounding ? formatRounded(value, rounding, cur) : formatMoney(value, cur),
      currency: cur,
      quoteAmount: formatMoney(toQuote(value), quoteCurrency),
      quoteCurrency,
    };
  };

  if (domestic) {
    exemptions.push({ kind: 'no-import', ruleId: version.id, source: version.sources[0], detail: `${request.origin.country} and ${dest} are in the same customs territory: no import duty or import VAT (domestic or intra-union VAT applies to the sale)`, itemIndexes: items.map((i) => i.index) });
    for (const it of items) { it.dutyTreatment = 'relieved'; it.taxTreatment = 'relieved'; }
  } else {
    // Tax collection: a registered seller at the checkout, relief, or the border.
    const sc = version.sellerCollection;
    const registered = !!sc && request.seller.registrations.some((r) => r.scheme === sc.scheme);
    const taxDeMinimis = applicableThreshold(version.taxDeMinimis, request.shippingMode, request.origin.country);
    const taxRelieved = !!taxDeMinimis && qualifies(measure(taxDeMinimis), taxDeMinimis);
    const scItems: number[] = [];
    const reliefItems: number[] = [];
    for (const it of items) {
      const inScope = !!sc && (!sc.threshold || qualifies(measure(sc.threshold, it), sc.threshold));
      if (inScope && (registered || sc!.whenNotRegistered === 'seller-obligation')) { it.taxTreatment = 'seller'; scItems.push(it.index); }
      else if (taxRelieved && !excludedFromRelief(taxDeMinimis!, it.hsCode)) { it.taxTreatment = 'relieved'; reliefItems.push(it.index); }
      else if (inScope && sc!.whenNotRegistered === 'none') { it.taxTreatment = 'relieved'; reliefItems.push(it.index); }
    }
    if (scItems.length && sc) {
      exemptions.push({ kind: 'seller-collected', ruleId: sc.id, source: sc.source, detail: `${sc.scheme} ${registered ? 'registered' : 'not registered'}: tax is charged by the seller at the checkout, not at import${sc.dutyRelief ? ', and the goods are relieved from duty' : ''}`, itemIndexes: scItems });
      if (!registered) warnings.push(`The seller must register for ${sc.scheme} and charge tax at the sale (${sc.source}); without it the parcel may be refused or taxed twice.`);
    }
    if (reliefItems.length) {
      if (taxRelieved && taxDeMinimis) exemptions.push({ kind: 'tax-de-minimis', ruleId: taxDeMinimis.id, source: taxDeMinimis.source, detail: describe(taxDeMinimis, measure(taxDeMinimis)), itemIndexes: reliefItems });
      else if (sc) {
        exemptions.push({ kind: 'tax-de-minimis', ruleId: sc.id, source: sc.source, detail: `within the ${sc.scheme} low-value limit: no tax is collected at the border`, itemIndexes: reliefItems });
        warnings.push(`No ${sc.scheme} registration: nothing is collected at the border, but a seller over the registration turnover limit owes the tax itself (${sc.source}).`);
      }
    }

    // Duty: relief with seller collection, the flat regime, de minimis, or the tariff rate.
    const dutyDeMinimis = applicableThreshold(version.dutyDeMinimis, request.shippingMode, request.origin.country);
    const dutyRelieved = !!dutyDeMinimis && qualifies(measure(dutyDeMinimis), dutyDeMinimis);
    const flat = version.flatDuty;
    const flatApplies = !!flat && qualifies(measure(flat.threshold), flat.threshold) && (!flat.requiresRegistration || request.seller.registrations.some((r) => r.scheme === flat.requiresRegistration));
    const reliefByScheme: number[] = [];
    const deMinimisItems: number[] = [];
    for (const it of items) {
      if (it.taxTreatment === 'seller' && sc?.dutyRelief) { it.dutyTreatment = 'relieved'; reliefByScheme.push(it.index); }
      else if (flatApplies) it.dutyTreatment = 'flat';
      else if (dutyRelieved && !excludedFromRelief(dutyDeMinimis!, it.hsCode)) { it.dutyTreatment = 'relieved'; deMinimisItems.push(it.index); }
    }
    if (reliefByScheme.length && sc) exemptions.push({ kind: 'duty-relief', ruleId: sc.id, source: sc.source, detail: `goods within the ${sc.scheme} scheme are relieved from customs duty`, itemIndexes: reliefByScheme });
    if (deMinimisItems.length && dutyDeMinimis) exemptions.push({ kind: 'duty-de-minimis', ruleId: dutyDeMinimis.id, source: dutyDeMinimis.source, detail: describe(dutyDeMinimis, measure(dutyDeMinimis)), itemIndexes: deMinimisItems });
    const excluded = items.filter((it) => (dutyRelieved || taxRelieved) && [dutyDeMinimis, taxDeMinimis].some((t) => t && excludedFromRelief(t, it.hsCode)));
    if (excluded.length) warnings.push(`Items ${excluded.map((i) => i.index).join(', ')} are excluded from the low-value exemption by their HS heading.`);

    if (flatApplies && flat) {
      const groups = new Map<string, ItemState[]>();
      for (const it of items.filter((x) => x.dutyTreatment === 'flat')) {
        const key = it.hsCode.slice(0, flat.categoryDigits);
        groups.set(key, [...(groups.get(key) ?? []), it]);
      }
      const perCategory = roundTo(toDest(flat.amountPerCategory, flat.currency), version.rounding.duty);
      for (const [category, members] of groups) {
        const catGoods = members.reduce((a, m) => a.add(m.goods), ZERO);
        for (const m of members) m.duty = catGoods.isZero() ? perCategory.div(members.length) : perCategory.mul(m.goods).div(catGoods);
        duties.push(line({
          kind: 'duty', code: 'FLAT_DUTY', name: `Flat-rate duty, item category ${category}`, value: perCategory, rounding: version.rounding.duty,
          ruleId: flat.id, source: flat.source,
          formula: `${flat.currency} ${flat.amountPerCategory} per item category (HS ${category}), consignment ${describe(flat.threshold, measure(flat.threshold))}${cur !== flat.currency ? ` = ${cur} ${formatMoney(perCategory, cur)}` : ''}`,
          itemIndexes: members.map((m) => m.index), collectedAt: 'import', collectedBy: 'customs', payer: importPayer,
        }));
      }
    }

    for (const it of items.filter((x) => x.dutyTreatment === 'rated')) {
      const r = it.rate!;
      const req = request.items[it.index];
      const base = version.rounding.dutyBase ? roundTo(it.customsValue, version.rounding.dutyBase) : it.customsValue;
      let value = base.mul(dec(r.ratePercent)).div(100);
      let formula = `${pct(r.ratePercent)} % × ${money(base, cur)} customs value (${version.customsValuation}${version.rounding.dutyBase ? `, rounded down to ${version.rounding.dutyBase.increment}` : ''})`;
      if (r.amountPerKg && !dec(r.amountPerKg).isZero()) {
        const kg = dec(req.unitWeightGrams ?? 0).mul(req.quantity).div(1000);
        const perKg = book.convert(dec(r.amountPerKg), r.perKgCurrency ?? cur, cur);
        value = value.add(kg.mul(perKg));
        formula += ` + ${kg.toString()} kg × ${money(perKg, cur)}/kg`;
      }
      it.duty = roundTo(value, version.rounding.duty);
      if (r.origin !== 'merchant-override') warnings.push(`Item ${it.index} (${it.hsCode}): duty rate ${pct(r.ratePercent)} % from the ${r.origin === 'default-fallback' ? 'default fallback' : 'default table'}; check the national tariff or supply a tariffOverride.`);
      duties.push(line({
        kind: 'duty', code: 'DUTY', name: `Import duty (${r.label})`, value: it.duty, rounding: version.rounding.duty,
        ruleId: `${version.id}/${version.tariff}`, source: r.source, formula, base: formatMoney(base, cur), ratePercent: pct(r.ratePercent),
        itemIndexes: [it.index], collectedAt: 'import', collectedBy: 'customs', payer: importPayer,
      }));
    }

    // Taxes: per item, or per rate for destinations that assess the whole declaration (Japan).
    const seller = items.filter((it) => it.taxTreatment === 'seller');
    const imported = items.filter((it) => it.taxTreatment === 'import');
    const checkoutRounding: Rounding = { increment: dec(10).pow(-minorUnits(cur)).toString(), mode: 'half-up' };
    for (const tax of taxes) {
      for (const it of seller) {
        const category = request.items[it.index].taxCategory;
        const rate = tax.rates[category]!;
        const base = it.goods.add(it.transport);
        const value = roundTo(base.mul(dec(rate)).div(100), checkoutRounding);
        taxLines.push(line({
          kind: 'tax', code: tax.code, name: `${tax.name} charged at checkout`, value, ruleId: `${sc!.id}/${tax.id}`, source: `${sc!.source}; ${tax.source}`,
          formula: `${pct(rate)} % (${category}) × ${money(base, cur)} sale price (goods ${formatMoney(it.goods, cur)} + transport ${formatMoney(it.transport, cur)})`,
          base: formatMoney(base, cur), ratePercent: pct(rate), itemIndexes: [it.index], collectedAt: 'checkout', collectedBy: 'seller', payer: 'buyer',
        }));
      }
    }
    const taxBase = (tax: TaxRule, it: ItemState) => {
      let base = it.customsValue;
      if (tax.baseIncludesTransport && version.customsValuation === 'FOB') base = base.add(it.transport);
      if (tax.baseIncludesDuty) base = base.add(it.duty);
      return base;
    };
    const baseText = (tax: TaxRule, it: ItemState) => `${formatMoney(it.customsValue, cur)} customs value${tax.baseIncludesTransport && version.customsValuation === 'FOB' ? ` + ${formatMoney(it.transport, cur)} transport` : ''}${tax.baseIncludesDuty ? ` + ${formatMoney(it.duty, cur)} duty` : ''}`;
    const consignmentLines = new Map<string, { value: Dec; category: string }>();
    for (const tax of taxes) {
      if (tax.granularity === 'item') {
        for (const it of imported) {
          const category = request.items[it.index].taxCategory;
          const rate = tax.rates[category]!;
          const base = taxBase(tax, it);
          const value = roundTo(base.mul(dec(rate)).div(100), version.rounding.tax);
          taxLines.push(line({
            kind: 'tax', code: tax.code, name: `Import ${tax.name}`, value, rounding: version.rounding.tax, ruleId: tax.id, source: tax.source,
            formula: `${pct(rate)} % (${category}) × ${cur} (${baseText(tax, it)})`,
            base: formatMoney(base, cur), ratePercent: pct(rate), itemIndexes: [it.index], collectedAt: 'import', collectedBy: 'customs', payer: importPayer,
          }));
        }
        continue;
      }
      const byCategory = new Map<string, ItemState[]>();
      for (const it of imported) {
        const c = request.items[it.index].taxCategory;
        byCategory.set(c, [...(byCategory.get(c) ?? []), it]);
      }
      for (const [category, members] of byCategory) {
        const rate = tax.rates[category as keyof TaxRule['rates']]!;
        let value: Dec;
        let formula: string;
        let baseOut: string | undefined;
        const parent = tax.derivedFrom && consignmentLines.get(`${tax.derivedFrom.taxId}/${category}`);
        if (tax.derivedFrom && parent) {
          value = roundTo(parent.value.mul(dec(tax.derivedFrom.numerator)).div(dec(tax.derivedFrom.denominator)), version.rounding.tax);
          formula = `${tax.derivedFrom.numerator}/${tax.derivedFrom.denominator} × ${money(parent.value, cur)} ${tax.derivedFrom.taxId}`;
        } else {
          const raw = members.reduce((a, it) => a.add(taxBase(tax, it)), ZERO);
          const base = tax.baseRounding ? roundTo(raw, tax.baseRounding) : raw;
          value = roundTo(base.mul(dec(rate)).div(100), version.rounding.tax);
          formula = `${pct(rate)} % (${category}) × ${money(base, cur)} (customs value + duty${tax.baseRounding ? `, rounded down to ${tax.baseRounding.increment}` : ''})`;
          baseOut = formatRounded(base, tax.baseRounding ?? version.rounding.tax, cur);
        }
        consignmentLines.set(`${tax.id}/${category}`, { value, category });
        taxLines.push(line({
          kind: 'tax', code: tax.code, name: `Import ${tax.name}`, value, rounding: version.rounding.tax, ruleId: tax.id, source: tax.source, formula,
          base: baseOut, ratePercent: pct(rate), itemIndexes: members.map((m) => m.index), collectedAt: 'import', collectedBy: 'customs', payer: importPayer,
        }));
      }
    }

    // Switzerland: a small import-tax total is computed but not collected.
    const min = version.minimumTaxCollected;
    if (min) {
      const importTaxes = taxLines.filter((l) => l.collectedAt === 'import');
      const total = importTaxes.reduce((a, l) => a.add(dec(l.amount)), ZERO);
      if (importTaxes.length && inCurrency(total, min.currency).lte(dec(min.amount))) {
        for (const l of importTaxes) {
          l.waivedBecause = `import tax total ${money(total, cur)} ≤ ${min.currency} ${min.amount} is not collected (${min.source})`;
          l.formula = `${l.formula} = ${l.amount}, waived`;
          l.amount = formatRounded(ZERO, version.rounding.tax, cur);
          l.quoteAmount = formatMoney(ZERO, quoteCurrency);
        }
      }
    }

    // Fees: only for parcels that go through an import entry.
    const entered = items.some((it) => it.dutyTreatment !== 'relieved' || it.taxTreatment === 'import');
    const chargesDue = [...duties, ...taxLines].some((l) => l.collectedAt === 'import' && !dec(l.amount).isZero());
    if (entered) {
      for (const f of version.fees) {
        if (f.when.modes && !f.when.modes.includes(request.shippingMode)) continue;
        if (f.when.onlyIfImportChargesDue && !chargesDue) continue;
        const valueInFeeCurrency = inCurrency(customsTotal, f.currency);
        if (f.when.valueAbove && !valueInFeeCurrency.gt(dec(f.when.valueAbove))) continue;
        if (f.when.valueAtMost && valueInFeeCurrency.gt(dec(f.when.valueAtMost))) continue;
        let amount: Dec;
        let formula: string;
        if (f.kind === 'fixed') {
          amount = dec(f.amount!);
          formula = `fixed ${f.currency} ${f.amount} per ${f.when.valueAtMost ? `entry valued ≤ ${f.currency} ${f.when.valueAtMost}` : 'shipment'}`;
        } else {
          amount = valueInFeeCurrency.mul(dec(f.ratePercent!)).div(100);
          if (f.minimum && amount.lt(dec(f.minimum))) amount = dec(f.minimum);
          if (f.maximum && amount.gt(dec(f.maximum))) amount = dec(f.maximum);
          formula = `${pct(f.ratePercent!)} % × ${money(valueInFeeCurrency, f.currency)} entered value${f.minimum ? `, min ${f.minimum}` : ''}${f.maximum ? `, max ${f.maximum}` : ''}`;
        }
        const value = roundTo(book.convert(amount, f.currency, cur), version.rounding.fee);
        fees.push(line({
          kind: 'fee', code: f.code, name: f.name, value, rounding: version.rounding.fee, ruleId: f.id, source: f.source, formula,
          itemIndexes: [], collectedAt: 'import', collectedBy: f.leviedBy === 'carrier' ? 'carrier' : 'customs', payer: importPayer,
        }));
      }
    }
  }

  // Totals in both currencies; quote totals add up the converted lines so they match what is shown.
  const quoteOf = (amount: string, currency: string) => book.convert(dec(amount), currency, quoteCurrency);
  const goodsQuote = request.items.reduce((a, it) => a.add(quoteOf(dec(it.unitValue).mul(it.quantity).toString(), it.currency)), ZERO);
  const shippingQuote = quoteOf(request.shipping.amount, request.shipping.currency);
  const insuranceQuote = request.insurance ? quoteOf(request.insurance.amount, request.insurance.currency) : ZERO;
  const totals = (currency: string, goods: Dec, shipping: Dec, insurance: Dec, pick: (l: ChargeLine) => string): MoneyTotals => {
    const r = (v: Dec) => dec(formatMoney(v, currency));
    const sum = (ls: ChargeLine[]) => ls.reduce((a, l) => a.add(dec(pick(l))), ZERO);
    const g = r(goods); const s = r(shipping); const ins = r(insurance);
    const d = sum(duties); const t = sum(taxLines); const f = sum(fees);
    const atCheckout = sum([...duties, ...taxLines, ...fees].filter((l) => l.collectedAt === 'checkout' || ddp));
    const onDelivery = sum([...duties, ...taxLines, ...fees].filter((l) => l.collectedAt === 'import' && !ddp));
    const fmt = (v: Dec) => formatMoney(v, currency);
    return {
      currency, goods: fmt(g), shipping: fmt(s), insurance: fmt(ins), duties: fmt(d), taxes: fmt(t), fees: fmt(f),
      ddpTotal: fmt(g.add(s).add(ins).add(d).add(t).add(f)), checkoutTotal: fmt(g.add(s).add(ins).add(atCheckout)), dueOnDelivery: fmt(onDelivery),
    };
  };
  const quotedItems: QuotedItem[] = items.map((it) => ({
    index: it.index, description: request.items[it.index].description, hsCode: it.hsCode, originCountry: request.items[it.index].originCountry,
    quantity: request.items[it.index].quantity, goodsValue: formatMoney(it.goods, cur), customsValue: formatMoney(it.customsValue, cur),
    dutyRateSource: it.dutyTreatment === 'relieved' ? 'exempt' : it.dutyTreatment === 'flat' ? 'flat-rate' : it.rate?.origin,
  }));
  return {
    date: request.date,
    origin: request.origin.country,
    destination: { country: dest, ...(request.destination.region ? { region: request.destination.region } : {}) },
    incoterm: request.incoterm,
    rules: [rule],
    items: quotedItems,
    duties,
    taxes: taxLines,
    fees,
    exemptions,
    destinationTotals: totals(cur, goodsTotal, shippingDest, insuranceDest, (l) => l.amount),
    totals: totals(quoteCurrency, goodsQuote, shippingQuote, insuranceQuote, (l) => l.quoteAmount),
    payer: { duties: importPayer, importTaxes: importPayer, fees: importPayer },
    exchangeRates: book.usedRates(),
    warnings: [...new Set(warnings)],
  };
}

/**
 * Tax lines: what registered sellers charge at the checkout (on the sale price), and import VAT/GST
 * on the destination's base, per item or per rate for the whole declaration (Japan). Applies the
 * Swiss rule that a small import-tax total is not collected.
 */
import { Dec, ZERO, dec, formatMoney, formatRounded, minorUnits, pct, roundTo, type Rounding } from './money.js';
import { money, waiveSmallAmounts, type ItemState, type QuoteContext } from './quote-context.js';
import type { TaxRule } from './rule-types.js';

export function addTaxes(ctx: QuoteContext): void {
  addSellerCollectedTaxes(ctx);
  addImportTaxes(ctx);
  waiveSmallImportTax(ctx);
}

/** The seller invoices tax on its sale price (goods + transport), rounded to the minor unit. */
function addSellerCollectedTaxes(ctx: QuoteContext): void {
  const sc = ctx.version.sellerCollection;
  const seller = ctx.items.filter((it) => it.taxTreatment === 'seller');
  if (!sc || seller.length === 0) return;
  const checkoutRounding: Rounding = { increment: dec(10).pow(-minorUnits(ctx.cur)).toString(), mode: 'half-up' };
  for (const tax of ctx.taxRules) {
    for (const it of seller) {
      const category = ctx.request.items[it.index].taxCategory;
      const rate = tax.rates[category]!;
      const base = it.goods.add(it.transport);
      const value = roundTo(base.mul(dec(rate)).div(100), checkoutRounding);
      ctx.taxes.push(ctx.line({
        kind: 'tax', code: tax.code, name: `${tax.name} charged at checkout`, value, ruleId: `${sc.id}/${tax.id}`, source: `${sc.source}; ${tax.source}`,
        formula: `${pct(rate)} % (${category}) × ${money(base, ctx.cur)} sale price (goods ${formatMoney(it.goods, ctx.cur)} + transport ${formatMoney(it.transport, ctx.cur)})`,
        base: formatMoney(base, ctx.cur), ratePercent: pct(rate), itemIndexes: [it.index], collectedAt: 'checkout', collectedBy: 'seller', payer: 'buyer',
      }));
    }
  }
}

/** Import tax on the destination's base: per item, or per rate for the whole declaration (Japan). */
function addImportTaxes(ctx: QuoteContext): void {
  const imported = ctx.items.filter((it) => it.taxTreatment === 'import');
  if (imported.length === 0) return;
  const taxBase = (tax: TaxRule, it: ItemState) => {
    let base = it.customsValue;
    if (tax.baseIncludesTransport && ctx.version.customsValuation === 'FOB') base = base.add(it.transport);
    if (tax.baseIncludesDuty) base = base.add(it.duty);
    return base;
  };
  const baseText = (tax: TaxRule, it: ItemState) => `${formatMoney(it.customsValue, ctx.cur)} customs value${tax.baseIncludesTransport && ctx.version.customsValuation === 'FOB' ? ` + ${formatMoney(it.transport, ctx.cur)} transport` : ''}${tax.baseIncludesDuty ? ` + ${formatMoney(it.duty, ctx.cur)} duty` : ''}`;
  const consignmentLines = new Map<string, { value: Dec; category: string }>();
  for (const tax of ctx.taxRules) {
    if (tax.granularity === 'item') {
      for (const it of imported) {
        const category = ctx.request.items[it.index].taxCategory;
        const rate = tax.rates[category]!;
        const base = taxBase(tax, it);
        const value = roundTo(base.mul(dec(rate)).div(100), ctx.version.rounding.tax);
        ctx.taxes.push(ctx.line({
          kind: 'tax', code: tax.code, name: `Import ${tax.name}`, value, rounding: ctx.version.rounding.tax, ruleId: tax.id, source: tax.source,
          formula: `${pct(rate)} % (${category}) × ${ctx.cur} (${baseText(tax, it)})`,
          base: formatMoney(base, ctx.cur), ratePercent: pct(rate), itemIndexes: [it.index], collectedAt: 'import', collectedBy: 'customs', payer: ctx.importPayer,
        }));
      }
      continue;
    }
    const byCategory = new Map<string, ItemState[]>();
    for (const it of imported) {
      const c = ctx.request.items[it.index].taxCategory;
      byCategory.set(c, [...(byCategory.get(c) ?? []), it]);
    }
    for (const [category, members] of byCategory) {
      const rate = tax.rates[category as keyof TaxRule['rates']]!;
      let value: Dec;
      let formula: string;
      let baseOut: string | undefined;
      const parent = tax.derivedFrom && consignmentLines.get(`${tax.derivedFrom.taxId}/${category}`);
      if (tax.derivedFrom && parent) {
        value = roundTo(parent.value.mul(dec(tax.derivedFrom.numerator)).div(dec(tax.derivedFrom.denominator)), ctx.version.rounding.tax);
        formula = `${tax.derivedFrom.numerator}/${tax.derivedFrom.denominator} × ${money(parent.value, ctx.cur)} ${tax.derivedFrom.taxId}`;
      } else {
        const raw = members.reduce((a, it) => a.add(taxBase(tax, it)), ZERO);
        const base = tax.baseRounding ? roundTo(raw, tax.baseRounding) : raw;
        value = roundTo(base.mul(dec(rate)).div(100), ctx.version.rounding.tax);
        formula = `${pct(rate)} % (${category}) × ${money(base, ctx.cur)} (customs value + duty${tax.baseRounding ? `, rounded down to ${tax.baseRounding.increment}` : ''})`;
        baseOut = formatRounded(base, tax.baseRounding ?? ctx.version.rounding.tax, ctx.cur);
      }
      consignmentLines.set(`${tax.id}/${category}`, { value, category });
      ctx.taxes.push(ctx.line({
        kind: 'tax', code: tax.code, name: `Import ${tax.name}`, value, rounding: ctx.version.rounding.tax, ruleId: tax.id, source: tax.source, formula,
        base: baseOut, ratePercent: pct(rate), itemIndexes: members.map((m) => m.index), collectedAt: 'import', collectedBy: 'customs', payer: ctx.importPayer,
      }));
    }
  }
}

/** Switzerland: a small import-tax total is computed but not collected. */
function waiveSmallImportTax(ctx: QuoteContext): void {
  waiveSmallAmounts(ctx, 'tax', ctx.taxes, ctx.version.rounding.tax);
}

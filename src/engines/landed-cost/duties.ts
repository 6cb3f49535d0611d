/** Duty lines: the flat per-category regime, or the tariff rate on each item's customs value. */
import { ZERO, dec, formatMoney, pct, roundTo } from './money.js';
import { money, waiveSmallAmounts, type ItemState, type QuoteContext } from './quote-context.js';

export function addDuties(ctx: QuoteContext): void {
  const flat = ctx.version.flatDuty;
  const flatItems = ctx.items.filter((x) => x.dutyTreatment === 'flat');
  if (flat && flatItems.length) {
    const groups = new Map<string, ItemState[]>();
    for (const it of flatItems) {
      const key = it.hsCode.slice(0, flat.categoryDigits);
      groups.set(key, [...(groups.get(key) ?? []), it]);
    }
    const perCategory = roundTo(ctx.toDest(flat.amountPerCategory, flat.currency), ctx.version.rounding.duty);
    for (const [category, members] of groups) {
      const catGoods = members.reduce((a, m) => a.add(m.goods), ZERO);
      for (const m of members) m.duty = catGoods.isZero() ? perCategory.div(members.length) : perCategory.mul(m.goods).div(catGoods);
      ctx.duties.push(ctx.line({
        kind: 'duty', code: 'FLAT_DUTY', name: `Flat-rate duty, item category ${category}`, value: perCategory, rounding: ctx.version.rounding.duty,
        ruleId: flat.id, source: flat.source,
        formula: `${flat.currency} ${flat.amountPerCategory} per item category (HS ${category}), consignment ${ctx.describe(flat.threshold, ctx.measure(flat.threshold))}${ctx.cur !== flat.currency ? ` = ${ctx.cur} ${formatMoney(perCategory, ctx.cur)}` : ''}`,
        itemIndexes: members.map((m) => m.index), collectedAt: 'import', collectedBy: 'customs', payer: ctx.importPayer,
      }));
    }
  }

  for (const it of ctx.items.filter((x) => x.dutyTreatment === 'rated')) {
    const r = it.rate!;
    const req = ctx.request.items[it.index];
    const base = ctx.version.rounding.dutyBase ? roundTo(it.customsValue, ctx.version.rounding.dutyBase) : it.customsValue;
    let value = base.mul(dec(r.ratePercent)).div(100);
    let formula = `${pct(r.ratePercent)} % × ${money(base, ctx.cur)} customs value (${ctx.version.customsValuation}${ctx.version.rounding.dutyBase ? `, rounded down to ${ctx.version.rounding.dutyBase.increment}` : ''})`;
    if (r.amountPerKg && !dec(r.amountPerKg).isZero()) {
      const kg = dec(req.unitWeightGrams ?? 0).mul(req.quantity).div(1000);
      const perKg = ctx.book.convert(dec(r.amountPerKg), r.perKgCurrency ?? ctx.cur, ctx.cur);
      value = value.add(kg.mul(perKg));
      formula += ` + ${kg.toString()} kg × ${money(perKg, ctx.cur)}/kg`;
    }
    it.duty = roundTo(value, ctx.version.rounding.duty);
    if (r.origin !== 'merchant-override') ctx.warnings.push(`Item ${it.index} (${it.hsCode}): duty rate ${pct(r.ratePercent)} % from the ${r.origin === 'default-fallback' ? 'default fallback' : 'default table'}; check the national tariff or supply a tariffOverride.`);
    ctx.duties.push(ctx.line({
      kind: 'duty', code: 'DUTY', name: `Import duty (${r.label})`, value: it.duty, rounding: ctx.version.rounding.duty,
      ruleId: `${ctx.version.id}/${ctx.version.tariff}`, source: r.source, formula, base: formatMoney(base, ctx.cur), ratePercent: pct(r.ratePercent),
      itemIndexes: [it.index], collectedAt: 'import', collectedBy: 'customs', payer: ctx.importPayer,
    }));
  }

  // A waived duty is not part of the import-tax base either.
  if (waiveSmallAmounts(ctx, 'duty', ctx.duties, ctx.version.rounding.duty)) {
    for (const it of ctx.items) it.duty = ZERO;
  }
}

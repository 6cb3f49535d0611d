/** Fees (US Merchandise Processing Fee, carrier handling) for parcels that go through an import entry. */
import { dec, pct, roundTo, type Dec } from './money.js';
import { money, type QuoteContext } from './quote-context.js';

export function addFees(ctx: QuoteContext): void {
  const { version, request } = ctx;
  const entered = ctx.items.some((it) => it.dutyTreatment !== 'relieved' || (ctx.taxRules.length > 0 && it.taxTreatment === 'import'));
  if (!entered) return;
  const chargesDue = [...ctx.duties, ...ctx.taxes].some((l) => l.collectedAt === 'import' && !dec(l.amount).isZero());
  for (const f of version.fees) {
    if (f.when.modes && !f.when.modes.includes(request.shippingMode)) continue;
    if (f.when.onlyIfImportChargesDue && !chargesDue) continue;
    const valueInFeeCurrency = ctx.inCurrency(ctx.customsTotal, f.currency);
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
    const value = roundTo(ctx.book.convert(amount, f.currency, ctx.cur), version.rounding.fee);
    ctx.fees.push(ctx.line({
      kind: 'fee', code: f.code, name: f.name, value, rounding: version.rounding.fee, ruleId: f.id, source: f.source, formula,
      itemIndexes: [], collectedAt: 'import', collectedBy: f.leviedBy === 'carrier' ? 'carrier' : 'customs', payer: ctx.importPayer,
    }));
  }
}

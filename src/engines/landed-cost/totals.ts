/**
 * Subtotals and the final quote. Quote-currency totals add up the converted, rounded lines so the
 * figures shown to the shopper always sum to what is charged.
 */
import { Dec, ZERO, dec, formatMoney } from './money.js';
import type { QuoteContext } from './quote-context.js';
import type { ChargeLine, LandedCostQuote, MoneyTotals, QuotedItem } from './quote-types.js';

function totals(ctx: QuoteContext, currency: string, goods: Dec, shipping: Dec, insurance: Dec, pick: (l: ChargeLine) => Dec): MoneyTotals {
  const rounded = (v: Dec) => dec(formatMoney(v, currency));
  const sum = (ls: ChargeLine[]) => ls.reduce((a, l) => a.add(pick(l)), ZERO);
  const all = [...ctx.duties, ...ctx.taxes, ...ctx.fees];
  const g = rounded(goods);
  const s = rounded(shipping);
  const ins = rounded(insurance);
  const d = sum(ctx.duties);
  const t = sum(ctx.taxes);
  const f = sum(ctx.fees);
  const atCheckout = sum(all.filter((l) => l.collectedAt === 'checkout' || ctx.ddp));
  const onDelivery = sum(all.filter((l) => l.collectedAt === 'import' && !ctx.ddp));
  const fmt = (v: Dec) => formatMoney(v, currency);
  return {
    currency, goods: fmt(g), shipping: fmt(s), insurance: fmt(ins), duties: fmt(d), taxes: fmt(t), fees: fmt(f),
    ddpTotal: fmt(g.add(s).add(ins).add(d).add(t).add(f)), checkoutTotal: fmt(g.add(s).add(ins).add(atCheckout)), dueOnDelivery: fmt(onDelivery),
  };
}

export function buildQuote(ctx: QuoteContext): LandedCostQuote {
  const { request, version, book, cur, quoteCurrency } = ctx;
  // Goods and transport go straight from the merchant's currency to the quote currency, so a quote
  // in the merchant's own currency shows its prices unchanged.
  const quoteOf = (amount: Dec, currency: string) => book.convert(amount, currency, quoteCurrency);
  const goodsQuote = request.items.reduce((a, it) => a.add(quoteOf(dec(it.unitValue).mul(it.quantity), it.currency)), ZERO);
  const shippingQuote = quoteOf(dec(request.shipping.amount), request.shipping.currency);
  const insuranceQuote = request.insurance ? quoteOf(dec(request.insurance.amount), request.insurance.currency) : ZERO;
  const items: QuotedItem[] = ctx.items.map((it) => {
    const item = request.items[it.index];
    return {
      index: it.index, description: item.description, hsCode: it.hsCode, originCountry: item.originCountry, quantity: item.quantity,
      goodsValue: formatMoney(it.goods, cur), customsValue: formatMoney(it.customsValue, cur),
      dutyRateSource: it.dutyTreatment === 'relieved' ? 'exempt' : it.dutyTreatment === 'flat' ? 'flat-rate' : it.rate?.origin,
    };
  });
  return {
    date: request.date,
    origin: request.origin.country,
    destination: { country: request.destination.country, ...(request.destination.region ? { region: request.destination.region } : {}) },
    incoterm: request.incoterm,
    rules: [{ id: version.id, effectiveFrom: version.effectiveFrom, effectiveUntil: version.effectiveUntil, sources: version.sources, notes: version.notes }],
    items,
    duties: ctx.duties,
    taxes: ctx.taxes,
    fees: ctx.fees,
    exemptions: ctx.exemptions,
    destinationTotals: totals(ctx, cur, ctx.goodsTotal, ctx.shipping, ctx.insurance, (l) => ctx.lineValues.get(l)!.amount),
    totals: totals(ctx, quoteCurrency, goodsQuote, shippingQuote, insuranceQuote, (l) => ctx.lineValues.get(l)!.quote),
    payer: { duties: ctx.importPayer, importTaxes: ctx.importPayer, fees: ctx.importPayer },
    exchangeRates: book.usedRates(),
    warnings: [...new Set(ctx.warnings)],
  };
}

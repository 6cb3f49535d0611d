/**
 * The state of one quote in progress: values per item in the destination currency, the lines and
 * exemptions found so far, and the conversions and formatting every step shares.
 */
import type { ExchangeRates } from './exchange-rates.js';
import { Dec, ZERO, dec, formatMoney, formatRounded, type Rounding } from './money.js';
import type { Prepared, ResolvedDutyRate } from './prepare.js';
import type { ChargeLine, Exemption } from './quote-types.js';
import type { Threshold } from './rule-types.js';

export type DutyTreatment = 'relieved' | 'flat' | 'rated';
export type TaxTreatment = 'seller' | 'import' | 'relieved';

export interface ItemState {
  index: number;
  hsCode: string;
  /** All amounts in the destination currency, unrounded. */
  goods: Dec;
  unitGoods: Dec;
  /** The item's share of transport and insurance, by value. */
  transport: Dec;
  customsValue: Dec;
  duty: Dec;
  dutyTreatment: DutyTreatment;
  taxTreatment: TaxTreatment;
  rate?: ResolvedDutyRate;
}

export type LineDraft = Omit<ChargeLine, 'amount' | 'quoteAmount' | 'quoteCurrency' | 'currency'> & { value: Dec; rounding?: Rounding };

export function qualifies(value: Dec, t: Threshold): boolean {
  const c = value.cmp(dec(t.amount));
  return t.comparison === 'lte' ? c <= 0 : c < 0;
}

export function money(v: Dec, currency: string): string {
  return `${currency} ${formatMoney(v, currency)}`;
}

export class QuoteContext {
  readonly request: Prepared['request'];
  readonly version: Prepared['version'];
  readonly book: Prepared['book'];
  readonly taxRules: Prepared['taxes'];
  readonly cur: string;
  readonly quoteCurrency: string;
  readonly ddp: boolean;
  readonly importPayer: 'seller' | 'buyer';
  readonly warnings: string[] = [];
  readonly exemptions: Exemption[] = [];
  readonly duties: ChargeLine[] = [];
  readonly taxes: ChargeLine[] = [];
  readonly fees: ChargeLine[] = [];
  readonly items: ItemState[];
  readonly shipping: Dec;
  readonly insurance: Dec;
  readonly goodsTotal: Dec;
  readonly customsTotal: Dec;

  constructor(readonly prepared: Prepared, readonly rates: ExchangeRates) {
    const { request, version } = prepared;
    this.request = request;
    this.version = version;
    this.book = prepared.book;
    this.taxRules = prepared.taxes;
    this.cur = version.currency;
    this.quoteCurrency = request.currency ?? request.items[0].currency;
    this.ddp = request.incoterm === 'DDP';
    this.importPayer = this.ddp ? 'seller' : 'buyer';

    // Transport and insurance are spread over the items by value (CIF destinations add them to the customs value).
    this.shipping = this.toDest(request.shipping.amount, request.shipping.currency);
    this.insurance = request.insurance ? this.toDest(request.insurance.amount, request.insurance.currency) : ZERO;
    const transportTotal = this.shipping.add(this.insurance);
    const goodsEach = request.items.map((it) => this.toDest(dec(it.unitValue).mul(it.quantity), it.currency));
    this.goodsTotal = goodsEach.reduce((a, b) => a.add(b), ZERO);
    const factor = version.personalUseValueFactor && request.purpose === 'personal' ? dec(version.personalUseValueFactor.factor) : null;
    if (factor) this.warnings.push(`Personal import: goods valued at ${factor.mul(100).toString()} % of the retail price (${version.personalUseValueFactor!.source}).`);
    this.items = request.items.map((it, i) => {
      const share = this.goodsTotal.isZero() ? dec(1).div(request.items.length) : goodsEach[i].div(this.goodsTotal);
      const transport = transportTotal.mul(share);
      const valuedGoods = factor ? goodsEach[i].mul(factor) : goodsEach[i];
      return {
        index: i, hsCode: it.hsCode, goods: goodsEach[i], unitGoods: goodsEach[i].div(it.quantity), transport,
        customsValue: version.customsValuation === 'CIF' ? valuedGoods.add(transport) : valuedGoods,
        duty: ZERO, dutyTreatment: 'rated', taxTreatment: 'import', rate: prepared.rates[i],
      };
    });
    this.customsTotal = this.items.reduce((a, it) => a.add(it.customsValue), ZERO);
  }

  toDest(amount: string | Dec, from: string): Dec {
    return this.book.convert(dec(amount), from, this.cur);
  }

  /** A destination-currency amount in another currency (thresholds, fees). */
  inCurrency(amount: Dec, currency: string): Dec {
    return this.book.convert(amount, this.cur, currency);
  }

  /** The value a threshold is measured on, in the threshold's currency. */
  measure(t: Threshold, item?: ItemState): Dec {
    const value = t.measure === 'goods' ? this.goodsTotal : t.measure === 'customs-value' ? this.customsTotal : item!.unitGoods;
    return this.inCurrency(value, t.currency);
  }

  describe(t: Threshold, value: Dec = this.measure(t)): string {
    const what = t.measure === 'item' ? 'item value' : t.measure === 'goods' ? 'goods value' : 'customs value';
    return `${what} ${money(value, t.currency)} ${t.comparison === 'lte' ? '≤' : '<'} ${t.currency} ${t.amount}`;
  }

  /** Rounded amounts of each line as decimals, so totals need not parse the strings back. */
  readonly lineValues = new Map<ChargeLine, { amount: Dec; quote: Dec }>();

  line(d: LineDraft): ChargeLine {
    const quote = dec(formatMoney(this.book.convert(d.value, this.cur, this.quoteCurrency), this.quoteCurrency));
    // Built property by property (not with spreads): this runs for every line of every quote.
    const l: ChargeLine = {
      kind: d.kind, code: d.code, name: d.name,
      amount: d.rounding ? formatRounded(d.value, d.rounding, this.cur) : formatMoney(d.value, this.cur),
      currency: this.cur, quoteAmount: formatMoney(quote, this.quoteCurrency), quoteCurrency: this.quoteCurrency,
      ruleId: d.ruleId, source: d.source, formula: d.formula,
      itemIndexes: d.itemIndexes, collectedAt: d.collectedAt, collectedBy: d.collectedBy, payer: d.payer,
    };
    if (d.base !== undefined) l.base = d.base;
    if (d.ratePercent !== undefined) l.ratePercent = d.ratePercent;
    this.lineValues.set(l, { amount: dec(l.amount), quote });
    return l;
  }
}

/**
 * Destinations that do not collect small amounts (Switzerland: CHF 5 per declaration, duty and tax
 * separately): the lines stay visible with their computation, at zero, saying why.
 */
export function waiveSmallAmounts(ctx: QuoteContext, kind: 'duty' | 'tax', lines: ChargeLine[], rounding: Rounding): boolean {
  const min = ctx.version.minimumCollected;
  if (!min || !min.appliesTo.includes(kind)) return false;
  const atImport = lines.filter((l) => l.collectedAt === 'import');
  if (atImport.length === 0) return false;
  const total = atImport.reduce((a, l) => a.add(dec(l.amount)), ZERO);
  if (total.isZero() || ctx.inCurrency(total, min.currency).gt(dec(min.amount))) return false;
  for (const l of atImport) {
    l.waivedBecause = `${kind === 'duty' ? 'duty' : 'import tax'} total ${money(total, ctx.cur)} ≤ ${min.currency} ${min.amount} is not collected (${min.source})`;
    l.formula = `${l.formula} = ${l.amount}, waived`;
    l.amount = formatRounded(ZERO, rounding, ctx.cur);
    l.quoteAmount = formatMoney(ZERO, ctx.quoteCurrency);
    ctx.lineValues.set(l, { amount: ZERO, quote: ZERO });
  }
  return true;
}

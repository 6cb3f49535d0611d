/**
 * Checks a quote without trusting the engine: every line carries its rule, source and formula;
 * ad valorem lines recompute from their printed base and rate within one rounding step; totals
 * add up in both currencies; what is due at checkout and on delivery sums to the DDP total.
 */
import { Decimal as BaseDecimal } from 'decimal.js';
import type { LandedCostQuote } from '../../src/engines/landed-cost/index.js';

/** Enough digits for the largest amounts the request schema allows (14 integer digits × a million units). */
const Decimal = BaseDecimal.clone({ precision: 40 });

const ROUNDING_SLACK: Record<string, string> = { JPY: '100', CHF: '0.05', HUF: '1', CZK: '1' };

export function verifyQuote(q: LandedCostQuote): string[] {
  const problems: string[] = [];
  const lines = [...q.duties, ...q.taxes, ...q.fees];
  for (const l of lines) {
    const where = `${q.destination.country} ${l.code} ${l.itemIndexes.join(',')}`;
    if (!l.ruleId || !l.source || !l.formula) problems.push(`${where}: missing rule, source or formula`);
    if (!/^\d+(\.\d+)?$/.test(l.amount) || !/^\d+(\.\d+)?$/.test(l.quoteAmount)) problems.push(`${where}: amount ${l.amount}/${l.quoteAmount} is not a non-negative decimal string`);
    // Specific (per-kg) duties are not a rate on the base; only pure ad valorem lines are recomputed.
    if (l.base && l.ratePercent && !l.waivedBecause && !l.formula.includes('/kg')) {
      const expected = new Decimal(l.base).mul(l.ratePercent).div(100);
      const slack = new Decimal(ROUNDING_SLACK[l.currency] ?? '0.01');
      if (expected.sub(l.amount).abs().gt(slack)) problems.push(`${where}: ${l.ratePercent} % × ${l.base} = ${expected.toFixed(4)} but line says ${l.amount}`);
    }
    if (l.collectedAt === 'checkout' && l.collectedBy !== 'seller') problems.push(`${where}: collected at checkout by ${l.collectedBy}`);
    if (l.collectedAt === 'import' && l.payer !== (q.incoterm === 'DDP' ? 'seller' : 'buyer')) problems.push(`${where}: payer ${l.payer} under ${q.incoterm}`);
  }
  for (const [t, pick] of [[q.totals, 'quoteAmount'], [q.destinationTotals, 'amount']] as const) {
    const sum = (ls: typeof lines) => ls.reduce((a, l) => a.add(l[pick]), new Decimal(0));
    if (!sum(q.duties).eq(t.duties) || !sum(q.taxes).eq(t.taxes) || !sum(q.fees).eq(t.fees)) problems.push(`${t.currency}: line sums differ from subtotals`);
    const ddp = new Decimal(t.goods).add(t.shipping).add(t.insurance).add(t.duties).add(t.taxes).add(t.fees);
    if (!ddp.eq(t.ddpTotal)) problems.push(`${t.currency}: DDP total ${t.ddpTotal} ≠ ${ddp.toFixed(2)}`);
    if (!new Decimal(t.checkoutTotal).add(t.dueOnDelivery).eq(t.ddpTotal)) problems.push(`${t.currency}: checkout + on delivery ≠ DDP total`);
  }
  return problems;
}

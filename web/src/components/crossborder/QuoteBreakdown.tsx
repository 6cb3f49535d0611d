/** The quote as a merchant reads it: each duty, tax and fee with its rule and formula, then who pays what. */
import { formatMoney } from '../../lib/format';
import type { ChargeLine, Quote } from './types';

const KIND_BADGE: Record<ChargeLine['kind'], string> = { duty: 'badge-purple', tax: 'badge-blue', fee: 'badge-amber' };

function ChargeRow({ line, quote }: { line: ChargeLine; quote: Quote }) {
  const items = line.itemIndexes.length ? line.itemIndexes.map((i) => quote.items[i]?.description ?? `item ${i + 1}`).join(', ') : 'whole parcel';
  return (
    <tr data-testid="charge-line">
      <td>
        <span className={`badge ${KIND_BADGE[line.kind]}`}>{line.code}</span>
        <div className="cell-title">{line.name}</div>
        <div className="cell-sub">{items}</div>
      </td>
      <td className="cross-border-formula">
        <div>{line.formula}</div>
        {line.waivedBecause ? <div className="cell-sub">waived: {line.waivedBecause}</div> : null}
        <div className="cell-sub" title={line.source}>
          rule <code>{line.ruleId}</code> · {line.source.length > 140 ? `${line.source.slice(0, 140)}…` : line.source}
        </div>
      </td>
      <td className="nowrap">
        {line.collectedAt === 'checkout' ? 'at checkout' : 'at import'}
        <div className="cell-sub">{line.payer} pays · {line.collectedBy} collects</div>
      </td>
      <td className="num nowrap">
        <strong>{formatMoney(line.amount, line.currency)}</strong>
        {line.currency !== line.quoteCurrency ? <div className="cell-sub">{formatMoney(line.quoteAmount, line.quoteCurrency)}</div> : null}
      </td>
    </tr>
  );
}

export function QuoteBreakdown({ quote, exampleRates }: { quote: Quote; exampleRates: boolean }) {
  const t = quote.totals;
  const lines = [...quote.duties, ...quote.taxes, ...quote.fees];
  const money = (v: string) => formatMoney(v, t.currency);
  return (
    <div className="cross-border-quote" data-testid="quote">
      <div className="kpi-grid">
        <div className="card kpi"><div className="kpi-label">DDP total</div><div className="kpi-value" data-testid="quote-ddp">{money(t.ddpTotal)}</div><div className="kpi-hint">goods, transport, duties, taxes, fees</div></div>
        <div className="card kpi"><div className="kpi-label">Charge at checkout</div><div className="kpi-value" data-testid="quote-checkout">{money(t.checkoutTotal)}</div><div className="kpi-hint">under {quote.incoterm}</div></div>
        <div className="card kpi"><div className="kpi-label">Due on delivery</div><div className="kpi-value" data-testid="quote-due">{money(t.dueOnDelivery)}</div><div className="kpi-hint">{Number(t.dueOnDelivery) > 0 ? 'the buyer pays the carrier' : 'nothing left to pay'}</div></div>
        <div className="card kpi"><div className="kpi-label">Duties + taxes + fees</div><div className="kpi-value">{formatMoney(String(Number(t.duties) + Number(t.taxes) + Number(t.fees)), t.currency)}</div><div className="kpi-hint">duties {money(t.duties)} · taxes {money(t.taxes)} · fees {money(t.fees)}</div></div>
      </div>

      {exampleRates ? (
        <div className="callout callout-warn" data-testid="example-rates-note">
          Converted with example exchange rates: import the ECB file or your own rates below for a quote you can charge.
        </div>
      ) : null}

      <div className="table-wrap">
        <table className="table" data-testid="charges-table">
          <thead><tr><th>Charge</th><th>Formula, rule and source</th><th>When, who</th><th className="num">Amount</th></tr></thead>
          <tbody>
            {lines.length ? lines.map((l, i) => <ChargeRow key={i} line={l} quote={quote} />) : (
              <tr><td colSpan={4} className="muted">No duty, tax or fee is due on this parcel (see why below).</td></tr>
            )}
          </tbody>
          <tfoot>
            <tr><td colSpan={3}>Goods</td><td className="num">{money(t.goods)}</td></tr>
            <tr><td colSpan={3}>Shipping{Number(t.insurance) ? ' and insurance' : ''}</td><td className="num">{money(String(Number(t.shipping) + Number(t.insurance)))}</td></tr>
            <tr className="cross-border-total"><td colSpan={3}>Landed cost (DDP)</td><td className="num">{money(t.ddpTotal)}</td></tr>
          </tfoot>
        </table>
      </div>

      {quote.exemptions.length ? (
        <div className="cross-border-notes" data-testid="exemptions">
          <h3>Not charged, and why</h3>
          <ul>{quote.exemptions.map((e, i) => <li key={i}><span className="badge badge-muted">{e.kind}</span> {e.detail} <span className="muted small">({e.ruleId})</span></li>)}</ul>
        </div>
      ) : null}
      {quote.warnings.length ? (
        <div className="callout callout-warn cross-border-warnings" data-testid="quote-warnings">
          <ul>{quote.warnings.map((w, i) => <li key={i}>{w}</li>)}</ul>
        </div>
      ) : null}
      <div className="cross-border-meta muted small">
        <div>
          Who pays: duties <strong>{quote.payer.duties}</strong>, import taxes <strong>{quote.payer.importTaxes}</strong>, fees <strong>{quote.payer.fees}</strong>.
          {' '}Rules: {quote.rules.map((r) => `${r.id} (from ${r.effectiveFrom}${r.effectiveUntil ? ` to ${r.effectiveUntil}` : ''})`).join(', ')}.
        </div>
        {quote.exchangeRates.length ? (
          <div>Rates: {quote.exchangeRates.map((r) => `${r.from}→${r.to} ${r.rate} (${r.date}, ${r.source})`).join('; ')}.</div>
        ) : null}
      </div>
    </div>
  );
}

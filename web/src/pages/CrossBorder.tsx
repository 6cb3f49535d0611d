/**
 * Cross-border: what a foreign shopper pays on top of the price (duties, taxes, fees, each with
 * its rule and formula), who pays it under the chosen incoterm, and the customs papers for the
 * parcel. Opens on one of the merchant's own orders abroad.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { request } from '../api/client';
import { DocumentPreview } from '../components/crossborder/DocumentPreview';
import { HsCodeInput } from '../components/crossborder/HsCodeInput';
import { QuoteBreakdown } from '../components/crossborder/QuoteBreakdown';
import { exampleRates, FALLBACK_FORM, loadDemoExample } from '../components/crossborder/demo';
import {
  DESTINATIONS, INCOTERMS, REGISTRATION_SCHEMES, requestBody, type ItemForm, type Quote, type QuoteForm, type RateTable,
} from '../components/crossborder/types';
import { Icon } from '../components/Icon';
import { PageHeader } from '../components/PageHeader';
import { ErrorBox, Loading } from '../components/States';
import { countryName } from '../lib/countries';

interface StoredTable extends RateTable {
  id: string;
}

export default function CrossBorderPage() {
  const [form, setForm] = useState<QuoteForm | null>(null);
  const [orderId, setOrderId] = useState('');
  const [stored, setStored] = useState<StoredTable[] | null>(null);
  const [quote, setQuote] = useState<{ quote: Quote; example: boolean } | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const [loadError, setLoadError] = useState<Error | null>(null);
  const autoQuoted = useRef(false);

  const loadRates = useCallback(async () => {
    const r = await request<{ data: StoredTable[] }>('/v1/exchange-rates', { query: { limit: 5 } });
    setStored(r.data);
  }, []);

  useEffect(() => {
    const ctl = new AbortController();
    Promise.all([loadDemoExample(ctl.signal), loadRates()])
      .then(([demo]) => {
        setForm(demo.form);
        setOrderId(demo.order?.externalId ?? '');
      })
      .catch((e: Error) => {
        if (e.name === 'AbortError') return;
        setLoadError(e);
        setForm(FALLBACK_FORM);
      });
    return () => ctl.abort();
  }, [loadRates]);

  /** Stored rates are used when they cover the date; otherwise the example rates, said out loud. */
  const ratesFor = (date: string): RateTable[] | undefined => {
    const usable = stored?.some((t) => t.date <= date && Date.parse(date) - Date.parse(t.date) <= 31 * 86_400_000);
    return usable ? undefined : exampleRates(date);
  };

  const calculate = useCallback(async (f: QuoteForm) => {
    setBusy(true);
    setError(null);
    const rates = ratesFor(f.date);
    try {
      const q = await request<Quote>('/v1/landed-cost', { method: 'POST', json: requestBody(f, rates) });
      setQuote({ quote: q, example: !!rates });
    } catch (e) {
      setQuote(null);
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  }, [stored]);

  useEffect(() => {
    if (form && stored && !autoQuoted.current) {
      autoQuoted.current = true;
      void calculate(form);
    }
  }, [form, stored, calculate]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (form) void calculate(form);
  };

  return (
    <section className="page" data-testid="page-cross-border">
      <PageHeader
        title="Cross-border"
        subtitle="The full landed cost of a parcel abroad (duties, taxes and fees, each with the rule behind it), who pays what, and the customs papers to print."
      />
      {loadError ? <ErrorBox error={loadError} title="Could not load an example order; showing a sample parcel" /> : null}
      {!form ? <Loading label="Loading an example order…" /> : (
        <>
          <div className="cross-border-layout">
            <form className="card cross-border-form" onSubmit={submit} data-testid="quote-form">
              <div className="card-header">
                <h2>Landed-cost calculator</h2>
                {orderId ? <span className="muted small">prefilled from order {orderId}</span> : null}
              </div>
              <QuoteFields form={form} onChange={setForm} />
              <button type="submit" className="btn btn-primary" disabled={busy} data-testid="quote-submit">
                {busy ? 'Calculating…' : 'Calculate landed cost'}
              </button>
            </form>
            <div className="card cross-border-result">
              <div className="card-header">
                <h2>
                  Breakdown {quote ? <span className="muted">· {quote.quote.origin} → {countryName(quote.quote.destination.country)}</span> : null}
                </h2>
              </div>
              {busy && !quote ? <Loading label="Calculating…" /> : null}
              {error ? <ErrorBox error={error} title="The landed cost cannot be quoted" /> : null}
              {quote ? <QuoteBreakdown quote={quote.quote} exampleRates={quote.example} /> : null}
            </div>
          </div>
          <RatesCard stored={stored} onImported={() => void loadRates()} />
          <DocumentPreview orderId={orderId} incoterm={form.incoterm} rates={ratesFor(form.date)} />
        </>
      )}
    </section>
  );
}

function QuoteFields({ form, onChange }: { form: QuoteForm; onChange: (f: QuoteForm) => void }) {
  const set = <K extends keyof QuoteForm>(key: K, value: QuoteForm[K]) => onChange({ ...form, [key]: value });
  const setItem = (i: number, patch: Partial<ItemForm>) => set('items', form.items.map((it, k) => (k === i ? { ...it, ...patch } : it)));
  return (
    <div className="cross-border-fields">
      <div className="cross-border-row">
        <label>From <input className="input" value={form.originCountry} maxLength={2} onChange={(e) => set('originCountry', e.target.value.toUpperCase())} data-testid="quote-origin" /></label>
        <label>To
          <select className="input" value={form.destinationCountry} onChange={(e) => set('destinationCountry', e.target.value)} data-testid="quote-destination">
            {[...DESTINATIONS].sort((a, b) => countryName(a).localeCompare(countryName(b))).map((c) => <option key={c} value={c}>{countryName(c)} ({c})</option>)}
          </select>
        </label>
        {form.destinationCountry === 'CA' ? (
          <label>Province <input className="input" value={form.destinationRegion} maxLength={3} onChange={(e) => set('destinationRegion', e.target.value.toUpperCase())} placeholder="ON" /></label>
        ) : null}
        <label>Date <input className="input" type="date" value={form.date} onChange={(e) => set('date', e.target.value)} /></label>
      </div>
      <div className="cross-border-row">
        <label>Incoterm
          <select className="input" value={form.incoterm} onChange={(e) => set('incoterm', e.target.value)} data-testid="quote-incoterm">
            {INCOTERMS.map((t) => <option key={t} value={t}>{t}{t === 'DDP' ? ' (seller pays import charges)' : t === 'DAP' ? ' (buyer pays on delivery)' : ''}</option>)}
          </select>
        </label>
        <label>Shipping <input className="input input-narrow" value={form.shippingAmount} onChange={(e) => set('shippingAmount', e.target.value)} data-testid="quote-shipping" /></label>
        <label>Currency <input className="input cross-border-ccy" value={form.currency} maxLength={3} onChange={(e) => onChange({ ...form, currency: e.target.value.toUpperCase(), shippingCurrency: e.target.value.toUpperCase() })} data-testid="quote-currency" /></label>
        <label>Mode
          <select className="input" value={form.shippingMode} onChange={(e) => set('shippingMode', e.target.value as QuoteForm['shippingMode'])}>
            <option value="courier">courier</option>
            <option value="postal">postal</option>
          </select>
        </label>
      </div>

      <table className="table cross-border-items" data-testid="quote-items">
        <thead><tr><th>Item</th><th>HS code</th><th>Origin</th><th>Qty</th><th>Unit value</th><th /></tr></thead>
        <tbody>
          {form.items.map((it, i) => (
            <tr key={i}>
              <td><input className="input" value={it.description} onChange={(e) => setItem(i, { description: e.target.value })} aria-label="Description" /></td>
              <td><HsCodeInput value={it.hsCode} onChange={(code) => setItem(i, { hsCode: code })} testId={`quote-hs-${i}`} /></td>
              <td><input className="input cross-border-ccy" value={it.originCountry} maxLength={2} onChange={(e) => setItem(i, { originCountry: e.target.value.toUpperCase() })} aria-label="Origin" /></td>
              <td><input className="input cross-border-qty" type="number" min={1} value={it.quantity} onChange={(e) => setItem(i, { quantity: Math.max(1, Math.round(Number(e.target.value) || 1)) })} aria-label="Quantity" /></td>
              <td className="nowrap"><input className="input cross-border-money" value={it.unitValue} onChange={(e) => setItem(i, { unitValue: e.target.value })} aria-label="Unit value" /> <span className="muted small">{it.currency}</span></td>
              <td>
                <button type="button" className="btn btn-ghost" title="Remove" disabled={form.items.length === 1} onClick={() => set('items', form.items.filter((_, k) => k !== i))}>×</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="link-button" onClick={() => set('items', [...form.items, { description: '', hsCode: '', originCountry: form.originCountry, quantity: 1, unitValue: '0.00', currency: form.currency }])}>
        + Add item
      </button>

      <details className="cross-border-regs">
        <summary>Seller registrations {Object.values(form.registrations).some((v) => v.trim()) ? `(${Object.entries(form.registrations).filter(([, v]) => v.trim()).map(([k]) => k).join(', ')})` : '(none)'}</summary>
        <div className="cross-border-row">
          {REGISTRATION_SCHEMES.map((r) => (
            <label key={r.scheme}>{r.label}
              <input className="input input-narrow" value={form.registrations[r.scheme] ?? ''} placeholder="number" onChange={(e) => set('registrations', { ...form.registrations, [r.scheme]: e.target.value })} data-testid={`quote-reg-${r.scheme}`} />
            </label>
          ))}
        </div>
        <p className="field-hint">A registered seller collects the destination's VAT/GST at checkout (IOSS up to €150, UK up to £135, VOEC, Australian and Singapore low-value GST).</p>
      </details>
    </div>
  );
}

function RatesCard({ stored, onImported }: { stored: StoredTable[] | null; onImported: () => void }) {
  const [error, setError] = useState<Error | null>(null);
  const [message, setMessage] = useState('');
  const latest = stored?.[0];
  const importFile = async (file: File) => {
    setError(null);
    setMessage('');
    try {
      const text = await file.text();
      const xml = text.trimStart().startsWith('<');
      const r = await request<{ tables: number; from: string; to: string; currencies: string[] }>('/v1/exchange-rates', {
        method: 'POST', ...(xml ? { body: text, contentType: 'application/xml' } : { json: JSON.parse(text) as unknown }),
      });
      setMessage(`${r.tables} table(s) from ${r.from} to ${r.to} stored (${r.currencies.length} currencies).`);
      onImported();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <div className="card cross-border-rates" data-testid="rates-card">
      <div className="card-header">
        <h2>Exchange rates</h2>
        <label className="btn btn-secondary">
          <Icon name="upload" size={16} /> Import ECB XML or JSON
          <input type="file" accept=".xml,.json,application/xml,text/xml,application/json" hidden onChange={(e) => { const f = e.target.files?.[0]; if (f) void importFile(f); e.target.value = ''; }} data-testid="rates-file" />
        </label>
      </div>
      {latest ? (
        <p className="muted" data-testid="rates-latest">
          Latest stored table: {latest.date}, {Object.keys(latest.rates).length} currencies per {latest.base} ({latest.source}). Quotes use the latest table on or before their date (at most 31 days old).
        </p>
      ) : (
        <p className="muted" data-testid="rates-none">
          No rates stored yet: quotes here use example rates. Import the ECB reference rates (<code>eurofxref-daily.xml</code> or <code>eurofxref-hist.xml</code>), or JSON <code>{'{ "date", "base", "rates" }'}</code>; add <code>XDR</code> to check the CN22 limit of 300 SDR.
        </p>
      )}
      {message ? <div className="callout callout-ok">{message}</div> : null}
      {error ? <ErrorBox error={error} title="Rates not imported" /> : null}
    </div>
  );
}

/** Data: import CSV files (orders, products, warehouses, inventory), download templates, browse what is stored. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, downloadFile, request } from '../api/client';
import type { ImportKind, ImportResult, Order, Product } from '../api/types';
import { usePaged } from '../api/usePaged';
import { Icon } from '../components/Icon';
import { PageHeader } from '../components/PageHeader';
import { Empty, ErrorBox, Loading } from '../components/States';
import { countryName } from '../lib/countries';
import { formatDateTime, formatInt, formatMoney } from '../lib/format';
import { routeParams } from '../lib/router';

const KINDS: { kind: ImportKind; label: string; hint: string }[] = [
  { kind: 'orders', label: 'Orders', hint: 'One row per order line; lines with the same order id form one order.' },
  { kind: 'products', label: 'Products', hint: 'SKU, dimensions (mm), weight (g), value, HS code and origin.' },
  { kind: 'warehouses', label: 'Warehouses', hint: 'Code, address, coordinates, capacity and fixed cost.' },
  { kind: 'inventory', label: 'Inventory', hint: 'Stock on hand per SKU and warehouse code.' },
];

export default function DataPage() {
  return (
    <section className="page" data-testid="page-data">
      <PageHeader title="Data" subtitle="Bring your catalogue, warehouses, stock and order history into Portolan, and browse what is stored." />
      <ImportCard />
      <BrowseCard />
    </section>
  );
}

function isImportResult(body: unknown): body is ImportResult {
  return !!body && typeof body === 'object' && 'rowsRead' in body && Array.isArray((body as ImportResult).errors);
}

function ImportCard() {
  const [kind, setKind] = useState<ImportKind>('orders');
  const [file, setFile] = useState<File | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ result: ImportResult; rejected: boolean } | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [templateError, setTemplateError] = useState<Error | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const r = await request<ImportResult>(`/v1/imports/${kind}`, {
        method: 'POST',
        query: { skipInvalid },
        body: file,
        contentType: 'text/csv',
      });
      setResult({ result: r, rejected: false });
    } catch (err) {
      // A 422 carries the full report: nothing was written, and the rows at fault are listed.
      if (err instanceof ApiError && err.status === 422 && isImportResult(err.body)) setResult({ result: err.body, rejected: true });
      else setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  const template = async (k: ImportKind) => {
    setTemplateError(null);
    try {
      await downloadFile(`/v1/imports/templates/${k}`, `portolan-${k}-template.csv`);
    } catch (err) {
      setTemplateError(err as Error);
    }
  };

  const current = KINDS.find((k) => k.kind === kind)!;

  return (
    <div className="card" data-testid="import-card">
      <div className="card-header">
        <h2>Import CSV</h2>
        <div className="template-links">
          <span className="muted small">Templates:</span>
          {KINDS.map((k) => (
            <button key={k.kind} type="button" className="link-button" onClick={() => void template(k.kind)} data-testid={`template-${k.kind}`}>
              <Icon name="download" size={14} /> {k.label}
            </button>
          ))}
        </div>
      </div>
      {templateError ? <ErrorBox error={templateError} title="Could not download the template" /> : null}
      <form className="import-form" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="import-kind">What are you importing?</label>
          <div className="segmented" role="radiogroup" id="import-kind">
            {KINDS.map((k) => (
              <button
                key={k.kind}
                type="button"
                role="radio"
                aria-checked={k.kind === kind}
                className={k.kind === kind ? 'active' : ''}
                onClick={() => {
                  setKind(k.kind);
                  setResult(null);
                }}
                data-testid={`import-kind-${k.kind}`}
              >
                {k.label}
              </button>
            ))}
          </div>
          <p className="field-hint">{current.hint}</p>
        </div>
        <div className="field">
          <label htmlFor="import-file">CSV file</label>
          <input
            id="import-file"
            ref={fileInput}
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setResult(null);
            }}
            data-testid="import-file"
          />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} data-testid="import-skip-invalid" />
          Skip invalid rows <span className="muted">(otherwise any invalid row rejects the whole file)</span>
        </label>
        <div>
          <button type="submit" className="btn btn-primary" disabled={!file || busy} data-testid="import-submit">
            <Icon name="upload" size={16} /> {busy ? 'Importing…' : `Import ${current.label.toLowerCase()}`}
          </button>
        </div>
      </form>
      {busy ? <Loading label={`Importing ${file?.name ?? ''}…`} /> : null}
      {error ? <ErrorBox error={error} title="Import failed" /> : null}
      {result ? <ImportReport {...result} /> : null}
    </div>
  );
}

function ImportReport({ result, rejected }: { result: ImportResult; rejected: boolean }) {
  return (
    <div className="import-result" data-testid="import-result">
      <div className={`callout ${rejected ? 'callout-error' : result.errors.length ? 'callout-warn' : 'callout-ok'}`}>
        {rejected
          ? `Nothing was imported: ${formatInt(result.errors.length)} problem${result.errors.length === 1 ? '' : 's'} found. Fix the rows below or tick “Skip invalid rows”.`
          : result.errors.length
            ? `Imported with ${formatInt(result.skipped)} row${result.skipped === 1 ? '' : 's'} skipped.`
            : 'Import complete.'}
      </div>
      <dl className="stat-row">
        <div>
          <dt>Rows read</dt>
          <dd data-testid="import-rows-read">{formatInt(result.rowsRead)}</dd>
        </div>
        <div>
          <dt>Inserted</dt>
          <dd data-testid="import-inserted">{formatInt(result.inserted)}</dd>
        </div>
        <div>
          <dt>Updated</dt>
          <dd data-testid="import-updated">{formatInt(result.updated)}</dd>
        </div>
        <div>
          <dt>Skipped</dt>
          <dd data-testid="import-skipped">{formatInt(result.skipped)}</dd>
        </div>
      </dl>
      {result.errors.length ? (
        <div className="table-wrap scroll-y">
          <table className="table compact" data-testid="import-errors">
            <thead>
              <tr>
                <th className="num">Row</th>
                <th>Column</th>
                <th>Reason</th>
              </tr>
            </thead>
            <tbody>
              {result.errors.map((e, i) => (
                <tr key={i}>
                  <td className="num">{e.row}</td>
                  <td>
                    <code>{e.column}</code>
                  </td>
                  <td>{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

function BrowseCard() {
  const [tab, setTab] = useState<'products' | 'orders'>(() => (routeParams().get('tab') === 'orders' ? 'orders' : 'products'));
  const ref = useRef<HTMLDivElement>(null);
  // Arriving from a link to a filtered list (the overview's destinations) shows the list, not the import form.
  useEffect(() => {
    if (routeParams().has('tab')) ref.current?.scrollIntoView({ block: 'start' });
  }, []);
  return (
    <div className="card" data-testid="browse-card" ref={ref}>
      <div className="card-header">
        <h2>Browse</h2>
        <div className="tabs" role="tablist">
          {(['products', 'orders'] as const).map((t) => (
            <button key={t} type="button" role="tab" aria-selected={tab === t} className={tab === t ? 'active' : ''} onClick={() => setTab(t)} data-testid={`browse-${t}`}>
              {t === 'products' ? 'Products' : 'Orders'}
            </button>
          ))}
        </div>
      </div>
      {tab === 'products' ? <ProductsList /> : <OrdersList />}
    </div>
  );
}

function useDebounced(value: string, ms = 300): string {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = window.setTimeout(() => setV(value), ms);
    return () => window.clearTimeout(t);
  }, [value, ms]);
  return v;
}

function ListFooter({ count, hasMore, loading, error, loadMore, reload, noun }: { count: number; hasMore: boolean; loading: boolean; error?: Error; loadMore: () => void; reload: () => void; noun: string }) {
  return (
    <>
      {error ? <ErrorBox error={error} onRetry={count ? loadMore : reload} /> : null}
      {loading ? <Loading /> : null}
      {!loading && !error && count === 0 ? <Empty>No {noun} found.</Empty> : null}
      <div className="list-footer">
        <span className="muted small">
          {formatInt(count)} {noun} shown{hasMore ? '' : count ? ' (all)' : ''}
        </span>
        {hasMore ? (
          <button type="button" className="btn btn-secondary" onClick={loadMore} disabled={loading} data-testid="load-more">
            Load more
          </button>
        ) : null}
      </div>
    </>
  );
}

function ProductsList() {
  const [q, setQ] = useState('');
  const query = useDebounced(q);
  const list = usePaged<Product>('/v1/products', { q: query });
  return (
    <div data-testid="products-list">
      <div className="toolbar">
        <input type="search" placeholder="Search SKU or name…" value={q} onChange={(e) => setQ(e.target.value)} className="input" aria-label="Search products" />
      </div>
      {list.items.length ? (
        <div className="table-wrap">
          <table className="table" data-testid="products-table">
            <thead>
              <tr>
                <th>SKU</th>
                <th>Name</th>
                <th>Category</th>
                <th className="num">Size (mm)</th>
                <th className="num">Weight</th>
                <th className="num">Value</th>
                <th>HS code</th>
                <th>Origin</th>
                <th>Handling</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((p) => (
                <tr key={p.id}>
                  <td>
                    <code>{p.sku}</code>
                  </td>
                  <td className="truncate" title={p.name}>
                    {p.name}
                  </td>
                  <td>{p.category}</td>
                  <td className="num nowrap">
                    {p.lengthMm}×{p.widthMm}×{p.heightMm}
                  </td>
                  <td className="num nowrap">{formatInt(p.weightG)} g</td>
                  <td className="num nowrap">{formatMoney(p.unitValue, p.currency)}</td>
                  <td>{p.hsCode ? <code>{p.hsCode}</code> : <span className="muted">–</span>}</td>
                  <td>{p.originCountry ?? <span className="muted">–</span>}</td>
                  <td className="nowrap">
                    {p.fragile ? <span className="badge badge-amber">fragile</span> : null}
                    {p.thisSideUp ? <span className="badge badge-blue">this side up</span> : null}
                    {p.hazmat ? <span className="badge badge-red">hazmat</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ListFooter count={list.items.length} {...list} noun="products" />
    </div>
  );
}

function OrdersList() {
  const [country, setCountry] = useState(() => (routeParams().get('country') ?? '').toUpperCase().slice(0, 2));
  const [status, setStatus] = useState('');
  const list = usePaged<Order>('/v1/orders', { country: country.length === 2 ? country.toUpperCase() : undefined, status: status || undefined });
  return (
    <div data-testid="orders-list">
      <div className="toolbar">
        <input
          className="input input-narrow"
          placeholder="Country (e.g. DE)"
          maxLength={2}
          value={country}
          onChange={(e) => setCountry(e.target.value.replace(/[^a-zA-Z]/g, ''))}
          aria-label="Destination country"
        />
        <select className="input input-narrow" value={status} onChange={(e) => setStatus(e.target.value)} aria-label="Status">
          <option value="">Any status</option>
          {['open', 'fulfilled', 'shipped', 'delivered', 'cancelled'].map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      {list.items.length ? (
        <div className="table-wrap">
          <table className="table" data-testid="orders-table">
            <thead>
              <tr>
                <th>Order</th>
                <th>Placed</th>
                <th>Channel</th>
                <th>Ship to</th>
                <th>From</th>
                <th className="num">Lines</th>
                <th className="num">Units</th>
                <th className="num">Total</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((o) => (
                <tr key={o.id}>
                  <td>
                    <code>{o.externalId || o.id}</code>
                  </td>
                  <td className="nowrap">{formatDateTime(o.placedAt)}</td>
                  <td>{o.channelCode ?? <span className="muted">–</span>}</td>
                  <td className="truncate" title={`${o.shipTo.name}, ${o.shipTo.city}, ${countryName(o.shipTo.country)}`}>
                    <span className="cc">{o.shipTo.country}</span> {o.shipTo.city}
                  </td>
                  <td>{o.warehouseCode ? <code>{o.warehouseCode}</code> : <span className="muted">–</span>}</td>
                  <td className="num">{o.lines.length}</td>
                  <td className="num">{formatInt(o.lines.reduce((s, l) => s + l.quantity, 0))}</td>
                  <td className="num nowrap">{formatMoney(o.totalValue, o.currency)}</td>
                  <td>
                    <span className={`badge status-${o.status}`}>{o.status}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ListFooter count={list.items.length} {...list} noun="orders" />
    </div>
  );
}

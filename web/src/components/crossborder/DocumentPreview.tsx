/**
 * Customs documents for an order, checked before printing: the PDF from POST /v1/customs-documents
 * shown in the page through a blob URL, or every problem the checks found.
 */
import { useEffect, useState } from 'react';
import { authHeaders } from '../../api/client';
import type { Problem } from '../../api/types';
import { Icon } from '../Icon';
import { Loading } from '../States';
import { DOCUMENT_TYPES, type DocumentType, type RateTable } from './types';

interface Rendered {
  url: string;
  filename: string;
  pages: string;
  notes: number;
}

type Refusal = Omit<Problem, 'errors'> & { errors?: { field: string; message: string; code?: string; severity?: string }[] };

export function DocumentPreview({ orderId, incoterm, rates }: { orderId: string; incoterm: string; rates?: RateTable[] }) {
  const [type, setType] = useState<DocumentType>('commercial-invoice');
  const [order, setOrder] = useState(orderId);
  const [reason, setReason] = useState('Sale');
  const [busy, setBusy] = useState(false);
  const [doc, setDoc] = useState<Rendered | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  useEffect(() => setOrder(orderId), [orderId]);
  useEffect(() => () => { if (doc) URL.revokeObjectURL(doc.url); }, [doc]);

  const render = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      const res = await fetch('/v1/customs-documents', {
        method: 'POST',
        headers: { ...authHeaders(), 'Content-Type': 'application/json', Accept: 'application/pdf, application/problem+json' },
        body: JSON.stringify({ type, orderId: order.trim(), incoterm, reason: reason.trim() || undefined, ...(rates ? { exchangeRates: rates } : {}) }),
      });
      if (!res.ok) {
        const body = (await res.json().catch(() => ({ detail: res.statusText }))) as Refusal;
        setDoc(null);
        setRefusal({ ...body, status: res.status });
        return;
      }
      const blob = new Blob([await res.arrayBuffer()], { type: 'application/pdf' });
      const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `${type}.pdf`;
      setDoc({ url: URL.createObjectURL(blob), filename: name, pages: res.headers.get('x-page-count') ?? '?', notes: Number(res.headers.get('x-document-warnings') ?? 0) });
    } catch (e) {
      setRefusal({ title: 'Network error', detail: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const errors = refusal?.errors?.filter((e) => e.severity !== 'warning') ?? [];
  const warnings = refusal?.errors?.filter((e) => e.severity === 'warning') ?? [];

  return (
    <div className="card" data-testid="documents-card">
      <div className="card-header">
        <h2>Customs documents</h2>
        <span className="muted small">Checked before printing: HS codes, origins, values, weights, CN22 limits, restricted goods</span>
      </div>
      <div className="cross-border-doc-form">
        <div className="segmented" role="radiogroup" aria-label="Document">
          {DOCUMENT_TYPES.map((d) => (
            <button key={d.type} type="button" role="radio" aria-checked={d.type === type} className={d.type === type ? 'active' : ''} onClick={() => setType(d.type)} data-testid={`doc-type-${d.type}`}>
              {d.label}
            </button>
          ))}
        </div>
        <label>Order <input className="input input-narrow" value={order} onChange={(e) => setOrder(e.target.value)} data-testid="doc-order" /></label>
        <label>Reason <input className="input input-narrow" value={reason} onChange={(e) => setReason(e.target.value)} /></label>
        <span className="muted small">Incoterm {incoterm}</span>
        <button type="button" className="btn btn-primary" onClick={() => void render()} disabled={busy || !order.trim()} data-testid="doc-render">
          {busy ? 'Printing…' : 'Preview PDF'}
        </button>
        {doc ? (
          <a className="btn btn-secondary" href={doc.url} download={doc.filename} data-testid="doc-download"><Icon name="download" size={16} /> Download</a>
        ) : null}
      </div>
      {busy ? <Loading label="Checking and printing…" /> : null}
      {refusal ? (
        <div className="callout callout-error cross-border-refusal" role="alert" data-testid="doc-problems">
          <strong>{refusal.status === 422 ? 'Not printed: fix these first' : refusal.title ?? 'Could not print'}</strong>
          {errors.length ? <ul>{errors.map((e, i) => <li key={i}><code>{e.field}</code> {e.message}</li>)}</ul> : <p>{refusal.detail}</p>}
          {warnings.length ? <><div>Also noted:</div><ul>{warnings.map((e, i) => <li key={i}><code>{e.field}</code> {e.message}</li>)}</ul></> : null}
        </div>
      ) : null}
      {doc ? (
        <div className="cross-border-pdf">
          <div className="muted small" data-testid="doc-info">{doc.filename} · {doc.pages} page(s){doc.notes ? ` · ${doc.notes} note(s) for the shipper printed on it` : ''}</div>
          <iframe title="Customs document preview" src={doc.url} data-testid="doc-preview" />
        </div>
      ) : null}
    </div>
  );
}

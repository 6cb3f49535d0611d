/** Packing: choose the boxes for an order (or typed-in items) and show how to fill them, in 3D and as a list. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { request } from '../api/client';
import { PageHeader } from '../components/PageHeader';
import { ErrorBox, Loading } from '../components/States';
import { ItemsForm, exampleItems, itemsPayload } from '../components/packing/ItemsForm';
import { OrderPicker } from '../components/packing/OrderPicker';
import { PackingResult } from '../components/packing/PackingResult';
import type { Cartonization, ItemDraft, PackableOrder } from '../components/packing/types';
import { routeParams } from '../lib/router';

type Source = 'order' | 'items';

export default function PackingPage() {
  const [source, setSource] = useState<Source>('order');
  const [items, setItems] = useState<ItemDraft[]>(exampleItems);
  const [result, setResult] = useState<{ packing: Cartonization; n: number } | null>(null);
  const [selected, setSelected] = useState<PackableOrder | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [ratePerKg, setRatePerKg] = useState('0.50');
  const [perParcel, setPerParcel] = useState('4.00');
  const [divisor, setDivisor] = useState('5000');
  const [separateHazmat, setSeparateHazmat] = useState(true);
  const runs = useRef(0);
  const autoPacked = useRef(false);

  const pack = useCallback(
    async (body: Record<string, unknown>) => {
      const n = ++runs.current;
      setBusy(true);
      setError(null);
      try {
        const options = { ratePerKg: ratePerKg.trim() || '0', perParcel: perParcel.trim() || '0', dimDivisor: Number(divisor) || divisor, separateHazmat };
        const packing = await request<Cartonization>('/v1/cartonizations', { method: 'POST', json: { ...body, options } });
        if (n === runs.current) setResult({ packing, n });
      } catch (e) {
        if (n === runs.current) setError(e as Error);
      } finally {
        if (n === runs.current) setBusy(false);
      }
    },
    [ratePerKg, perParcel, divisor, separateHazmat],
  );

  const packOrder = (o: PackableOrder) => {
    setSelected(o);
    void pack({ orderId: o.id });
  };

  // other pages link to an order's packing with #/packing?order=<id or order number>
  useEffect(() => {
    const linked = routeParams().get('order');
    if (!linked || autoPacked.current) return;
    autoPacked.current = true;
    void pack({ orderId: linked });
  }, [pack]);

  // otherwise the newest open order is packed on arrival, so the page shows a packing straight away
  const onOrdersLoaded = (orders: PackableOrder[]) => {
    if (autoPacked.current || orders.length === 0) return;
    autoPacked.current = true;
    packOrder(orders[0]);
  };

  return (
    <section className="page" data-testid="page-packing">
      <PageHeader
        title="Packing"
        subtitle="Which boxes to take for an order and how to fill them: the cheapest boxes once shipping by dimensional weight is counted, every item placed in 3D, in the order a packer puts them in."
      />
      <div className="card packing-source">
        <div className="card-header">
          <div className="segmented" role="radiogroup" aria-label="What to pack">
            <button type="button" role="radio" aria-checked={source === 'order'} className={source === 'order' ? 'active' : ''} onClick={() => setSource('order')} data-testid="packing-source-order">
              An order
            </button>
            <button type="button" role="radio" aria-checked={source === 'items'} className={source === 'items' ? 'active' : ''} onClick={() => setSource('items')} data-testid="packing-source-items">
              Items I type in
            </button>
          </div>
          <details className="packing-options">
            <summary>Options</summary>
            <div className="packing-options-grid">
              <label>
                per parcel
                <input className="input packing-num" value={perParcel} onChange={(e) => setPerParcel(e.target.value)} data-testid="packing-per-parcel" />
              </label>
              <label>
                per kg
                <input className="input packing-num" value={ratePerKg} onChange={(e) => setRatePerKg(e.target.value)} data-testid="packing-rate-per-kg" />
              </label>
              <label>
                divisor cm³/kg
                <input className="input packing-num" value={divisor} onChange={(e) => setDivisor(e.target.value)} data-testid="packing-divisor" />
              </label>
              <label className="packing-check">
                <span>
                  <input type="checkbox" checked={separateHazmat} onChange={(e) => setSeparateHazmat(e.target.checked)} data-testid="packing-separate-hazmat" /> dangerous goods in their own parcel
                </span>
              </label>
            </div>
          </details>
        </div>
        {source === 'order' ? (
          <OrderPicker selected={selected?.id ?? null} busy={busy} onPick={packOrder} onLoaded={onOrdersLoaded} />
        ) : (
          <ItemsForm
            items={items}
            onChange={setItems}
            busy={busy}
            onSubmit={() => {
              setSelected(null);
              void pack({ items: itemsPayload(items) });
            }}
          />
        )}
      </div>

      {error ? <ErrorBox error={error} title="Could not pack" /> : null}
      {busy && !result ? <Loading label="Packing…" /> : null}
      {result ? (
        <div className={busy ? 'packing-stale' : ''}>
          <h2 className="packing-title" data-testid="packing-title">
            {result.packing.externalId ? `Order ${result.packing.externalId}` : 'Typed-in items'}
            {busy ? <span className="muted small"> · packing…</span> : null}
          </h2>
          <PackingResult key={result.n} result={result.packing} />
        </div>
      ) : null}
    </section>
  );
}

/** Pick an order to pack: the latest open ones, or search by order number. */
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../api/useApi';
import { Empty, ErrorBox, Loading } from '../States';
import { formatDateTime } from '../../lib/format';
import type { PackableOrder } from './types';

export function OrderPicker({ selected, busy, onPick, onLoaded }: {
  selected: string | null;
  busy: boolean;
  onPick: (order: PackableOrder) => void;
  onLoaded?: (orders: PackableOrder[]) => void;
}) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const t = window.setTimeout(() => setQ(text.trim()), 250);
    return () => window.clearTimeout(t);
  }, [text]);
  const { data, error, loading, reload } = useApi<{ data: PackableOrder[] }>('/v1/cartonizations/orders', q ? { q, limit: 12 } : { status: 'open', limit: 12 });
  const loaded = useRef(onLoaded);
  loaded.current = onLoaded;
  useEffect(() => {
    if (data && !q) loaded.current?.(data.data);
  }, [data, q]);

  return (
    <div className="packing-picker">
      <input
        type="search"
        className="input"
        placeholder="Order number, e.g. 100412"
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-label="Search orders by number"
        data-testid="packing-order-search"
      />
      <p className="field-hint">{q ? `Orders matching “${q}”` : 'Latest open orders'}</p>
      {error ? <ErrorBox error={error} onRetry={reload} title="Could not load orders" /> : null}
      {!data && loading ? <Loading label="Loading orders…" /> : null}
      {data && data.data.length === 0 ? <Empty>{q ? 'No order matches that number.' : 'No open orders.'}</Empty> : null}
      {data && data.data.length > 0 ? (
        <div className="table-wrap scroll-y packing-orders">
          <table className="table compact" data-testid="packing-orders">
            <thead>
              <tr>
                <th>Order</th>
                <th>Placed</th>
                <th>To</th>
                <th className="num">Units</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {data.data.map((o) => (
                <tr key={o.id} className={o.id === selected ? 'packing-selected' : ''}>
                  <td>
                    <span className="cell-title">{o.externalId}</span>{' '}
                    {o.status !== 'open' ? <span className={`badge status-${o.status}`}>{o.status}</span> : null}
                  </td>
                  <td className="nowrap muted small">{formatDateTime(o.placedAt)}</td>
                  <td>
                    <span className="cc">{o.country}</span>
                  </td>
                  <td className="num">{o.units}</td>
                  <td className="num">
                    <button type="button" className="btn btn-secondary packing-pack-btn" disabled={busy} onClick={() => onPick(o)} data-testid="packing-pick-order">
                      Pack
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

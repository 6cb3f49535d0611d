/** A packing: totals, the chosen boxes in 3D, and the packing list in placement order. */
import { useMemo, useState } from 'react';
import { KpiCard } from '../KpiCard';
import { formatMoney } from '../../lib/format';
import { BoxView3D } from './BoxView3D';
import { colourBySku, itemKey, type Cartonization, type PlacedItem } from './types';

const kg = (g: number) => `${(g / 1000).toFixed(2)} kg`;

const turnLabel: Record<PlacedItem['orientation'], string> = { upright: 'upright', 'on-side': 'on its side', 'on-end': 'on its end' };

const reasonLabel: Record<string, string> = {
  'too-large': 'too large',
  'too-heavy': 'too heavy',
  'invalid-dimensions': 'bad size',
  'out-of-stock': 'boxes out of stock',
  'unknown-sku': 'unknown SKU',
};

export function PackingResult({ result }: { result: Cartonization }) {
  const [boxIndex, setBoxIndex] = useState(0);
  const [step, setStep] = useState<number | null>(null);
  const [hovered, setHovered] = useState<number | null>(null);
  const colours = useMemo(() => colourBySku(result.boxes), [result]);
  const box = result.boxes[Math.min(boxIndex, result.boxes.length - 1)];
  const t = result.totals;
  const money = (s: string) => formatMoney(s, result.currency);
  const shown = step ?? box?.items.length ?? 0;

  return (
    <div className="packing-result" data-testid="packing-result">
      <div className="kpi-grid">
        <KpiCard id="packing-boxes" label="Boxes" value={String(t.boxes)} hint={Object.entries(t.boxesByCode).map(([c, n]) => `${n}× ${c}`).join(', ') || undefined} />
        <KpiCard id="packing-items" label="Items packed" value={String(t.items)} hint={result.unpackable.length ? `${result.unpackable.reduce((s, u) => s + u.quantity, 0)} not packed` : 'all packed'} />
        <KpiCard id="packing-cost" label="Cost (est.)" value={money(t.cost)} hint={`boxes ${money(t.boxCost)} + shipping ${money(t.shippingCost)}`} />
        <KpiCard id="packing-dim-weight" label="Dimensional weight" value={kg(t.dimensionalWeightG)} hint={`actual ${kg(t.weightG)} · divisor ${result.assumptions.dimDivisorCm3PerKg} cm³/kg`} />
        <KpiCard id="packing-fill" label="Volume used" value={`${t.volumeUsedPercent} %`} hint={`solved in ${result.elapsedMs} ms`} />
      </div>

      {result.unpackable.length ? (
        <div className="callout callout-warn" data-testid="packing-unpackable">
          <strong>Not packed:</strong>
          <ul className="packing-unpackable">
            {result.unpackable.map((u, i) => (
              <li key={i}>
                {u.quantity}× <b>{u.sku ?? u.name ?? 'item'}</b> — {reasonLabel[u.reason] ?? u.reason}: {u.detail}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {box ? (
        <div className="grid-2 packing-layout">
          <div className="card">
            <div className="card-header">
              <div className="segmented" role="tablist" aria-label="Boxes" data-testid="packing-box-tabs">
                {result.boxes.map((b, i) => (
                  <button
                    key={i}
                    type="button"
                    role="tab"
                    aria-selected={i === boxIndex}
                    className={i === boxIndex ? 'active' : ''}
                    onClick={() => {
                      setBoxIndex(i);
                      setStep(null);
                    }}
                    data-testid={`packing-box-tab-${i}`}
                  >
                    {i + 1} · {b.boxCode ?? 'own'}
                  </button>
                ))}
              </div>
              <span className="muted small">drag to turn · scroll to zoom · right-drag to pan</span>
            </div>
            <div className="packing-box-head" data-testid="packing-box-summary">
              <strong>{box.boxName}</strong>{' '}
              <span className="muted">
                {box.inner.lengthMm}×{box.inner.widthMm}×{box.inner.heightMm} mm inside · {box.volumeUsedPercent} % full · {kg(box.weightG)} (dim. {kg(box.dimensionalWeightG)}) ·{' '}
                {money(box.boxCost)} + {money(box.shippingCost)} shipping
              </span>
            </div>
            <BoxView3D key={`${result.orderId ?? 'items'}-${boxIndex}-${result.elapsedMs}`} box={box} colours={colours} visibleUpTo={shown} highlight={hovered} onHover={setHovered} />
            <label className="packing-step">
              <span>
                Step {shown} of {box.items.length}
              </span>
              <input
                type="range"
                min={0}
                max={box.items.length}
                value={shown}
                onChange={(e) => setStep(Number(e.target.value))}
                aria-label="Show the packing up to this step"
                data-testid="packing-step"
              />
            </label>
          </div>
          <div className="card">
            <div className="card-header">
              <h2>Packing list</h2>
              <span className="muted small">in placement order, bottom up</span>
            </div>
            <div className="table-wrap packing-list-wrap">
              <table className="table compact" data-testid="packing-list">
                <thead>
                  <tr>
                    <th>#</th>
                    <th>Box</th>
                    <th>Item</th>
                    <th>x, y, z mm</th>
                    <th>Turn</th>
                  </tr>
                </thead>
                <tbody>
                  {result.boxes.map((b, bi) =>
                    b.items.map((p) => (
                      <tr
                        key={`${bi}-${p.seq}`}
                        className={`${bi === boxIndex && p.seq === hovered ? 'packing-selected' : ''} ${bi === boxIndex && p.seq > shown ? 'packing-later' : ''}`}
                        onMouseEnter={() => {
                          if (bi === boxIndex) setHovered(p.seq);
                        }}
                        onMouseLeave={() => setHovered(null)}
                        onClick={() => {
                          setBoxIndex(bi);
                          setStep(p.seq);
                        }}
                      >
                        <td className="num">{p.seq}</td>
                        <td>
                          <span className="badge badge-muted">
                            {bi + 1} · {b.boxCode ?? 'own'}
                          </span>
                        </td>
                        <td>
                          <span className="packing-swatch" style={{ background: colours.get(itemKey(p)) }} />
                          <span className="cell-title">{p.sku ?? p.name ?? 'item'}</span>
                          {p.fragile ? <span className="badge badge-amber">fragile</span> : null}
                          {p.hazmat ? <span className="badge badge-red">hazmat</span> : null}
                          {p.name && p.sku ? <div className="cell-sub truncate">{p.name}</div> : null}
                        </td>
                        <td className="nowrap">
                          {p.xMm}, {p.yMm}, {p.zMm}
                          <div className="cell-sub">
                            {p.widthMm}×{p.lengthMm}×{p.heightMm}
                          </div>
                        </td>
                        <td className="nowrap" title={`own dimensions along x, y, z: ${p.axes}`}>
                          {turnLabel[p.orientation]}
                          <div className="cell-sub">{p.axes}</div>
                        </td>
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
            </div>
          </div>
        </div>
      ) : null}
      <p className="muted small">
        Cost estimate: box price + {money(result.assumptions.perParcel)} per parcel + {money(result.assumptions.ratePerKg)} per started kg of the greater of actual and dimensional weight. Positions are from the box’s
        front-left-bottom inner corner: x along the width, y along the length, z up. At least {result.assumptions.minSupportPercent} % of each item’s base rests on the floor or on items below; fragile items carry only fragile items.
        {result.assumptions.separateHazmat ? ' Dangerous goods travel in parcels of their own.' : ''}
      </p>
    </div>
  );
}

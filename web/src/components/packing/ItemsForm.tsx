/** Type in items to pack (sizes in mm, weight in g), e.g. to try a bundle before it is sold. */
import type { FormEvent } from 'react';
import type { ItemDraft } from './types';

export const exampleItems: ItemDraft[] = [
  { sku: 'TRAIL-SHOE', lengthMm: '340', widthMm: '215', heightMm: '125', weightG: '1100', quantity: '1', rotation: 'any', fragile: false },
  { sku: 'MERINO-TEE', lengthMm: '300', widthMm: '240', heightMm: '25', weightG: '180', quantity: '2', rotation: 'any', fragile: false },
  { sku: 'ENAMEL-MUG', lengthMm: '100', widthMm: '100', heightMm: '95', weightG: '300', quantity: '2', rotation: 'this-side-up', fragile: true },
];

const blank: ItemDraft = { sku: '', lengthMm: '', widthMm: '', heightMm: '', weightG: '', quantity: '1', rotation: 'any', fragile: false };

/** The API's items array; sizes are sent as typed so the server names any bad field. */
export function itemsPayload(items: ItemDraft[]) {
  const num = (s: string) => (s.trim() === '' ? s : Number(s));
  return items.map((i) => ({
    ...(i.sku.trim() ? { sku: i.sku.trim() } : {}),
    lengthMm: num(i.lengthMm), widthMm: num(i.widthMm), heightMm: num(i.heightMm), weightG: num(i.weightG),
    quantity: num(i.quantity), rotation: i.rotation, fragile: i.fragile,
  }));
}

export function ItemsForm({ items, onChange, onSubmit, busy }: { items: ItemDraft[]; onChange: (items: ItemDraft[]) => void; onSubmit: () => void; busy: boolean }) {
  const set = (i: number, patch: Partial<ItemDraft>) => onChange(items.map((it, k) => (k === i ? { ...it, ...patch } : it)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  const numberCell = (i: number, field: 'lengthMm' | 'widthMm' | 'heightMm' | 'weightG' | 'quantity', label: string) => (
    <td>
      <input className="input packing-num" inputMode="numeric" value={items[i][field]} onChange={(e) => set(i, { [field]: e.target.value })} aria-label={`${label} of item ${i + 1}`} data-testid={`packing-item-${field}`} />
    </td>
  );
  return (
    <form onSubmit={submit} className="packing-items-form" data-testid="packing-items-form">
      <div className="table-wrap">
        <table className="table compact">
          <thead>
            <tr>
              <th>SKU / label</th>
              <th>L mm</th>
              <th>W mm</th>
              <th>H mm</th>
              <th>g</th>
              <th>Qty</th>
              <th>Turn</th>
              <th>Fragile</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.map((it, i) => (
              <tr key={i}>
                <td>
                  <input className="input packing-sku" value={it.sku} onChange={(e) => set(i, { sku: e.target.value })} aria-label={`SKU of item ${i + 1}`} />
                </td>
                {numberCell(i, 'lengthMm', 'Length')}
                {numberCell(i, 'widthMm', 'Width')}
                {numberCell(i, 'heightMm', 'Height')}
                {numberCell(i, 'weightG', 'Weight')}
                {numberCell(i, 'quantity', 'Quantity')}
                <td>
                  <select className="input" value={it.rotation} onChange={(e) => set(i, { rotation: e.target.value as ItemDraft['rotation'] })} aria-label={`Rotation of item ${i + 1}`}>
                    <option value="any">any way</option>
                    <option value="this-side-up">this side up</option>
                    <option value="never">as given</option>
                  </select>
                </td>
                <td className="packing-center">
                  <input type="checkbox" checked={it.fragile} onChange={(e) => set(i, { fragile: e.target.checked })} aria-label={`Item ${i + 1} is fragile`} />
                </td>
                <td>
                  <button type="button" className="link-button" onClick={() => onChange(items.filter((_, k) => k !== i))} disabled={items.length <= 1} aria-label={`Remove item ${i + 1}`}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="packing-form-actions">
        <button type="button" className="btn btn-secondary" onClick={() => onChange([...items, { ...blank }])} disabled={items.length >= 50}>
          Add item
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="packing-pack-items">
          {busy ? 'Packing…' : 'Pack these items'}
        </button>
      </div>
    </form>
  );
}

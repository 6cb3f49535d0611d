/**
 * The batch job's computation, run in a worker thread: packs each order with the shared boxes and
 * sums up. Plain data in and out; no store.
 */
import { Decimal } from 'decimal.js';
import type { SolveControl } from '../../engines/control.js';
import type { BatchResult, CartonizationOut } from './contract.js';
import { money, packOrder, type PackingJobPayload } from './pack-order.js';

export function packBatch(payload: PackingJobPayload, control: SolveControl = {}): BatchResult {
  const results: CartonizationOut[] = [];
  const total = payload.orders.length;
  control.onProgress?.(0, `packing ${total} orders`);
  for (let i = 0; i < total; i++) {
    if (control.shouldStop?.()) break;
    // the same seed per order keeps a re-run of the batch identical
    results.push(packOrder(payload.orders[i], payload.boxes, payload.currency, payload.options, 1));
    control.onProgress?.((i + 1) / total, `packed ${i + 1} of ${total} orders`);
  }
  return { summary: summarise(results, payload.currency), orders: results };
}

export function summarise(results: readonly CartonizationOut[], currency: string): BatchResult['summary'] {
  const boxesByCode: Record<string, number> = {};
  let boxes = 0, utilisation = 0, boxed = 0, withUnpackable = 0;
  let boxCost = new Decimal(0), shippingCost = new Decimal(0);
  for (const r of results) {
    if (r.unpackable.length) withUnpackable++;
    boxCost = boxCost.plus(r.totals.boxCost);
    shippingCost = shippingCost.plus(r.totals.shippingCost);
    for (const b of r.boxes) {
      boxes++;
      const code = b.boxCode ?? 'own-packaging';
      boxesByCode[code] = (boxesByCode[code] ?? 0) + 1;
      // own packaging is always "full": it would flatter the boxes' mean
      if (b.boxCode) {
        utilisation += b.volumeUsedPercent;
        boxed++;
      }
    }
  }
  return {
    orders: results.length,
    packed: results.length - withUnpackable,
    withUnpackable,
    boxes,
    boxesByCode,
    meanVolumeUsedPercent: boxed ? Math.round((10 * utilisation) / boxed) / 10 : 0,
    boxCost: money(boxCost),
    shippingCost: money(shippingCost),
    cost: money(boxCost.plus(shippingCost)),
    currency,
  };
}

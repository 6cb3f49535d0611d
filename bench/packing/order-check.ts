import type { BoxType } from '../../src/engines/packing/types.js';
import type { BenchOrder } from './boxpacker-reader.js';
import type { OrderLine } from './solution-writer.js';
import { checkQuantities, verifyBin, type VerifierItem } from './verifier.js';

/**
 * Checks a written order line against the order and the box catalogue: every box exists, every
 * placement is valid inside its box, and every unit is either placed exactly once or reported
 * unpackable.
 */
export function checkOrderLine(line: OrderLine, order: BenchOrder, boxes: readonly BoxType[]): string[] {
  const errors: string[] = [];
  const items = new Map<string, VerifierItem>();
  for (const it of order.items) {
    const prev = items.get(it.id);
    const flags: [boolean, boolean, boolean] = it.rotation === 'any' || it.rotation === undefined ? [true, true, true] : [false, false, true];
    items.set(it.id, {
      dims: [it.widthMm, it.lengthMm, it.depthMm],
      mayStandVertical: flags,
      mayTurnAboutVertical: it.rotation !== 'never',
      weightGrams: it.weightGrams,
      quantity: (prev?.quantity ?? 0) + (it.quantity ?? 1),
    });
  }
  const used = new Map<string, number>();
  for (const b of line.boxes) {
    const box = boxes.find((x) => x.id === b.box);
    if (!box) {
      errors.push(`unknown box ${b.box}`);
      continue;
    }
    const bin = {
      x: box.innerWidthMm,
      y: box.innerLengthMm,
      z: box.innerDepthMm,
      maxPayloadGrams: box.maxWeightGrams === undefined ? undefined : box.maxWeightGrams - (box.emptyWeightGrams ?? 0),
    };
    const placements = b.items.map((p) => ({ item: p.item, x: p.x, y: p.y, z: p.z, w: p.w, l: p.l, d: p.d }));
    if (placements.length === 0) errors.push(`box ${b.box} is empty`);
    errors.push(...verifyBin(bin, placements, items, used));
  }
  errors.push(...checkQuantities(used, items));
  for (const u of line.unpackable ?? []) used.set(u.item, (used.get(u.item) ?? 0) + u.quantity);
  for (const [id, it] of items) {
    const n = used.get(id) ?? 0;
    if (n !== it.quantity) errors.push(`item ${id}: ${n} of ${it.quantity} units placed or reported`);
  }
  return errors;
}

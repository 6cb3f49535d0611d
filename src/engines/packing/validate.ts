import type { BoxType, CartonizeOrder } from './types.js';

/**
 * Malformed input (wrong types, missing ids, negative quantities, broken box catalogue) is a
 * caller error and throws; an item that merely cannot be packed (zero or negative dimensions,
 * too large, too heavy) is reported in the result instead, so the rest of the order still ships.
 */
export class PackingInputError extends Error {
  override readonly name = 'PackingInputError';
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v);

export function validateOrder(order: CartonizeOrder): void {
  if (!order || !Array.isArray(order.items)) throw new PackingInputError('order.items must be an array');
  order.items.forEach((item, i) => {
    const where = `order.items[${i}]`;
    if (!item || typeof item !== 'object') throw new PackingInputError(`${where} must be an object`);
    if (typeof item.id !== 'string' || item.id.length === 0) throw new PackingInputError(`${where}.id must be a non-empty string`);
    for (const f of ['widthMm', 'lengthMm', 'depthMm'] as const) {
      if (!isNumber(item[f])) throw new PackingInputError(`${where}.${f} must be a number`);
    }
    if (!isNumber(item.weightGrams) || item.weightGrams < 0 || !Number.isFinite(item.weightGrams)) {
      throw new PackingInputError(`${where}.weightGrams must be a non-negative number`);
    }
    if (item.quantity !== undefined && (!Number.isInteger(item.quantity) || item.quantity < 0)) {
      throw new PackingInputError(`${where}.quantity must be a non-negative integer`);
    }
    if (item.rotation !== undefined && !['any', 'this-side-up', 'never'].includes(item.rotation)) {
      throw new PackingInputError(`${where}.rotation must be any, this-side-up or never`);
    }
    if (item.mayStandVertical !== undefined && (!Array.isArray(item.mayStandVertical) || item.mayStandVertical.length !== 3)) {
      throw new PackingInputError(`${where}.mayStandVertical must be three booleans`);
    }
  });
}

export function validateBoxes(boxes: readonly BoxType[]): void {
  if (!Array.isArray(boxes)) throw new PackingInputError('boxes must be an array');
  const ids = new Set<string>();
  boxes.forEach((b, i) => {
    const where = `boxes[${i}]`;
    if (!b || typeof b.id !== 'string' || b.id.length === 0) throw new PackingInputError(`${where}.id must be a non-empty string`);
    if (ids.has(b.id)) throw new PackingInputError(`${where}.id ${b.id} is duplicated`);
    ids.add(b.id);
    for (const f of ['innerWidthMm', 'innerLengthMm', 'innerDepthMm'] as const) {
      if (!isNumber(b[f]) || !(b[f] > 0) || !Number.isFinite(b[f])) throw new PackingInputError(`${where}.${f} must be a positive number`);
    }
    for (const f of ['outerWidthMm', 'outerLengthMm', 'outerDepthMm', 'emptyWeightGrams', 'maxWeightGrams', 'costMinor', 'stock'] as const) {
      const v = b[f];
      if (v !== undefined && (!isNumber(v) || v < 0)) throw new PackingInputError(`${where}.${f} must be a non-negative number`);
    }
    if (b.maxWeightGrams !== undefined && b.maxWeightGrams < (b.emptyWeightGrams ?? 0)) {
      throw new PackingInputError(`${where}.maxWeightGrams is below the empty box weight`);
    }
  });
}

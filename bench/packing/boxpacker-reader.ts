import { parse } from 'csv-parse/sync';
import type { BoxType, PackItem } from '../../src/engines/packing/types.js';

/** Readers for BoxPacker's test data: items.csv, boxes.csv and expected.csv (no header rows). */

export interface BenchOrder {
  id: string;
  items: PackItem[];
}

export interface BoxPackerExpectation {
  boxesFlat: number;
  utilisationFlatPercent: number;
  boxesRotating: number;
  utilisationRotatingPercent: number;
}

function rows(text: string): string[][] {
  return (parse(text, { skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][]).filter((r) => r.length > 1);
}

function num(v: string | undefined, what: string): number {
  const n = Number(v);
  if (v === undefined || v === '' || !Number.isFinite(n)) throw new Error(`${what}: not a number (${v})`);
  return n;
}

/** Orders in first-appearance order; one line = order id, quantity, item id, width, length, depth (mm), weight (g). */
export function parseOrders(text: string, keepFlat: boolean): BenchOrder[] {
  const byId = new Map<string, BenchOrder>();
  rows(text).forEach((r, i) => {
    const [orderId, qty, itemId, w, l, d, g] = r;
    const where = `items line ${i + 1}`;
    let order = byId.get(orderId);
    if (!order) byId.set(orderId, (order = { id: orderId, items: [] }));
    order.items.push({
      id: itemId,
      quantity: num(qty, where),
      widthMm: num(w, where),
      lengthMm: num(l, where),
      depthMm: num(d, where),
      weightGrams: num(g, where),
      rotation: keepFlat ? 'this-side-up' : 'any',
    });
  });
  return [...byId.values()];
}

/** One line = name, outer width, length, depth, empty weight, inner width, length, depth, max weight (gross). */
export function parseBoxes(text: string): BoxType[] {
  return rows(text).map((r, i) => {
    const where = `boxes line ${i + 1}`;
    return {
      id: r[0],
      outerWidthMm: num(r[1], where),
      outerLengthMm: num(r[2], where),
      outerDepthMm: num(r[3], where),
      emptyWeightGrams: num(r[4], where),
      innerWidthMm: num(r[5], where),
      innerLengthMm: num(r[6], where),
      innerDepthMm: num(r[7], where),
      maxWeightGrams: num(r[8], where),
    };
  });
}

/** One line = order id, boxes, weight variance, utilisation % (items flat), then the same with rotation. */
export function parseExpected(text: string): Map<string, BoxPackerExpectation> {
  const out = new Map<string, BoxPackerExpectation>();
  rows(text).forEach((r, i) => {
    const where = `expected line ${i + 1}`;
    out.set(r[0], {
      boxesFlat: num(r[1], where),
      utilisationFlatPercent: num(r[3], where),
      boxesRotating: num(r[4], where),
      utilisationRotatingPercent: num(r[6], where),
    });
  });
  return out;
}

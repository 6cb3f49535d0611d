import type { CartonizationResult, ContainerLoadResult } from '../../src/engines/packing/types.js';

/** The JSON-lines forms the packing benchmarks write: one line per order / per container problem. */

export interface OrderLine {
  order: string;
  boxes: { box: string | null; items: { item: string; x: number; y: number; z: number; w: number; l: number; d: number }[] }[];
  unpackable?: { item: string; quantity: number; reason: string }[];
}

export function orderLine(orderId: string, result: CartonizationResult): OrderLine {
  const line: OrderLine = {
    order: orderId,
    boxes: result.boxes.map((b) => ({
      box: b.boxId,
      items: b.items.map((p) => ({ item: p.itemId, x: p.xMm, y: p.yMm, z: p.zMm, w: p.widthMm, l: p.lengthMm, d: p.depthMm })),
    })),
  };
  if (result.unpackable.length > 0) line.unpackable = result.unpackable.map((u) => ({ item: u.itemId, quantity: u.quantity, reason: u.reason }));
  return line;
}

export interface ContainerLine {
  problem: number;
  utilisationPercent: number;
  /** one pseudo-box, the container, so the form matches the order lines */
  boxes: { box: string; items: { item: string; x: number; y: number; z: number; w: number; l: number; d: number }[] }[];
}

export function containerLine(problem: number, result: ContainerLoadResult): ContainerLine {
  return {
    problem,
    utilisationPercent: Math.round(result.utilisationPercent * 1000) / 1000,
    boxes: [
      {
        box: 'container',
        items: result.placements.map((p) => ({ item: p.typeId, x: p.xMm, y: p.yMm, z: p.zMm, w: p.lengthMm, l: p.widthMm, d: p.heightMm })),
      },
    ],
  };
}

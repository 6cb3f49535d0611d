/** Shapes of the cartonization API (POST /v1/cartonizations, GET /v1/cartonizations/orders). */

export interface Dims {
  widthMm: number;
  lengthMm: number;
  heightMm: number;
}

export interface PlacedItem {
  seq: number;
  sku: string | null;
  name: string | null;
  xMm: number;
  yMm: number;
  zMm: number;
  widthMm: number;
  lengthMm: number;
  heightMm: number;
  orientation: 'upright' | 'on-side' | 'on-end';
  axes: string;
  weightG: number;
  fragile: boolean;
  hazmat: boolean;
}

export interface PackedBox {
  boxCode: string | null;
  boxName: string;
  inner: Dims;
  outer: Dims;
  items: PlacedItem[];
  volumeUsedPercent: number;
  weightG: number;
  dimensionalWeightG: number;
  chargeableWeightG: number;
  boxCost: string;
  shippingCost: string;
  cost: string;
}

export interface Unpackable {
  sku: string | null;
  name: string | null;
  quantity: number;
  reason: string;
  detail: string;
}

export interface Cartonization {
  orderId: string | null;
  externalId: string | null;
  currency: string;
  boxes: PackedBox[];
  unpackable: Unpackable[];
  totals: {
    boxes: number;
    items: number;
    weightG: number;
    dimensionalWeightG: number;
    chargeableWeightG: number;
    volumeUsedPercent: number;
    boxCost: string;
    shippingCost: string;
    cost: string;
    boxesByCode: Record<string, number>;
  };
  assumptions: { dimDivisorCm3PerKg: number; ratePerKg: string; perParcel: string; objective: string; minSupportPercent: number; separateHazmat: boolean; timeLimitMs: number };
  elapsedMs: number;
}

export interface PackableOrder {
  id: string;
  externalId: string;
  placedAt: string;
  status: string;
  country: string;
  lines: number;
  units: number;
}

export interface ItemDraft {
  sku: string;
  lengthMm: string;
  widthMm: string;
  heightMm: string;
  weightG: string;
  quantity: string;
  rotation: 'any' | 'this-side-up' | 'never';
  fragile: boolean;
}

/** One colour per SKU, stable within a packing, readable on white. */
const PALETTE = ['#4f7fe8', '#f08a3c', '#3fb27f', '#d45d9b', '#8a6be0', '#e2b93b', '#3bb3c4', '#c2574a', '#7c9c3a', '#5a6b8c', '#e07f7f', '#2f8f6f'];

export function colourBySku(boxes: readonly PackedBox[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const b of boxes) for (const p of b.items) {
    const k = itemKey(p);
    if (!out.has(k)) out.set(k, PALETTE[out.size % PALETTE.length]);
  }
  return out;
}

export function itemKey(p: Pick<PlacedItem, 'sku' | 'name' | 'widthMm' | 'lengthMm' | 'heightMm'>): string {
  return p.sku ?? p.name ?? `${[p.widthMm, p.lengthMm, p.heightMm].sort((a, b) => a - b).join('x')}`;
}

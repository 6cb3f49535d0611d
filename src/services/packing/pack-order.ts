/**
 * One order through the packing engine, on plain data: the application's items and boxes become
 * the engine's, and the engine's answer becomes the API's packing list. Pure, so the API thread
 * and the batch worker thread share it; it must not import the store.
 */
import { Decimal } from 'decimal.js';
import { cartonize, type BoxType, type CartonizationResult, type PackItem, type PackedBox, type UnpackableReason } from '../../engines/packing/index.js';
import type { CartonizationOut, PackedBoxOut, PlacedItemOut } from './contract.js';

/** Money goes to the engine as integers of 1/10 000 of the currency, so 4-decimal prices stay exact. */
const MONEY_SCALE = 10_000;

/** An item ready for packing: from an order line and its product, or typed in by the caller. */
export interface ItemSpec {
  sku: string | null;
  name: string | null;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  weightG: number;
  quantity: number;
  rotation: 'any' | 'this-side-up' | 'never';
  fragile: boolean;
  doNotStackOn: boolean;
  shipAlone: boolean;
  ownContainer: boolean;
  hazmat: boolean;
}

export interface BoxSpec {
  code: string;
  name: string;
  inner: { widthMm: number; lengthMm: number; heightMm: number };
  outer: { widthMm: number; lengthMm: number; heightMm: number };
  emptyWeightG: number;
  maxWeightG: number;
  /** decimal string */
  cost: string;
  stock: number | null;
}

export interface ResolvedOptions {
  dimDivisorCm3PerKg: number;
  ratePerKg: string;
  perParcel: string;
  objective: 'cost' | 'boxes';
  minSupportPercent: number;
  separateHazmat: boolean;
  timeLimitMs: number;
}

export interface OrderToPack {
  orderId: string | null;
  externalId: string | null;
  items: ItemSpec[];
  /** order lines whose SKU is not in the catalogue: reported, never packed */
  unknown: { sku: string; quantity: number }[];
}

export interface PackingJobPayload {
  orders: OrderToPack[];
  boxes: BoxSpec[];
  currency: string;
  options: ResolvedOptions;
}

/** 139 in³/lb in cm³/kg: 139 × 16.387064 cm³ per 0.45359237 kg. */
export function divisorInCm3PerKg(value: number, unit: 'cm3/kg' | 'in3/lb'): number {
  return unit === 'cm3/kg' ? value : (value * 16.387064) / 0.45359237;
}

export function packOrder(order: OrderToPack, boxes: readonly BoxSpec[], currency: string, options: ResolvedOptions, seed = 1): CartonizationOut {
  const started = performance.now();
  const engineBoxes: BoxType[] = boxes.map((b) => ({
    id: b.code,
    innerWidthMm: b.inner.widthMm, innerLengthMm: b.inner.lengthMm, innerDepthMm: b.inner.heightMm,
    outerWidthMm: b.outer.widthMm, outerLengthMm: b.outer.lengthMm, outerDepthMm: b.outer.heightMm,
    emptyWeightGrams: b.emptyWeightG,
    maxWeightGrams: b.maxWeightG,
    costMinor: toMinor(b.cost),
    stock: b.stock ?? undefined,
  }));
  const shipping = {
    dimDivisorCm3PerKg: options.dimDivisorCm3PerKg,
    ratePerKgMinor: toMinor(options.ratePerKg),
    perParcelMinor: toMinor(options.perParcel),
  };
  const toEngine = (item: ItemSpec, index: number): PackItem => ({
    id: String(index),
    widthMm: item.widthMm,
    lengthMm: item.lengthMm,
    // height is the engine's depth, so "this side up" keeps the product's own height vertical
    depthMm: item.heightMm,
    weightGrams: item.weightG,
    quantity: item.quantity,
    rotation: item.rotation,
    fragile: item.fragile,
    doNotStackOn: item.doNotStackOn,
    shipAlone: item.shipAlone,
    ownContainer: item.ownContainer,
  });

  // Dangerous goods travel in parcels of their own unless told otherwise (carriers want them
  // marked and declared), so they are packed as a second order with the boxes the first left.
  const all = order.items.map((it, i) => ({ it, i }));
  const groups = (options.separateHazmat ? [all.filter((x) => !x.it.hazmat), all.filter((x) => x.it.hazmat)] : [all]).filter((g) => g.length > 0);
  const used = new Map<string, number>();
  const results: CartonizationResult[] = [];
  for (const group of groups) {
    const stockLeft = engineBoxes.map((b) => (b.stock === undefined ? b : { ...b, stock: Math.max(0, b.stock - (used.get(b.id) ?? 0)) }));
    const r = cartonize({ id: order.orderId ?? undefined, items: group.map((x) => toEngine(x.it, x.i)) }, stockLeft, {
      shipping,
      objective: options.objective,
      minSupportPercent: options.minSupportPercent,
      timeLimitMs: options.timeLimitMs / groups.length,
      seed,
    });
    for (const b of r.boxes) if (b.boxId) used.set(b.boxId, (used.get(b.boxId) ?? 0) + 1);
    results.push(r);
  }

  const byCode = new Map(boxes.map((b) => [b.code, b]));
  const outBoxes = results.flatMap((r) => r.boxes).map((b) => describeBox(b, byCode, order.items));
  const unpackable: CartonizationOut['unpackable'] = [
    ...results.flatMap((r) => r.unpackable).map((u) => {
      const item = order.items[Number(u.itemId)];
      return { sku: item.sku, name: item.name, quantity: u.quantity, reason: u.reason, detail: reasonDetail(u.reason, item, boxes) };
    }),
    ...order.unknown.map((u) => ({ sku: u.sku, name: null, quantity: u.quantity, reason: 'unknown-sku' as const, detail: `SKU ${u.sku} is not in the product catalogue, so its size is unknown` })),
  ];
  return {
    orderId: order.orderId,
    externalId: order.externalId,
    currency,
    boxes: outBoxes,
    unpackable,
    totals: totalsOf(outBoxes, results),
    assumptions: { ...options },
    elapsedMs: Math.round(performance.now() - started),
  };
}

function describeBox(b: PackedBox, byCode: Map<string, BoxSpec>, items: readonly ItemSpec[]): PackedBoxOut {
  const box = b.boxId ? byCode.get(b.boxId) : undefined;
  const first = items[Number(b.items[0]?.itemId ?? 0)];
  const placed: PlacedItemOut[] = b.items.map((p, seq) => {
    const item = items[Number(p.itemId)];
    const { orientation, axes } = orientationOf(item, p.widthMm, p.lengthMm, p.depthMm);
    return {
      seq: seq + 1,
      sku: item.sku,
      name: item.name,
      xMm: p.xMm, yMm: p.yMm, zMm: p.zMm,
      widthMm: p.widthMm, lengthMm: p.lengthMm, heightMm: p.depthMm,
      orientation, axes,
      weightG: item.weightG,
      fragile: item.fragile,
      hazmat: item.hazmat,
    };
  });
  const own = { widthMm: first?.widthMm ?? 0, lengthMm: first?.lengthMm ?? 0, heightMm: first?.heightMm ?? 0 };
  return {
    boxCode: b.boxId,
    boxName: box ? box.name : 'Own packaging',
    inner: box ? box.inner : own,
    outer: box ? box.outer : own,
    items: placed,
    volumeUsedPercent: b.volumeUsedPercent,
    weightG: b.weightGrams,
    dimensionalWeightG: b.dimensionalWeightGrams,
    chargeableWeightG: b.chargeableWeightGrams,
    boxCost: fromMinor(b.boxCostMinor),
    shippingCost: fromMinor(b.shippingCostMinor),
    cost: fromMinor(b.boxCostMinor + b.shippingCostMinor),
  };
}

/** Which of the item's own dimensions ended up along x, y and z. */
export function orientationOf(item: Pick<ItemSpec, 'lengthMm' | 'widthMm' | 'heightMm'>, x: number, y: number, z: number): { orientation: PlacedItemOut['orientation']; axes: string } {
  const size: Record<string, number> = { L: item.lengthMm, W: item.widthMm, H: item.heightMm };
  const left = ['L', 'W', 'H'];
  // equal dimensions are ambiguous: read them as the least surprising turn (upright, length along x)
  const take = (extent: number, preference: string[]): string => {
    const letter = preference.find((l) => left.includes(l) && size[l] === extent) ?? preference.find((l) => left.includes(l))!;
    left.splice(left.indexOf(letter), 1);
    return letter;
  };
  const up = take(z, ['H', 'W', 'L']);
  const alongX = take(x, ['L', 'W', 'H']);
  const alongY = take(y, ['L', 'W', 'H']);
  return { orientation: up === 'H' ? 'upright' : up === 'W' ? 'on-side' : 'on-end', axes: `${alongX}${alongY}${up}` };
}

function reasonDetail(reason: UnpackableReason, item: ItemSpec, boxes: readonly BoxSpec[]): string {
  const size = `${item.lengthMm}×${item.widthMm}×${item.heightMm} mm`;
  switch (reason) {
    case 'invalid-dimensions':
      return `every dimension must be greater than 0 (got ${size})`;
    case 'too-large': {
      const biggest = [...boxes].sort((a, b) => volume(b.inner) - volume(a.inner))[0];
      const rule = item.rotation === 'any' ? '' : ` (rotation: ${item.rotation})`;
      return biggest ? `${size}${rule} fits in none of the boxes; the largest is ${biggest.code}, ${biggest.inner.lengthMm}×${biggest.inner.widthMm}×${biggest.inner.heightMm} mm inside` : 'there are no boxes to choose from';
    }
    case 'too-heavy': {
      const strongest = Math.max(0, ...boxes.map((b) => b.maxWeightG - b.emptyWeightG));
      return `weighs ${item.weightG} g; no box that fits it takes more than ${strongest} g of contents`;
    }
    case 'out-of-stock':
      return 'every box that would take it is out of stock';
  }
}

function totalsOf(boxes: readonly PackedBoxOut[], results: readonly CartonizationResult[]): CartonizationOut['totals'] {
  let items = 0, weightG = 0, dimensionalWeightG = 0, chargeableWeightG = 0, used = 0, inner = 0;
  let boxCost = new Decimal(0), shippingCost = new Decimal(0);
  const boxesByCode: Record<string, number> = {};
  for (const b of boxes) {
    items += b.items.length;
    weightG += b.weightG;
    dimensionalWeightG += b.dimensionalWeightG;
    chargeableWeightG += b.chargeableWeightG;
    boxCost = boxCost.plus(b.boxCost);
    shippingCost = shippingCost.plus(b.shippingCost);
    const code = b.boxCode ?? 'own-packaging';
    boxesByCode[code] = (boxesByCode[code] ?? 0) + 1;
  }
  for (const r of results) {
    for (const b of r.boxes) {
      inner += b.innerVolumeMm3;
      used += (b.volumeUsedPercent / 100) * b.innerVolumeMm3;
    }
  }
  return {
    boxes: boxes.length, items, weightG, dimensionalWeightG, chargeableWeightG,
    volumeUsedPercent: inner > 0 ? Math.round((1000 * used) / inner) / 10 : 0,
    boxCost: money(boxCost), shippingCost: money(shippingCost), cost: money(boxCost.plus(shippingCost)),
    boxesByCode,
  };
}

const volume = (d: { widthMm: number; lengthMm: number; heightMm: number }) => d.widthMm * d.lengthMm * d.heightMm;

export function toMinor(amount: string): number {
  return new Decimal(amount).times(MONEY_SCALE).round().toNumber();
}

export function fromMinor(minor: number): string {
  return money(new Decimal(minor).div(MONEY_SCALE));
}

/** Money as shown everywhere in the API: at least two decimals, at most four. */
export function money(d: Decimal): string {
  const s = d.toDecimalPlaces(4).toFixed(4).replace(/0{1,2}$/, '');
  return s;
}

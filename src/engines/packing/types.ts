import type { SolveControl } from '../control.js';

/**
 * Axes used throughout the packing engine: x runs along a box's inner width, y along its inner
 * length, z is vertical (the box's depth / a container's height). Positions are the item's
 * corner nearest the origin, in millimetres.
 */

/** How an item may be turned when it is packed. */
export type RotationRule =
  /** any of the six axis-aligned orientations */
  | 'any'
  /** the item's depth stays vertical; it may only turn about the vertical axis */
  | 'this-side-up'
  /** placed exactly as given: width along x, length along y, depth up */
  | 'never';

export interface PackItem {
  id: string;
  widthMm: number;
  lengthMm: number;
  depthMm: number;
  weightGrams: number;
  /** number of identical units; defaults to 1 */
  quantity?: number;
  rotation?: RotationRule;
  /**
   * Per-dimension "may stand vertical" flags [width, length, depth] (thpack style). When given it
   * replaces `rotation`: every orientation whose vertical dimension is flagged is allowed.
   */
  mayStandVertical?: readonly [boolean, boolean, boolean];
  /** each unit travels in a box of its own */
  shipAlone?: boolean;
  /** nothing may be placed on top of this item */
  doNotStackOn?: boolean;
  /** only other fragile items may be placed on top of this item */
  fragile?: boolean;
  /** the item is its own shipping container: it is labelled as is, never put in a box */
  ownContainer?: boolean;
}

export interface BoxType {
  id: string;
  innerWidthMm: number;
  innerLengthMm: number;
  innerDepthMm: number;
  /** outer dimensions drive dimensional weight; default to the inner ones */
  outerWidthMm?: number;
  outerLengthMm?: number;
  outerDepthMm?: number;
  emptyWeightGrams?: number;
  /** gross limit: empty box plus contents; unlimited when absent */
  maxWeightGrams?: number;
  /** price of one empty box in minor currency units; defaults to 0 */
  costMinor?: number;
  /** how many boxes of this type are available; unlimited when absent */
  stock?: number;
}

export interface ShippingEstimate {
  /** cm³ per kg, e.g. 5000 (use 139 in³/lb ≈ 5022 cm³/kg for imperial carriers) */
  dimDivisorCm3PerKg: number;
  /** estimated carrier price per started kilogram of chargeable weight, in minor currency units */
  ratePerKgMinor: number;
  /** fixed carrier price per parcel, minor currency units */
  perParcelMinor?: number;
}

export interface CartonizeOrder {
  id?: string;
  items: PackItem[];
}

export interface CartonizeOptions extends SolveControl {
  /** carrier price estimate; without it only box costs count */
  shipping?: ShippingEstimate;
  /**
   * 'cost' (default): cheapest total of box costs plus shipping estimate, then fewest boxes.
   * 'boxes': fewest boxes, then cheapest.
   */
  objective?: 'cost' | 'boxes';
  /**
   * Share of each item's base that must rest on the box floor or on items below, percent
   * (default 0: items may bridge gaps or rest on nothing, as most packing benchmarks allow).
   */
  minSupportPercent?: number;
  /** randomised restarts per order after the deterministic constructions (default 4) */
  searchIterations?: number;
}

export interface PlacedItem {
  itemId: string;
  /** position of the corner nearest the box origin, mm */
  xMm: number;
  yMm: number;
  zMm: number;
  /** placed extent along x, y, z, mm */
  widthMm: number;
  lengthMm: number;
  depthMm: number;
}

export interface PackedBox {
  /** the box type id, or null when the item ships in its own container */
  boxId: string | null;
  items: PlacedItem[];
  /** inner volume used by the items, percent */
  volumeUsedPercent: number;
  innerVolumeMm3: number;
  /** empty box plus contents */
  weightGrams: number;
  dimensionalWeightGrams: number;
  /** max(actual, dimensional), the weight a carrier charges for */
  chargeableWeightGrams: number;
  boxCostMinor: number;
  shippingCostMinor: number;
}

export type UnpackableReason = 'invalid-dimensions' | 'too-large' | 'too-heavy' | 'out-of-stock';

export interface UnpackableItem {
  itemId: string;
  quantity: number;
  reason: UnpackableReason;
}

export interface CartonizationResult {
  boxes: PackedBox[];
  unpackable: UnpackableItem[];
  totals: {
    boxCount: number;
    itemCount: number;
    weightGrams: number;
    chargeableWeightGrams: number;
    boxCostMinor: number;
    shippingCostMinor: number;
    totalCostMinor: number;
    /** item volume / inner volume over all boxes, percent */
    volumeUsedPercent: number;
  };
}

export interface ContainerSpec {
  /** along x */
  lengthMm: number;
  /** along y */
  widthMm: number;
  /** along z, vertical */
  heightMm: number;
  maxWeightGrams?: number;
}

export interface CargoType {
  id: string;
  /** the three dimensions as listed, mm */
  dimsMm: readonly [number, number, number];
  /** which of the three dimensions may be vertical */
  mayStandVertical: readonly [boolean, boolean, boolean];
  count: number;
  weightGrams?: number;
}

export interface LoadContainerOptions extends SolveControl {
  /** stop after this many greedy completions (makes runs reproducible regardless of machine speed) */
  maxIterations?: number;
}

export interface ContainerPlacement {
  typeId: string;
  xMm: number;
  yMm: number;
  zMm: number;
  /** placed extent along x, y, z */
  lengthMm: number;
  widthMm: number;
  heightMm: number;
}

export interface ContainerLoadResult {
  placements: ContainerPlacement[];
  loadedVolumeMm3: number;
  containerVolumeMm3: number;
  utilisationPercent: number;
  /** how many boxes of each type were left out */
  leftOver: { typeId: string; count: number }[];
  iterations: number;
}

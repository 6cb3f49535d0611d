import { Deadline } from '../control.js';
import { Random } from '../../shared/random.js';
import { allowedOrientations, fitsSomeOrientation } from './orientations.js';
import { Criterion, PackingState, type BinSpec, type Candidate, type FillParams, type PieceKind } from './space-packer.js';
import type {
  BoxType,
  CartonizationResult,
  CartonizeOptions,
  CartonizeOrder,
  PackItem,
  PackedBox,
  PlacedItem,
  ShippingEstimate,
  UnpackableItem,
} from './types.js';
import { PackingInputError, validateBoxes, validateOrder } from './validate.js';

export { PackingInputError };

interface BoxInfo {
  type: BoxType;
  bin: BinSpec;
  innerVolumeMm3: number;
  outerVolumeMm3: number;
  emptyWeightGrams: number;
  costMinor: number;
  stock: number;
}

/** A candidate packing of the order's boxed items: the boxes in use and what each holds. */
interface Plan {
  boxes: { box: number; state: PackingState }[];
  /** units nothing could take (only when boxes ran out of stock) */
  left: Int32Array;
}

interface Score {
  cost: number;
  boxes: number;
  outerVolume: number;
}

/**
 * Chooses boxes for an order and places every unit in them, minimising box cost plus the
 * estimated shipping cost (dimensional weight), or the number of boxes first when asked.
 * Items that cannot go in any box are reported with the reason; the rest is still packed.
 */
export function cartonize(order: CartonizeOrder, boxTypes: readonly BoxType[], options: CartonizeOptions = {}): CartonizationResult {
  validateOrder(order);
  validateBoxes(boxTypes);
  const support = options.minSupportPercent ?? 0;
  if (!(support >= 0 && support <= 100)) throw new PackingInputError('minSupportPercent must be between 0 and 100');
  const deadline = new Deadline(options, 2_000);
  const rng = new Random(options.seed ?? 1);
  const objective = options.objective ?? 'cost';
  const shipping = options.shipping;
  const boxes: BoxInfo[] = boxTypes.map((t) => {
    const empty = t.emptyWeightGrams ?? 0;
    return {
      type: t,
      bin: {
        x: t.innerWidthMm,
        y: t.innerLengthMm,
        z: t.innerDepthMm,
        maxPayloadGrams: t.maxWeightGrams === undefined ? Infinity : t.maxWeightGrams - empty,
        minSupportFraction: support / 100,
      },
      innerVolumeMm3: t.innerWidthMm * t.innerLengthMm * t.innerDepthMm,
      outerVolumeMm3: (t.outerWidthMm ?? t.innerWidthMm) * (t.outerLengthMm ?? t.innerLengthMm) * (t.outerDepthMm ?? t.innerDepthMm),
      emptyWeightGrams: empty,
      costMinor: t.costMinor ?? 0,
      stock: t.stock ?? Infinity,
    };
  });

  const unpackable: UnpackableItem[] = [];
  const result: PackedBox[] = [];
  const boxedItems: PackItem[] = [];
  const boxedKinds: PieceKind[] = [];
  const aloneItems: { item: PackItem; kind: PieceKind }[] = [];

  for (const item of order.items) {
    const quantity = item.quantity ?? 1;
    if (quantity === 0) continue;
    const dims = [item.widthMm, item.lengthMm, item.depthMm] as const;
    if (!dims.every((d) => Number.isFinite(d) && d > 0)) {
      unpackable.push({ itemId: item.id, quantity, reason: 'invalid-dimensions' });
      continue;
    }
    if (item.ownContainer) {
      for (let u = 0; u < quantity; u++) result.push(ownContainerParcel(item, shipping));
      continue;
    }
    const orientations = allowedOrientations(dims, item.rotation ?? 'any', item.mayStandVertical);
    const fitting = boxes.filter((b) => b.stock > 0 && fitsSomeOrientation(orientations, b.bin.x, b.bin.y, b.bin.z));
    if (fitting.length === 0) {
      unpackable.push({ itemId: item.id, quantity, reason: 'too-large' });
      continue;
    }
    if (!fitting.some((b) => b.bin.maxPayloadGrams >= item.weightGrams)) {
      unpackable.push({ itemId: item.id, quantity, reason: 'too-heavy' });
      continue;
    }
    const kind: PieceKind = {
      orientations,
      weightGrams: item.weightGrams,
      volumeMm3: dims[0] * dims[1] * dims[2],
      doNotStackOn: item.doNotStackOn ?? false,
      fragile: item.fragile ?? false,
    };
    if (item.shipAlone) {
      for (let u = 0; u < quantity; u++) aloneItems.push({ item, kind });
    } else {
      boxedItems.push(item);
      boxedKinds.push(kind);
    }
  }

  const stockLeft = boxes.map((b) => b.stock);
  const priceOf = (box: number, contentsGrams: number): number => parcelPrice(boxes[box], contentsGrams, shipping).total;
  const better = (a: Score, b: Score): boolean =>
    objective === 'boxes'
      ? a.boxes < b.boxes || (a.boxes === b.boxes && (a.cost < b.cost || (a.cost === b.cost && a.outerVolume < b.outerVolume)))
      : a.cost < b.cost || (a.cost === b.cost && (a.boxes < b.boxes || (a.boxes === b.boxes && a.outerVolume < b.outerVolume)));
  const scorePlan = (plan: Plan): Score => {
    let cost = 0;
    let outerVolume = 0;
    for (const p of plan.boxes) {
      cost += priceOf(p.box, contentsWeight(p.state));
      outerVolume += boxes[p.box].outerVolumeMm3;
    }
    return { cost, boxes: plan.boxes.length, outerVolume };
  };

  // ship-alone units: each in the cheapest box that takes it
  for (const { item, kind } of aloneItems) {
    let bestBox = -1;
    let bestState: PackingState | null = null;
    let bestPrice = Infinity;
    for (let b = 0; b < boxes.length; b++) {
      if (stockLeft[b] <= 0) continue;
      const st = new PackingState(boxes[b].bin, [kind], Int32Array.of(1)).complete({ criterion: Criterion.Volume, topK: 1 });
      if (st.counts[0] !== 0) continue;
      const price = priceOf(b, kind.weightGrams);
      if (price < bestPrice || (price === bestPrice && bestBox >= 0 && boxes[b].outerVolumeMm3 < boxes[bestBox].outerVolumeMm3)) {
        bestPrice = price;
        bestBox = b;
        bestState = st;
      }
    }
    if (bestBox < 0 || !bestState) {
      unpackable.push({ itemId: item.id, quantity: 1, reason: 'out-of-stock' });
      continue;
    }
    stockLeft[bestBox]--;
    result.push(describeBox(boxes[bestBox], bestState, [item], shipping));
  }

  if (boxedKinds.length > 0) {
    const counts = Int32Array.from(boxedItems.map((i) => i.quantity ?? 1));
    const search = new PlanSearch(boxes, boxedKinds, counts, stockLeft, priceOf, objective, deadline);
    let best = search.improve(search.sequential(null, 'fill'));
    let bestScore = scorePlan(best);
    const lowerBound = search.boxLowerBound();
    // both rules start with the same first box, so a one-box plan cannot differ
    if ((best.boxes.length > 1 || leftUnits(best) > 0) && !deadline.expired()) {
      const second = search.improve(search.sequential(null, 'rate'));
      const secondScore = scorePlan(second);
      if (leftUnits(second) < leftUnits(best) || (leftUnits(second) === leftUnits(best) && better(secondScore, bestScore))) {
        best = second;
        bestScore = secondScore;
      }
    }
    const iterations = options.searchIterations ?? 4;
    const worthSearching = () => best.boxes.length > lowerBound || (objective === 'cost' && best.boxes.length > 1);
    for (let it = 0; it < iterations && worthSearching() && !deadline.expired(); it++) {
      const plan = search.improve(search.sequential(rng, rng.next() < 0.5 ? 'fill' : 'rate'));
      const s = scorePlan(plan);
      if (leftUnits(plan) < leftUnits(best) || (leftUnits(plan) === leftUnits(best) && better(s, bestScore))) {
        best = plan;
        bestScore = s;
      }
    }
    for (const p of best.boxes) result.push(describeBox(boxes[p.box], p.state, boxedItems, shipping));
    for (let k = 0; k < boxedItems.length; k++) {
      if (best.left[k] > 0) unpackable.push({ itemId: boxedItems[k].id, quantity: best.left[k], reason: 'out-of-stock' });
    }
  }

  return { boxes: result, unpackable, totals: totalsOf(result) };
}

function leftUnits(plan: Plan): number {
  let n = 0;
  for (const v of plan.left) n += v;
  return n;
}

function contentsWeight(state: PackingState): number {
  return state.weightGrams;
}

class PlanSearch {
  private readonly buffer: Candidate[] = [];

  constructor(
    private readonly boxes: readonly BoxInfo[],
    private readonly kinds: readonly PieceKind[],
    private readonly counts: Int32Array,
    private readonly stock: readonly number[],
    private readonly priceOf: (box: number, contentsGrams: number) => number,
    private readonly objective: 'cost' | 'boxes',
    private readonly deadline: Deadline,
  ) {
    const support = boxes.length > 0 ? (boxes[0].bin.minSupportFraction ?? 0) : 0;
    this.criteria = support > 0 ? [Criterion.Volume, Criterion.BestFit, Criterion.Footprint] : [Criterion.Volume, Criterion.BestFit];
  }

  /** Volume and weight bound on the number of boxes (ignoring stock). */
  boxLowerBound(): number {
    let volume = 0;
    let weight = 0;
    for (let k = 0; k < this.kinds.length; k++) {
      volume += this.kinds[k].volumeMm3 * this.counts[k];
      weight += this.kinds[k].weightGrams * this.counts[k];
    }
    let maxVolume = 0;
    let maxPayload = 0;
    for (const b of this.boxes) {
      maxVolume = Math.max(maxVolume, b.innerVolumeMm3);
      maxPayload = Math.max(maxPayload, b.bin.maxPayloadGrams);
    }
    return Math.max(1, Math.ceil(volume / maxVolume - 1e-9), Math.ceil(weight / maxPayload - 1e-9));
  }

  /** block scores tried; with support required, wide bases first helps items rest on larger ones */
  private readonly criteria: Criterion[];

  /** deterministic fills recur across rules, restarts and merge attempts; states are never mutated once complete */
  private readonly memo = new Map<string, PackingState>();

  private fill(box: number, counts: Int32Array, params: FillParams): PackingState {
    const key = params.rng ? null : `${box}|${params.criterion}|${counts.join(',')}`;
    if (key !== null) {
      const hit = this.memo.get(key);
      if (hit) return hit;
    }
    const state = new PackingState(this.boxes[box].bin, this.kinds, counts).complete(params, this.buffer);
    if (key !== null) this.memo.set(key, state);
    return state;
  }

  /**
   * Opens boxes one after another. When some box takes everything that is left, the cheapest
   * such box closes the plan; otherwise the next box is the one packing the most volume ('fill')
   * or the least cost per packed volume ('rate').
   */
  sequential(rng: Random | null, rule: 'fill' | 'rate'): Plan {
    const remaining = this.counts.slice();
    const stock = this.stock.slice();
    const plan: Plan = { boxes: [], left: remaining };
    let left = sum(remaining);
    while (left > 0) {
      let chosen: PackingState | null = null;
      let chosenBox = -1;
      let chosenAll = false;
      let chosenKey = Infinity;
      for (let b = 0; b < this.boxes.length; b++) {
        if (stock[b] <= 0) continue;
        // past the deadline the plan is still completed, with one fill per box type
        const paramsList: FillParams[] = rng
          ? [{ criterion: this.criteria[rng.int(this.criteria.length)], topK: 1 + rng.int(3), rng }]
          : this.deadline.expired()
            ? [{ criterion: this.criteria[0], topK: 1 }]
            : this.criteria.map((criterion) => ({ criterion, topK: 1 }));
        for (const params of paramsList) {
          const st = this.fill(b, remaining, params);
          if (st.blocks.length === 0) continue;
          const all = sum(st.counts) === 0;
          const price = this.priceOf(b, contentsWeight(st));
          let key: number;
          if (all) key = price;
          else if (rule === 'fill') key = -st.volumeMm3 + price * 1e-9;
          else key = price / st.volumeMm3;
          if (all && !chosenAll) {
            chosen = st;
            chosenBox = b;
            chosenAll = true;
            chosenKey = key;
          } else if (all === chosenAll && (key < chosenKey || (key === chosenKey && chosenBox >= 0 && this.boxes[b].outerVolumeMm3 < this.boxes[chosenBox].outerVolumeMm3))) {
            chosen = st;
            chosenBox = b;
            chosenKey = key;
          }
          // another fill of the same box that takes everything would cost the same
          if (all) break;
        }
      }
      if (!chosen) break;
      plan.boxes.push({ box: chosenBox, state: chosen });
      stock[chosenBox]--;
      remaining.set(chosen.counts);
      left = sum(remaining);
    }
    return plan;
  }

  /** Local improvement: merge pairs of boxes into one, then move each box's content into a cheaper box. */
  improve(plan: Plan): Plan {
    const stockUsed = this.boxes.map(() => 0);
    for (const p of plan.boxes) stockUsed[p.box]++;
    let merged = true;
    // merging is an improvement only: it may stop at the deadline and leave a valid plan
    while (merged && plan.boxes.length > 1 && !this.deadline.expired()) {
      merged = false;
      outer: for (let i = 0; i < plan.boxes.length; i++) {
        for (let j = i + 1; j < plan.boxes.length; j++) {
          if (this.deadline.expired()) break outer;
          const content = packedCounts(plan.boxes[i].state, this.counts.length);
          const other = packedCounts(plan.boxes[j].state, this.counts.length);
          for (let k = 0; k < content.length; k++) content[k] += other[k];
          stockUsed[plan.boxes[i].box]--;
          stockUsed[plan.boxes[j].box]--;
          // under the cost objective one box must also be cheaper than the two it replaces
          const limit =
            this.objective === 'cost'
              ? this.priceOf(plan.boxes[i].box, contentsWeight(plan.boxes[i].state)) + this.priceOf(plan.boxes[j].box, contentsWeight(plan.boxes[j].state)) + 1e-9
              : Infinity;
          const repl = this.cheapestHolding(content, stockUsed, limit);
          if (repl) {
            stockUsed[repl.box]++;
            plan.boxes[i] = repl;
            plan.boxes.splice(j, 1);
            merged = true;
            break outer;
          }
          stockUsed[plan.boxes[i].box]++;
          stockUsed[plan.boxes[j].box]++;
        }
      }
    }
    for (let i = 0; i < plan.boxes.length && !this.deadline.expired(); i++) {
      const cur = plan.boxes[i];
      stockUsed[cur.box]--;
      const content = packedCounts(cur.state, this.counts.length);
      const repl = this.cheapestHolding(content, stockUsed, this.priceOf(cur.box, contentsWeight(cur.state)), cur.box);
      const next = repl ?? cur;
      stockUsed[next.box]++;
      plan.boxes[i] = next;
    }
    return plan;
  }

  /** The cheapest box (below `priceLimit`) that takes all of `content`, or null. */
  private cheapestHolding(content: Int32Array, stockUsed: readonly number[], priceLimit = Infinity, current = -1): { box: number; state: PackingState } | null {
    let volume = 0;
    let weight = 0;
    for (let k = 0; k < content.length; k++) {
      volume += content[k] * this.kinds[k].volumeMm3;
      weight += content[k] * this.kinds[k].weightGrams;
    }
    const order = this.boxes
      .map((b, i) => ({ i, price: this.priceOf(i, weight), volume: b.outerVolumeMm3 }))
      .filter((o) => o.i !== current && this.stock[o.i] - stockUsed[o.i] > 0)
      .filter((o) => o.price < priceLimit || (o.price === priceLimit && current >= 0 && o.volume < this.boxes[current].outerVolumeMm3))
      .sort((a, b) => a.price - b.price || a.volume - b.volume);
    for (const o of order) {
      const box = this.boxes[o.i];
      if (box.innerVolumeMm3 < volume || box.bin.maxPayloadGrams < weight) continue;
      for (const criterion of this.criteria) {
        const st = this.fill(o.i, content, { criterion, topK: 1 });
        if (sum(st.counts) === 0) return { box: o.i, state: st };
      }
    }
    return null;
  }
}

function packedCounts(state: PackingState, n: number): Int32Array {
  const out = new Int32Array(n);
  for (const b of state.blocks) out[b.kind] += b.nx * b.ny * b.nz;
  return out;
}

function sum(a: Int32Array): number {
  let s = 0;
  for (const v of a) s += v;
  return s;
}

function parcelPrice(box: BoxInfo, contentsGrams: number, shipping: ShippingEstimate | undefined) {
  const weightGrams = box.emptyWeightGrams + contentsGrams;
  return priceParcel(box.outerVolumeMm3, weightGrams, box.costMinor, shipping);
}

function priceParcel(outerVolumeMm3: number, weightGrams: number, boxCostMinor: number, shipping: ShippingEstimate | undefined) {
  // mm³ / (cm³ per kg) = grams, because 1 cm³ = 1000 mm³ and 1 kg = 1000 g
  const dimensionalWeightGrams = shipping ? Math.ceil(outerVolumeMm3 / shipping.dimDivisorCm3PerKg) : 0;
  const chargeableWeightGrams = Math.max(weightGrams, dimensionalWeightGrams);
  const shippingCostMinor = shipping ? (shipping.perParcelMinor ?? 0) + shipping.ratePerKgMinor * Math.ceil(chargeableWeightGrams / 1000) : 0;
  return { outerVolumeMm3, weightGrams, dimensionalWeightGrams, chargeableWeightGrams, shippingCostMinor, total: boxCostMinor + shippingCostMinor };
}

function describeBox(box: BoxInfo, state: PackingState, items: readonly PackItem[], shipping: ShippingEstimate | undefined): PackedBox {
  const placed: PlacedItem[] = [];
  for (const b of state.blocks) {
    const itemId = items[b.kind].id;
    for (let k = 0; k < b.nz; k++)
      for (let j = 0; j < b.ny; j++)
        for (let i = 0; i < b.nx; i++)
          placed.push({ itemId, xMm: b.x + i * b.dx, yMm: b.y + j * b.dy, zMm: b.z + k * b.dz, widthMm: b.dx, lengthMm: b.dy, depthMm: b.dz });
  }
  // bottom-up order is the order a packer puts things in
  placed.sort((a, b) => a.zMm - b.zMm || a.yMm - b.yMm || a.xMm - b.xMm);
  const price = parcelPrice(box, contentsWeight(state), shipping);
  return {
    boxId: box.type.id,
    items: placed,
    volumeUsedPercent: round1((100 * state.volumeMm3) / box.innerVolumeMm3),
    innerVolumeMm3: box.innerVolumeMm3,
    weightGrams: price.weightGrams,
    dimensionalWeightGrams: price.dimensionalWeightGrams,
    chargeableWeightGrams: price.chargeableWeightGrams,
    boxCostMinor: box.costMinor,
    shippingCostMinor: price.shippingCostMinor,
  };
}

function ownContainerParcel(item: PackItem, shipping: ShippingEstimate | undefined): PackedBox {
  const price = priceParcel(item.widthMm * item.lengthMm * item.depthMm, item.weightGrams, 0, shipping);
  return {
    boxId: null,
    items: [{ itemId: item.id, xMm: 0, yMm: 0, zMm: 0, widthMm: item.widthMm, lengthMm: item.lengthMm, depthMm: item.depthMm }],
    volumeUsedPercent: 100,
    innerVolumeMm3: price.outerVolumeMm3,
    weightGrams: price.weightGrams,
    dimensionalWeightGrams: price.dimensionalWeightGrams,
    chargeableWeightGrams: price.chargeableWeightGrams,
    boxCostMinor: 0,
    shippingCostMinor: price.shippingCostMinor,
  };
}

function totalsOf(boxes: readonly PackedBox[]): CartonizationResult['totals'] {
  let itemCount = 0, weightGrams = 0, chargeableWeightGrams = 0, boxCostMinor = 0, shippingCostMinor = 0;
  for (const b of boxes) {
    itemCount += b.items.length;
    weightGrams += b.weightGrams;
    chargeableWeightGrams += b.chargeableWeightGrams;
    boxCostMinor += b.boxCostMinor;
    shippingCostMinor += b.shippingCostMinor;
  }
  let used = 0, inner = 0;
  for (const b of boxes) {
    for (const p of b.items) used += p.widthMm * p.lengthMm * p.depthMm;
    inner += b.innerVolumeMm3;
  }
  return {
    boxCount: boxes.length,
    itemCount,
    weightGrams,
    chargeableWeightGrams,
    boxCostMinor,
    shippingCostMinor,
    totalCostMinor: boxCostMinor + shippingCostMinor,
    volumeUsedPercent: inner > 0 ? round1((100 * used) / inner) : 0,
  };
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}

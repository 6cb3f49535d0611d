import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cartonize, PackingInputError } from '../../../src/engines/packing/index.js';
import type { BoxType, CartonizationResult, PackItem, PlacedItem } from '../../../src/engines/packing/index.js';
import { verifyBin, type VerifierItem } from '../../../bench/packing/verifier.js';

function check(result: CartonizationResult, items: PackItem[], boxes: BoxType[]): void {
  const map = new Map<string, VerifierItem>(
    items.map((i) => [
      i.id,
      {
        dims: [i.widthMm, i.lengthMm, i.depthMm],
        mayStandVertical: i.rotation === 'this-side-up' || i.rotation === 'never' ? [false, false, true] : [true, true, true],
        mayTurnAboutVertical: i.rotation !== 'never',
        weightGrams: i.weightGrams,
        quantity: i.quantity ?? 1,
      },
    ]),
  );
  const used = new Map<string, number>();
  for (const b of result.boxes) {
    if (b.boxId === null) continue;
    const box = boxes.find((x) => x.id === b.boxId)!;
    const errors = verifyBin(
      { x: box.innerWidthMm, y: box.innerLengthMm, z: box.innerDepthMm, maxPayloadGrams: box.maxWeightGrams === undefined ? undefined : box.maxWeightGrams - (box.emptyWeightGrams ?? 0) },
      b.items.map((p) => ({ item: p.itemId, x: p.xMm, y: p.yMm, z: p.zMm, w: p.widthMm, l: p.lengthMm, d: p.depthMm })),
      map,
      used,
    );
    assert.deepEqual(errors, []);
  }
  for (const i of items) {
    const placed = result.boxes.reduce((s, b) => s + b.items.filter((p) => p.itemId === i.id).length, 0);
    const reported = result.unpackable.filter((u) => u.itemId === i.id).reduce((s, u) => s + u.quantity, 0);
    assert.equal(placed + reported, i.quantity ?? 1, `all units of ${i.id} accounted for`);
  }
}

const cube = (id: string, side: number, quantity = 1, weightGrams = 100): PackItem => ({ id, widthMm: side, lengthMm: side, depthMm: side, weightGrams, quantity });
const box = (id: string, w: number, l: number, d: number, extra: Partial<BoxType> = {}): BoxType => ({ id, innerWidthMm: w, innerLengthMm: l, innerDepthMm: d, ...extra });

test('eight cubes fill a box exactly', () => {
  const items = [cube('c', 10, 8)];
  const boxes = [box('B', 20, 20, 20)];
  const r = cartonize({ items }, boxes);
  assert.equal(r.boxes.length, 1);
  assert.equal(r.boxes[0].volumeUsedPercent, 100);
  assert.equal(r.totals.itemCount, 8);
  check(r, items, boxes);
});

test('needs rotation to fit, and this-side-up forbids it', () => {
  const tall: PackItem = { id: 't', widthMm: 10, lengthMm: 10, depthMm: 30, weightGrams: 50 };
  const boxes = [box('flat', 30, 30, 10)];
  const free = cartonize({ items: [tall] }, boxes);
  assert.equal(free.boxes.length, 1);
  assert.equal(free.boxes[0].items[0].depthMm, 10);
  check(free, [tall], boxes);
  const upright = cartonize({ items: [{ ...tall, rotation: 'this-side-up' }] }, boxes);
  assert.equal(upright.boxes.length, 0);
  assert.deepEqual(upright.unpackable, [{ itemId: 't', quantity: 1, reason: 'too-large' }]);
});

test('never-rotate keeps width along x', () => {
  const item: PackItem = { id: 'n', widthMm: 30, lengthMm: 10, depthMm: 10, weightGrams: 1, rotation: 'never' };
  const boxes = [box('narrow', 10, 30, 10), box('wide', 30, 10, 10)];
  const r = cartonize({ items: [item] }, boxes);
  assert.equal(r.boxes[0].boxId, 'wide');
  check(r, [item], boxes);
});

test('dimensional weight makes the smaller box cheaper despite its price', () => {
  const items = [cube('c', 100, 1, 200)];
  const boxes = [box('big', 600, 600, 600, { costMinor: 10 }), box('small', 120, 120, 120, { costMinor: 50 })];
  const shipping = { dimDivisorCm3PerKg: 5000, ratePerKgMinor: 100 };
  const r = cartonize({ items }, boxes, { shipping });
  assert.equal(r.boxes[0].boxId, 'small');
  // 600³ mm³ / 5000 = 43,200 g of dimensional weight for the big box
  const big = cartonize({ items }, [boxes[0]], { shipping });
  assert.equal(big.boxes[0].dimensionalWeightGrams, 43_200);
  assert.equal(big.boxes[0].chargeableWeightGrams, 43_200);
  assert.ok(r.totals.totalCostMinor < big.totals.totalCostMinor);
  // without shipping only box price counts
  assert.equal(cartonize({ items }, boxes).boxes[0].boxId, 'big');
});

test('splits over several boxes when volume or weight demands it', () => {
  const items = [cube('c', 10, 16, 100)];
  const boxes = [box('B', 20, 20, 20, { emptyWeightGrams: 50, maxWeightGrams: 650 })];
  const r = cartonize({ items }, boxes);
  // 8 fit by volume but only 6 by weight (600 g payload)
  assert.equal(r.boxes.length, 3);
  for (const b of r.boxes) assert.ok(b.weightGrams <= 650);
  check(r, items, boxes);
});

test('fewest boxes objective merges what the cost objective may split', () => {
  const items = [cube('a', 10, 4), cube('b', 10, 4)];
  const boxes = [box('B', 20, 20, 20), box('S', 20, 20, 10)];
  const r = cartonize({ items }, boxes, { objective: 'boxes' });
  assert.equal(r.boxes.length, 1);
  check(r, items, boxes);
});

test('unpackable items are reported and the rest is packed', () => {
  const items: PackItem[] = [
    cube('ok', 10, 2),
    { id: 'huge', widthMm: 500, lengthMm: 10, depthMm: 10, weightGrams: 1 },
    { id: 'zero', widthMm: 0, lengthMm: 10, depthMm: 10, weightGrams: 1 },
    { id: 'neg', widthMm: 10, lengthMm: -5, depthMm: 10, weightGrams: 1 },
    cube('lead', 10, 1, 5000),
  ];
  const boxes = [box('B', 100, 100, 100, { maxWeightGrams: 1000 })];
  const r = cartonize({ items }, boxes);
  const reasons = Object.fromEntries(r.unpackable.map((u) => [u.itemId, u.reason]));
  assert.deepEqual(reasons, { huge: 'too-large', zero: 'invalid-dimensions', neg: 'invalid-dimensions', lead: 'too-heavy' });
  assert.equal(r.boxes.length, 1);
  assert.equal(r.boxes[0].items.length, 2);
});

test('ship-alone items get their own box; own-container items get none', () => {
  const items: PackItem[] = [cube('a', 10, 2), { ...cube('alone', 10, 2), shipAlone: true }, { ...cube('own', 300, 1), ownContainer: true }];
  const boxes = [box('B', 50, 50, 50)];
  const r = cartonize({ items }, boxes);
  assert.equal(r.boxes.length, 4);
  const alone = r.boxes.filter((b) => b.items.some((p) => p.itemId === 'alone'));
  assert.equal(alone.length, 2);
  for (const b of alone) assert.equal(b.items.length, 1);
  const own = r.boxes.filter((b) => b.boxId === null);
  assert.equal(own.length, 1);
  assert.equal(own[0].items[0].itemId, 'own');
  check(r, items, boxes);
});

function above(upper: PlacedItem, lower: PlacedItem): boolean {
  const overlapXY = upper.xMm < lower.xMm + lower.widthMm && lower.xMm < upper.xMm + upper.widthMm && upper.yMm < lower.yMm + lower.lengthMm && lower.yMm < upper.yMm + upper.lengthMm;
  return overlapXY && upper.zMm >= lower.zMm + lower.depthMm;
}

test('do-not-stack-on and fragile items have nothing forbidden on top', () => {
  const items: PackItem[] = [
    { id: 'glass', widthMm: 20, lengthMm: 20, depthMm: 10, weightGrams: 10, quantity: 4, fragile: true },
    { id: 'cake', widthMm: 20, lengthMm: 20, depthMm: 10, weightGrams: 10, quantity: 2, doNotStackOn: true },
    { id: 'brick', widthMm: 20, lengthMm: 20, depthMm: 10, weightGrams: 10, quantity: 6 },
  ];
  const boxes = [box('B', 40, 40, 30)];
  const r = cartonize({ items }, boxes, { objective: 'boxes' });
  check(r, items, boxes);
  for (const b of r.boxes) {
    for (const lower of b.items) {
      for (const upper of b.items) {
        if (upper === lower || !above(upper, lower)) continue;
        assert.notEqual(lower.itemId, 'cake', 'nothing on a do-not-stack-on item');
        if (lower.itemId === 'glass') assert.equal(upper.itemId, 'glass', 'only fragile items on fragile items');
      }
    }
  }
});

test('box stock is respected', () => {
  const items = [cube('c', 10, 3)];
  const boxes = [box('small', 10, 10, 10, { costMinor: 1, stock: 1 }), box('big', 30, 10, 10, { costMinor: 100, stock: 0 })];
  const r = cartonize({ items }, boxes);
  assert.equal(r.boxes.length, 1);
  assert.deepEqual(r.unpackable, [{ itemId: 'c', quantity: 2, reason: 'out-of-stock' }]);
});

test('same seed gives the same answer', () => {
  const items: PackItem[] = [];
  for (let i = 0; i < 12; i++) items.push({ id: `i${i}`, widthMm: 20 + ((i * 37) % 61), lengthMm: 15 + ((i * 53) % 47), depthMm: 5 + ((i * 29) % 31), weightGrams: 100 + i, quantity: 1 + (i % 3) });
  const boxes = [box('S', 100, 100, 60, { costMinor: 30 }), box('M', 150, 120, 100, { costMinor: 50 }), box('L', 200, 200, 150, { costMinor: 80 })];
  const a = cartonize({ items }, boxes, { seed: 7, shipping: { dimDivisorCm3PerKg: 5000, ratePerKgMinor: 40 } });
  const b = cartonize({ items }, boxes, { seed: 7, shipping: { dimDivisorCm3PerKg: 5000, ratePerKgMinor: 40 } });
  assert.deepEqual(a, b);
  check(a, items, boxes);
});

test('malformed input is rejected', () => {
  const boxes = [box('B', 10, 10, 10)];
  assert.throws(() => cartonize({ items: 'x' } as never, boxes), PackingInputError);
  assert.throws(() => cartonize({ items: [{ ...cube('a', 5), quantity: -1 }] }, boxes), PackingInputError);
  assert.throws(() => cartonize({ items: [{ ...cube('a', 5), weightGrams: Number.NaN }] }, boxes), PackingInputError);
  assert.throws(() => cartonize({ items: [cube('a', 5)] }, [box('B', 0, 10, 10)]), PackingInputError);
  assert.throws(() => cartonize({ items: [cube('a', 5)] }, [box('B', 10, 10, 10), box('B', 20, 20, 20)]), PackingInputError);
});

test('with full support required every item rests on the floor or on items below', () => {
  const items: PackItem[] = [];
  for (let i = 0; i < 10; i++) items.push({ id: `i${i}`, widthMm: 20 + ((i * 37) % 41), lengthMm: 15 + ((i * 53) % 37), depthMm: 5 + ((i * 29) % 21), weightGrams: 100, quantity: 1 + (i % 3) });
  const boxes = [box('M', 120, 100, 80), box('L', 200, 160, 120)];
  const r = cartonize({ items }, boxes, { minSupportPercent: 100, objective: 'boxes' });
  check(r, items, boxes);
  for (const b of r.boxes) {
    for (const p of b.items) {
      if (p.zMm === 0) continue;
      let area = 0;
      for (const q of b.items) {
        if (q.zMm + q.depthMm !== p.zMm) continue;
        const ox = Math.min(p.xMm + p.widthMm, q.xMm + q.widthMm) - Math.max(p.xMm, q.xMm);
        const oy = Math.min(p.yMm + p.lengthMm, q.yMm + q.lengthMm) - Math.max(p.yMm, q.yMm);
        if (ox > 0 && oy > 0) area += ox * oy;
      }
      assert.equal(area, p.widthMm * p.lengthMm, `item ${p.itemId} at z=${p.zMm} fully supported`);
    }
  }
  assert.throws(() => cartonize({ items }, boxes, { minSupportPercent: 120 }), PackingInputError);
});

test('a large order honours the time limit loosely and stays complete', () => {
  const items: PackItem[] = [];
  for (let i = 0; i < 120; i++) items.push({ id: `i${i}`, widthMm: 20 + ((i * 37) % 281), lengthMm: 20 + ((i * 53) % 281), depthMm: 5 + ((i * 29) % 196), weightGrams: 50 + ((i * 71) % 2950), quantity: 1 + (i % 5) });
  const boxes = [1, 2, 3, 4].map((k) => box(`B${k}`, 200 * k, 150 * k + 100, 100 * k + 100, { maxWeightGrams: 10000 * k, costMinor: 100 * k }));
  const t0 = performance.now();
  const r = cartonize({ items }, boxes, { timeLimitMs: 100, shipping: { dimDivisorCm3PerKg: 5000, ratePerKgMinor: 50 } });
  assert.ok(performance.now() - t0 < 3000);
  check(r, items, boxes);
  assert.deepEqual(r.unpackable, []);
});

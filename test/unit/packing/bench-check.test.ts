import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cartonize } from '../../../src/engines/packing/index.js';
import { parseBoxes, parseExpected, parseOrders } from '../../../bench/packing/boxpacker-reader.js';
import { checkOrderLine } from '../../../bench/packing/order-check.js';
import { orderLine } from '../../../bench/packing/solution-writer.js';
import { verifyBin, type VerifierItem } from '../../../bench/packing/verifier.js';

const itemsCsv = 'o1,3,a,210,297,8,300\no1,2,b,148,210,5,100\no2,1,c,400,50,50,100\n';
const boxesCsv = 'Small,230,300,40,100,220,300,40,2000\nBig,240,310,200,200,230,300,190,15000\n';

test('BoxPacker CSV readers', () => {
  const orders = parseOrders(itemsCsv, true);
  assert.equal(orders.length, 2);
  assert.deepEqual(orders[0].items[1], { id: 'b', quantity: 2, widthMm: 148, lengthMm: 210, depthMm: 5, weightGrams: 100, rotation: 'this-side-up' });
  const boxes = parseBoxes(boxesCsv);
  assert.equal(boxes[1].innerDepthMm, 190);
  assert.equal(boxes[1].maxWeightGrams, 15000);
  const exp = parseExpected('o1,1,0,27.1,1,0,27.5\n');
  assert.deepEqual(exp.get('o1'), { boxesFlat: 1, utilisationFlatPercent: 27.1, boxesRotating: 1, utilisationRotatingPercent: 27.5 });
});

test('written order lines pass the independent check; unpackable units are accounted for', () => {
  const boxes = parseBoxes(boxesCsv);
  for (const order of parseOrders(itemsCsv, true)) {
    const line = orderLine(order.id, cartonize(order, boxes, { objective: 'boxes' }));
    assert.deepEqual(checkOrderLine(line, order, boxes), []);
  }
  const o2 = parseOrders(itemsCsv, true)[1];
  const line = orderLine(o2.id, cartonize(o2, boxes));
  assert.deepEqual(line.unpackable, [{ item: 'c', quantity: 1, reason: 'too-large' }]);
});

test('the check catches overlaps, escapes, bad orientations, overweight and missing units', () => {
  const order = parseOrders(itemsCsv, true)[0];
  const boxes = parseBoxes(boxesCsv);
  const good = orderLine(order.id, cartonize(order, boxes, { objective: 'boxes' }));
  const clone = () => JSON.parse(JSON.stringify(good)) as typeof good;

  const overlap = clone();
  overlap.boxes[0].items[1] = { ...overlap.boxes[0].items[0] };
  assert.ok(checkOrderLine(overlap, order, boxes).some((e) => e.includes('overlap')));

  const escape = clone();
  escape.boxes[0].items[0].x = 100;
  assert.ok(checkOrderLine(escape, order, boxes).some((e) => e.includes('leaves')));

  const standing = clone();
  const p = standing.boxes[0].items[0];
  [p.l, p.d] = [p.d, p.l];
  assert.ok(checkOrderLine(standing, order, boxes).some((e) => e.includes('orientation')));

  const missing = clone();
  missing.boxes[0].items.pop();
  assert.ok(checkOrderLine(missing, order, boxes).some((e) => e.includes('units')));

  const items = new Map<string, VerifierItem>([['h', { dims: [10, 10, 10], mayStandVertical: [true, true, true], weightGrams: 600, quantity: 2 }]]);
  const heavy = verifyBin({ x: 20, y: 10, z: 10, maxPayloadGrams: 1000 }, [
    { item: 'h', x: 0, y: 0, z: 0, w: 10, l: 10, d: 10 },
    { item: 'h', x: 10, y: 0, z: 0, w: 10, l: 10, d: 10 },
  ], items);
  assert.ok(heavy.some((e) => e.includes('weigh')));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { loadContainer } from '../../../src/engines/packing/index.js';
import type { CargoType, ContainerLoadResult, ContainerSpec } from '../../../src/engines/packing/index.js';
import { parseThpack } from '../../../bench/packing/thpack-reader.js';
import { verifyBin, type VerifierItem } from '../../../bench/packing/verifier.js';

function errorsOf(container: ContainerSpec, cargo: CargoType[], r: ContainerLoadResult): string[] {
  const items = new Map<string, VerifierItem>(cargo.map((c) => [c.id, { dims: c.dimsMm, mayStandVertical: c.mayStandVertical, quantity: c.count }]));
  return verifyBin(
    { x: container.lengthMm, y: container.widthMm, z: container.heightMm },
    r.placements.map((p) => ({ item: p.typeId, x: p.xMm, y: p.yMm, z: p.zMm, w: p.lengthMm, l: p.widthMm, d: p.heightMm })),
    items,
  );
}

test('a perfect fit reaches 100 %', () => {
  const container = { lengthMm: 40, widthMm: 20, heightMm: 20 };
  const cargo: CargoType[] = [
    { id: 'a', dimsMm: [10, 20, 20], mayStandVertical: [true, true, true], count: 2 },
    { id: 'b', dimsMm: [10, 10, 10], mayStandVertical: [true, true, true], count: 8 },
  ];
  const r = loadContainer(container, cargo, { timeLimitMs: 500 });
  assert.equal(r.utilisationPercent, 100);
  assert.deepEqual(r.leftOver, []);
  assert.deepEqual(errorsOf(container, cargo, r), []);
});

test('may-stand-vertical flags are honoured', () => {
  // a 30 mm dimension may not stand vertical, so the 30 mm-high container cannot use it upright
  const container = { lengthMm: 30, widthMm: 30, heightMm: 30 };
  const cargo: CargoType[] = [{ id: 'p', dimsMm: [30, 10, 10], mayStandVertical: [false, true, true], count: 9 }];
  const r = loadContainer(container, cargo, { timeLimitMs: 300 });
  assert.equal(r.placements.length, 9);
  for (const p of r.placements) assert.notEqual(p.heightMm, 30);
  assert.deepEqual(errorsOf(container, cargo, r), []);
});

test('leaves out what does not fit and reports it', () => {
  const container = { lengthMm: 20, widthMm: 20, heightMm: 10 };
  const cargo: CargoType[] = [{ id: 'c', dimsMm: [10, 10, 10], mayStandVertical: [true, true, true], count: 7 }];
  const r = loadContainer(container, cargo, { timeLimitMs: 200 });
  assert.equal(r.placements.length, 4);
  assert.deepEqual(r.leftOver, [{ typeId: 'c', count: 3 }]);
});

test('rejects bad containers and cargo', () => {
  assert.throws(() => loadContainer({ lengthMm: 0, widthMm: 10, heightMm: 10 }, []), RangeError);
  assert.throws(() => loadContainer({ lengthMm: 10, widthMm: 10, heightMm: 10 }, [{ id: 'x', dimsMm: [1, -1, 1], mayStandVertical: [true, true, true], count: 1 }]), RangeError);
});

test('thpack parser reads problems, flags and counts', () => {
  const text = ' 2\n 1 2502505\n 587 233 220\n 2\n 1 108 0 76 0 30 1 40\n 2 110 0 43 1 25 1 33\n 2 7\n 100 100 100\n 1\n 1 10 1 20 1 30 0 5\n';
  const problems = parseThpack(text);
  assert.equal(problems.length, 2);
  assert.deepEqual(problems[0].container, { lengthMm: 587, widthMm: 233, heightMm: 220 });
  assert.deepEqual(problems[0].cargo[1], { id: '2', dimsMm: [110, 43, 25], mayStandVertical: [false, true, true], count: 33 });
  assert.deepEqual(problems[1].cargo[0].mayStandVertical, [true, true, false]);
});

const br1 = '../shared/data/packing/br-container/br1.txt';
test('a BR1 problem is loaded validly, well and within the time limit', { skip: !existsSync(br1) }, () => {
  const p = parseThpack(readFileSync(br1, 'utf8'))[0];
  const t0 = performance.now();
  const a = loadContainer(p.container, p.cargo, { timeLimitMs: 300, seed: 3 });
  assert.ok(performance.now() - t0 < 2000, 'time limit honoured');
  assert.deepEqual(errorsOf(p.container, p.cargo, a), []);
  assert.ok(a.utilisationPercent > 80, `utilisation ${a.utilisationPercent}`);
  const volume = a.placements.reduce((s, q) => s + q.lengthMm * q.widthMm * q.heightMm, 0);
  assert.equal(volume, a.loadedVolumeMm3);
});

import type { BenchInstance } from './bench-instance.js';

/** Reads a Solomon VRPTW text file: name, fleet (number, capacity), then one line per customer. */
export function parseSolomon(text: string, fallbackName = 'instance'): BenchInstance {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  const name = lines[0] || fallbackName;
  const vIdx = lines.findIndex((l) => /^NUMBER\s+CAPACITY/i.test(l));
  if (vIdx < 0) throw new Error('missing VEHICLE section');
  const [fleet, capacity] = lines[vIdx + 1].split(/\s+/).map(Number);
  const cIdx = lines.findIndex((l) => /^CUST/i.test(l));
  if (cIdx < 0) throw new Error('missing CUSTOMER section');
  const x: number[] = [];
  const y: number[] = [];
  const demand: number[] = [];
  const ready: number[] = [];
  const due: number[] = [];
  const service: number[] = [];
  for (const line of lines.slice(cIdx + 1)) {
    const f = line.split(/\s+/).map(Number);
    if (f.length < 7 || f.some((v) => !Number.isFinite(v))) continue;
    const i = f[0];
    if (i !== x.length) throw new Error(`customers must be numbered 0..n in order (saw ${i})`);
    x.push(f[1]);
    y.push(f[2]);
    demand.push(f[3]);
    ready.push(f[4]);
    due.push(f[5]);
    service.push(f[6]);
  }
  if (x.length < 2) throw new Error('no customers');
  return { name, kind: 'vrptw', x, y, demand, capacity, fleet, ready, due, service, roundDistances: false };
}

import type { BenchInstance } from './bench-instance.js';

/** Reads a VRPLIB CVRP file with EUC_2D coordinates (the CVRPLIB X set's format). */
export function parseVrplib(text: string, fallbackName = 'instance'): BenchInstance {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const header = new Map<string, string>();
  let section = '';
  let dimension = 0;
  const x: number[] = [];
  const y: number[] = [];
  const demand: number[] = [];
  const depots: number[] = [];
  for (const line of lines) {
    if (line === '' || line === 'EOF') continue;
    const kv = /^([A-Z_]+)\s*:\s*(.*)$/.exec(line);
    if (kv) {
      header.set(kv[1], kv[2].trim().replace(/^"|"$/g, ''));
      if (kv[1] === 'DIMENSION') dimension = Number(kv[2]);
      continue;
    }
    if (/^[A-Z_]+_SECTION$/.test(line.split(/\s+/)[0])) {
      section = line.split(/\s+/)[0];
      continue;
    }
    const f = line.split(/\s+/).map(Number);
    if (section === 'NODE_COORD_SECTION') {
      x[f[0] - 1] = f[1];
      y[f[0] - 1] = f[2];
    } else if (section === 'DEMAND_SECTION') demand[f[0] - 1] = f[1];
    else if (section === 'DEPOT_SECTION' && f[0] > 0) depots.push(f[0]);
  }
  const type = header.get('EDGE_WEIGHT_TYPE');
  if (type !== 'EUC_2D') throw new Error(`unsupported EDGE_WEIGHT_TYPE ${type}`);
  if (!dimension || x.length !== dimension || demand.length !== dimension) throw new Error('incomplete VRPLIB file');
  if (depots.length !== 1 || depots[0] !== 1) throw new Error('only a single depot at node 1 is supported');
  const capacity = Number(header.get('CAPACITY'));
  if (!(capacity > 0)) throw new Error('missing CAPACITY');
  return { name: header.get('NAME') || fallbackName, kind: 'cvrp', x, y, demand, capacity, fleet: null, roundDistances: true };
}

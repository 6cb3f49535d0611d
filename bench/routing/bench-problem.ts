import type { RoutingProblem } from '../../src/engines/routing/types.js';
import { distance, type BenchInstance } from './bench-instance.js';

/**
 * The engine's problem for a benchmark instance: location i is node i, cost 1 per distance unit
 * (costPerKm 1000 with "metres" = instance units), travel time = distance for VRPTW.
 * CVRP has no fleet limit in the file; the fleet offered is generous (HGS uses the same bound).
 */
export function toRoutingProblem(inst: BenchInstance): RoutingProblem {
  const size = inst.x.length;
  const distancesMetres: number[][] = [];
  for (let a = 0; a < size; a++) {
    const row = new Array<number>(size);
    for (let b = 0; b < size; b++) row[b] = distance(inst, a, b);
    distancesMetres.push(row);
  }
  const timed = inst.kind === 'vrptw';
  const durationsSeconds = timed ? distancesMetres : distancesMetres.map((r) => r.map(() => 0));
  const total = inst.demand.reduce((s, d) => s + d, 0);
  const fleet = inst.fleet ?? Math.ceil((1.3 * total) / inst.capacity) + 3;
  const stops = inst.demand.slice(1).map((d, k) => ({
    id: String(k + 1),
    location: k + 1,
    demand: [d],
    serviceSeconds: timed ? inst.service![k + 1] : 0,
    timeWindows: timed ? [[inst.ready![k + 1], inst.due![k + 1]] as [number, number]] : undefined,
  }));
  const vehicles = Array.from({ length: fleet }, (_, k) => ({
    id: `v${k + 1}`,
    startLocation: 0,
    capacity: [inst.capacity],
    costPerKm: 1000,
    shiftSeconds: timed ? ([inst.ready![0], inst.due![0]] as [number, number]) : undefined,
  }));
  return { matrix: { distancesMetres, durationsSeconds }, stops, vehicles };
}

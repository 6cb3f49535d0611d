import { distance, type BenchInstance } from './bench-instance.js';

export interface Verdict {
  feasible: boolean;
  cost: number;
  vehicles: number;
  problems: string[];
}

/**
 * Checks a solution against the instance alone (no engine code): every customer exactly once,
 * capacity, fleet size, time windows with waiting, return to the depot by its due time, and the
 * cost recomputed from the instance's distance convention.
 */
export function verifySolution(inst: BenchInstance, routes: number[][]): Verdict {
  const n = inst.x.length - 1;
  const problems: string[] = [];
  const seen = new Uint32Array(n + 1);
  let cost = 0;
  const used = routes.filter((r) => r.length > 0);
  if (inst.fleet !== null && used.length > inst.fleet) problems.push(`${used.length} routes exceed the fleet of ${inst.fleet}`);
  used.forEach((route, k) => {
    let load = 0;
    let prev = 0;
    let t = inst.ready?.[0] ?? 0;
    for (const c of route) {
      if (!Number.isInteger(c) || c < 1 || c > n) {
        problems.push(`route ${k + 1}: unknown customer ${c}`);
        continue;
      }
      seen[c]++;
      load += inst.demand[c];
      const d = distance(inst, prev, c);
      cost += d;
      if (inst.ready && inst.due && inst.service) {
        t = Math.max(t + d, inst.ready[c]);
        if (t > inst.due[c] + 1e-6) problems.push(`route ${k + 1}: customer ${c} served at ${t.toFixed(2)} after its due time ${inst.due[c]}`);
        t += inst.service[c];
      }
      prev = c;
    }
    const back = distance(inst, prev, 0);
    cost += back;
    if (inst.due && t + back > inst.due[0] + 1e-6) problems.push(`route ${k + 1}: back at the depot at ${(t + back).toFixed(2)} after ${inst.due[0]}`);
    if (load > inst.capacity) problems.push(`route ${k + 1}: load ${load} exceeds capacity ${inst.capacity}`);
  });
  for (let c = 1; c <= n; c++) {
    if (seen[c] === 0) problems.push(`customer ${c} not served`);
    if (seen[c] > 1) problems.push(`customer ${c} served ${seen[c]} times`);
  }
  return { feasible: problems.length === 0, cost, vehicles: used.length, problems };
}

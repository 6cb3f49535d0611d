import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NetworkProblem } from '../../src/engines/network/types.js';

/** `DIR/<instance>.sol`: cost on line 1, then per customer (file order) the 0-based serving facility. */
export function writeSolution(dir: string, instance: string, cost: number, assignment: number[]): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${instance}.sol`);
  writeFileSync(path, [String(cost), ...assignment.map(String)].join('\n') + '\n');
  return path;
}

export interface Verdict {
  valid: boolean;
  /** cost recomputed from the data, independently of the engine */
  cost: number;
  problems: string[];
}

/**
 * Recomputes a single-source / p-median solution from the raw data: every customer assigned to
 * a real facility, capacities respected, the p-median count honoured, cost = fixed costs of the
 * facilities used + assignment costs.
 */
export function verifySolution(problem: NetworkProblem, assignment: number[]): Verdict {
  const problems: string[] = [];
  const { siteCount: sites, zoneCount: zones } = problem;
  if (assignment.length !== zones) problems.push(`assignment has ${assignment.length} entries, expected ${zones}`);
  const used = new Set<number>();
  const load = new Array<number>(sites).fill(0);
  let cost = 0;
  for (let z = 0; z < Math.min(zones, assignment.length); z++) {
    const i = assignment[z];
    if (!Number.isInteger(i) || i < 0 || i >= sites) {
      problems.push(`customer ${z} assigned to invalid facility ${i}`);
      continue;
    }
    used.add(i);
    load[i] += problem.demand[z];
    cost += problem.serviceCost[z * sites + i];
  }
  if (problem.kind !== 'p-median') for (const i of used) cost += problem.fixedCost?.[i] ?? 0;
  if (problem.capacity)
    for (let i = 0; i < sites; i++) {
      const cap = problem.capacity[i];
      if (cap !== null && cap !== undefined && load[i] > cap + 1e-9) problems.push(`facility ${i} load ${load[i]} exceeds capacity ${cap}`);
    }
  if (problem.kind === 'p-median' && problem.openCount !== undefined && used.size > problem.openCount)
    problems.push(`${used.size} medians used, at most ${problem.openCount} allowed`);
  return { valid: problems.length === 0, cost, problems };
}

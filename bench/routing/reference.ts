import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Routes (customer numbers, depot 0 excluded) and the cost stated by a CVRPLIB `.sol` file. */
export function parseSolution(text: string): { routes: number[][]; cost: number | null } {
  const routes: number[][] = [];
  let cost: number | null = null;
  for (const line of text.split(/\r?\n/)) {
    const r = /^Route\s*#\d+\s*:(.*)$/i.exec(line.trim());
    if (r) routes.push(r[1].trim().split(/\s+/).filter(Boolean).map(Number));
    const c = /^Cost\s+([0-9.eE+-]+)/i.exec(line.trim());
    if (c) cost = Number(c[1]);
  }
  return { routes, cost };
}

/** Best-known cost for an instance file: a `.sol` beside it, or its entry in `bks-distance.json`. */
export function referenceCost(file: string, instanceName: string): number | null {
  const sol = file.replace(/\.[^.]+$/, '.sol');
  if (sol !== file && existsSync(sol)) {
    const { cost } = parseSolution(readFileSync(sol, 'utf8'));
    if (cost !== null) return cost;
  }
  const bks = join(dirname(file), 'bks-distance.json');
  if (existsSync(bks)) {
    const table = JSON.parse(readFileSync(bks, 'utf8')) as Record<string, { best_known_distance?: number }>;
    const key = [instanceName, basename(file).replace(/\.[^.]+$/, '')].find((k) => table[k]?.best_known_distance !== undefined);
    if (key) return table[key].best_known_distance ?? null;
  }
  return null;
}

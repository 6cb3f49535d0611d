/**
 * Seeded generator of large single-source CFLP instances in the Holmberg/Delmaire text layout,
 * for the "hundreds of sites x thousands of zones" measurements (no public set of that size ships
 * with the reference data). Cornuejols-style: points in a unit square, demand 5..35, assignment
 * cost = demand x distance x 10, capacities 10..160 scaled so total capacity / demand = `ratio`,
 * fixed cost growing with the square root of capacity.
 *
 * Usage: npx tsx bench/network/generate.ts SITES ZONES RATIO SEED > file
 */
import { Random } from '../../src/shared/random.js';

export function generateSscflp(sites: number, zones: number, ratio: number, seed: number): string {
  const r = new Random(seed);
  const sitePts = Array.from({ length: sites }, () => [r.next(), r.next()]);
  const zonePts = Array.from({ length: zones }, () => [r.next(), r.next()]);
  const demand = zonePts.map(() => r.range(5, 35));
  const total = demand.reduce((a, b) => a + b, 0);
  const raw = sitePts.map(() => r.range(10, 160));
  const scale = (ratio * total) / raw.reduce((a, b) => a + b, 0);
  const capacity = raw.map((c) => Math.max(35, Math.round(c * scale)));
  const fixed = capacity.map((c) => Math.round(r.range(0, 90) + 100 * Math.sqrt(c)));
  const lines = [`${sites} ${zones}`, capacity.join(' '), fixed.join(' '), demand.join(' ')];
  for (let z = 0; z < zones; z++)
    lines.push(sitePts.map(([x, y]) => Math.round(10 * demand[z] * Math.hypot(x - zonePts[z][0], y - zonePts[z][1]) * 10)).join(' '));
  return lines.join('\n') + '\n';
}

if (process.argv[1]?.endsWith('generate.ts')) {
  const [sites, zones, ratio, seed] = process.argv.slice(2).map(Number);
  if (!(sites > 0 && zones > 0 && ratio > 0)) {
    console.error('usage: generate.ts SITES ZONES RATIO SEED');
    process.exit(2);
  }
  process.stdout.write(generateSscflp(sites, zones, ratio, seed || 1));
}

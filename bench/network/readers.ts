import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { NetworkProblem } from '../../src/engines/network/types.js';

/** A benchmark instance in engine form, with what the verifier needs to recompute costs. */
export interface BenchInstance {
  name: string;
  format: 'sscflp' | 'pmedian';
  problem: NetworkProblem;
  /** reference optimum when the folder ships one */
  optimum?: number;
}

function numbers(text: string): number[] {
  return text.trim().split(/\s+/).map(Number);
}

/**
 * Single-source CFLP (Holmberg / Delmaire layout): `I J`, I capacities, I opening costs,
 * J demands, then per customer the I costs of serving its whole demand from each facility.
 */
export function parseSscflp(name: string, text: string): BenchInstance {
  const t = numbers(text);
  let k = 0;
  const sites = t[k++];
  const zones = t[k++];
  const expected = 2 + 2 * sites + zones + sites * zones;
  if (t.length < expected || t.slice(0, expected).some((v) => !Number.isFinite(v))) throw new Error(`${name}: expected ${expected} numbers in SSCFLP format, got ${t.length}`);
  const capacity = t.slice(k, (k += sites));
  const fixedCost = t.slice(k, (k += sites));
  const demand = t.slice(k, (k += zones));
  const serviceCost = t.slice(k, (k += sites * zones));
  return { name, format: 'sscflp', problem: { kind: 'single-source', siteCount: sites, zoneCount: zones, demand, serviceCost, fixedCost, capacity } };
}

/**
 * OR-Library p-median: `n edges p`, then undirected `i j cost` edges (1-based). Distances are
 * shortest paths (Floyd–Warshall); a repeated edge overwrites the earlier one, as in Beasley's
 * convention.
 */
export function parsePmedian(name: string, text: string): BenchInstance {
  const t = numbers(text);
  const [n, edges, p] = t;
  const d = new Float64Array(n * n).fill(Infinity);
  for (let i = 0; i < n; i++) d[i * n + i] = 0;
  for (let e = 0; e < edges; e++) {
    const a = t[3 + 3 * e] - 1;
    const b = t[4 + 3 * e] - 1;
    const c = t[5 + 3 * e];
    if (!(a >= 0 && a < n && b >= 0 && b < n && Number.isFinite(c))) throw new Error(`${name}: bad edge ${e + 1}`);
    if (a === b) continue;
    d[a * n + b] = c;
    d[b * n + a] = c;
  }
  for (let k = 0; k < n; k++) {
    const rk = k * n;
    for (let i = 0; i < n; i++) {
      const dik = d[i * n + k];
      if (dik === Infinity) continue;
      const ri = i * n;
      for (let j = 0; j < n; j++) {
        const via = dik + d[rk + j];
        if (via < d[ri + j]) d[ri + j] = via;
      }
    }
  }
  if (d.some((v) => v === Infinity)) throw new Error(`${name}: graph is not connected`);
  return {
    name,
    format: 'pmedian',
    problem: { kind: 'p-median', siteCount: n, zoneCount: n, demand: new Array(n).fill(1), serviceCost: Array.from(d), openCount: p },
  };
}

/** The files of reference optima: one beside the SSCFLP instances, one beside the p-median ones. */
const SSCFLP_OPTIMA = 'os';
const PMEDIAN_OPTIMA = 'pmedopt.txt';

/** Reference optimum: `os` beside SSCFLP files (line k is instance pk), `pmedopt.txt` beside p-median files. */
function referenceOptimum(path: string, name: string): number | undefined {
  const dir = dirname(path);
  const osFile = join(dir, SSCFLP_OPTIMA);
  const pk = /^p(\d+)$/.exec(name);
  if (pk && existsSync(osFile)) {
    const value = Number(readFileSync(osFile, 'utf8').split(/\r?\n/)[Number(pk[1]) - 1]);
    return Number.isFinite(value) ? value : undefined;
  }
  const optFile = join(dir, PMEDIAN_OPTIMA);
  if (existsSync(optFile)) {
    for (const line of readFileSync(optFile, 'utf8').split(/\r?\n/)) {
      const [key, value] = line.trim().split(/\s+/);
      if (key === name && Number.isFinite(Number(value))) return Number(value);
    }
  }
  return undefined;
}

/** The reference-optimum files that sit beside the instances (so `pmed*.txt` or `dir/*` can be passed as is). */
export function isReferenceFile(path: string): boolean {
  const name = basename(path);
  return name === SSCFLP_OPTIMA || name === PMEDIAN_OPTIMA;
}

/** Reads a file, recognising the format by its name (`pmedN.txt`) or by its first line. */
export function readInstance(path: string): BenchInstance {
  const text = readFileSync(path, 'utf8');
  const name = basename(path).replace(/\.txt$/, '');
  const header = numbers(text.split(/\r?\n/, 1)[0]);
  const instance = /^pmed\d+$/.test(name) || header.length === 3 ? parsePmedian(name, text) : parseSscflp(name, text);
  instance.optimum = referenceOptimum(path, name);
  return instance;
}

import type { CargoType, ContainerSpec } from '../../src/engines/packing/types.js';

/** One container loading problem of the OR-Library thpack (Bischoff & Ratcliff) format. */
export interface ThpackProblem {
  /** problem number within the file, from 1 */
  index: number;
  seed: number;
  container: ContainerSpec;
  cargo: CargoType[];
}

/**
 * Parses a thpack file: the number of problems, then per problem "number seed", the container
 * "length width height", the number of box types and per type
 * "type d1 f1 d2 f2 d3 f3 count" where f = 1 when that dimension may stand vertical.
 */
export function parseThpack(text: string): ThpackProblem[] {
  const tokens = text.split(/\s+/).filter((t) => t.length > 0).map(Number);
  let pos = 0;
  const next = (): number => {
    if (pos >= tokens.length) throw new Error('thpack: unexpected end of file');
    const v = tokens[pos++];
    if (!Number.isFinite(v)) throw new Error(`thpack: not a number at token ${pos}`);
    return v;
  };
  const problems: ThpackProblem[] = [];
  const count = next();
  for (let p = 0; p < count; p++) {
    const index = next();
    const seed = next();
    const container: ContainerSpec = { lengthMm: next(), widthMm: next(), heightMm: next() };
    const types = next();
    const cargo: CargoType[] = [];
    for (let t = 0; t < types; t++) {
      const id = String(next());
      const d1 = next(), f1 = next(), d2 = next(), f2 = next(), d3 = next(), f3 = next();
      const n = next();
      cargo.push({ id, dimsMm: [d1, d2, d3], mayStandVertical: [f1 === 1, f2 === 1, f3 === 1], count: n });
    }
    problems.push({ index, seed, container, cargo });
  }
  return problems;
}

import type { RotationRule } from './types.js';

/**
 * Allowed placed extents (x, y, z) for an item of dimensions (a, b, c), flattened as triples.
 * Duplicates (cubes, square faces) are removed so the search does not try them twice.
 */
export function allowedOrientations(
  dims: readonly [number, number, number],
  rotation: RotationRule = 'any',
  mayStandVertical?: readonly [boolean, boolean, boolean],
): number[] {
  const [a, b, c] = dims;
  const triples: [number, number, number][] = [];
  if (mayStandVertical) {
    // the vertical dimension is the flagged one; the other two may lie either way round
    if (mayStandVertical[0]) triples.push([b, c, a], [c, b, a]);
    if (mayStandVertical[1]) triples.push([a, c, b], [c, a, b]);
    if (mayStandVertical[2]) triples.push([a, b, c], [b, a, c]);
  } else if (rotation === 'never') {
    triples.push([a, b, c]);
  } else if (rotation === 'this-side-up') {
    triples.push([a, b, c], [b, a, c]);
  } else {
    triples.push([a, b, c], [b, a, c], [a, c, b], [c, a, b], [b, c, a], [c, b, a]);
  }
  const out: number[] = [];
  for (const t of triples) {
    let seen = false;
    for (let i = 0; i < out.length; i += 3) {
      if (out[i] === t[0] && out[i + 1] === t[1] && out[i + 2] === t[2]) seen = true;
    }
    if (!seen) out.push(t[0], t[1], t[2]);
  }
  return out;
}

/** True when some allowed orientation fits inside the given inner extents. */
export function fitsSomeOrientation(orientations: readonly number[], x: number, y: number, z: number): boolean {
  for (let i = 0; i < orientations.length; i += 3) {
    if (orientations[i] <= x && orientations[i + 1] <= y && orientations[i + 2] <= z) return true;
  }
  return false;
}

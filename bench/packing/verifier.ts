/**
 * Independent check of a packing: written without the engine's code so that an engine bug cannot
 * hide itself. Every placement must lie inside the bin, no two may overlap, the placed extents
 * must be an allowed orientation of the item, no more units than exist may be used, and the
 * weight limit must hold.
 */

export interface VerifierItem {
  dims: readonly [number, number, number];
  /** which listed dimension may be vertical; all true for free rotation */
  mayStandVertical: readonly [boolean, boolean, boolean];
  /** false when the item must keep its listed width along x and length along y */
  mayTurnAboutVertical?: boolean;
  weightGrams?: number;
  quantity: number;
}

export interface VerifierPlacement {
  item: string;
  x: number;
  y: number;
  z: number;
  /** placed extents along x, y, z */
  w: number;
  l: number;
  d: number;
}

export interface VerifierBin {
  x: number;
  y: number;
  z: number;
  /** limit on the contents' weight; omitted when unlimited */
  maxPayloadGrams?: number;
}

export function verifyBin(bin: VerifierBin, placements: readonly VerifierPlacement[], items: ReadonlyMap<string, VerifierItem>, used?: Map<string, number>): string[] {
  const errors: string[] = [];
  let weight = 0;
  const usage = used ?? new Map<string, number>();
  for (const p of placements) {
    const item = items.get(p.item);
    if (!item) {
      errors.push(`unknown item ${p.item}`);
      continue;
    }
    if (![p.x, p.y, p.z, p.w, p.l, p.d].every(Number.isFinite)) errors.push(`item ${p.item}: non-numeric placement`);
    if (p.x < 0 || p.y < 0 || p.z < 0 || p.x + p.w > bin.x || p.y + p.l > bin.y || p.z + p.d > bin.z) {
      errors.push(`item ${p.item} at (${p.x},${p.y},${p.z}) size ${p.w}x${p.l}x${p.d} leaves the bin ${bin.x}x${bin.y}x${bin.z}`);
    }
    if (!orientationAllowed(item, p)) errors.push(`item ${p.item}: orientation ${p.w}x${p.l}x${p.d} not allowed for ${item.dims.join('x')}`);
    weight += item.weightGrams ?? 0;
    usage.set(p.item, (usage.get(p.item) ?? 0) + 1);
  }
  if (bin.maxPayloadGrams !== undefined && weight > bin.maxPayloadGrams) errors.push(`contents weigh ${weight} g, limit ${bin.maxPayloadGrams} g`);
  // sweep along x so the overlap test stays fast for a few hundred placements
  const order = placements.map((_, i) => i).sort((a, b) => placements[a].x - placements[b].x);
  for (let a = 0; a < order.length; a++) {
    const p = placements[order[a]];
    for (let b = a + 1; b < order.length; b++) {
      const q = placements[order[b]];
      if (q.x >= p.x + p.w) break;
      if (p.y < q.y + q.l && q.y < p.y + p.l && p.z < q.z + q.d && q.z < p.z + p.d) {
        errors.push(`items ${p.item} and ${q.item} overlap at (${q.x},${q.y},${q.z})`);
      }
    }
  }
  if (!used) errors.push(...checkQuantities(usage, items));
  return errors;
}

export function checkQuantities(usage: ReadonlyMap<string, number>, items: ReadonlyMap<string, VerifierItem>): string[] {
  const errors: string[] = [];
  for (const [id, n] of usage) {
    const item = items.get(id);
    if (item && n > item.quantity) errors.push(`item ${id} placed ${n} times, only ${item.quantity} exist`);
  }
  return errors;
}

function orientationAllowed(item: VerifierItem, p: VerifierPlacement): boolean {
  const [a, b, c] = item.dims;
  const tries: [number, number, number, number][] = [
    [a, b, c, 2], [b, a, c, 2], [a, c, b, 1], [c, a, b, 1], [b, c, a, 0], [c, b, a, 0],
  ];
  for (const [w, l, d, vertical] of tries) {
    if (w !== p.w || l !== p.l || d !== p.d) continue;
    if (!item.mayStandVertical[vertical]) continue;
    if (item.mayTurnAboutVertical === false && !(w === a && l === b && d === c)) continue;
    return true;
  }
  return false;
}

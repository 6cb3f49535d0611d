import type { Random } from '../../shared/random.js';

/**
 * Block building over maximal empty spaces (after Parreño, Alvarez-Valdes, Oliveira & Tamarit
 * 2008): repeatedly take the empty space nearest a corner of the bin, put there a block of
 * identical pieces (a column, layer or full brick of one kind in one orientation) and split the
 * space. Used both for a single carton and for a whole container.
 */

export interface PieceKind {
  /** allowed placed extents (x, y, z) as flat triples */
  orientations: readonly number[];
  weightGrams: number;
  volumeMm3: number;
  doNotStackOn: boolean;
  fragile: boolean;
}

export interface BinSpec {
  x: number;
  y: number;
  z: number;
  /** what the contents may weigh; Infinity when unlimited */
  maxPayloadGrams: number;
  /**
   * Share of each piece's base that must rest on the floor or on pieces directly below it
   * (0 = free-floating placements allowed, as in the container loading literature).
   */
  minSupportFraction?: number;
}

export interface Block {
  kind: number;
  x: number;
  y: number;
  z: number;
  nx: number;
  ny: number;
  nz: number;
  /** one piece's placed extent */
  dx: number;
  dy: number;
  dz: number;
}

export const enum Criterion {
  /** largest block first: fills big spaces with few decisions */
  Volume = 0,
  /** block leaving the smallest gaps to the space's sides */
  BestFit = 1,
  /** widest base first: big items at the bottom, which is what support rules need */
  Footprint = 2,
}

export interface FillParams {
  criterion: Criterion;
  /** choose uniformly among this many best blocks (1 = greedy) */
  topK: number;
  rng?: Random;
}

interface Space {
  x0: number;
  y0: number;
  z0: number;
  x1: number;
  y1: number;
  z1: number;
  /** distance to the nearest floor corner as a sorted vector, packed into one comparable number */
  key: number;
  cornerHighX: boolean;
  cornerHighY: boolean;
  volume: number;
}

export interface Candidate {
  kind: number;
  dx: number;
  dy: number;
  dz: number;
  nx: number;
  ny: number;
  nz: number;
  score: number;
}

const SCALE = 1 << 20; // dimensions stay far below 2^20 mm, so packed keys keep their order

function sortedKey(a: number, b: number, c: number): number {
  let t;
  if (a > b) (t = a), (a = b), (b = t);
  if (b > c) (t = b), (b = c), (c = t);
  if (a > b) (t = a), (a = b), (b = t);
  return (a * SCALE + b) * SCALE + c;
}

export class PackingState {
  spaces: Space[] = [];
  blocks: Block[] = [];
  counts: Int32Array;
  payloadLeftGrams: number;
  volumeMm3 = 0;
  weightGrams = 0;
  private readonly hasPlacementRules: boolean;
  /** spaces that broke the placement rules, with the block count at that time */
  private deferred = new Map<Space, number>();

  constructor(
    readonly bin: BinSpec,
    readonly kinds: readonly PieceKind[],
    counts: Int32Array,
    empty = true,
  ) {
    this.counts = counts.slice();
    this.payloadLeftGrams = bin.maxPayloadGrams;
    this.hasPlacementRules = kinds.some((k) => k.doNotStackOn || k.fragile) || (bin.minSupportFraction ?? 0) > 0;
    if (empty) this.spaces.push(this.makeSpace(0, 0, 0, bin.x, bin.y, bin.z));
  }

  clone(): PackingState {
    const c = new PackingState(this.bin, this.kinds, this.counts, false);
    c.spaces = this.spaces.slice();
    c.blocks = this.blocks.slice();
    c.payloadLeftGrams = this.payloadLeftGrams;
    c.volumeMm3 = this.volumeMm3;
    c.weightGrams = this.weightGrams;
    return c;
  }

  private makeSpace(x0: number, y0: number, z0: number, x1: number, y1: number, z1: number): Space {
    const lowX = x0;
    const highX = this.bin.x - x1;
    const lowY = y0;
    const highY = this.bin.y - y1;
    return {
      x0, y0, z0, x1, y1, z1,
      key: sortedKey(Math.min(lowX, highX), Math.min(lowY, highY), z0),
      cornerHighX: highX < lowX,
      cornerHighY: highY < lowY,
      volume: (x1 - x0) * (y1 - y0) * (z1 - z0),
    };
  }

  /** Index of the space to fill next, or -1 when none is left. */
  private pickSpace(): number {
    let best = -1;
    for (let i = 0; i < this.spaces.length; i++) {
      const s = this.spaces[i];
      if (this.deferred.size > 0 && this.deferred.get(s) === this.blocks.length) continue;
      if (best < 0) {
        best = i;
        continue;
      }
      const b = this.spaces[best];
      if (s.key < b.key || (s.key === b.key && s.volume > b.volume)) best = i;
    }
    return best;
  }

  /**
   * One construction step: fill the next space with a block, dropping spaces nothing fits in.
   * Returns false once no piece fits anywhere.
   */
  step(params: FillParams, buffer: Candidate[]): boolean {
    for (;;) {
      const si = this.pickSpace();
      if (si < 0) return false;
      const s = this.spaces[si];
      const k = this.hasPlacementRules ? 64 : Math.max(1, params.topK);
      const n = this.candidates(s, params.criterion, k, buffer);
      if (n === 0) {
        this.removeSpace(si);
        continue;
      }
      let first = 0;
      if (params.rng && params.topK > 1 && n > 1) first = params.rng.int(Math.min(n, params.topK));
      for (let t = 0; t < n; t++) {
        const block = this.blockFor(s, buffer[(first + t) % n]);
        if (!block) continue;
        this.place(block);
        return true;
      }
      // a space that breaks the rules now may become usable once something is placed beside it
      // (support, for instance), so it is only set aside until the next placement
      this.deferred.set(s, this.blocks.length);
    }
  }

  /**
   * The candidate placed in the space's corner nearest a bin corner; when placement rules are in
   * force and that corner breaks them, the space's other floor corners are tried.
   */
  private blockFor(s: Space, c: Candidate): Block | null {
    const bx = c.nx * c.dx;
    const by = c.ny * c.dy;
    for (let corner = 0; corner < (this.hasPlacementRules ? 4 : 1); corner++) {
      const highX = (corner & 1) === 0 ? s.cornerHighX : !s.cornerHighX;
      const highY = (corner & 2) === 0 ? s.cornerHighY : !s.cornerHighY;
      const x = highX ? s.x1 - bx : s.x0;
      const y = highY ? s.y1 - by : s.y0;
      const block: Block = { kind: c.kind, x, y, z: s.z0, nx: c.nx, ny: c.ny, nz: c.nz, dx: c.dx, dy: c.dy, dz: c.dz };
      if (!this.hasPlacementRules || this.stackingAllowed(block)) return block;
    }
    // then on top of a block ending at the space's floor, flush with one of its corners
    for (const p of this.blocks) {
      if (p.z + p.nz * p.dz !== s.z0) continue;
      const px1 = p.x + p.nx * p.dx;
      const py1 = p.y + p.ny * p.dy;
      for (let corner = 0; corner < 4; corner++) {
        const x = (corner & 1) === 0 ? p.x : px1 - bx;
        const y = (corner & 2) === 0 ? p.y : py1 - by;
        if (x < s.x0 || y < s.y0 || x + bx > s.x1 || y + by > s.y1) continue;
        const block: Block = { kind: c.kind, x, y, z: s.z0, nx: c.nx, ny: c.ny, nz: c.nz, dx: c.dx, dy: c.dy, dz: c.dz };
        if (this.stackingAllowed(block)) return block;
      }
    }
    return null;
  }

  private removeSpace(i: number): void {
    const last = this.spaces.pop()!;
    if (i < this.spaces.length) this.spaces[i] = last;
  }

  /** Fills `out` with the best `k` blocks for space `s` (best first); returns how many. */
  candidates(s: Space, criterion: Criterion, k: number, out: Candidate[]): number {
    const sx = s.x1 - s.x0;
    const sy = s.y1 - s.y0;
    const sz = s.z1 - s.z0;
    let size = 0;
    const kinds = this.kinds;
    for (let kind = 0; kind < kinds.length; kind++) {
      let n = this.counts[kind];
      if (n <= 0) continue;
      const pk = kinds[kind];
      if (pk.weightGrams > 0) n = Math.min(n, Math.floor(this.payloadLeftGrams / pk.weightGrams));
      if (n <= 0) continue;
      const o = pk.orientations;
      for (let oi = 0; oi < o.length; oi += 3) {
        const dx = o[oi];
        const dy = o[oi + 1];
        const dz = o[oi + 2];
        if (dx > sx || dy > sy || dz > sz) continue;
        const mx = Math.min(Math.floor(sx / dx), n);
        const my = Math.min(Math.floor(sy / dy), n);
        const mz = pk.doNotStackOn ? 1 : Math.min(Math.floor(sz / dz), n);
        // fill orders: (x,y,z) etc., plus single layers and columns
        for (let v = 0; v < 12; v++) {
          let nx: number, ny: number, nz: number;
          switch (v) {
            case 0: nx = mx; ny = Math.min(my, Math.floor(n / nx)); nz = Math.min(mz, Math.floor(n / (nx * ny))); break;
            case 1: nx = mx; nz = Math.min(mz, Math.floor(n / nx)); ny = Math.min(my, Math.floor(n / (nx * nz))); break;
            case 2: ny = my; nx = Math.min(mx, Math.floor(n / ny)); nz = Math.min(mz, Math.floor(n / (nx * ny))); break;
            case 3: ny = my; nz = Math.min(mz, Math.floor(n / ny)); nx = Math.min(mx, Math.floor(n / (ny * nz))); break;
            case 4: nz = mz; nx = Math.min(mx, Math.floor(n / nz)); ny = Math.min(my, Math.floor(n / (nx * nz))); break;
            case 5: nz = mz; ny = Math.min(my, Math.floor(n / nz)); nx = Math.min(mx, Math.floor(n / (ny * nz))); break;
            case 6: nz = 1; nx = mx; ny = Math.min(my, Math.floor(n / nx)); break;
            case 7: nz = 1; ny = my; nx = Math.min(mx, Math.floor(n / ny)); break;
            case 8: ny = 1; nx = mx; nz = Math.min(mz, Math.floor(n / nx)); break;
            case 9: nx = 1; ny = my; nz = Math.min(mz, Math.floor(n / ny)); break;
            case 10: ny = 1; nz = 1; nx = mx; break;
            default: nx = 1; nz = 1; ny = my; break;
          }
          if (nx < 1 || ny < 1 || nz < 1) continue;
          const bx = nx * dx;
          const by = ny * dy;
          const bz = nz * dz;
          const volume = nx * ny * nz * pk.volumeMm3;
          let score: number;
          if (criterion === Criterion.Volume) {
            score = -volume * 4 + (sx - bx + sy - by + sz - bz) / (sx + sy + sz);
          } else if (criterion === Criterion.BestFit) {
            score = sortedKey(sx - bx, sy - by, sz - bz) - volume / (sx * sy * sz);
          } else {
            score = -(dx * dy) * 4 - (bx * by) / (sx * sy) - volume / (sx * sy * sz);
          }
          if (size === k && score >= out[k - 1].score) continue;
          // skip exact duplicates (common when n is large and every fill order gives the full brick)
          let dup = false;
          for (let i = 0; i < size; i++) {
            const c = out[i];
            if (c.score === score && c.kind === kind && c.nx === nx && c.ny === ny && c.nz === nz && c.dx === dx && c.dy === dy) {
              dup = true;
              break;
            }
          }
          if (dup) continue;
          let pos = size < k ? size++ : k - 1;
          while (pos > 0 && out[pos - 1].score > score) {
            out[pos] = out[pos - 1];
            pos--;
          }
          out[pos] = { kind, dx, dy, dz, nx, ny, nz, score };
        }
      }
    }
    return size;
  }

  /** Support, do-not-stack-on and fragile-on-top rules against every block already placed. */
  private stackingAllowed(b: Block): boolean {
    const support = this.bin.minSupportFraction ?? 0;
    if (support > 0 && b.z > 0 && !this.supported(b, support)) return false;
    const bk = this.kinds[b.kind];
    const bx1 = b.x + b.nx * b.dx;
    const by1 = b.y + b.ny * b.dy;
    const bz1 = b.z + b.nz * b.dz;
    for (const p of this.blocks) {
      const pk = this.kinds[p.kind];
      if (!pk.doNotStackOn && !pk.fragile && !bk.doNotStackOn && !bk.fragile) continue;
      const px1 = p.x + p.nx * p.dx;
      const py1 = p.y + p.ny * p.dy;
      if (b.x >= px1 || p.x >= bx1 || b.y >= py1 || p.y >= by1) continue;
      const pz1 = p.z + p.nz * p.dz;
      if (b.z >= pz1) {
        // new block above p
        if (pk.doNotStackOn || (pk.fragile && !bk.fragile)) return false;
      } else if (bz1 <= p.z) {
        if (bk.doNotStackOn || (bk.fragile && !pk.fragile)) return false;
      }
    }
    return true;
  }

  /** Every piece of the block's bottom layer rests on at least `fraction` of its base. */
  private supported(b: Block, fraction: number): boolean {
    const need = fraction * b.dx * b.dy - 1e-9;
    for (let j = 0; j < b.ny; j++) {
      for (let i = 0; i < b.nx; i++) {
        const x0 = b.x + i * b.dx, x1 = x0 + b.dx;
        const y0 = b.y + j * b.dy, y1 = y0 + b.dy;
        let area = 0;
        for (const p of this.blocks) {
          if (p.z + p.nz * p.dz !== b.z) continue;
          const ox = Math.min(x1, p.x + p.nx * p.dx) - Math.max(x0, p.x);
          const oy = Math.min(y1, p.y + p.ny * p.dy) - Math.max(y0, p.y);
          if (ox > 0 && oy > 0) area += ox * oy;
        }
        if (area < need) return false;
      }
    }
    return true;
  }

  place(b: Block): void {
    const pk = this.kinds[b.kind];
    const count = b.nx * b.ny * b.nz;
    this.blocks.push(b);
    this.counts[b.kind] -= count;
    this.payloadLeftGrams -= count * pk.weightGrams;
    this.weightGrams += count * pk.weightGrams;
    this.volumeMm3 += count * pk.volumeMm3;
    const bx0 = b.x, by0 = b.y, bz0 = b.z;
    const bx1 = bx0 + b.nx * b.dx;
    const by1 = by0 + b.ny * b.dy;
    const bz1 = bz0 + b.nz * b.dz;
    const keep: Space[] = [];
    const fresh: Space[] = [];
    for (const s of this.spaces) {
      if (s.x0 >= bx1 || bx0 >= s.x1 || s.y0 >= by1 || by0 >= s.y1 || s.z0 >= bz1 || bz0 >= s.z1) {
        keep.push(s);
        continue;
      }
      if (bx0 > s.x0) fresh.push(this.makeSpace(s.x0, s.y0, s.z0, bx0, s.y1, s.z1));
      if (bx1 < s.x1) fresh.push(this.makeSpace(bx1, s.y0, s.z0, s.x1, s.y1, s.z1));
      if (by0 > s.y0) fresh.push(this.makeSpace(s.x0, s.y0, s.z0, s.x1, by0, s.z1));
      if (by1 < s.y1) fresh.push(this.makeSpace(s.x0, by1, s.z0, s.x1, s.y1, s.z1));
      if (bz0 > s.z0) fresh.push(this.makeSpace(s.x0, s.y0, s.z0, s.x1, s.y1, bz0));
      if (bz1 < s.z1) fresh.push(this.makeSpace(s.x0, s.y0, bz1, s.x1, s.y1, s.z1));
    }
    const minDim = this.smallestRemainingDim();
    for (let i = 0; i < fresh.length; i++) {
      const f = fresh[i];
      if (f.x1 - f.x0 < minDim || f.y1 - f.y0 < minDim || f.z1 - f.z0 < minDim) continue;
      let covered = false;
      for (const s of keep) {
        if (s.x0 <= f.x0 && s.y0 <= f.y0 && s.z0 <= f.z0 && s.x1 >= f.x1 && s.y1 >= f.y1 && s.z1 >= f.z1) {
          covered = true;
          break;
        }
      }
      if (!covered) {
        for (let j = 0; j < fresh.length; j++) {
          if (j === i) continue;
          const s = fresh[j];
          if (s.x0 <= f.x0 && s.y0 <= f.y0 && s.z0 <= f.z0 && s.x1 >= f.x1 && s.y1 >= f.y1 && s.z1 >= f.z1) {
            // identical twins: keep only the first
            const same = s.x0 === f.x0 && s.y0 === f.y0 && s.z0 === f.z0 && s.x1 === f.x1 && s.y1 === f.y1 && s.z1 === f.z1;
            if (!same || j < i) {
              covered = true;
              break;
            }
          }
        }
      }
      if (!covered) keep.push(f);
    }
    this.spaces = keep;
  }

  private smallestRemainingDim(): number {
    let m = Infinity;
    for (let k = 0; k < this.kinds.length; k++) {
      if (this.counts[k] <= 0) continue;
      const pk = this.kinds[k];
      if (pk.weightGrams > this.payloadLeftGrams) continue;
      const o = pk.orientations;
      for (let i = 0; i < o.length; i++) if (o[i] < m) m = o[i];
    }
    return m;
  }

  /**
   * The states reached by putting each of the `width` best blocks into the next space: the
   * branching step of the look-ahead search. Empty when nothing fits anywhere.
   */
  branches(criterion: Criterion, width: number, buffer: Candidate[]): PackingState[] {
    for (;;) {
      const si = this.pickSpace();
      if (si < 0) return [];
      const s = this.spaces[si];
      const n = this.candidates(s, criterion, this.hasPlacementRules ? 64 : width, buffer);
      const out: PackingState[] = [];
      for (let t = 0; t < n && out.length < width; t++) {
        const block = this.blockFor(s, buffer[t]);
        if (!block) continue;
        const child = this.clone();
        child.place(block);
        out.push(child);
      }
      if (out.length > 0) return out;
      this.removeSpace(si);
    }
  }

  /** Runs construction steps until nothing more fits. */
  complete(params: FillParams, buffer: Candidate[] = []): this {
    while (this.step(params, buffer));
    return this;
  }
}

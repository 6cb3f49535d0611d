import { Deadline } from '../control.js';
import { allowedOrientations } from './orientations.js';
import { Criterion, PackingState, type BinSpec, type Block, type Candidate, type PieceKind } from './space-packer.js';
import type { CargoType, ContainerLoadResult, ContainerPlacement, ContainerSpec, LoadContainerOptions } from './types.js';

/**
 * Loads one container with as much cargo volume as possible. Construction is block building over
 * maximal spaces; the search is a look-ahead over block choices in the spirit of Fanslau &
 * Bortfeldt's tree search: each candidate block for the next space is judged by the volume that
 * greedy completions (two block criteria) reach from it, the best is fixed, and the walk repeats
 * with a wider choice until the time limit. No randomness, so a run is reproducible when it is
 * bounded by `maxIterations` rather than by time.
 */
export function loadContainer(
  container: ContainerSpec,
  cargo: readonly CargoType[],
  options: LoadContainerOptions = {},
): ContainerLoadResult {
  validateContainer(container, cargo);
  const deadline = new Deadline(options, 5_000);
  const kinds: PieceKind[] = cargo.map((c) => ({
    orientations: allowedOrientations(c.dimsMm, 'any', c.mayStandVertical),
    weightGrams: c.weightGrams ?? 0,
    volumeMm3: c.dimsMm[0] * c.dimsMm[1] * c.dimsMm[2],
    doNotStackOn: false,
    fragile: false,
  }));
  const counts = Int32Array.from(cargo.map((c) => c.count));
  const bin: BinSpec = {
    x: container.lengthMm,
    y: container.widthMm,
    z: container.heightMm,
    maxPayloadGrams: container.maxWeightGrams ?? Infinity,
  };
  const totalCargo = kinds.reduce((s, k, i) => s + k.volumeMm3 * counts[i], 0);
  const binVolume = bin.x * bin.y * bin.z;
  const upperBound = Math.min(totalCargo, binVolume);

  const buffer: Candidate[] = [];
  let best = new PackingState(bin, kinds, counts).complete({ criterion: Criterion.Volume, topK: 1 }, buffer);
  let iterations = 1;
  const alt = new PackingState(bin, kinds, counts).complete({ criterion: Criterion.BestFit, topK: 1 }, buffer);
  iterations++;
  if (alt.volumeMm3 > best.volumeMm3) best = alt;

  // greedy look-ahead: at each step try the `width` best blocks, complete each greedily and keep
  // the one whose completion loads most; widen the search while time remains
  const widths = [2, 3, 4, 6, 8, 12, 16, 24, 32];
  const maxIterations = options.maxIterations ?? Infinity;
  let round = 0;
  const cands: Candidate[] = [];
  while (best.volumeMm3 < upperBound && !deadline.expired() && iterations < maxIterations) {
    if (round >= 2 * widths.length) break;
    const width = widths[round >> 1];
    const criterion = (round & 1) === 0 ? Criterion.Volume : Criterion.BestFit;
    round++;
    let state = new PackingState(bin, kinds, counts);
    while (!deadline.expired() && iterations < maxIterations) {
      const children = state.branches(criterion, width, cands);
      if (children.length === 0) break;
      let chosen: PackingState | null = null;
      let chosenVolume = -1;
      for (const next of children) {
        for (const completion of [Criterion.Volume, Criterion.BestFit]) {
          const done = next.clone().complete({ criterion: completion, topK: 1 }, buffer);
          iterations++;
          if (done.volumeMm3 > best.volumeMm3) best = done;
          if (done.volumeMm3 > chosenVolume) {
            chosenVolume = done.volumeMm3;
            chosen = next;
          }
        }
        if (deadline.expired()) break;
      }
      if (!chosen) break;
      state = chosen;
    }
    deadline.progress(`loading: ${((100 * best.volumeMm3) / binVolume).toFixed(1)} %`);
  }

  return {
    placements: expandBlocks(best.blocks, cargo),
    loadedVolumeMm3: best.volumeMm3,
    containerVolumeMm3: binVolume,
    utilisationPercent: (100 * best.volumeMm3) / binVolume,
    leftOver: cargo.map((c, i) => ({ typeId: c.id, count: best.counts[i] })).filter((l) => l.count > 0),
    iterations,
  };
}

function expandBlocks(blocks: readonly Block[], cargo: readonly CargoType[]): ContainerPlacement[] {
  const out: ContainerPlacement[] = [];
  for (const b of blocks) {
    for (let k = 0; k < b.nz; k++)
      for (let j = 0; j < b.ny; j++)
        for (let i = 0; i < b.nx; i++)
          out.push({
            typeId: cargo[b.kind].id,
            xMm: b.x + i * b.dx,
            yMm: b.y + j * b.dy,
            zMm: b.z + k * b.dz,
            lengthMm: b.dx,
            widthMm: b.dy,
            heightMm: b.dz,
          });
  }
  return out;
}

function validateContainer(container: ContainerSpec, cargo: readonly CargoType[]): void {
  const dims = [container.lengthMm, container.widthMm, container.heightMm];
  if (!dims.every((d) => Number.isFinite(d) && d > 0)) throw new RangeError('container dimensions must be positive numbers');
  for (const c of cargo) {
    if (!c.dimsMm.every((d) => Number.isFinite(d) && d > 0)) throw new RangeError(`cargo ${c.id}: dimensions must be positive numbers`);
    if (!Number.isInteger(c.count) || c.count < 0) throw new RangeError(`cargo ${c.id}: count must be a non-negative integer`);
  }
}

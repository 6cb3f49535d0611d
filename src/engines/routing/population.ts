import type { Random } from '../../shared/random.js';
import { brokenPairsDistance, penalisedCost, type Individual } from './individual.js';
import type { Penalties } from './penalties.js';

export interface PopulationParams {
  minSize: number;
  generationSize: number;
  nbElite: number;
  nbClose: number;
}

/**
 * HGS population (Vidal et al. 2012): feasible and infeasible subpopulations ranked by a biased
 * fitness mixing cost rank and diversity (mean broken-pairs distance to the closest individuals).
 */
export class Population {
  readonly feasible: Individual[] = [];
  readonly infeasible: Individual[] = [];

  constructor(private readonly p: PopulationParams, private readonly rng: Random) {}

  size(): number {
    return this.feasible.length + this.infeasible.length;
  }

  add(ind: Individual): void {
    const sub = ind.feasible ? this.feasible : this.infeasible;
    for (const other of sub) {
      const d = brokenPairsDistance(ind, other);
      insertSorted(other.proximity, { other: ind, distance: d });
      insertSorted(ind.proximity, { other, distance: d });
    }
    let k = sub.length;
    while (k > 0 && sub[k - 1].penalised > ind.penalised) k--;
    sub.splice(k, 0, ind);
    if (sub.length > this.p.minSize + this.p.generationSize) {
      while (sub.length > this.p.minSize) this.removeWorst(sub);
    }
  }

  /** Re-costs infeasible individuals after a penalty change. */
  repenalise(pen: Penalties, bigM: number): void {
    for (const ind of this.infeasible) ind.penalised = penalisedCost(ind, pen, bigM);
    this.infeasible.sort((a, b) => a.penalised - b.penalised);
  }

  selectParent(): Individual {
    this.updateBiasedFitness(this.feasible);
    this.updateBiasedFitness(this.infeasible);
    const total = this.size();
    const pick = () => {
      const k = this.rng.int(total);
      return k < this.feasible.length ? this.feasible[k] : this.infeasible[k - this.feasible.length];
    };
    const a = pick();
    const b = pick();
    return a.biasedFitness < b.biasedFitness ? a : b;
  }

  clear(): void {
    for (const sub of [this.feasible, this.infeasible]) {
      for (const ind of sub) ind.proximity = [];
      sub.length = 0;
    }
  }

  private averageCloseness(ind: Individual): number {
    const k = Math.min(this.p.nbClose, ind.proximity.length);
    if (k === 0) return 0;
    let s = 0;
    for (let i = 0; i < k; i++) s += ind.proximity[i].distance;
    return s / k;
  }

  private updateBiasedFitness(sub: Individual[]): void {
    const size = sub.length;
    if (size === 0) return;
    if (size === 1) {
      sub[0].biasedFitness = 0;
      return;
    }
    // sub is sorted by penalised cost; rank by diversity (most diverse first)
    const ranking = sub.map((ind, costRank) => ({ costRank, div: -this.averageCloseness(ind) }));
    ranking.sort((a, b) => a.div - b.div || a.costRank - b.costRank);
    const eliteShare = Math.min(this.p.nbElite, size) / size;
    for (let divRank = 0; divRank < size; divRank++) {
      const { costRank } = ranking[divRank];
      sub[costRank].biasedFitness = costRank / (size - 1) + (1 - eliteShare) * (divRank / (size - 1));
    }
  }

  private removeWorst(sub: Individual[]): void {
    this.updateBiasedFitness(sub);
    let worst = -1;
    let worstIsClone = false;
    let worstFit = -Infinity;
    for (let k = 1; k < sub.length; k++) {
      const ind = sub[k];
      const isClone = ind.proximity.length > 0 && ind.proximity[0].distance < 1e-9;
      if ((isClone && !worstIsClone) || (isClone === worstIsClone && ind.biasedFitness > worstFit)) {
        worst = k;
        worstIsClone = isClone;
        worstFit = ind.biasedFitness;
      }
    }
    if (worst < 0) worst = sub.length - 1;
    const [gone] = sub.splice(worst, 1);
    for (const ind of sub) {
      const i = ind.proximity.findIndex((p) => p.other === gone);
      if (i >= 0) ind.proximity.splice(i, 1);
    }
    gone.proximity = [];
  }
}

function insertSorted(list: { other: Individual; distance: number }[], item: { other: Individual; distance: number }): void {
  let k = list.length;
  while (k > 0 && list[k - 1].distance > item.distance) k--;
  list.splice(k, 0, item);
}

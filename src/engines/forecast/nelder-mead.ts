/**
 * Nelder–Mead simplex minimiser over an unconstrained space; models map its coordinates into
 * their admissible region themselves (logistic transforms), so no bounds handling is needed here.
 */
export interface MinimizeResult {
  x: Float64Array;
  value: number;
  evaluations: number;
}

export function nelderMead(
  objective: (x: Float64Array) => number,
  start: Float64Array,
  options: { maxEvaluations?: number; step?: number; tolerance?: number } = {},
): MinimizeResult {
  const dim = start.length;
  const maxEvaluations = options.maxEvaluations ?? 200 * dim;
  const step = options.step ?? 0.5;
  const tolerance = options.tolerance ?? 1e-7;
  const points: Float64Array[] = [];
  const values = new Float64Array(dim + 1);
  let evaluations = 0;
  const evaluate = (x: Float64Array): number => {
    evaluations++;
    const v = objective(x);
    return Number.isFinite(v) ? v : Number.MAX_VALUE;
  };
  for (let i = 0; i <= dim; i++) {
    const p = Float64Array.from(start);
    if (i > 0) p[i - 1] += step;
    points.push(p);
    values[i] = evaluate(p);
  }
  const order = new Int32Array(dim + 1);
  const centroid = new Float64Array(dim);
  const trial = new Float64Array(dim);
  const trial2 = new Float64Array(dim);
  while (evaluations < maxEvaluations) {
    for (let i = 0; i <= dim; i++) order[i] = i;
    order.sort((a, b) => values[a] - values[b]);
    const best = order[0];
    const worst = order[dim];
    const secondWorst = order[dim - 1];
    if (Math.abs(values[worst] - values[best]) <= tolerance * (Math.abs(values[best]) + 1e-12)) break;
    centroid.fill(0);
    for (let i = 0; i < dim; i++) {
      const p = points[order[i]];
      for (let d = 0; d < dim; d++) centroid[d] += p[d] / dim;
    }
    const pw = points[worst];
    for (let d = 0; d < dim; d++) trial[d] = centroid[d] + (centroid[d] - pw[d]);
    const reflected = evaluate(trial);
    if (reflected < values[best]) {
      for (let d = 0; d < dim; d++) trial2[d] = centroid[d] + 2 * (centroid[d] - pw[d]);
      const expanded = evaluate(trial2);
      if (expanded < reflected) {
        pw.set(trial2);
        values[worst] = expanded;
      } else {
        pw.set(trial);
        values[worst] = reflected;
      }
    } else if (reflected < values[secondWorst]) {
      pw.set(trial);
      values[worst] = reflected;
    } else {
      const outside = reflected < values[worst];
      for (let d = 0; d < dim; d++) trial2[d] = outside ? centroid[d] + 0.5 * (trial[d] - centroid[d]) : centroid[d] + 0.5 * (pw[d] - centroid[d]);
      const contracted = evaluate(trial2);
      if (contracted < (outside ? reflected : values[worst])) {
        pw.set(trial2);
        values[worst] = contracted;
      } else {
        const pb = points[best];
        for (let i = 0; i <= dim; i++) {
          if (i === best) continue;
          const p = points[i];
          for (let d = 0; d < dim; d++) p[d] = pb[d] + 0.5 * (p[d] - pb[d]);
          values[i] = evaluate(p);
        }
      }
    }
  }
  let bestIndex = 0;
  for (let i = 1; i <= dim; i++) if (values[i] < values[bestIndex]) bestIndex = i;
  return { x: Float64Array.from(points[bestIndex]), value: values[bestIndex], evaluations };
}

export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Inverse of the logistic, clamped so starting points stay finite. */
export function logit(p: number): number {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
}

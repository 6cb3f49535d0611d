/**
 * Calendar event effects (Black Friday, paydays, SNAP days, holidays): a multiplicative uplift per
 * event, estimated from past occurrences against nearby ordinary days. The history is divided by
 * the uplift before models are fitted (so a spike does not drag the level or the season) and the
 * future occurrences are multiplied by it afterwards.
 */
import { ForecastInputError } from './types.js';

export interface ForecastEvent {
  /** Label shown back in the result, e.g. "black-friday" or "snap". */
  name: string;
  /** Positions in the history (0-based, same indexing as the values passed in) where the event happened. */
  history: number[];
  /** Forecast steps (0-based: 0 is the first forecast period) where the event will happen. */
  future: number[];
}

export interface EventEffect {
  name: string;
  /** Multiplier on ordinary demand, e.g. 1.8 for +80 %. */
  uplift: number;
  /** Past occurrences it was estimated from. */
  occurrences: number;
}

/** Fewer past occurrences than this and the event is left to the models. */
const MIN_OCCURRENCES = 2;
/** Ordinary days on each side of an occurrence used as its baseline. */
const BASELINE_RADIUS = 7;
/** Demand units of baseline that count as much evidence as the "no effect" prior (shrinkage). */
const PRIOR_UNITS = 10;
/** Uplifts within this distance of 1 are treated as noise. */
const MIN_EFFECT = 0.05;
/** Standard errors an uplift must stand clear of ordinary day-to-day noise (3, as callers often pass dozens of events). */
const MIN_Z = 3;
/**
 * Range of the divisor applied to past event days: a day the shop was closed (uplift near 0)
 * must not blow its few stray sales up into a spike.
 */
const HISTORY_DIVISOR = [0.25, 4] as const;

export function validateEvents(events: ForecastEvent[], historyLength: number, horizon: number): void {
  for (const e of events) {
    if (typeof e.name !== 'string' || !Array.isArray(e.history) || !Array.isArray(e.future))
      throw new ForecastInputError('each event needs a name, history positions and future steps');
    for (const i of e.history)
      if (!Number.isInteger(i) || i < 0 || i >= historyLength) throw new ForecastInputError(`event ${e.name}: history position ${i} is outside 0..${historyLength - 1}`);
    for (const i of e.future)
      if (!Number.isInteger(i) || i < 0 || i >= horizon) throw new ForecastInputError(`event ${e.name}: future step ${i} is outside 0..${horizon - 1}`);
  }
}

/**
 * Estimates uplifts on `y` (whose first element is history position `offset`) and returns the
 * adjusted history and the effects kept. Positions before `offset` (dropped leading gaps) are ignored.
 */
export function estimateEventEffects(y: Float64Array, events: ForecastEvent[], offset: number): { adjusted: Float64Array; effects: EventEffect[]; kept: ForecastEvent[] } {
  const n = y.length;
  const anyEvent = new Uint8Array(n);
  for (const e of events) for (const i of e.history) if (i - offset >= 0 && i - offset < n) anyEvent[i - offset] = 1;
  // ordinary-day noise from differences of consecutive ordinary days (insensitive to level shifts)
  let noise = 0;
  let pairs = 0;
  for (let t = 1; t < n; t++)
    if (!anyEvent[t] && !anyEvent[t - 1]) {
      noise += (y[t] - y[t - 1]) ** 2;
      pairs++;
    }
  const sigma = pairs ? Math.sqrt(noise / (2 * pairs)) : 0;
  const adjusted = Float64Array.from(y);
  const effects: EventEffect[] = [];
  const kept: ForecastEvent[] = [];
  for (const e of events) {
    let actual = 0;
    let baseline = 0;
    let occurrences = 0;
    for (const position of e.history) {
      const i = position - offset;
      if (i < 0 || i >= n) continue;
      let sum = 0;
      let count = 0;
      for (let k = Math.max(0, i - BASELINE_RADIUS); k <= Math.min(n - 1, i + BASELINE_RADIUS); k++)
        if (!anyEvent[k]) {
          sum += y[k];
          count++;
        }
      if (count === 0) continue;
      actual += y[i];
      baseline += sum / count;
      occurrences++;
    }
    if (occurrences < MIN_OCCURRENCES || baseline <= 0) continue;
    const raw = actual / baseline;
    const uplift = 1 + ((raw - 1) * baseline) / (baseline + PRIOR_UNITS);
    if (Math.abs(uplift - 1) < MIN_EFFECT || !(uplift >= 0)) continue;
    if (Math.abs(actual - baseline) < MIN_Z * sigma * Math.sqrt(occurrences)) continue;
    effects.push({ name: e.name, uplift, occurrences });
    kept.push(e);
    const divisor = Math.min(HISTORY_DIVISOR[1], Math.max(HISTORY_DIVISOR[0], uplift));
    for (const position of e.history) {
      const i = position - offset;
      if (i >= 0 && i < n) adjusted[i] /= divisor;
    }
  }
  return { adjusted, effects, kept };
}

/** Multipliers per forecast step from the kept events. */
export function futureMultipliers(kept: ForecastEvent[], effects: EventEffect[], horizon: number): Float64Array {
  const m = new Float64Array(horizon).fill(1);
  kept.forEach((e, j) => {
    for (const step of e.future) m[step] *= effects[j].uplift;
  });
  return m;
}

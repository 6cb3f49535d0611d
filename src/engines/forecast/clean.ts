/** Turns raw observations into a usable history and records what had to be repaired. */
import type { ForecastFlag } from './types.js';

export interface CleanSeries {
  values: Float64Array;
  flags: ForecastFlag[];
  /** Leading missing observations dropped: values[0] is raw[dropped]. */
  dropped: number;
}

/**
 * Leading missing values are dropped (the item did not exist yet); interior gaps are filled by
 * linear interpolation; trailing gaps carry the last value forward. Negative demand (returns
 * booked as sales) is clipped to zero when `nonNegative`.
 */
export function cleanSeries(raw: ArrayLike<number>, nonNegative: boolean): CleanSeries {
  const flags: ForecastFlag[] = [];
  let first = 0;
  while (first < raw.length && !Number.isFinite(raw[first])) first++;
  if (first > 0 && first < raw.length) flags.push('missing-values-filled');
  const values = new Float64Array(Math.max(0, raw.length - first));
  let missing = false;
  let negative = false;
  let lastIndex = -1;
  for (let i = 0; i < values.length; i++) {
    const v = raw[first + i];
    if (!Number.isFinite(v)) {
      missing = true;
      continue;
    }
    let value = v;
    if (nonNegative && value < 0) {
      negative = true;
      value = 0;
    }
    values[i] = value;
    if (lastIndex >= 0 && i - lastIndex > 1) {
      const from = values[lastIndex];
      for (let k = lastIndex + 1; k < i; k++) values[k] = from + ((value - from) * (k - lastIndex)) / (i - lastIndex);
    }
    lastIndex = i;
  }
  for (let k = lastIndex + 1; k < values.length; k++) values[k] = lastIndex >= 0 ? values[lastIndex] : 0;
  if (missing && !flags.includes('missing-values-filled')) flags.push('missing-values-filled');
  if (negative) flags.push('negative-values-clipped');
  return { values, flags, dropped: first };
}

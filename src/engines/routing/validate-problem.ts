import type { RoutingProblem, RoutingVehicle } from './types.js';

/** Thrown for input that is malformed (as opposed to valid but unservable, which yields unassigned stops). */
export class RoutingInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RoutingInputError';
  }
}

const isNonNegative = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;

/**
 * A break that no used vehicle could ever take is an input mistake, not an unservable stop (as in
 * VROOM and Google's fleet routing, which reject inconsistent breaks): some window must let the
 * break start in the shift and end before the shift does, and it must fit in the maximum duration.
 */
function validateBreak(v: RoutingVehicle, what: string, window: (w: unknown, what: string) => void, fail: (m: string) => never): void {
  const b = v.break!;
  if (!b || typeof b !== 'object') fail(`${what}.break must be { durationSeconds, windows }`);
  if (!isNonNegative(b.durationSeconds)) fail(`${what}.break.durationSeconds must be a number >= 0`);
  if (!Array.isArray(b.windows) || b.windows.length === 0) fail(`${what}.break.windows must list at least one [open, close]`);
  b.windows.forEach((w, j) => window(w, `${what}.break.windows[${j}]`));
  const [shiftOpen, shiftClose] = v.shiftSeconds ?? [-Infinity, Infinity];
  const fits = b.windows.some(([open, close]) => {
    const start = Math.max(open, shiftOpen);
    return start <= close && start + b.durationSeconds <= shiftClose;
  });
  if (!fits) fail(`${what}.break.windows: no window lets a ${b.durationSeconds} s break start and end inside the shift [${shiftOpen}, ${shiftClose}]`);
  if (v.maxDurationSeconds !== undefined && b.durationSeconds > v.maxDurationSeconds) fail(`${what}.break.durationSeconds is longer than maxDurationSeconds`);
}

export function validateRoutingProblem(problem: RoutingProblem): void {
  const fail = (m: string): never => {
    throw new RoutingInputError(m);
  };
  if (!problem || typeof problem !== 'object') fail('problem must be an object');
  const { matrix, stops, vehicles } = problem;
  if (!matrix || !Array.isArray(matrix.distancesMetres) || !Array.isArray(matrix.durationsSeconds)) {
    fail('matrix.distancesMetres and matrix.durationsSeconds are required');
  }
  const size = matrix.distancesMetres.length;
  if (matrix.durationsSeconds.length !== size) fail('distance and duration matrices differ in size');
  for (const [name, m] of [['distancesMetres', matrix.distancesMetres], ['durationsSeconds', matrix.durationsSeconds]] as const) {
    for (let i = 0; i < size; i++) {
      const row = m[i];
      if (!Array.isArray(row) || row.length !== size) fail(`matrix.${name} row ${i} must have ${size} entries`);
      for (let j = 0; j < size; j++) if (!isNonNegative(row[j])) fail(`matrix.${name}[${i}][${j}] must be a finite number >= 0`);
    }
  }
  if (!Array.isArray(vehicles) || vehicles.length === 0) fail('at least one vehicle is required');
  if (!Array.isArray(stops)) fail('stops must be an array');
  const location = (x: unknown, what: string) => {
    if (!Number.isInteger(x) || (x as number) < 0 || (x as number) >= size) fail(`${what} must be a location index in 0..${size - 1}`);
  };
  const window = (w: unknown, what: string) => {
    if (!Array.isArray(w) || w.length !== 2 || !Number.isFinite(w[0]) || !Number.isFinite(w[1])) fail(`${what} must be [open, close]`);
    if ((w as number[])[0] > (w as number[])[1]) fail(`${what} opens after it closes`);
  };
  const dims = vehicles[0]?.capacity?.length ?? 0;
  const seenVehicles = new Set<string>();
  vehicles.forEach((v, k) => {
    const what = `vehicles[${k}]`;
    if (typeof v.id !== 'string' || v.id === '') fail(`${what}.id is required`);
    if (seenVehicles.has(v.id)) fail(`duplicate vehicle id ${v.id}`);
    seenVehicles.add(v.id);
    location(v.startLocation, `${what}.startLocation`);
    if (v.endLocation !== undefined) location(v.endLocation, `${what}.endLocation`);
    if (!Array.isArray(v.capacity) || v.capacity.length !== dims || !v.capacity.every(isNonNegative)) {
      fail(`${what}.capacity must list ${dims} non-negative numbers (every vehicle the same dimensions)`);
    }
    for (const key of ['fixedCost', 'costPerKm', 'costPerHour', 'maxDurationSeconds', 'maxDistanceMetres'] as const) {
      if (v[key] !== undefined && !isNonNegative(v[key])) fail(`${what}.${key} must be a number >= 0`);
    }
    if (v.shiftSeconds !== undefined) window(v.shiftSeconds, `${what}.shiftSeconds`);
    if (v.skills !== undefined && (!Array.isArray(v.skills) || !v.skills.every((s) => typeof s === 'string'))) fail(`${what}.skills must be strings`);
    if (v.break !== undefined) validateBreak(v, what, window, fail);
  });
  const seenStops = new Set<string>();
  stops.forEach((s, i) => {
    const what = `stops[${i}]`;
    if (typeof s.id !== 'string' || s.id === '') fail(`${what}.id is required`);
    if (seenStops.has(s.id)) fail(`duplicate stop id ${s.id}`);
    seenStops.add(s.id);
    location(s.location, `${what}.location`);
    if (s.demand !== undefined && (!Array.isArray(s.demand) || s.demand.length > dims || !s.demand.every(isNonNegative))) {
      fail(`${what}.demand must list at most ${dims} non-negative numbers`);
    }
    if (s.serviceSeconds !== undefined && !isNonNegative(s.serviceSeconds)) fail(`${what}.serviceSeconds must be >= 0`);
    if (s.timeWindows !== undefined) {
      if (!Array.isArray(s.timeWindows)) fail(`${what}.timeWindows must be an array`);
      s.timeWindows.forEach((w, j) => window(w, `${what}.timeWindows[${j}]`));
    }
    if (s.skills !== undefined && (!Array.isArray(s.skills) || !s.skills.every((x) => typeof x === 'string'))) fail(`${what}.skills must be strings`);
    if (s.priority !== undefined && !Number.isFinite(s.priority)) fail(`${what}.priority must be a number`);
  });
}

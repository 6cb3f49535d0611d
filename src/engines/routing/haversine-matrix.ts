import type { TravelMatrix } from './types.js';
import { RoutingInputError } from './validate-problem.js';

export interface LatLng {
  lat: number;
  lng: number;
}

/**
 * One band of a speed profile: a leg's kilometres past the previous band's limit, up to `upToKm`,
 * are driven at `kmh`. The last band has no `upToKm`: it takes the rest of the leg.
 */
export interface SpeedBand {
  upToKm?: number;
  kmh: number;
}

/**
 * Driving speed by how far the leg has gone: `[{ upToKm: 2, kmh: 20 }, { upToKm: 10, kmh: 35 },
 * { kmh: 60 }]` drives a leg's first 2 km at 20 km/h, its next 8 at 35 and the rest at 60, so short
 * urban hops are slow and long legs reach faster roads. Time is piecewise linear in distance:
 * continuous and increasing. A constant speed is a one-band profile `[{ kmh }]`.
 */
export type SpeedProfile = readonly SpeedBand[];

export interface HaversineOptions {
  /** Road distance divided by great-circle distance; 1.3 is typical for urban road networks. */
  circuityFactor?: number;
  /** Average driving speed used to turn road distance into time (default 30 km/h); or give speedProfile. */
  speedKmPerHour?: number;
  /** Driving speed by the leg's road distance, instead of one speedKmPerHour. */
  speedProfile?: SpeedProfile;
}

/** The engine's speed when neither a speed nor a profile is given. */
export const DEFAULT_SPEED_KMH = 30;

const EARTH_RADIUS_METRES = 6_371_008.8;

export function haversineMetres(a: LatLng, b: LatLng): number {
  const toRad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * toRad;
  const dLng = (b.lng - a.lng) * toRad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Refuses a profile that does not describe a speed for every distance (RoutingInputError). */
export function validateSpeedProfile(profile: SpeedProfile): void {
  if (!Array.isArray(profile) || profile.length === 0) throw new RoutingInputError('a speed profile needs at least one band');
  let previous = 0;
  profile.forEach((band, i) => {
    if (!band || !Number.isFinite(band.kmh) || !(band.kmh > 0)) throw new RoutingInputError(`speed profile band ${i}: the speed must be a positive number of km/h`);
    const last = i === profile.length - 1;
    if (last) {
      if (band.upToKm !== undefined) throw new RoutingInputError(`speed profile band ${i}: the last band has no upper limit (upToKm)`);
      return;
    }
    const upTo = band.upToKm;
    if (upTo === undefined || !Number.isFinite(upTo)) throw new RoutingInputError(`speed profile band ${i}: every band but the last needs an upper limit (upToKm)`);
    if (!(upTo > previous)) throw new RoutingInputError(`speed profile band ${i}: upToKm must be greater than ${previous}`);
    previous = upTo;
  });
}

/** The profile a set of options stands for: the profile, or the constant speed as one band. */
export function speedProfileOf(options: Pick<HaversineOptions, 'speedKmPerHour' | 'speedProfile'>): SpeedProfile {
  if (options.speedProfile !== undefined && options.speedKmPerHour !== undefined) throw new RoutingInputError('give a speed or a speed profile, not both');
  return options.speedProfile ?? [{ kmh: options.speedKmPerHour ?? DEFAULT_SPEED_KMH }];
}

/**
 * A function from a leg's road metres to its driving seconds under the profile (validated once).
 * A one-band profile gives exactly metres / speed, as the constant speed always did.
 */
export function legTimer(profile: SpeedProfile): (metres: number) => number {
  validateSpeedProfile(profile);
  const bands: { fromMetres: number; toMetres: number; metresPerSecond: number; secondsBefore: number }[] = [];
  let fromMetres = 0, secondsBefore = 0;
  for (const band of profile) {
    const toMetres = band.upToKm === undefined ? Infinity : band.upToKm * 1000;
    const metresPerSecond = (band.kmh * 1000) / 3600;
    bands.push({ fromMetres, toMetres, metresPerSecond, secondsBefore });
    secondsBefore += (toMetres - fromMetres) / metresPerSecond;
    fromMetres = toMetres;
  }
  return (metres: number) => {
    for (const b of bands) {
      if (metres <= b.toMetres) return b.secondsBefore + (metres - b.fromMetres) / b.metresPerSecond;
    }
    return NaN; // not reached: the last band is open-ended
  };
}

/** Driving seconds for a leg of this many road metres under the profile. */
export function legSeconds(metres: number, profile: SpeedProfile): number {
  return legTimer(profile)(metres);
}

/**
 * A travel matrix estimated without a road network: great-circle distance × circuity, driven at a
 * constant speed or by a speed profile over each leg's road distance.
 */
export function buildHaversineMatrix(points: LatLng[], options: HaversineOptions = {}): TravelMatrix {
  const circuity = options.circuityFactor ?? 1.3;
  if (!(circuity > 0)) throw new RoutingInputError('circuity factor and speed must be positive');
  if (options.speedKmPerHour !== undefined && !(options.speedKmPerHour > 0)) throw new RoutingInputError('circuity factor and speed must be positive');
  const secondsFor = legTimer(speedProfileOf(options));
  for (const p of points) {
    if (!p || !Number.isFinite(p.lat) || !Number.isFinite(p.lng) || Math.abs(p.lat) > 90 || Math.abs(p.lng) > 180) {
      throw new RoutingInputError(`invalid coordinates ${JSON.stringify(p)}`);
    }
  }
  const n = points.length;
  const distancesMetres: number[][] = [];
  const durationsSeconds: number[][] = [];
  for (let i = 0; i < n; i++) {
    const d = new Array<number>(n);
    const t = new Array<number>(n);
    for (let j = 0; j < n; j++) {
      const metres = i === j ? 0 : Math.round(haversineMetres(points[i], points[j]) * circuity);
      d[j] = metres;
      t[j] = Math.round(secondsFor(metres));
    }
    distancesMetres.push(d);
    durationsSeconds.push(t);
  }
  return { distancesMetres, durationsSeconds };
}

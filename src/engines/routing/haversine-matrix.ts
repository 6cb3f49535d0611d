import type { TravelMatrix } from './types.js';
import { RoutingInputError } from './validate-problem.js';

export interface LatLng {
  lat: number;
  lng: number;
}

export interface HaversineOptions {
  /** Road distance divided by great-circle distance; 1.3 is typical for urban road networks. */
  circuityFactor?: number;
  /** Average driving speed used to turn road distance into time. */
  speedKmPerHour?: number;
}

const EARTH_RADIUS_METRES = 6_371_008.8;

export function haversineMetres(a: LatLng, b: LatLng): number {
  const toRad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * toRad;
  const dLng = (b.lng - a.lng) * toRad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A travel matrix estimated without a road network: great-circle distance × circuity, constant speed. */
export function buildHaversineMatrix(points: LatLng[], options: HaversineOptions = {}): TravelMatrix {
  const circuity = options.circuityFactor ?? 1.3;
  const metresPerSecond = ((options.speedKmPerHour ?? 30) * 1000) / 3600;
  if (!(circuity > 0) || !(metresPerSecond > 0)) throw new RoutingInputError('circuity factor and speed must be positive');
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
      t[j] = Math.round(metres / metresPerSecond);
    }
    distancesMetres.push(d);
    durationsSeconds.push(t);
  }
  return { distancesMetres, durationsSeconds };
}

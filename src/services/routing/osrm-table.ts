/**
 * Road travel from an OSRM server's table service
 * (`GET /table/v1/<profile>/<lng,lat;...>?annotations=duration,distance`). A pair OSRM cannot route
 * (null) falls back to the great-circle estimate (travel-matrix-provider.ts).
 */
import type { LatLng, TravelMatrix } from '../../engines/routing/index.js';
import { Invalid } from '../errors.js';
import { fetchRoutingJson, matrixWithFallback, TABLE_FIELD, type TravelFallback } from './travel-matrix-provider.js';

export function osrmTableUrl(base: string, points: LatLng[]): string {
  const trimmed = base.replace(/\/+$/, '');
  const prefix = /\/table\/v1\/[^/]+$/.test(trimmed) ? trimmed : `${trimmed}/table/v1/driving`;
  // OSRM wants longitude first and at most 6 decimals
  const coords = points.map((p) => `${p.lng.toFixed(6)},${p.lat.toFixed(6)}`).join(';');
  return `${prefix}/${coords}?annotations=duration,distance`;
}

interface OsrmTable {
  code?: string;
  message?: string;
  durations?: (number | null)[][];
  distances?: (number | null)[][];
}

export function matrixFromOsrm(body: OsrmTable, points: LatLng[], fallback: TravelFallback): TravelMatrix {
  const n = points.length;
  if (body?.code !== 'Ok' || !Array.isArray(body.durations) || body.durations.length !== n) {
    throw new Invalid(`the routing server answered ${body?.code ?? 'without a code'}${body?.message ? `: ${body.message}` : ''}`, [{ field: TABLE_FIELD, message: 'did not return a duration table for every location' }]);
  }
  // Older OSRM versions return durations only: distance then follows from the estimate.
  return matrixWithFallback(points, fallback, (i, j) => body.distances?.[i]?.[j], (i, j) => body.durations![i]?.[j]);
}

export async function fetchOsrmTable(base: string, points: LatLng[], fallback: TravelFallback): Promise<TravelMatrix> {
  const { body } = await fetchRoutingJson(osrmTableUrl(base, points), {}, 'an OSRM table service');
  return matrixFromOsrm(body as OsrmTable, points, fallback);
}

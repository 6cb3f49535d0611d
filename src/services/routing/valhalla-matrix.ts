/**
 * Road travel from a Valhalla server's time-distance matrix service
 * (`POST /sources_to_targets` with `{ sources, targets, costing, units }`). Every place is both a
 * source and a target. The answer is the documented nested form, one row per source of
 * `{ distance (km), time (s), from_index, to_index }`, or the columnar form newer servers give
 * with `verbose: false` (`{ distances: [[km]], durations: [[s]] }`). A pair Valhalla cannot route
 * (null) falls back to the great-circle estimate (travel-matrix-provider.ts).
 */
import type { LatLng, TravelMatrix } from '../../engines/routing/index.js';
import { Invalid } from '../errors.js';
import { fetchRoutingJson, matrixWithFallback, TABLE_FIELD, type TravelFallback } from './travel-matrix-provider.js';

/** The Valhalla costing models a plan can ask for (`options.costing`). */
export const VALHALLA_COSTINGS = ['auto', 'truck', 'bicycle'] as const;
export type ValhallaCosting = (typeof VALHALLA_COSTINGS)[number];

/** The server's base URL (e.g. http://valhalla:8002), or its /sources_to_targets URL; a query (an access token) is kept. */
export function valhallaMatrixUrl(base: string): string {
  const url = new URL(base);
  const path = url.pathname.replace(/\/+$/, '');
  url.pathname = path.endsWith('/sources_to_targets') ? path : `${path}/sources_to_targets`;
  return url.toString();
}

export function valhallaMatrixRequest(points: LatLng[], costing: ValhallaCosting): { sources: { lat: number; lon: number }[]; targets: { lat: number; lon: number }[]; costing: ValhallaCosting; units: 'kilometers' } {
  const locations = points.map((p) => ({ lat: Number(p.lat.toFixed(6)), lon: Number(p.lng.toFixed(6)) }));
  return { sources: locations, targets: locations, costing, units: 'kilometers' };
}

interface ValhallaCell {
  distance?: number | null;
  time?: number | null;
  from_index?: number;
  to_index?: number;
}

export interface ValhallaMatrixAnswer {
  sources_to_targets?: (ValhallaCell | null)[][] | { distances?: (number | null)[][]; durations?: (number | null)[][] };
  units?: string;
  error?: string;
  error_code?: number;
  status_code?: number;
  status?: string;
}

const KM_OR_MILE: Record<string, number> = { kilometers: 1000, km: 1000, miles: 1609.344, mi: 1609.344 };

/** The matrix over points from a Valhalla answer; an error answer, or one not covering every place, is a 400 naming `options.tableUrl`. */
export function matrixFromValhalla(body: ValhallaMatrixAnswer, points: LatLng[], fallback: TravelFallback, httpStatus = 200): TravelMatrix {
  const n = points.length;
  if (!body || typeof body !== 'object' || body.error !== undefined || body.error_code !== undefined) {
    const code = [body?.status_code ?? httpStatus, body?.error_code !== undefined ? `error ${body.error_code}` : null].filter(Boolean).join(', ');
    throw new Invalid(`the routing server answered ${code}${body?.error ? `: ${body.error}` : ''}`, [{ field: TABLE_FIELD, message: 'Valhalla refused the matrix request' }]);
  }
  const metresPerUnit = KM_OR_MILE[body.units ?? 'kilometers'];
  const s2t = body.sources_to_targets;
  const refuse = (why: string) => new Invalid(`the routing server answered ${httpStatus} ${why}`, [{ field: TABLE_FIELD, message: 'did not return a time-distance matrix for every location' }]);
  if (metresPerUnit === undefined) throw refuse(`in unknown units "${body.units}"`);

  const km: unknown[][] = Array.from({ length: n }, () => new Array<unknown>(n));
  const seconds: unknown[][] = Array.from({ length: n }, () => new Array<unknown>(n));
  const isIndex = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) < n;
  if (Array.isArray(s2t)) {
    if (s2t.length !== n) throw refuse(`with ${s2t.length} rows for ${n} places`);
    s2t.forEach((row, i) => {
      if (!Array.isArray(row)) return;
      row.forEach((cell, k) => {
        if (!cell || typeof cell !== 'object') return;
        const from = isIndex(cell.from_index) ? cell.from_index : i;
        const to = isIndex(cell.to_index) ? cell.to_index : k;
        if (!isIndex(to)) return;
        km[from][to] = cell.distance;
        seconds[from][to] = cell.time;
      });
    });
  } else if (s2t && typeof s2t === 'object' && (Array.isArray(s2t.durations) || Array.isArray(s2t.distances))) {
    for (const rows of [s2t.durations, s2t.distances]) {
      if (rows !== undefined && (!Array.isArray(rows) || rows.length !== n)) throw refuse(`with ${Array.isArray(rows) ? rows.length : 'no'} rows for ${n} places`);
    }
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        km[i][j] = s2t.distances?.[i]?.[j];
        seconds[i][j] = s2t.durations?.[i]?.[j];
      }
    }
  } else {
    throw refuse('without sources_to_targets');
  }
  return matrixWithFallback(points, fallback, (i, j) => {
    const d = km[i][j];
    return typeof d === 'number' ? d * metresPerUnit : null;
  }, (i, j) => seconds[i][j]);
}

export async function fetchValhallaMatrix(base: string, points: LatLng[], fallback: TravelFallback, costing: ValhallaCosting = 'auto'): Promise<TravelMatrix> {
  const { status, body } = await fetchRoutingJson(valhallaMatrixUrl(base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(valhallaMatrixRequest(points, costing)),
  }, 'a Valhalla matrix service');
  return matrixFromValhalla(body as ValhallaMatrixAnswer, points, fallback, status);
}

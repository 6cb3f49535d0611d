/**
 * Road travel from an OSRM server's table service
 * (`GET /table/v1/<profile>/<lng,lat;...>?annotations=duration,distance`). This is I/O, so it runs
 * while the job is prepared, never in the engine. A pair OSRM cannot route (null) falls back to the
 * great-circle estimate, so one unsnappable address does not sink the whole plan.
 */
import { haversineMetres, type LatLng, type TravelMatrix } from '../../engines/routing/index.js';
import { Invalid } from '../errors.js';

const TIMEOUT_MS = 30_000;

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

export function matrixFromOsrm(body: OsrmTable, points: LatLng[], fallback: { circuityFactor: number; speedKmh: number }): TravelMatrix {
  const n = points.length;
  if (body.code !== 'Ok' || !Array.isArray(body.durations) || body.durations.length !== n) {
    throw new Invalid(`the routing server answered ${body.code ?? 'without a code'}${body.message ? `: ${body.message}` : ''}`, [{ field: 'options.tableUrl', message: 'did not return a duration table for every location' }]);
  }
  const metresPerSecond = (fallback.speedKmh * 1000) / 3600;
  const distancesMetres: number[][] = [];
  const durationsSeconds: number[][] = [];
  for (let i = 0; i < n; i++) {
    const d = new Array<number>(n);
    const t = new Array<number>(n);
    for (let j = 0; j < n; j++) {
      const estimate = i === j ? 0 : haversineMetres(points[i], points[j]) * fallback.circuityFactor;
      const dur = body.durations[i]?.[j];
      const dist = body.distances?.[i]?.[j];
      // Older OSRM versions return durations only: distance then follows from the estimate.
      t[j] = typeof dur === 'number' && Number.isFinite(dur) && dur >= 0 ? Math.round(dur) : Math.round(estimate / metresPerSecond);
      d[j] = typeof dist === 'number' && Number.isFinite(dist) && dist >= 0 ? Math.round(dist) : Math.round(estimate);
    }
    distancesMetres.push(d);
    durationsSeconds.push(t);
  }
  return { distancesMetres, durationsSeconds };
}

export async function fetchOsrmTable(base: string, points: LatLng[], fallback: { circuityFactor: number; speedKmh: number }): Promise<TravelMatrix> {
  const url = osrmTableUrl(base, points);
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (e) {
    throw new Invalid(`cannot reach the routing server: ${(e as Error).message}`, [{ field: 'options.tableUrl', message: 'unreachable' }]);
  }
  let body: OsrmTable;
  try {
    body = (await res.json()) as OsrmTable;
  } catch {
    throw new Invalid(`the routing server answered ${res.status} without JSON`, [{ field: 'options.tableUrl', message: 'not an OSRM table service' }]);
  }
  return matrixFromOsrm(body, points, fallback);
}

/**
 * What every road-travel provider (OSRM `table`, Valhalla `sources_to_targets`) shares: one HTTP
 * call with a timeout and errors a merchant can act on, and the great-circle estimate for the pairs
 * the server cannot route, so one unsnappable address does not sink the whole plan. This is I/O, so
 * it runs while the job is prepared, never in the engine.
 */
import { haversineMetres, legTimer, speedProfileOf, type LatLng, type SpeedProfile, type TravelMatrix } from '../../engines/routing/index.js';
import { Invalid } from '../errors.js';

/** The routing servers a plan can take road travel from (`options.tableProvider`). */
export const TABLE_PROVIDERS = ['osrm', 'valhalla'] as const;
export type TableProvider = (typeof TABLE_PROVIDERS)[number];

/**
 * How a pair the server could not route is estimated: great-circle × circuity, driven at a mean
 * speed or by a speed profile over the leg's road distance (one of the two).
 */
export interface TravelFallback {
  circuityFactor: number;
  speedKmh?: number;
  speedProfile?: SpeedProfile;
}

/** The request field every provider error names. */
export const TABLE_FIELD = 'options.tableUrl';

const DEFAULT_TIMEOUT_MS = 30_000;

/** How long a routing server may take to answer in full (`PORTOLAN_TABLE_TIMEOUT_MS`, default 30 s). */
export function tableTimeoutMs(): number {
  const v = Number(process.env.PORTOLAN_TABLE_TIMEOUT_MS);
  return Number.isFinite(v) && v > 0 ? v : DEFAULT_TIMEOUT_MS;
}

const usable = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/**
 * A full matrix over points from what the server gave: metresAt/secondsAt answer a pair's road
 * distance and time, or anything not a non-negative number (null, undefined) where the server has
 * none; those fall back to the estimate, each of distance and time on its own.
 */
export function matrixWithFallback(points: LatLng[], fallback: TravelFallback, metresAt: (i: number, j: number) => unknown, secondsAt: (i: number, j: number) => unknown): TravelMatrix {
  const n = points.length;
  const secondsFor = legTimer(speedProfileOf({ speedKmPerHour: fallback.speedKmh, speedProfile: fallback.speedProfile }));
  const distancesMetres: number[][] = [];
  const durationsSeconds: number[][] = [];
  for (let i = 0; i < n; i++) {
    const d = new Array<number>(n);
    const t = new Array<number>(n);
    for (let j = 0; j < n; j++) {
      const estimate = i === j ? 0 : haversineMetres(points[i], points[j]) * fallback.circuityFactor;
      const dist = metresAt(i, j);
      const dur = secondsAt(i, j);
      d[j] = Math.round(usable(dist) ? dist : estimate);
      t[j] = Math.round(usable(dur) ? dur : secondsFor(estimate));
    }
    distancesMetres.push(d);
    durationsSeconds.push(t);
  }
  return { distancesMetres, durationsSeconds };
}

/** The server's host for messages: enough to recognise it, never a credential in the URL. */
function serverOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the routing server';
  }
}

/**
 * One call to a routing server: its status and JSON body. A server that cannot be reached, does not
 * answer within the timeout, or answers something other than JSON is a 400 naming `options.tableUrl`
 * (a failed job when it happens while the job is prepared), never a hang or a crash.
 */
export async function fetchRoutingJson(url: string, init: RequestInit, what: string): Promise<{ status: number; body: unknown }> {
  const timeoutMs = tableTimeoutMs();
  const signal = AbortSignal.timeout(timeoutMs);
  const host = serverOf(url);
  const timedOut = () => new Invalid(`the routing server at ${host} did not answer within ${Math.round(timeoutMs / 100) / 10} s`, [{ field: TABLE_FIELD, message: 'timed out' }]);
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal });
  } catch (e) {
    if (signal.aborted) throw timedOut();
    const cause = (e as Error & { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (e as Error).message;
    throw new Invalid(`cannot reach the routing server at ${host}: ${why}`, [{ field: TABLE_FIELD, message: 'unreachable' }]);
  }
  let text: string;
  try {
    text = await res.text();
  } catch {
    if (signal.aborted) throw timedOut();
    throw new Invalid(`the routing server at ${host} broke off its answer`, [{ field: TABLE_FIELD, message: `not ${what}` }]);
  }
  try {
    return { status: res.status, body: JSON.parse(text) as unknown };
  } catch {
    throw new Invalid(`the routing server at ${host} answered ${res.status} without JSON`, [{ field: TABLE_FIELD, message: `not ${what}` }]);
  }
}

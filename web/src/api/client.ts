/** The one place the console talks HTTP: adds the API key, turns problem+json into ApiError, reports 401s. */
import type { Problem } from './types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
    /** The parsed body, kept for answers such as a 422 import report that carry data besides the problem. */
    readonly body: unknown = problem,
  ) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

let apiKey: string | null = null;
let unauthorizedListener: (() => void) | null = null;

export function setApiKey(key: string | null): void {
  apiKey = key;
}

/** The shell signs out when any call is refused with 401. */
export function onUnauthorized(listener: (() => void) | null): void {
  unauthorizedListener = listener;
}

export function authHeaders(key = apiKey): Record<string, string> {
  return key ? { Authorization: `Bearer ${key}` } : {};
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return null;
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

function problemOf(status: number, statusText: string, body: unknown): Problem {
  if (body && typeof body === 'object') {
    const p = body as Problem;
    return { ...p, status: p.status ?? status, detail: p.detail ?? p.title ?? statusText };
  }
  return { status, title: statusText || `HTTP ${status}`, detail: typeof body === 'string' && body ? body.slice(0, 300) : statusText || `HTTP ${status}` };
}

export interface RequestOptions {
  method?: string;
  query?: Query;
  json?: unknown;
  body?: BodyInit;
  contentType?: string;
  /** Use this key instead of the stored one (the sign-in form checks a key before keeping it). */
  key?: string;
  signal?: AbortSignal;
  /** Do not sign out on 401 (used while checking a candidate key). */
  quietUnauthorized?: boolean;
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...authHeaders(opts.key ?? apiKey) };
  let body = opts.body;
  if (opts.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.json);
  } else if (opts.contentType) {
    headers['Content-Type'] = opts.contentType;
  }
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), { method: opts.method ?? 'GET', headers, body, signal: opts.signal });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, { title: 'Network error', detail: `Could not reach the Portolan API (${(err as Error).message}).` });
  }
  const parsed = await readBody(res);
  if (!res.ok) {
    if (res.status === 401 && !opts.quietUnauthorized) unauthorizedListener?.();
    throw new ApiError(res.status, problemOf(res.status, res.statusText, parsed), parsed);
  }
  return parsed as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>(path, { query, signal }),
};

/** Fetches a file with the auth header and hands it to the browser as a download. */
export async function downloadFile(path: string, filename: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(path, { headers: authHeaders() });
  } catch (err) {
    throw new ApiError(0, { title: 'Network error', detail: `Could not reach the Portolan API (${(err as Error).message}).` });
  }
  if (!res.ok) {
    const parsed = await readBody(res);
    if (res.status === 401) unauthorizedListener?.();
    throw new ApiError(res.status, problemOf(res.status, res.statusText, parsed), parsed);
  }
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The CLI's data commands talk to a running Portolan over its HTTP API, as a merchant's own
 * scripts would. Against a local server started by `npm start`, the demo key is found on disk.
 */
import { readDemoCredentials } from '../server.js';
import { CliError } from './output.js';

export interface ClientOptions {
  url?: string;
  apiKey?: string;
}

export class ApiClient {
  readonly url: string;
  private readonly key: string;

  constructor(options: ClientOptions) {
    this.url = (options.url ?? process.env.PORTOLAN_URL ?? `http://localhost:${process.env.PORT ?? 4600}`).replace(/\/$/, '');
    const key = options.apiKey ?? process.env.PORTOLAN_API_KEY ?? (isLocal(this.url) ? readDemoCredentials()?.apiKey : undefined);
    if (!key) throw new CliError('no API key: pass --api-key or set PORTOLAN_API_KEY');
    this.key = key;
  }

  async request<T>(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<{ status: number; body: T }> {
    let res: Response;
    try {
      res = await fetch(`${this.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${this.key}`, ...(body !== undefined ? { 'content-type': contentType } : {}) },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
    } catch (e) {
      throw new CliError(`cannot reach Portolan at ${this.url} (${(e as Error).cause ?? (e as Error).message}); start it with npm start or pass --url`);
    }
    const text = await res.text();
    const parsed = text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
    return { status: res.status, body: parsed as T };
  }

  /** Like request, but any 4xx/5xx becomes a one-line CliError carrying the problem's detail. */
  async call<T>(method: string, path: string, body?: unknown, contentType?: string): Promise<T> {
    const r = await this.request<T>(method, path, body, contentType);
    if (r.status >= 400) {
      const p = r.body as { detail?: string; title?: string };
      throw new CliError(`${r.status} ${p?.title ?? ''}: ${p?.detail ?? JSON.stringify(r.body)}`.replace(/\s+/g, ' '));
    }
    return r.body;
  }
}

function isLocal(url: string): boolean {
  return /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(url);
}

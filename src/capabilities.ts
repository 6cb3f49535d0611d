/**
 * The capability slices: each registers its job tasks here, and its API routes in api/app.ts.
 * Kept in one place so that a reader sees every capability the platform has.
 * PORTOLAN_PLUGINS (comma-separated module paths) adds modules that register more tasks: it is
 * how the test suites give worker processes a task of their own.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

let registered: Promise<void> | null = null;

export function registerCapabilities(): Promise<void> {
  registered ??= (async () => {
    for (const path of (process.env.PORTOLAN_PLUGINS ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
      await import(pathToFileURL(resolve(path)).href);
    }
  })();
  return registered;
}

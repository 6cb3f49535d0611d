/**
 * Starts Portolan: opens (and migrates) the store, seeds the demo merchant on first start,
 * starts the job runner and serves the API and console.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './api/app.js';
import { JobRunner, type RunnerOptions } from './jobs/job-runner.js';
import { registerCapabilities } from './capabilities.js';
import { createServices, type Services } from './services/index.js';
import { seedDemo } from './services/demo/seed.js';
import { defaultDataDir, ensureDir, openStore, type Store } from './store/database.js';

export interface ServerOptions {
  port?: number;
  host?: string;
  dataDir?: string;
  databaseUrl?: string;
  /** Seed a demo merchant when the store has no merchant yet. */
  seed?: { orders: number; seed: number } | false;
  runner?: RunnerOptions;
  logger?: boolean | object;
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  demoApiKey: string | null;
  app: FastifyInstance;
  services: Services;
  store: Store;
  runner: JobRunner;
  close(): Promise<void>;
}

interface DemoCredentials {
  merchantId: string;
  apiKey: string;
}

export function demoCredentialsPath(dataDir: string): string {
  return join(dataDir, 'demo-credentials.json');
}

export function readDemoCredentials(dataDir = defaultDataDir()): DemoCredentials | null {
  const p = demoCredentialsPath(dataDir);
  if (!existsSync(p)) return null;
  try {
    return JSON.parse(readFileSync(p, 'utf8')) as DemoCredentials;
  } catch {
    return null;
  }
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const log = options.log ?? (() => {});
  const dataDir = options.dataDir ?? defaultDataDir();
  ensureDir(dataDir);
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  const store = await openStore({ databaseUrl, dataDir });
  const services = createServices(store);
  await registerCapabilities();

  let demoApiKey: string | null = null;
  if (options.seed !== false) {
    const existing = await services.merchants.list();
    const creds = readDemoCredentials(dataDir);
    if (existing.length === 0) {
      const seed = options.seed ?? { orders: 50_000, seed: 7 };
      log(`seeding the demo merchant (${seed.orders} orders, seed ${seed.seed}) ...`);
      const result = await seedDemo(services, seed);
      writeFileSync(demoCredentialsPath(dataDir), JSON.stringify({ merchantId: result.merchantId, apiKey: result.apiKey }, null, 2), { mode: 0o600 });
      demoApiKey = result.apiKey;
    } else if (creds && existing.some((m) => m.id === creds.merchantId)) {
      demoApiKey = creds.apiKey;
    }
  }

  const runner = new JobRunner(store, services, { log, ...options.runner });
  await runner.start();
  const app = await buildApp({ services, logger: options.logger });
  const address = await app.listen({ port: options.port ?? Number(process.env.PORT ?? 4600), host: options.host ?? process.env.HOST ?? '127.0.0.1' });
  const url = address.replace('127.0.0.1', 'localhost');
  return {
    url, demoApiKey, app, services, store, runner,
    async close() {
      await app.close();
      await runner.stop();
      await store.close();
    },
  };
}

/**
 * Opens the store: embedded PGlite in a local folder by default, or a PostgreSQL server when a
 * connection URL is given. Both get the same Drizzle schema and the same SQL migrations.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Store {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Raw parameterised SQL, used by pg-boss and by a few aggregate queries. */
  query<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: T[] }>;
  /** Several statements without parameters (pg-boss's schema creation). */
  exec(text: string): Promise<void>;
  /** pg-boss's view of the database: parameterised or multi-statement SQL, rows of the last. */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  close(): Promise<void>;
}

export interface StoreOptions {
  databaseUrl?: string;
  dataDir?: string;
  /** Pool size for a PostgreSQL server. */
  maxConnections?: number;
}

const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const store = options.databaseUrl ? await openPostgres(options.databaseUrl, options.maxConnections ?? 10) : await openPglite(options.dataDir);
  return store;
}

async function openPglite(dataDir?: string): Promise<Store> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  let client;
  if (dataDir === ':memory:') client = new PGlite();
  else {
    const dir = resolve(dataDir ?? defaultDataDir(), 'pgdata');
    mkdirSync(dir, { recursive: true });
    client = new PGlite(dir);
  }
  await client.waitReady;
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder });
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    async query(text, values) {
      const r = await client.query(text, values as unknown[] | undefined);
      return { rows: r.rows as never[] };
    },
    async exec(text) {
      await client.exec(text);
    },
    async executeSql(text, values) {
      if (values && values.length) return { rows: (await client.query(text, values)).rows };
      const results = await client.exec(text);
      return { rows: results.length ? results[results.length - 1].rows : [] };
    },
    async close() {
      await client.close();
    },
  };
}

async function openPostgres(url: string, max: number): Promise<Store> {
  const pg = (await import('pg')).default;
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  // numeric and bigint come back as strings, which is what money needs; timestamps as Date.
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => { /* a dropped idle client is replaced on the next query */ });
  const db = drizzle(pool, { schema });
  await migrate(db, { migrationsFolder });
  return {
    db: db as unknown as Db,
    kind: 'postgres',
    async query(text, values) {
      const r = await pool.query(text, values as unknown[] | undefined);
      return { rows: r.rows };
    },
    async exec(text) {
      await pool.query(text);
    },
    async executeSql(text, values) {
      const r = await pool.query(text, values as unknown[] | undefined);
      const last = Array.isArray(r) ? r[r.length - 1] : r;
      return { rows: last?.rows ?? [] };
    },
    async close() {
      await pool.end();
    },
  };
}

export function defaultDataDir(): string {
  return resolve(process.env.PORTOLAN_DATA_DIR ?? '.portolan');
}

export function ensureDir(path: string): void {
  mkdirSync(path, { recursive: true });
}

/** start, worker, migrate: the commands that run Portolan itself. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { registerCapabilities } from '../../capabilities.js';
import { JobRunner } from '../../jobs/job-runner.js';
import { createServices } from '../../services/index.js';
import { defaultDataDir, openStore } from '../../store/database.js';
import { startServer } from '../../server.js';
import { CliError, parseIntOption } from '../output.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

export function registerServerCommands(program: Command): void {
  program.command('start')
    .description('Start the API server and console (embedded database unless DATABASE_URL is set); seeds a demo merchant on first start')
    .option('--port <n>', 'port to listen on (PORT)', parseIntOption('--port', 0))
    .option('--host <host>', 'address to listen on (HOST)', process.env.HOST ?? '127.0.0.1')
    .option('--no-seed', 'do not create the demo merchant on an empty database')
    .option('--orders <n>', 'orders in the demo merchant', parseIntOption('--orders', 0), 50_000)
    .option('--seed <n>', 'random seed of the demo data', parseIntOption('--seed', 0), 7)
    .option('--no-build', 'do not build the console even when it is missing or stale')
    .option('--workers <n>', 'jobs this process runs at once (0: leave jobs to `portolan worker`)', parseIntOption('--workers', 0))
    .action(async (opts) => {
      if (opts.build) buildConsoleIfStale();
      const started = Date.now();
      const server = await startServer({
        port: opts.port, host: opts.host,
        seed: opts.seed === false ? false : { orders: opts.orders, seed: opts.seed },
        runner: opts.workers === 0 ? { consume: false } : opts.workers ? { concurrency: opts.workers } : undefined,
        logger: { level: process.env.LOG_LEVEL ?? 'warn' },
        log: (line) => console.log(line),
      });
      const db = server.store.kind === 'pglite' ? `embedded PGlite in ${defaultDataDir()}` : 'PostgreSQL (DATABASE_URL)';
      console.log(`\nPortolan is running (${db}), ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      console.log(`  console   ${server.url}/${server.demoApiKey ? `#key=${server.demoApiKey}` : ''}`);
      console.log(`  API       ${server.url}/v1   docs ${server.url}/docs   OpenAPI ${server.url}/openapi.json`);
      if (server.demoApiKey) console.log(`  demo admin API key: ${server.demoApiKey}`);
      const stop = async () => {
        await server.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  program.command('worker')
    .description('Run jobs from the shared PostgreSQL queue (start as many as you like, on any machine)')
    .option('--concurrency <n>', 'jobs run at once (default: cores - 1)', parseIntOption('--concurrency', 1))
    .action(async (opts) => {
      const url = process.env.DATABASE_URL;
      if (!url) throw new CliError('portolan worker needs DATABASE_URL: the embedded database belongs to the one server process that opened it');
      const store = await openStore({ databaseUrl: url });
      const services = createServices(store);
      await registerCapabilities();
      const runner = new JobRunner(store, services, { concurrency: opts.concurrency, log: (l) => console.log(l) });
      await runner.start();
      console.log(`worker ${runner.workerId} is taking jobs`);
      const stop = async () => {
        await runner.stop();
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  program.command('migrate')
    .description('Create or upgrade the database schema, then exit')
    .action(async () => {
      const store = await openStore({ databaseUrl: process.env.DATABASE_URL });
      await store.close();
      console.log('the database schema is up to date');
    });
}

/** Builds the console with Vite when web/dist is missing or older than its sources. */
export function buildConsoleIfStale(): void {
  const dist = join(root, 'web/dist/index.html');
  const newest = (dir: string): number => readdirSync(dir).reduce((m, name) => {
    const p = join(dir, name);
    const st = statSync(p);
    return Math.max(m, st.isDirectory() ? newest(p) : st.mtimeMs);
  }, 0);
  if (!existsSync(join(root, 'web/src'))) return;
  if (existsSync(dist) && statSync(dist).mtimeMs >= newest(join(root, 'web/src'))) return;
  console.log('building the console ...');
  const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', 'web', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new CliError('building the console failed (see above)');
}

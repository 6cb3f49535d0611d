/** Operator commands that act on the database directly: demo data, merchants, API keys. */
import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { createServices, type Services } from '../../services/index.js';
import { seedDemo } from '../../services/demo/seed.js';
import { defaultDataDir, openStore } from '../../store/database.js';
import { isCurrencyCode } from '../../domain/codes.js';
import { CliError, parseIntOption, printJson, printTable } from '../output.js';

async function withServices<T>(fn: (services: Services) => Promise<T>): Promise<T> {
  let store;
  try {
    store = await openStore({ databaseUrl: process.env.DATABASE_URL, dataDir: defaultDataDir() });
  } catch (e) {
    throw new CliError(`cannot open the database (${(e as Error).message}); if the server is running on the embedded database, stop it first or use DATABASE_URL`);
  }
  try {
    return await fn(createServices(store));
  } finally {
    await store.close();
  }
}

export function registerAdminCommands(program: Command): void {
  const demo = program.command('demo').description('Demo data');
  demo.command('seed')
    .description('Create a plausible global demo merchant with two years of orders')
    .option('--orders <n>', 'number of orders', parseIntOption('--orders', 1), 50_000)
    .option('--seed <n>', 'random seed (same seed, same data)', parseIntOption('--seed', 0), 7)
    .option('--skus <n>', 'number of SKUs', parseIntOption('--skus', 1), 500)
    .option('--json', 'print the result as JSON')
    .action(async (opts) => withServices(async (services) => {
      const bar = opts.json || !process.stderr.isTTY ? null : new SingleBar({ format: 'seeding [{bar}] {percentage}% {message}', stream: process.stderr }, Presets.shades_classic);
      bar?.start(100, 0, { message: '' });
      const result = await seedDemo(services, { orders: opts.orders, seed: opts.seed, skus: opts.skus }, (f, message) => bar?.update(Math.round(f * 100), { message }));
      bar?.stop();
      if (opts.json) printJson(result);
      else {
        console.log(`demo merchant ${result.merchantId}: ${result.counts.orders} orders, ${result.counts.products} SKUs, ${result.counts.warehouses} warehouses`);
        console.log(`admin API key (shown once): ${result.apiKey}`);
      }
    }));

  const merchants = program.command('merchants').description('Merchants (tenants)');
  merchants.command('create <name>')
    .description('Create a merchant and its first API key')
    .option('--currency <code>', 'default currency (ISO 4217)', 'EUR')
    .option('--json', 'print the result as JSON')
    .action(async (name: string, opts) => withServices(async (services) => {
      const currency = String(opts.currency).toUpperCase();
      if (!isCurrencyCode(currency)) throw new CliError(`--currency must be an ISO 4217 code, got "${opts.currency}"`);
      const m = await services.merchants.create(name, currency);
      const key = await services.merchants.createKey(m.id, 'admin');
      if (opts.json) printJson({ merchant: m, apiKey: key });
      else console.log(`merchant ${m.id} created; API key (shown once): ${key.key}`);
    }));
  merchants.command('list').description('List merchants').option('--json', 'print JSON')
    .action(async (opts) => withServices(async (services) => {
      const rows = (await services.merchants.list()).map((m) => ({ id: m.id, name: m.name, currency: m.defaultCurrency, created: m.createdAt.toISOString() }));
      opts.json ? printJson(rows) : printTable(rows);
    }));

  const keys = program.command('keys').description("A merchant's API keys");
  keys.command('create')
    .description('Create an API key for a merchant (shown once)')
    .requiredOption('--merchant <id>', 'merchant id')
    .option('--name <name>', 'what the key is for', 'cli')
    .option('--json', 'print JSON')
    .action(async (opts) => withServices(async (services) => {
      const key = await services.merchants.createKey(opts.merchant, opts.name);
      opts.json ? printJson(key) : console.log(`${key.id}: ${key.key}`);
    }));
  keys.command('list').requiredOption('--merchant <id>', 'merchant id').option('--json', 'print JSON').description('List API keys')
    .action(async (opts) => withServices(async (services) => {
      const rows = await services.merchants.listKeys(opts.merchant);
      opts.json ? printJson(rows) : printTable(rows);
    }));
  keys.command('revoke <keyId>').requiredOption('--merchant <id>', 'merchant id').option('--json', 'print JSON').description('Revoke an API key')
    .action(async (keyId: string, opts) => withServices(async (services) => {
      const key = await services.merchants.revokeKey(opts.merchant, keyId);
      opts.json ? printJson(key) : console.log(`${key.id} revoked at ${key.revokedAt}`);
    }));
}

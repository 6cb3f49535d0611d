/** The portolan command, run as a user runs it: exit codes, one-line errors, --json. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { startServer, type RunningServer } from '../../src/server.js';
import { testDatabaseUrl } from '../support/harness.js';
import { runPortolan, type CliRun } from '../support/cli.js';

const work = mkdtempSync(join(tmpdir(), 'portolan-cli-'));
let server: RunningServer;
let key: string;

function portolan(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runPortolan(args, { PORTOLAN_URL: server.url, PORTOLAN_API_KEY: key, PORTOLAN_DATA_DIR: join(work, 'cli-data'), ...env });
}

before(async () => {
  server = await startServer({ port: 0, dataDir: join(work, 'server'), databaseUrl: testDatabaseUrl, seed: false, runner: { concurrency: 1 } });
  const m = await server.services.merchants.create('CLI merchant', 'EUR');
  key = (await server.services.merchants.createKey(m.id, 'cli')).key;
});
after(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

it('imports a CSV through the API and prints a JSON report', async () => {
  const file = join(work, 'warehouses.csv');
  writeFileSync(file, 'code,name,city,country,lat,lng,currency\nAMS1,Amsterdam,Amsterdam,NL,52.3,4.9,EUR\n');
  const r = await portolan(['import', 'warehouses', file, '--json']);
  assert.equal(r.code, 0, r.err);
  const report = JSON.parse(r.out);
  assert.equal(report.inserted, 1);
  const again = await portolan(['import', 'warehouses', file, '--json']);
  assert.equal(JSON.parse(again.out).updated, 1);
});

it('fails with a non-zero exit and a one-line reason on bad input', async () => {
  const file = join(work, 'bad.csv');
  writeFileSync(file, 'code,name,city,country,lat,lng,currency\nX1,Bad,Nowhere,ZZ,200,4.9,EUR\n');
  const r = await portolan(['import', 'warehouses', file]);
  assert.equal(r.code, 1);
  assert.match(r.out, /country/);
  assert.match(r.err, /^portolan: 2 bad row\(s\): nothing was written/);
  assert.equal(r.err.trim().split('\n').length, 1);
  const missing = await portolan(['import', 'warehouses', join(work, 'nope.csv')]);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /cannot read .*ENOENT/);
  const kind = await portolan(['import', 'customers', file]);
  assert.equal(kind.code, 1);
  assert.match(kind.err, /unknown import kind/);
  const unknown = await portolan(['frobnicate']);
  assert.notEqual(unknown.code, 0);
  const badKey = await portolan(['api', 'GET', '/v1/merchant'], { PORTOLAN_API_KEY: 'pk_wrong' });
  assert.equal(badKey.code, 1);
  assert.match(badKey.err, /401/);
});

it('calls the API and reads jobs', async () => {
  const r = await portolan(['api', 'GET', '/v1/merchant']);
  assert.equal(r.code, 0, r.err);
  assert.equal(JSON.parse(r.out).name, 'CLI merchant');
  const job = await portolan(['jobs', 'get', 'job_00000000000000000000']);
  assert.equal(job.code, 1);
  assert.match(job.err, /404/);
});

it('seeds a demo merchant and manages keys on the database directly', async () => {
  const env: Record<string, string> = testDatabaseUrl ? { DATABASE_URL: testDatabaseUrl } : {};
  const seeded = await portolan(['demo', 'seed', '--orders', '300', '--seed', '3', '--json'], env);
  assert.equal(seeded.code, 0, seeded.err);
  const result = JSON.parse(seeded.out);
  assert.equal(result.counts.orders, 300);
  assert.match(result.apiKey, /^pk_/);
  const created = await portolan(['keys', 'create', '--merchant', result.merchantId, '--name', 'ci', '--json'], env);
  assert.equal(created.code, 0, created.err);
  const k = JSON.parse(created.out);
  const revoked = await portolan(['keys', 'revoke', k.id, '--merchant', result.merchantId, '--json'], env);
  assert.equal(revoked.code, 0, revoked.err);
  assert.ok(JSON.parse(revoked.out).revokedAt);
  const help = await portolan(['demo', 'seed', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.out, /--orders/);
});

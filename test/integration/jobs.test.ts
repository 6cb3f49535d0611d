/** Jobs run in worker threads, report progress, can be cancelled, and leave the API responsive. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import '../fixtures/spin-plugin.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { testDatabaseUrl } from '../support/harness.js';
import { fetchJob, waitFor } from '../support/jobs.js';

let server: RunningServer;
let key: string;
let merchantId: string;
const dataDir = mkdtempSync(join(tmpdir(), 'portolan-jobs-'));

before(async () => {
  server = await startServer({ port: 0, dataDir, databaseUrl: testDatabaseUrl, seed: false, runner: { concurrency: 1, heartbeatMs: 200 } });
  const m = await server.services.merchants.create('Jobs merchant', 'EUR');
  merchantId = m.id;
  key = (await server.services.merchants.createKey(m.id, 'test')).key;
});
after(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

it('runs a CPU-bound job in a worker thread while /health answers within 100 ms', async () => {
  const job = await server.services.jobs.create(merchantId, 'test.spin', { ms: 2500 });
  assert.equal(job.status, 'queued');
  await waitFor('the job to start', async () => (await fetchJob(server.url, key, job.id)).status === 'running');
  const latencies: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    const res = await fetch(`${server.url}/health`);
    assert.equal(res.status, 200);
    latencies.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.ok(Math.max(...latencies) < 100, `health took ${Math.max(...latencies).toFixed(1)} ms`);
  const midway = await waitFor('progress', async () => {
    const j = await fetchJob(server.url, key, job.id);
    return j.progress > 0 && j.status === 'running' ? j : null;
  });
  assert.match(midway.message, /spinning/);
  const done = await waitFor('the job to finish', async () => {
    const j = await fetchJob(server.url, key, job.id);
    return j.status === 'succeeded' ? j : null;
  });
  assert.equal(done.progress, 1);
  assert.ok((done.result as { spunMs: number }).spunMs >= 2500);
  assert.ok(done.startedAt && done.finishedAt);
});

it('cancels a running job and keeps running the next one', async () => {
  const long = await server.services.jobs.create(merchantId, 'test.spin', { ms: 60_000 });
  await waitFor('the long job to start', async () => (await fetchJob(server.url, key, long.id)).status === 'running');
  const res = await fetch(`${server.url}/v1/jobs/${long.id}/cancel`, { method: 'POST', headers: { authorization: `Bearer ${key}` } });
  assert.equal(res.status, 200);
  assert.equal(((await res.json()) as { status: string }).status, 'cancelled');
  const again = await fetch(`${server.url}/v1/jobs/${long.id}/cancel`, { method: 'POST', headers: { authorization: `Bearer ${key}` } });
  assert.equal(again.status, 409);
  const next = await server.services.jobs.create(merchantId, 'test.spin', { ms: 200 });
  const done = await waitFor('the next job', async () => {
    const j = await fetchJob(server.url, key, next.id);
    return j.status === 'succeeded' ? j : null;
  }, 20_000);
  assert.equal(done.status, 'succeeded');
  assert.equal((await fetchJob(server.url, key, long.id)).status, 'cancelled');
});

it('reports a failing job with its error, and an unknown kind', async () => {
  const bad = await server.services.jobs.create(merchantId, 'test.spin', { ms: 10, fail: true });
  const failed = await waitFor('failure', async () => {
    const j = await fetchJob(server.url, key, bad.id);
    return j.status === 'failed' ? j : null;
  });
  assert.match((failed.error as { message: string }).message, /asked to fail/);
  const unknown = await server.services.jobs.create(merchantId, 'no.such.kind', {});
  const u = await waitFor('unknown kind', async () => {
    const j = await fetchJob(server.url, key, unknown.id);
    return j.status === 'failed' ? j : null;
  });
  assert.match((u.error as { message: string }).message, /no task is registered/);
});

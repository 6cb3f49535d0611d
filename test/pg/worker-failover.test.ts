/**
 * Needs a real PostgreSQL (PORTOLAN_TEST_DATABASE_URL): two `portolan worker` processes share the
 * queue; the one running a job is killed mid-job and the other picks the job up and finishes it.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { after, before, it } from 'node:test';
import { JobRunner } from '../../src/jobs/job-runner.js';
import { createServices, type Services } from '../../src/services/index.js';
import type { Store } from '../../src/store/database.js';
import { openTestStore, testDatabaseUrl } from '../support/harness.js';
import { waitFor } from '../support/jobs.js';

let store: Store;
let services: Services;
let dispatcher: JobRunner;
const children: ChildProcess[] = [];

function startWorker(): ChildProcess {
  const child = spawn(process.execPath, ['bin/portolan.js', 'worker', '--concurrency', '1'], {
    env: {
      ...process.env, DATABASE_URL: testDatabaseUrl, PORTOLAN_PLUGINS: 'test/fixtures/spin-plugin.ts',
      PORTOLAN_JOB_HEARTBEAT_MS: '300', PORTOLAN_JOB_STALE_AFTER_MS: '3000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return child;
}

async function started(child: ChildProcess): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('is taking jobs')) resolve();
    });
    child.stderr!.on('data', (d) => { out += d; });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}: ${out}`)));
  });
}

before(async () => {
  assert.ok(testDatabaseUrl, 'PORTOLAN_TEST_DATABASE_URL is required for this suite');
  store = await openTestStore();
  services = createServices(store);
  // This process only enqueues; the worker processes run the jobs.
  dispatcher = new JobRunner(store, services, { consume: false });
  await dispatcher.start();
});

after(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await dispatcher.stop();
  await store.close();
});

it('re-runs a job whose worker process was killed mid-job on another worker', async () => {
  const first = startWorker();
  await started(first);
  const m = await services.merchants.create('Failover merchant', 'EUR');
  const job = await services.jobs.create(m.id, 'test.spin', { ms: 4000 });
  const running = await waitFor('the first worker to take the job', async () => {
    const j = await services.jobs.row(m.id, job.id);
    return j.status === 'running' ? j : null;
  }, 30_000);
  assert.match(running.workerId ?? '', new RegExp(`-${first.pid}-`));
  first.kill('SIGKILL');
  const second = startWorker();
  await started(second);
  const done = await waitFor('the job to finish on the second worker', async () => {
    const j = await services.jobs.row(m.id, job.id);
    return j.status === 'succeeded' || j.status === 'failed' ? j : null;
  }, 60_000, 250);
  assert.equal(done.status, 'succeeded', JSON.stringify(done.error));
  assert.equal((done.result as { finishedBy: number }).finishedBy, second.pid);
  assert.equal(done.attempts, 2);
  assert.match(done.workerId ?? '', new RegExp(`-${second.pid}-`));
});

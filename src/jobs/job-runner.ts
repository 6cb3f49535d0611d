/**
 * Runs queued jobs. pg-boss, on the same database, hands each job to one process; the process
 * runs the pure computation in a worker thread (piscina) so its event loop keeps answering.
 * Each running job has a heartbeat; any runner re-queues a job whose heartbeat went stale, which
 * is how a job survives the death of the worker process that held it.
 */
import { availableParallelism, hostname } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import PgBoss from 'pg-boss';
import { Piscina } from 'piscina';
import type { Store } from '../store/database.js';
import type { Services } from '../services/index.js';
import { newId } from '../shared/ids.js';
import { JOB_QUEUE, type JobDispatcher } from './job-service.js';
import { getTask } from './task-registry.js';

export interface RunnerOptions {
  /** Jobs this process runs at once; defaults to cores − 1 (at least 1). */
  concurrency?: number;
  /** False for an API server that only enqueues and leaves running to `portolan worker`s. */
  consume?: boolean;
  heartbeatMs?: number;
  /** A running job whose heartbeat is older than this is taken to be orphaned. */
  staleAfterMs?: number;
  maxAttempts?: number;
  log?: (msg: string) => void;
}

interface JobRow {
  id: string;
  merchant_id: string;
  kind: string;
  input: unknown;
}

export class JobRunner implements JobDispatcher {
  readonly workerId = `${hostname()}-${process.pid}-${newId('w').slice(-6)}`;
  private boss: PgBoss | null = null;
  private pool: Piscina | null = null;
  private reaper: NodeJS.Timeout | null = null;
  private readonly running = new Map<string, AbortController>();
  private readonly opts: Required<Omit<RunnerOptions, 'log'>> & { log: (msg: string) => void };

  constructor(private readonly store: Store, private readonly services: Services, options: RunnerOptions = {}) {
    this.opts = {
      concurrency: options.concurrency ?? Math.max(1, availableParallelism() - 1),
      consume: options.consume ?? true,
      heartbeatMs: options.heartbeatMs ?? envMs('PORTOLAN_JOB_HEARTBEAT_MS', 1000),
      staleAfterMs: options.staleAfterMs ?? envMs('PORTOLAN_JOB_STALE_AFTER_MS', 15_000),
      maxAttempts: options.maxAttempts ?? 3,
      log: options.log ?? (() => {}),
    };
  }

  async start(): Promise<void> {
    const store = this.store;
    this.boss = new PgBoss({
      db: { executeSql: (text, values) => store.executeSql(text, values) },
      schedule: false,
      // pg-boss only dispatches; lifetimes and retries are governed by heartbeats below.
      retryLimit: 0,
      expireInHours: 23,
    });
    this.boss.on('error', (e) => this.opts.log(`queue error: ${e.message}`));
    await this.boss.start();
    await this.boss.createQueue(JOB_QUEUE).catch(() => {});
    this.services.jobs.attach(this);
    if (!this.opts.consume) return;
    this.pool = new Piscina({
      filename: new URL('../../bin/worker-thread.mjs', import.meta.url).href,
      maxThreads: this.opts.concurrency,
      // a job may spread its solve over its share of the cores (the network engine's region search)
      workerData: { threadsPerJob: Math.max(1, Math.floor(availableParallelism() / this.opts.concurrency)) },
      minThreads: 0,
      idleTimeout: 30_000,
    });
    for (let i = 0; i < this.opts.concurrency; i++) {
      await this.boss.work<{ jobId: string }>(JOB_QUEUE, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
        await this.run(job.data.jobId);
      });
    }
    this.reaper = setInterval(() => void this.requeueOrphans().catch((e) => this.opts.log(`reaper: ${e.message}`)), Math.max(500, this.opts.staleAfterMs / 3));
    this.reaper.unref();
    await this.requeueOrphans();
  }

  async stop(): Promise<void> {
    if (this.reaper) clearInterval(this.reaper);
    for (const c of this.running.values()) c.abort();
    await this.boss?.stop({ graceful: false, wait: true, timeout: 2000 }).catch(() => {});
    await this.pool?.destroy();
    this.boss = null;
    this.pool = null;
  }

  async dispatch(jobId: string): Promise<void> {
    if (!this.boss) throw new Error('job runner is not started');
    await this.boss.send(JOB_QUEUE, { jobId }, { retryLimit: 0 });
  }

  async withdraw(jobId: string): Promise<void> {
    this.running.get(jobId)?.abort();
  }

  /** Claims the job if it is still queued, then runs it to the end. */
  private async run(jobId: string): Promise<void> {
    const { rows } = await this.store.query<JobRow>(
      `update jobs set status = 'running', worker_id = $2, heartbeat_at = now(), started_at = coalesce(started_at, now()),
              attempts = attempts + 1, message = 'started'
        where id = $1 and status = 'queued' returning id, merchant_id, kind, input`, [jobId, this.workerId]);
    const job = rows[0];
    if (!job) return;
    const task = getTask(job.kind);
    if (!task) {
      await this.finish(job.id, 'failed', null, { message: `no task is registered for job kind ${job.kind}` });
      return;
    }
    const abort = new AbortController();
    this.running.set(job.id, abort);
    let progress = 0;
    let message = 'started';
    const beat = setInterval(() => void this.heartbeat(job.id, progress, message, abort), this.opts.heartbeatMs);
    try {
      const payload = await task.prepare(this.services, job.merchant_id, job.input);
      const { port1, port2 } = new MessageChannel();
      port1.on('message', (m: { fraction: number; message: string }) => {
        progress = Math.max(0, Math.min(1, m.fraction));
        message = m.message;
      });
      const output = await this.pool!.run(
        { module: task.module, exportName: task.exportName, payload, port: port2 },
        { transferList: [port2] as never, signal: abort.signal },
      );
      port1.close();
      const result = task.finish ? await task.finish(this.services, job.merchant_id, job.input, output) : output;
      await this.finish(job.id, 'succeeded', result ?? null, null);
    } catch (e) {
      if (!abort.signal.aborted) {
        const err = e as Error & { errors?: unknown };
        await this.finish(job.id, 'failed', null, { message: err.message, ...(err.errors ? { errors: err.errors } : {}) });
      }
    } finally {
      clearInterval(beat);
      this.running.delete(job.id);
    }
  }

  private async heartbeat(jobId: string, progress: number, message: string, abort: AbortController): Promise<void> {
    try {
      const { rows } = await this.store.query(
        `update jobs set heartbeat_at = now(), progress = $3, message = $4 where id = $1 and worker_id = $2 and status = 'running' returning id`,
        [jobId, this.workerId, progress, message]);
      // Cancelled, or re-queued after this process was presumed dead: stop computing.
      if (rows.length === 0) abort.abort();
    } catch (e) {
      this.opts.log(`heartbeat: ${(e as Error).message}`);
    }
  }

  private async finish(jobId: string, status: 'succeeded' | 'failed', result: unknown, error: unknown): Promise<void> {
    await this.store.query(
      `update jobs set status = $3, result = $4, error = $5, progress = case when $3 = 'succeeded' then 1 else progress end,
              message = $6, finished_at = now()
        where id = $1 and worker_id = $2 and status = 'running'`,
      [jobId, this.workerId, status, JSON.stringify(result), JSON.stringify(error), status === 'succeeded' ? 'done' : String((error as { message?: string })?.message ?? 'failed')]);
  }

  private async requeueOrphans(): Promise<void> {
    const stale = `${Math.ceil(this.opts.staleAfterMs / 1000)} seconds`;
    await this.store.query(
      `update jobs set status = 'failed', finished_at = now(), message = 'its worker stopped answering too many times',
              error = jsonb_build_object('message', 'the job was abandoned by ' || attempts || ' workers in a row')
        where status = 'running' and heartbeat_at < now() - $1::interval and attempts >= $2`, [stale, this.opts.maxAttempts]);
    const { rows } = await this.store.query<{ id: string }>(
      `update jobs set status = 'queued', worker_id = null, message = 're-queued: its worker stopped answering'
        where status = 'running' and heartbeat_at < now() - $1::interval returning id`, [stale]);
    for (const r of rows) {
      this.opts.log(`re-queued orphaned job ${r.id}`);
      await this.dispatch(r.id);
    }
  }
}

function envMs(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

/** Jobs as merchants see them: create, read, list, cancel. Running them is the JobRunner's work. */
import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '../store/database.js';
import { jobs } from '../store/schema.js';
import type { Job } from '../domain/resources.js';
import { newId } from '../shared/ids.js';
import { Conflict, NotFound } from '../services/errors.js';
import type { Page, PageRequest } from '../services/pagination.js';
import { decodeCursor, pageLimit, toPage } from '../services/pagination.js';

export const JOB_QUEUE = 'portolan-jobs';

type Row = typeof jobs.$inferSelect;

export function jobToApi(r: Row): Job {
  return {
    id: r.id, kind: r.kind, status: r.status as Job['status'], progress: r.progress, message: r.message,
    result: r.result ?? null, error: r.error ?? null, attempts: r.attempts, createdAt: r.createdAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null, finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

/** Hands a queued job to whichever process runs the queue (pg-boss in production, direct in tests). */
export interface JobDispatcher {
  dispatch(jobId: string): Promise<void>;
  withdraw?(jobId: string): Promise<void>;
}

export class JobService {
  private dispatcher: JobDispatcher | null = null;

  constructor(private readonly db: Db) {}

  attach(dispatcher: JobDispatcher): void {
    this.dispatcher = dispatcher;
  }

  async create(merchantId: string, kind: string, input: unknown): Promise<Job> {
    const [row] = await this.db.insert(jobs).values({ id: newId('job'), merchantId, kind, status: 'queued', input: input as object, message: 'queued' }).returning();
    if (this.dispatcher) await this.dispatcher.dispatch(row.id);
    return jobToApi(row);
  }

  async get(merchantId: string, id: string): Promise<Job> {
    return jobToApi(await this.row(merchantId, id));
  }

  /** A job seen through a capability's own resource, e.g. /v1/network-studies/:id. */
  async getOfKind(merchantId: string, id: string, kinds: string[], what: string): Promise<Job> {
    const row = await this.row(merchantId, id).catch(() => null);
    if (!row || !kinds.includes(row.kind)) throw new NotFound(what, id);
    return jobToApi(row);
  }

  async row(merchantId: string, id: string): Promise<Row> {
    const [row] = await this.db.select().from(jobs).where(and(eq(jobs.merchantId, merchantId), eq(jobs.id, id)));
    if (!row) throw new NotFound('job', id);
    return row;
  }

  async list(merchantId: string, req: PageRequest & { kind?: string; status?: string }): Promise<Page<Job>> {
    const limit = pageLimit(req.limit);
    const where = [eq(jobs.merchantId, merchantId)];
    const before = decodeCursor(req.cursor);
    if (before) where.push(lt(jobs.id, before));
    if (req.kind) where.push(eq(jobs.kind, req.kind));
    if (req.status) where.push(eq(jobs.status, req.status));
    const rows = await this.db.select().from(jobs).where(and(...where)).orderBy(desc(jobs.id)).limit(limit + 1);
    return toPage(rows, limit, jobToApi);
  }

  async cancel(merchantId: string, id: string): Promise<Job> {
    const [row] = await this.db.update(jobs).set({ status: 'cancelled', message: 'cancelled', finishedAt: new Date() })
      .where(and(eq(jobs.merchantId, merchantId), eq(jobs.id, id), inArray(jobs.status, ['queued', 'running']))).returning();
    if (!row) {
      const existing = await this.row(merchantId, id);
      throw new Conflict(`job ${id} has already ${existing.status === 'cancelled' ? 'been cancelled' : 'finished'} (${existing.status})`);
    }
    await this.dispatcher?.withdraw?.(id);
    return jobToApi(row);
  }
}

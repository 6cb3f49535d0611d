/**
 * State of a capability whose POST starts a job (network studies, forecasts, route plans): the
 * latest finished one on arrival, a running one followed until it ends, run, cancel, and earlier
 * finished ones to reopen.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { request } from './client';
import type { Page } from './types';

export interface JobLike {
  id: string;
  status: string;
  progress: number;
  message: string;
  result?: unknown;
  error?: { message?: string } | null;
}

export interface JobResourceOptions<J> {
  /** Collection path, e.g. `/v1/network-studies`. */
  path: string;
  /** Called with each finished job that has a result: the one to show. */
  onShow: (job: J) => void;
  cancelledMessage: string;
  failedMessage: (detail: string) => string;
}

const POLL_MS = 800;

export function useJobResource<J extends JobLike, L extends { id: string; status: string }>(options: JobResourceOptions<J>) {
  const { path, cancelledMessage, failedMessage } = options;
  const [running, setRunning] = useState<J | null>(null);
  const [history, setHistory] = useState<L[]>([]);
  const [loadingLatest, setLoadingLatest] = useState(true);
  const [error, setError] = useState<Error | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const timer = useRef<number | null>(null);
  const alive = useRef(true);
  // The page's callback changes every render; the latest one is used without restarting polls.
  const onShow = useRef(options.onShow);
  onShow.current = options.onShow;

  const loadHistory = useCallback(async () => {
    const list = await request<Page<L>>(path, { query: { limit: 20 } });
    if (alive.current) setHistory(list.data.filter((j) => j.status === 'succeeded'));
    return list.data;
  }, [path]);

  const open = useCallback(async (id: string) => {
    try {
      const job = await request<J>(`${path}/${id}`);
      if (alive.current && job.result) onShow.current(job);
    } catch (e) {
      setError(e as Error);
    }
  }, [path]);

  const follow = useCallback((id: string) => {
    const tick = async () => {
      try {
        const job = await request<J>(`${path}/${id}`);
        if (!alive.current) return;
        if (job.status === 'queued' || job.status === 'running') {
          setRunning(job);
          timer.current = window.setTimeout(tick, POLL_MS);
          return;
        }
        setRunning(null);
        void loadHistory().catch(() => undefined);
        if (job.status === 'succeeded' && job.result) onShow.current(job);
        else setFailure(job.status === 'cancelled' ? cancelledMessage : failedMessage(job.error?.message ?? job.message));
      } catch (e) {
        if (!alive.current) return;
        setRunning(null);
        setError(e as Error);
      }
    };
    void tick();
  }, [path, loadHistory, cancelledMessage, failedMessage]);

  // On arrival: the latest finished job, and one still running is followed.
  useEffect(() => {
    alive.current = true;
    (async () => {
      try {
        const list = await loadHistory();
        if (!alive.current) return;
        const active = list.find((j) => j.status === 'queued' || j.status === 'running');
        const done = list.find((j) => j.status === 'succeeded');
        if (done) await open(done.id);
        if (alive.current && active) follow(active.id);
      } catch (e) {
        if (alive.current) setError(e as Error);
      } finally {
        if (alive.current) setLoadingLatest(false);
      }
    })();
    return () => {
      alive.current = false;
      if (timer.current) window.clearTimeout(timer.current);
    };
  }, [loadHistory, open, follow]);

  const run = useCallback(async (body: unknown) => {
    setError(null);
    setFailure(null);
    try {
      const job = await request<J>(path, { method: 'POST', json: body });
      setRunning(job);
      follow(job.id);
    } catch (e) {
      setError(e as Error);
    }
  }, [path, follow]);

  const cancel = useCallback(async () => {
    if (!running) return;
    try {
      await request(`/v1/jobs/${running.id}/cancel`, { method: 'POST' });
    } catch (e) {
      setError(e as Error);
    }
  }, [running]);

  return { running, history, loadingLatest, error, setError, failure, open, run, cancel };
}

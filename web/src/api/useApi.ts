/** Loads one API resource for a component, with loading and error state and a reload. */
import { useCallback, useEffect, useState } from 'react';
import { request, type Query } from './client';

export interface Loaded<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
}

export function useApi<T>(path: string | null, query?: Query): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: path !== null });
  const [tick, setTick] = useState(0);
  const queryKey = JSON.stringify(query ?? {});
  useEffect(() => {
    if (path === null) return;
    const ctl = new AbortController();
    setState((s) => ({ data: s.data, loading: true }));
    request<T>(path, { query: JSON.parse(queryKey) as Query, signal: ctl.signal })
      .then((data) => setState({ data, loading: false }))
      .catch((error: Error) => {
        if (error.name !== 'AbortError') setState({ error, loading: false });
      });
    return () => ctl.abort();
  }, [path, queryKey, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/** Cursor paging over a list endpoint (`{ data, nextCursor }`), accumulating pages for "Load more". */
import { useCallback, useEffect, useRef, useState } from 'react';
import { request, type Query } from './client';
import type { Page } from './types';

export interface Paged<T> {
  items: T[];
  hasMore: boolean;
  loading: boolean;
  error: Error | undefined;
  loadMore: () => void;
  reload: () => void;
}

export function usePaged<T>(path: string, filters: Query = {}, limit = 50): Paged<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<Error>();
  const [generation, setGeneration] = useState(0);
  const filtersKey = JSON.stringify(filters);
  const ctl = useRef<AbortController | null>(null);

  const fetchPage = useCallback(
    (after: string | null, replace: boolean) => {
      ctl.current?.abort();
      const c = new AbortController();
      ctl.current = c;
      setLoading(true);
      setError(undefined);
      request<Page<T>>(path, { query: { ...(JSON.parse(filtersKey) as Query), limit, cursor: after }, signal: c.signal })
        .then((page) => {
          setItems((prev) => (replace ? page.data : [...prev, ...page.data]));
          setCursor(page.nextCursor);
          setLoading(false);
        })
        .catch((e: Error) => {
          if (e.name === 'AbortError') return;
          setError(e);
          setLoading(false);
        });
    },
    [path, filtersKey, limit],
  );

  useEffect(() => {
    setItems([]);
    setCursor(null);
    fetchPage(null, true);
    return () => ctl.current?.abort();
  }, [fetchPage, generation]);

  return {
    items,
    hasMore: cursor !== null,
    loading,
    error,
    loadMore: () => cursor !== null && fetchPage(cursor, false),
    reload: () => setGeneration((g) => g + 1),
  };
}

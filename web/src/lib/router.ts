/** Hash routing (`#/overview`, `#/network`, ...): the server serves one index.html and needs no fallback. */
import { useEffect, useState } from 'react';

export function currentRoute(): string {
  const hash = window.location.hash.replace(/^#\/?/, '');
  return hash.split(/[/?&]/)[0] || 'overview';
}

export function routeHref(pageId: string, params?: Record<string, string>): string {
  const qs = params ? new URLSearchParams(params).toString() : '';
  return `#/${pageId}${qs ? `?${qs}` : ''}`;
}

/** Parameters after the route (`#/data?tab=orders&country=DE`), read when a page opens. */
export function routeParams(): URLSearchParams {
  const hash = window.location.hash;
  const i = hash.indexOf('?');
  return new URLSearchParams(i >= 0 ? hash.slice(i + 1) : '');
}

export function useRoute(): string {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const update = () => setRoute(currentRoute());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

/** Hash routing (`#/overview`, `#/network`, ...): the server serves one index.html and needs no fallback. */
import { useEffect, useState } from 'react';

export function currentRoute(): string {
  const hash = window.location.hash.replace(/^#\/?/, '');
  return hash.split(/[/?&]/)[0] || 'overview';
}

export function routeHref(pageId: string): string {
  return `#/${pageId}`;
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

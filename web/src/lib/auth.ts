/** Where the console keeps the API key: localStorage, seeded once from `#key=...` in the URL the server prints. */

const STORAGE_KEY = 'portolan.apiKey';

export function storedKey(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function storeKey(key: string | null): void {
  try {
    if (key) localStorage.setItem(STORAGE_KEY, key);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Private browsing can refuse storage; the key then lives only as long as the tab.
  }
}

/**
 * Takes a key from `#key=pk_...` (alone or after a route, `#/data&key=...`), keeps it, and removes it
 * from the address bar and history so it is not bookmarked or shared by accident.
 */
export function adoptKeyFromUrl(): string | null {
  const hash = window.location.hash.replace(/^#/, '');
  if (!hash.includes('key=')) return null;
  const [route, ...rest] = hash.split(/[?&]/);
  let key: string | null = null;
  const keep: string[] = [];
  for (const part of [route, ...rest]) {
    if (part.startsWith('key=')) key = decodeURIComponent(part.slice(4)).trim() || null;
    else if (part && part.startsWith('/')) keep.unshift(part);
  }
  const target = keep[0] ?? '/overview';
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#${target}`);
  if (key) storeKey(key);
  return key;
}

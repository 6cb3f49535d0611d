import { Invalid } from './errors.js';

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface PageRequest {
  limit?: number;
  cursor?: string;
}

/** Cursors are opaque to clients: the last id seen, base64url-encoded. */
export function decodeCursor(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[a-z]+_[0-9a-z]{20}$/.test(id)) throw new Invalid('cursor is not one this API gave out', [{ field: 'cursor', message: 'unknown cursor' }]);
  return id;
}

export function pageLimit(limit: number | undefined): number {
  return Math.min(Math.max(limit ?? 50, 1), 500);
}

/** Callers fetch limit + 1 rows; the extra one only says whether another page exists. */
export function toPage<R extends { id: string }, T>(rows: R[], limit: number, map: (r: R) => T): Page<T> {
  const more = rows.length > limit;
  const slice = more ? rows.slice(0, limit) : rows;
  return { data: slice.map(map), nextCursor: more ? Buffer.from(slice[slice.length - 1].id).toString('base64url') : null };
}

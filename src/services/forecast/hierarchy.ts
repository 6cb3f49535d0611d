/**
 * Series keys of the forecast hierarchy. A key is "part|part" with parts "name:value", e.g.
 * "sku:TENT-1|warehouse:AMS1"; the long tail of a category is "sku:*other|category:Camping".
 * Codes cannot contain ':' '|' or '*', so keys never collide with a merchant's own codes.
 */
import type { SeriesLevel } from './schema.js';
import { NONE, OTHER_SKU, type BottomSeriesInput } from './types.js';

export const TOTAL_KEY = 'total';

export function skuPart(s: Pick<BottomSeriesInput, 'sku' | 'category'>): string {
  return s.sku === OTHER_SKU ? `sku:${OTHER_SKU}|category:${s.category}` : `sku:${s.sku}`;
}

export function bottomKey(s: BottomSeriesInput): string {
  return [skuPart(s), s.warehouse !== null ? `warehouse:${s.warehouse}` : '', s.channel !== null ? `channel:${s.channel}` : ''].filter(Boolean).join('|');
}

/** Every aggregate a bottom series adds into (the total is implied). */
export function groupsOf(s: BottomSeriesInput): string[] {
  const sku = skuPart(s);
  const groups = [`category:${s.category}`];
  if (s.warehouse !== null) groups.push(`warehouse:${s.warehouse}`, sku);
  if (s.channel !== null) groups.push(`channel:${s.channel}`, `${sku}|warehouse:${s.warehouse}`);
  if (s.sku === OTHER_SKU) groups.push(`sku:${OTHER_SKU}`);
  return groups;
}

export function parseKey(key: string): Record<string, string> {
  const parts: Record<string, string> = {};
  if (key === TOTAL_KEY) return parts;
  for (const p of key.split('|')) {
    const at = p.indexOf(':');
    if (at > 0) parts[p.slice(0, at)] = p.slice(at + 1);
  }
  return parts;
}

export function levelOf(key: string): SeriesLevel {
  if (key === TOTAL_KEY) return 'total';
  const p = parseKey(key);
  if (p.sku === undefined) return p.category !== undefined ? 'category' : p.warehouse !== undefined ? 'warehouse' : 'channel';
  if (p.channel !== undefined) return 'sku-warehouse-channel';
  return p.warehouse !== undefined ? 'sku-warehouse' : 'sku';
}

/** Order in which series are listed: the total first, the finest level last. */
export const LEVEL_ORDER: SeriesLevel[] = ['total', 'category', 'warehouse', 'channel', 'sku', 'sku-warehouse', 'sku-warehouse-channel'];

const code = (value: string, none: string) => (value === NONE ? none : value);

export function labelOf(key: string, names: Record<string, string>): string {
  if (key === TOTAL_KEY) return 'All SKUs';
  const p = parseKey(key);
  let label = '';
  if (p.sku === OTHER_SKU) label = p.category !== undefined ? `Other ${p.category} SKUs` : 'Other SKUs';
  else if (p.sku !== undefined) label = names[p.sku] ? `${p.sku} · ${names[p.sku]}` : p.sku;
  else if (p.category !== undefined) label = `Category ${p.category}`;
  const where = [p.warehouse !== undefined ? `warehouse ${code(p.warehouse, 'none')}` : '', p.channel !== undefined ? `channel ${code(p.channel, 'none')}` : ''].filter(Boolean);
  if (!label) return where.map((w) => w[0].toUpperCase() + w.slice(1)).join(', ');
  return where.length ? `${label} @ ${where.join(', ')}` : label;
}

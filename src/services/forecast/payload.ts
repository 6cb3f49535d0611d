/**
 * Turns a forecast request into the worker's payload: daily units per SKU (× warehouse × channel)
 * from the order history, the long tail folded into "other" series per category, and the calendar
 * events. Everything a user can get wrong is checked here, so the API answers 400 before a job exists.
 */
import type { Services } from '../index.js';
import { Invalid } from '../errors.js';
import type { ForecastCreate } from './schema.js';
import { NONE, OTHER_SKU, type BottomSeriesInput, type CalendarEvent, type ForecastPayload } from './types.js';

const DAY_MS = 86_400_000;
/** Longest default history: older demand rarely helps and every extra day costs fitting time. */
const DEFAULT_MAX_DAYS = 3 * 365;
const MAX_DAYS = 10 * 365;
export const UNCATEGORISED = 'Uncategorised';

/** Midnight UTC of the day an ISO date or date-time falls on. */
const dayOf = (iso: string) => Math.floor((iso.length > 10 ? Date.parse(iso) : Date.parse(`${iso}T00:00:00Z`)) / DAY_MS) * DAY_MS;
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Black Friday: the day after the fourth Thursday of November. */
export function blackFriday(year: number): number {
  const nov1 = new Date(Date.UTC(year, 10, 1));
  const firstThursday = 1 + ((4 - nov1.getUTCDay() + 7) % 7);
  return Date.UTC(year, 10, firstThursday + 22);
}

/** The retail peaks most merchants share; the engine keeps an event only where the history shows an uplift. */
export function calendarEvents(startMs: number, days: number, horizon: number): CalendarEvent[] {
  const firstYear = new Date(startMs).getUTCFullYear();
  const lastYear = new Date(startMs + (days + horizon) * DAY_MS).getUTCFullYear();
  const events: CalendarEvent[] = [
    { name: 'black-friday', history: [], future: [] },
    { name: 'cyber-monday', history: [], future: [] },
  ];
  for (let year = firstYear; year <= lastYear; year++) {
    const bf = blackFriday(year);
    [bf, bf + 3 * DAY_MS].forEach((ms, i) => {
      const index = Math.round((ms - startMs) / DAY_MS);
      if (index >= 0 && index < days) events[i].history.push(index);
      else if (index >= days && index < days + horizon) events[i].future.push(index - days);
    });
  }
  return events.filter((e) => e.history.length + e.future.length > 0);
}

export async function historyWindow(services: Services, merchantId: string, input: ForecastCreate): Promise<{ startMs: number; days: number }> {
  const { rows } = await services.store.query<{ first: Date | string | null; last: Date | string | null }>(
    `select min(placed_at) as first, max(placed_at) as last from orders where merchant_id = $1 and status <> 'cancelled'`, [merchantId]);
  const first = rows[0]?.first ? dayOf(new Date(rows[0].first).toISOString()) : null;
  const last = rows[0]?.last ? dayOf(new Date(rows[0].last).toISOString()) : null;
  const toMs = input.to ? dayOf(input.to) : last;
  if (toMs === null) throw new Invalid('there are no orders to forecast from', [{ field: 'to', message: 'no orders yet: import order history first' }]);
  const fromMs = input.from ? dayOf(input.from) : Math.max(first ?? toMs, toMs - (DEFAULT_MAX_DAYS - 1) * DAY_MS);
  if (fromMs > toMs) throw new Invalid('the history window is empty: from must not be after to', [{ field: 'from', message: `must not be after ${isoDay(toMs)}` }]);
  const days = Math.round((toMs - fromMs) / DAY_MS) + 1;
  if (days > MAX_DAYS) throw new Invalid(`the history window is ${days} days long; at most ${MAX_DAYS}`, [{ field: 'from', message: `must be at most ${MAX_DAYS} days before to` }]);
  if (first === null || last === null || last < fromMs || first > toMs)
    throw new Invalid(`no orders between ${isoDay(fromMs)} and ${isoDay(toMs)}`, [
      { field: input.from ? 'from' : 'to', message: `the window ${isoDay(fromMs)}..${isoDay(toMs)} holds no orders` },
    ]);
  return { startMs: fromMs, days };
}

interface DayRow {
  sku: string;
  warehouse: string | null;
  channel: string | null;
  day: number;
  units: number;
}

/**
 * Daily units per SKU (× warehouse × channel). Orders and lines are read with two plain scans and
 * joined here: right after a bulk import the planner's statistics are stale, and the one-query
 * join then turned into a nested loop that took minutes on the demo merchant.
 */
async function dailyUnits(services: Services, merchantId: string, start: string, days: number, withWarehouse: boolean, withChannel: boolean): Promise<DayRow[]> {
  const [orderRows, lineRows, warehouseRows, channelRows] = await Promise.all([
    services.store.query<{ id: string; day: number; warehouse_id: string | null; channel_id: string | null }>(
      `select id, ((placed_at at time zone 'UTC')::date - $2::date)::int as day, warehouse_id, channel_id
         from orders
        where merchant_id = $1 and status <> 'cancelled' and placed_at >= $2::date and placed_at < ($2::date + $3::int)`, [merchantId, start, days]),
    services.store.query<{ order_id: string; sku: string; quantity: number }>('select order_id, sku, quantity from order_lines where merchant_id = $1', [merchantId]),
    services.store.query<{ id: string; code: string }>('select id, code from warehouses where merchant_id = $1', [merchantId]),
    services.store.query<{ id: string; code: string }>('select id, code from channels where merchant_id = $1', [merchantId]),
  ]);
  const warehouseCode = new Map(warehouseRows.rows.map((w) => [w.id, w.code]));
  const channelCode = new Map(channelRows.rows.map((c) => [c.id, c.code]));
  const orders = new Map(orderRows.rows.map((o) => [o.id, {
    day: Number(o.day),
    warehouse: withWarehouse && o.warehouse_id ? warehouseCode.get(o.warehouse_id) ?? null : null,
    channel: withChannel && o.channel_id ? channelCode.get(o.channel_id) ?? null : null,
  }]));
  const cells = new Map<string, DayRow>();
  for (const l of lineRows.rows) {
    const o = orders.get(l.order_id);
    if (!o) continue;
    const key = `${l.sku}|${o.warehouse}|${o.channel}|${o.day}`;
    const cell = cells.get(key);
    if (cell) cell.units += Number(l.quantity);
    else cells.set(key, { sku: l.sku, warehouse: o.warehouse, channel: o.channel, day: o.day, units: Number(l.quantity) });
  }
  return [...cells.values()];
}

export async function buildForecastPayload(services: Services, merchantId: string, input: ForecastCreate): Promise<ForecastPayload> {
  const { startMs, days } = await historyWindow(services, merchantId, input);
  const start = isoDay(startMs);
  const withWarehouse = input.level !== 'sku';
  const withChannel = input.level === 'sku-warehouse-channel';
  const rows = await dailyUnits(services, merchantId, start, days, withWarehouse, withChannel);
  if (rows.length === 0)
    throw new Invalid(`no order lines between ${start} and ${isoDay(startMs + (days - 1) * DAY_MS)}`, [{ field: input.from ? 'from' : 'to', message: 'the window holds no sales' }]);

  const { rows: productRows } = await services.store.query<{ sku: string; name: string; category: string }>(
    'select sku, name, category from products where merchant_id = $1', [merchantId]);
  const products = new Map(productRows.map((p) => [p.sku, p]));
  const categoryOf = (sku: string) => products.get(sku)?.category.trim() || UNCATEGORISED;

  const volume = new Map<string, number>();
  for (const r of rows) volume.set(r.sku, (volume.get(r.sku) ?? 0) + Number(r.units));
  const ranked = [...volume.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([sku]) => sku);
  const top = new Set(ranked.slice(0, input.top));

  const firstSale = new Map<string, number>();
  for (const r of rows) firstSale.set(r.sku, Math.min(firstSale.get(r.sku) ?? Infinity, r.day));

  const series = new Map<string, BottomSeriesInput & { byDay: Map<number, number> }>();
  for (const r of rows) {
    const category = categoryOf(r.sku);
    const sku = top.has(r.sku) ? r.sku : OTHER_SKU;
    const warehouse = withWarehouse ? r.warehouse ?? NONE : null;
    const channel = withChannel ? r.channel ?? NONE : null;
    const key = `${sku}|${sku === OTHER_SKU ? category : ''}|${warehouse}|${channel}`;
    let s = series.get(key);
    if (!s) series.set(key, (s = { sku, category, warehouse, channel, firstDay: Infinity, days: [], units: [], byDay: new Map() }));
    s.byDay.set(r.day, (s.byDay.get(r.day) ?? 0) + Number(r.units));
    // A SKU exists from its first sale anywhere, so a warehouse that sells it later sees its zero days.
    s.firstDay = Math.min(s.firstDay, firstSale.get(r.sku)!);
  }
  const names: Record<string, string> = {};
  for (const sku of top) names[sku] = products.get(sku)?.name ?? sku;

  return {
    level: input.level,
    horizon: input.horizonDays,
    backtest: input.backtest,
    seed: input.seed,
    timeLimitMs: input.timeLimitSeconds * 1000,
    start,
    days,
    // Yearly seasonality needs two full cycles before it can be told from noise.
    seasonalPeriods: days >= 730 ? [7, 365] : [7],
    events: calendarEvents(startMs, days, input.horizonDays),
    skuCount: ranked.length,
    forecastSkus: top.size,
    names,
    series: [...series.values()].map(({ byDay, ...s }) => {
      const sorted = [...byDay.entries()].sort((a, b) => a[0] - b[0]);
      return { ...s, days: sorted.map((e) => e[0]), units: sorted.map((e) => e[1]) };
    }),
  };
}

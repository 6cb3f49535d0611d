/** The numbers the console's overview shows, computed in the database. */
import type { Store } from '../store/database.js';
import { normaliseDecimal } from './decimal.js';

export interface Overview {
  totals: { orders: number; units: number; revenue: string; currency: string; skus: number; warehouses: number; countries: number; crossBorderShare: number };
  ordersPerDay: { date: string; orders: number; units: number }[];
  ordersByCountry: { country: string; orders: number }[];
  warehouses: { code: string; name: string; country: string; lat: number; lng: number; operator: string; orders: number }[];
  topSkus: { sku: string; name: string; units: number; revenue: string }[];
  channels: { code: string; name: string; orders: number }[];
}

export class StatsService {
  constructor(private readonly store: Store) {}

  async overview(merchantId: string, days: number): Promise<Overview> {
    const q = this.store.query.bind(this.store);
    // The window ends at the merchant's latest order, so a demo seeded in the past still shows data.
    const [{ until }] = (await q<{ until: Date | null }>('select max(placed_at) as until from orders where merchant_id = $1', [merchantId])).rows;
    const end = until ? new Date(until) : new Date();
    const start = new Date(end.getTime() - days * 86_400_000);
    const win = [merchantId, start.toISOString(), end.toISOString()];
    const inWindow = 'o.merchant_id = $1 and o.placed_at > $2 and o.placed_at <= $3';
    const [merchant, totals, perDay, byCountry, whs, top, chans, counts] = await Promise.all([
      q<{ default_currency: string }>('select default_currency from merchants where id = $1', [merchantId]),
      q<{ orders: number; revenue: string | null; cross: number }>(
        `select count(*)::int as orders, (sum(o.total_value) filter (where o.currency = (select default_currency from merchants where id = $1)))::text as revenue,
                count(*) filter (where w.country is not null and w.country <> o.ship_to_country)::int as cross
           from orders o left join warehouses w on w.id = o.warehouse_id where ${inWindow}`, win),
      q<{ day: string; orders: number; units: number }>(
        `select to_char(date_trunc('day', o.placed_at at time zone 'UTC'), 'YYYY-MM-DD') as day, count(distinct o.id)::int as orders,
                coalesce(sum(l.quantity), 0)::int as units
           from orders o join order_lines l on l.order_id = o.id where ${inWindow} group by 1 order by 1`, win),
      q<{ country: string; orders: number }>(
        `select o.ship_to_country as country, count(*)::int as orders from orders o where ${inWindow} group by 1 order by 2 desc`, win),
      q<{ code: string; name: string; country: string; lat: number; lng: number; operator: string; orders: number }>(
        `select w.code, w.name, w.country, w.lat, w.lng, w.operator,
                (select count(*) from orders o where o.warehouse_id = w.id and o.placed_at > $2 and o.placed_at <= $3)::int as orders
           from warehouses w where w.merchant_id = $1 order by w.code`, win),
      q<{ sku: string; name: string | null; units: number; revenue: string }>(
        `select l.sku, p.name, sum(l.quantity)::int as units, round(sum(l.quantity * l.unit_price), 2)::text as revenue
           from order_lines l join orders o on o.id = l.order_id left join products p on p.id = l.product_id
          where ${inWindow} group by l.sku, p.name order by units desc limit 10`, win),
      q<{ code: string; name: string; orders: number }>(
        `select c.code, c.name, count(o.id)::int as orders from channels c
           left join orders o on o.channel_id = c.id and o.placed_at > $2 and o.placed_at <= $3
          where c.merchant_id = $1 group by c.code, c.name order by orders desc`, win),
      q<{ skus: number; warehouses: number }>(
        `select (select count(*) from products where merchant_id = $1)::int as skus,
                (select count(*) from warehouses where merchant_id = $1)::int as warehouses`, [merchantId]),
    ]);
    const t = totals.rows[0];
    const units = perDay.rows.reduce((s, r) => s + Number(r.units), 0);
    return {
      totals: {
        orders: Number(t.orders), units, revenue: normaliseDecimal(t.revenue ?? '0'), currency: merchant.rows[0]?.default_currency ?? 'EUR',
        skus: Number(counts.rows[0].skus), warehouses: Number(counts.rows[0].warehouses), countries: byCountry.rows.length,
        crossBorderShare: t.orders ? Number(t.cross) / Number(t.orders) : 0,
      },
      ordersPerDay: perDay.rows.map((r) => ({ date: r.day, orders: Number(r.orders), units: Number(r.units) })),
      ordersByCountry: byCountry.rows.map((r) => ({ country: r.country, orders: Number(r.orders) })),
      warehouses: whs.rows.map((w) => ({ ...w, orders: Number(w.orders) })),
      topSkus: top.rows.map((r) => ({ sku: r.sku, name: r.name ?? r.sku, units: Number(r.units), revenue: normaliseDecimal(r.revenue) })),
      channels: chans.rows.map((c) => ({ ...c, orders: Number(c.orders) })),
    };
  }
}

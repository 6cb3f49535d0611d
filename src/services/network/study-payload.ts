/**
 * Turns a study request into the worker's payload: the merchant's order history aggregated into
 * demand zones, and the candidate sites. Everything a user can get wrong is checked here, so the
 * API can refuse it with a 400 before a job exists.
 */
import { Decimal } from 'decimal.js';
import type { Services } from '../index.js';
import { Invalid } from '../errors.js';
import { greatCircleKm } from '../../engines/network/index.js';
import type { NetworkStudyCreate } from './study-schema.js';
import type { RawZone, StudyPayload, StudySiteInput } from './study-types.js';

const DAY_MS = 86_400_000;
/** Road kilometres per great-circle kilometre (the engine's own default, stated in the result). */
const CIRCUITY = 1.2;
/** A candidate city this close to a warehouse or an earlier candidate adds nothing new to choose from. */
const CITY_SPACING_KM = 150;
const FALLBACK_FIXED_COST = '150000';

interface ZoneRow {
  zone_key: string;
  label: string;
  country: string;
  city_key: string;
  city: string;
  orders: number;
  units: number;
  located: number;
  lat: number | null;
  lng: number | null;
}

export function minorDigitsOf(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

function toMinor(amount: string, digits: number): number {
  return new Decimal(amount).mul(new Decimal(10).pow(digits)).toNumber();
}

function median(values: Decimal[]): Decimal | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a.cmp(b));
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : s[mid - 1].plus(s[mid]).div(2);
}

async function orderWindow(services: Services, merchantId: string, input: NetworkStudyCreate): Promise<{ from: Date; to: Date }> {
  let to: Date;
  if (input.to) to = new Date(input.to);
  else {
    // Like the overview, the window ends at the latest order so a history imported in the past still counts.
    const { rows } = await services.store.query<{ last: Date | string | null }>('select max(placed_at) as last from orders where merchant_id = $1', [merchantId]);
    to = rows[0]?.last ? new Date(new Date(rows[0].last).getTime() + 1) : new Date();
  }
  const from = input.from ? new Date(input.from) : new Date(to.getTime() - 365 * DAY_MS);
  if (from.getTime() >= to.getTime()) throw new Invalid('the order window is empty: from must be before to', [{ field: 'to', message: 'must be after from' }]);
  return { from, to };
}

async function zoneRows(services: Services, merchantId: string, zoneBy: 'city' | 'postalCode', from: Date, to: Date): Promise<ZoneRow[]> {
  const city = `lower(btrim(o.ship_to_city))`;
  const postal = `upper(regexp_replace(o.ship_to_postal_code, '\\s', '', 'g'))`;
  // Without a postal code an order falls back to its city, so no order is lost to zoning.
  const zoneKey = zoneBy === 'city' ? `o.ship_to_country || '|' || ${city}` : `o.ship_to_country || '|' || case when ${postal} = '' then 'city:' || ${city} else ${postal} end`;
  const label = zoneBy === 'city' ? `min(btrim(o.ship_to_city))` : `case when min(${postal}) = '' then min(btrim(o.ship_to_city)) else min(${postal}) || ' ' || min(btrim(o.ship_to_city)) end`;
  // Units per order by a correlated sum over the order_lines primary key: joining an aggregate of all lines
  // instead took minutes on a freshly seeded demo (50,000 orders), against under two seconds this way.
  const { rows } = await services.store.query<ZoneRow>(
    `with o as (
       select o.ship_to_country, o.ship_to_city, o.ship_to_postal_code, o.ship_to_lat, o.ship_to_lng,
              coalesce((select sum(l.quantity) from order_lines l where l.order_id = o.id), 0) as units
         from orders o
        where o.merchant_id = $1 and o.placed_at >= $2 and o.placed_at < $3 and o.status <> 'cancelled')
     select ${zoneKey} as zone_key, ${label} as label, o.ship_to_country as country,
            o.ship_to_country || '|' || ${city} as city_key, min(btrim(o.ship_to_city)) as city,
            count(*)::int as orders, sum(o.units)::float8 as units,
            count(*) filter (where o.ship_to_lat is not null and o.ship_to_lng is not null)::int as located,
            avg(o.ship_to_lat)::float8 as lat, avg(o.ship_to_lng)::float8 as lng
       from o
      group by 1, 3, 4`,
    [merchantId, from.toISOString(), to.toISOString()]);
  return rows.map((r) => ({ ...r, orders: Number(r.orders), units: Number(r.units), located: Number(r.located), lat: r.lat === null ? null : Number(r.lat), lng: r.lng === null ? null : Number(r.lng) }));
}

export async function buildStudyPayload(services: Services, merchantId: string, input: NetworkStudyCreate): Promise<StudyPayload> {
  if (input.coverageWithinDays !== undefined && input.objective !== 'coverage')
    throw new Invalid("coverageWithinDays applies only to studies with objective 'coverage'", [{ field: 'coverageWithinDays', message: "applies only with objective 'coverage'" }]);
  const merchant = await services.merchants.get(merchantId);
  const currency = merchant.defaultCurrency;
  const digits = minorDigitsOf(currency);
  const notes: string[] = [];
  const { from, to } = await orderWindow(services, merchantId, input);

  const rows = await zoneRows(services, merchantId, input.zoneBy, from, to);
  const totalOrders = rows.reduce((a, r) => a + r.orders, 0);
  if (totalOrders === 0) {
    throw new Invalid(`no orders between ${from.toISOString()} and ${to.toISOString()}: import orders or widen the window`, [{ field: input.from || input.to ? 'from' : 'orders', message: 'no orders in the window' }]);
  }
  // Annualise over the part of the window the history actually covers, so half a year of orders is not read as a slow year.
  const { rows: firstRows } = await services.store.query<{ first: Date | string | null }>(
    'select min(placed_at) as first from orders where merchant_id = $1 and placed_at >= $2 and placed_at < $3', [merchantId, from.toISOString(), to.toISOString()]);
  const first = firstRows[0]?.first ? new Date(firstRows[0].first) : from;
  const coveredDays = Math.max(7, (to.getTime() - Math.max(from.getTime(), first.getTime())) / DAY_MS);
  const annualisation = 365 / coveredDays;
  if (coveredDays < 90) notes.push(`the history covers only ${Math.round(coveredDays)} days; yearly demand is extrapolated from it`);

  const zones: RawZone[] = [];
  const excluded: ZoneRow[] = [];
  let withoutCoordinates = 0;
  for (const r of rows) {
    withoutCoordinates += r.orders - r.located;
    if (r.located === 0 || r.lat === null || r.lng === null) {
      excluded.push(r);
      continue;
    }
    zones.push({ id: r.zone_key, label: `${r.label}, ${r.country}`, country: r.country, lat: r.lat, lng: r.lng, unitsPerYear: r.units * annualisation, orders: r.orders });
  }
  const excludedOrders = excluded.reduce((a, r) => a + r.orders, 0);
  const excludedUnits = excluded.reduce((a, r) => a + r.units, 0);
  const units = rows.reduce((a, r) => a + r.units, 0);
  if (zones.length === 0) {
    throw new Invalid(`none of the ${totalOrders} orders in the window has ship-to coordinates (lat/lng), so no demand zone can be placed on the map`,
      [{ field: 'orders.shipTo.lat', message: 'missing on every order in the window' }]);
  }
  if (excludedOrders > 0) notes.push(`${excludedOrders} orders (${Math.round(excludedUnits)} units) in ${excluded.length} zones have no coordinates and are left out of the study`);
  const unitsPerYear = zones.reduce((a, z) => a + z.unitsPerYear, 0);
  if (unitsPerYear <= 0) throw new Invalid('the orders in the window carry no units', [{ field: 'orders.lines', message: 'no units in the window' }]);

  const warehouses = (await services.store.query<{ code: string; name: string; country: string; lat: number; lng: number; capacity_units_per_day: number | null; fixed_cost_per_year: string; currency: string }>(
    'select code, name, country, lat, lng, capacity_units_per_day, fixed_cost_per_year::text as fixed_cost_per_year, currency from warehouses where merchant_id = $1 and active order by code',
    [merchantId])).rows;
  const foreign = warehouses.filter((w) => w.currency !== currency);
  if (foreign.length) notes.push(`fixed costs of ${foreign.map((w) => `${w.code} (${w.currency})`).join(', ')} are taken as ${currency}: no exchange rates are applied`);
  const defaultFixed = input.defaultFixedCostPerYear ?? median(warehouses.map((w) => new Decimal(w.fixed_cost_per_year)))?.toDecimalPlaces(digits).toString() ?? FALLBACK_FIXED_COST;

  const sites: StudySiteInput[] = [];
  const warehouseSite = (w: (typeof warehouses)[number]): StudySiteInput => ({
    code: w.code, name: w.name, kind: 'warehouse', country: w.country, lat: Number(w.lat), lng: Number(w.lng),
    fixedCostMinor: toMinor(w.fixed_cost_per_year, digits), capacityUnitsPerYear: w.capacity_units_per_day === null ? null : Number(w.capacity_units_per_day) * 365,
    mustKeep: false, current: true,
  });
  if (Array.isArray(input.candidates)) {
    const seen = new Map<string, number>();
    input.candidates.forEach((c, k) => {
      const prior = seen.get(c.code.toUpperCase());
      if (prior !== undefined) throw new Invalid(`candidate site code ${c.code} is listed twice`, [{ field: `candidates[${k}].code`, message: `repeats candidates[${prior}].code` }]);
      seen.set(c.code.toUpperCase(), k);
      const w = warehouses.find((x) => x.code === c.code);
      sites.push({
        code: c.code, name: c.name ?? w?.name ?? c.code, kind: w ? 'warehouse' : 'custom', country: c.country ?? w?.country ?? '', lat: c.lat, lng: c.lng,
        fixedCostMinor: toMinor(c.fixedCostPerYear ?? w?.fixed_cost_per_year ?? defaultFixed, digits),
        capacityUnitsPerYear: c.capacityUnitsPerYear !== undefined ? c.capacityUnitsPerYear : w ? warehouseSite(w).capacityUnitsPerYear : input.defaultCapacityUnitsPerYear,
        mustKeep: false, current: !!w,
      });
    });
    // Today's network is costed from the same sites, so warehouses missing from the list join it.
    const added = warehouses.filter((w) => !sites.some((s) => s.code === w.code));
    for (const w of added) sites.push(warehouseSite(w));
    if (added.length) notes.push(`your warehouses ${added.map((w) => w.code).join(', ')} were added to the candidate sites so that today's network can be compared`);
  } else {
    for (const w of warehouses) sites.push(warehouseSite(w));
    if (input.candidates === 'existing+cities' && input.candidateCities > 0) {
      for (const c of candidateCities(rows, input.candidateCities, sites)) {
        sites.push({ ...c, fixedCostMinor: toMinor(defaultFixed, digits), capacityUnitsPerYear: input.defaultCapacityUnitsPerYear, mustKeep: false, current: false });
      }
    }
  }
  if (sites.length === 0) {
    throw new Invalid('there is no candidate site: add a warehouse, list candidate sites, or use candidates "existing+cities"', [{ field: 'candidates', message: 'no candidate site' }]);
  }

  input.mustKeep.forEach((code, k) => {
    const site = sites.find((s) => s.code === code);
    if (!site) throw new Invalid(`mustKeep names ${code}, which is not a candidate site`, [{ field: `mustKeep[${k}]`, message: `no candidate site or active warehouse has code ${code}` }]);
    site.mustKeep = true;
  });
  const mustCount = new Set(input.mustKeep).size;
  if (mustCount > input.maxWarehouses) {
    throw new Invalid(`${mustCount} sites must stay open but maxWarehouses is ${input.maxWarehouses}`, [{ field: 'mustKeep', message: `keeps ${mustCount} sites, more than maxWarehouses (${input.maxWarehouses})` }]);
  }

  const capacity = sites.reduce((a, s) => a + (s.capacityUnitsPerYear ?? Infinity), 0);
  if (capacity < unitsPerYear) {
    throw new Invalid(`the candidate sites can handle ${Math.round(capacity)} units a year, less than the demand of ${Math.round(unitsPerYear)} units a year`,
      [{ field: Array.isArray(input.candidates) ? 'candidates[].capacityUnitsPerYear' : 'defaultCapacityUnitsPerYear', message: `total capacity ${Math.round(capacity)} is below yearly demand ${Math.round(unitsPerYear)}` }]);
  }
  const largest = Math.max(...sites.map((s) => s.capacityUnitsPerYear ?? Infinity));
  const tooBig = zones.find((z) => z.unitsPerYear > largest);
  if (tooBig) {
    throw new Invalid(`${tooBig.label} needs ${Math.round(tooBig.unitsPerYear)} units a year, more than the largest site can handle (${largest}); each zone is served by one site`,
      [{ field: 'candidates[].capacityUnitsPerYear', message: `below the demand of ${tooBig.label}` }]);
  }

  return {
    meta: {
      currency, minorDigits: digits,
      period: { from: from.toISOString(), to: to.toISOString(), days: Math.round(coveredDays * 10) / 10, annualisation },
      assumptions: {
        zoneBy: input.zoneBy, costPerUnitKm: input.costPerUnitKm, defaultFixedCostPerYear: defaultFixed, circuityFactor: CIRCUITY,
        transitDays: 'road km ≤ 300: 1 day, ≤ 800: 2, ≤ 1,500: 3, then one more day per 700 km',
      },
      demand: {
        orders: totalOrders, units, unitsPerYear, zones: zones.length,
        ordersWithoutCoordinates: withoutCoordinates, placedAtZoneCentre: withoutCoordinates - excludedOrders, excludedOrders, excludedUnits,
        excludedZones: excluded.sort((a, b) => b.orders - a.orders).slice(0, 10).map((r) => `${r.label}, ${r.country}`),
      },
      notes,
    },
    zones,
    sites,
    maxWarehouses: input.maxWarehouses,
    maxZones: input.maxZones,
    costPerUnitKmMinor: toMinor(input.costPerUnitKm, digits),
    circuityFactor: CIRCUITY,
    timeLimitMs: input.timeLimitSeconds * 1000,
    seed: input.seed,
    ...(input.objective === 'coverage' ? { coverageWithinDays: input.coverageWithinDays ?? 2 } : {}),
  };
}

/** The largest demand cities, spread out: each at least CITY_SPACING_KM from a warehouse and from each other. */
function candidateCities(rows: ZoneRow[], count: number, existing: StudySiteInput[]) {
  const cities = new Map<string, { city: string; country: string; units: number; lat: number; lng: number; weight: number }>();
  for (const r of rows) {
    if (r.lat === null || r.lng === null || r.located === 0) continue;
    const c = cities.get(r.city_key) ?? { city: r.city, country: r.country, units: 0, lat: 0, lng: 0, weight: 0 };
    c.units += r.units;
    c.lat += r.lat * r.located;
    c.lng += r.lng * r.located;
    c.weight += r.located;
    cities.set(r.city_key, c);
  }
  const ranked = [...cities.values()].sort((a, b) => b.units - a.units || a.city.localeCompare(b.city));
  const chosen: { code: string; name: string; kind: 'city'; country: string; lat: number; lng: number }[] = [];
  const used = new Set(existing.map((s) => s.code));
  for (const c of ranked) {
    if (chosen.length >= count) break;
    const lat = c.lat / c.weight;
    const lng = c.lng / c.weight;
    const near = [...existing, ...chosen].some((s) => greatCircleKm(lat, lng, s.lat, s.lng) < CITY_SPACING_KM);
    if (near) continue;
    const base = `${c.country}-${c.city.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toUpperCase().slice(0, 40) || 'CITY'}`;
    let code = base;
    for (let n = 2; used.has(code); n++) code = `${base}-${n}`;
    used.add(code);
    chosen.push({ code, name: c.city, kind: 'city', country: c.country, lat, lng });
  }
  return chosen;
}

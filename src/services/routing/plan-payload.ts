/**
 * Turns a route plan request into the worker's payload: the stops (the merchant's orders near the
 * depot, or the list given), the vehicles in the engine's units, and road travel from a routing
 * server when one is configured. Everything a user can get wrong is checked here, so the API can
 * refuse it with a 400 before a job exists.
 */
import { Decimal } from 'decimal.js';
import { haversineMetres, type LatLng, type RoutingStop, type RoutingVehicle } from '../../engines/routing/index.js';
import { Invalid } from '../errors.js';
import type { Services } from '../index.js';
import { clockOf, clockSeconds, speedProfileOfOptions, type BreakInput, type RoutePlanCreate, type VehicleInput } from './plan-schema.js';
import type { Load, PlanPayload, StopMeta, VehicleMeta } from './plan-types.js';
import { fetchOsrmTable } from './osrm-table.js';
import { fetchValhallaMatrix } from './valhalla-matrix.js';

const DAY_MS = 86_400_000;
/** The delivery window promised to shoppers when a stop does not name its own. */
const DEFAULT_WINDOW: [number, number] = [9 * 3600, 18 * 3600];
const DEFAULT_SHIFT: [number, number] = [8 * 3600, 19 * 3600];
/** A doorstep hand-over; a shop's goods-in takes longer. */
const SERVICE_SECONDS_HOME = 300;
const SERVICE_SECONDS_BUSINESS = 600;
/** A typical 3.5 t panel van: about a tonne of payload, 10 m³, and what one driver hands over in a day. */
const STANDARD_VAN = { weightG: 1_000_000, volumeL: 10_000, parcels: 150 };
const STANDARD_COSTS = { fixedCost: '40', costPerKm: '0.30', costPerHour: '28' };
/** A dimension left unlimited still needs a number for the engine; far beyond any real load. */
const UNLIMITED = 1e12;
/** The engine plans up to this many stops in one job. */
const MAX_STOPS = 2000;

export function minorDigitsOf(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

const toMinor = (amount: string, digits: number) => new Decimal(amount).mul(new Decimal(10).pow(digits)).toNumber();
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

interface Depot {
  id: string | null;
  code: string | null;
  name: string;
  lat: number;
  lng: number;
}

async function depotOf(services: Services, merchantId: string, input: RoutePlanCreate): Promise<Depot> {
  if (input.depotCode) {
    const w = await services.warehouses.byCode(merchantId, input.depotCode);
    if (!w) throw new Invalid(`there is no warehouse ${input.depotCode}`, [{ field: 'depotCode', message: `no warehouse with code ${input.depotCode}` }]);
    return { id: w.id, code: w.code, name: w.name, lat: w.lat, lng: w.lng };
  }
  const d = input.depot!;
  return { id: null, code: null, name: d.name ?? 'Depot', lat: d.lat, lng: d.lng };
}

interface OrderRow {
  id: string;
  external_id: string;
  ship_to_name: string;
  ship_to_line1: string;
  ship_to_city: string;
  ship_to_postal_code: string;
  ship_to_country: string;
  ship_to_lat: number;
  ship_to_lng: number;
  ship_to_residential: boolean;
  weight_g: number | string | null;
  volume_l: number | string | null;
}

/** SQL for orders near a depot, by a bounding box the index-free scan can test cheaply; the exact circle is applied after. */
function nearDepot(depot: Depot, radiusKm: number, first: number): { sql: string; params: unknown[] } {
  const dLat = radiusKm / 111.2;
  const dLng = radiusKm / (111.32 * Math.max(0.05, Math.cos((depot.lat * Math.PI) / 180)));
  return {
    sql: `o.status <> 'cancelled' and o.ship_to_lat is not null and o.ship_to_lng is not null
      and o.ship_to_lat between $${first} and $${first + 1} and o.ship_to_lng between $${first + 2} and $${first + 3}
      and (o.warehouse_id is null or o.warehouse_id = $${first + 4})`,
    params: [depot.lat - dLat, depot.lat + dLat, depot.lng - dLng, depot.lng + dLng, depot.id ?? ''],
  };
}

/** The UTC date of the latest order within radiusKm of the depot, or null when there is none. */
export async function latestOrderDate(services: Services, merchantId: string, depot: Depot, radiusKm: number): Promise<string | null> {
  const near = nearDepot(depot, radiusKm, 2);
  const { rows } = await services.store.query<{ last: Date | string | null }>(
    `select max(o.placed_at) as last from orders o where o.merchant_id = $1 and ${near.sql}`, [merchantId, ...near.params]);
  return rows[0]?.last ? isoDate(new Date(rows[0].last)) : null;
}

async function orderStops(services: Services, merchantId: string, depot: Depot, input: RoutePlanCreate): Promise<{ stops: StopMeta[]; date: string; from: string; to: string }> {
  const date = input.date ?? (await latestOrderDate(services, merchantId, depot, input.radiusKm));
  if (!date) {
    throw new Invalid(`no orders ship within ${input.radiusKm} km of ${depot.code}`, [{ field: 'depotCode', message: `no orders with coordinates within ${input.radiusKm} km of this warehouse` }]);
  }
  const end = new Date(`${date}T00:00:00Z`).getTime() + DAY_MS;
  const start = end - input.days * DAY_MS;
  const near = nearDepot(depot, input.radiusKm, 4);
  // Weight and volume by correlated sums over each order's lines: cheap per order, and a line whose
  // product is unknown adds nothing rather than dropping the order.
  const { rows } = await services.store.query<OrderRow>(
    `select o.id, o.external_id, o.ship_to_name, o.ship_to_line1, o.ship_to_city, o.ship_to_postal_code, o.ship_to_country,
            o.ship_to_lat, o.ship_to_lng, o.ship_to_residential,
            (select sum(l.quantity * p.weight_g) from order_lines l join products p on p.id = l.product_id where l.order_id = o.id) as weight_g,
            (select sum(l.quantity * p.length_mm::float8 * p.width_mm * p.height_mm) / 1e6 from order_lines l join products p on p.id = l.product_id where l.order_id = o.id) as volume_l
       from orders o
      where o.merchant_id = $1 and o.placed_at >= $2 and o.placed_at < $3 and ${near.sql}
      order by o.placed_at, o.id
      limit ${MAX_STOPS * 4}`,
    [merchantId, new Date(start), new Date(end), ...near.params]);
  const within = rows.filter((r) => haversineMetres(depot, { lat: Number(r.ship_to_lat), lng: Number(r.ship_to_lng) }) <= input.radiusKm * 1000);
  const from = isoDate(new Date(start));
  if (within.length === 0) {
    throw new Invalid(`no orders within ${input.radiusKm} km of ${depot.code} were placed from ${from} to ${date}`, [{ field: 'date', message: `no orders near ${depot.code} from ${from} to ${date}; try another date or more days` }]);
  }
  if (within.length > MAX_STOPS) {
    throw new Invalid(`${within.length} orders found; a plan takes at most ${MAX_STOPS} stops`, [{ field: 'days', message: `too many orders (${within.length}); plan fewer days or a smaller radius` }]);
  }
  const stops = within.map((r): StopMeta => ({
    id: r.id,
    orderId: r.id,
    orderNumber: r.external_id,
    name: r.ship_to_name || null,
    address: [r.ship_to_line1, [r.ship_to_postal_code, r.ship_to_city].filter(Boolean).join(' '), r.ship_to_country].filter(Boolean).join(', '),
    lat: Number(r.ship_to_lat),
    lng: Number(r.ship_to_lng),
    demand: { weightG: Math.round(Number(r.weight_g ?? 0)), volumeL: Math.round(Number(r.volume_l ?? 0) * 100) / 100, parcels: 1 },
    windows: [DEFAULT_WINDOW],
  }));
  const serviceSeconds = within.map((r) => (r.ship_to_residential ? SERVICE_SECONDS_HOME : SERVICE_SECONDS_BUSINESS));
  return { stops: stops.map((s, i) => Object.assign(s, { serviceSeconds: serviceSeconds[i] })), date, from, to: date };
}

const demandVector = (d: Load) => [d.weightG, d.volumeL, d.parcels];

/**
 * The break in engine units, refused (400) when no window lets it start and end inside the van's
 * shift, or it outlasts the van's longest working time: an input mistake rather than a plan that
 * cannot serve some stops.
 */
function driverBreak(b: BreakInput, shift: [number, number], maxDurationSeconds: number | undefined, k: number): RoutingVehicle['break'] {
  const durationSeconds = Math.round(b.durationMinutes * 60);
  const windows = b.windows.map((w): [number, number] => [clockSeconds(w.from), clockSeconds(w.to)]);
  const fits = windows.some(([open, close]) => Math.max(open, shift[0]) <= close && Math.max(open, shift[0]) + durationSeconds <= shift[1]);
  if (!fits) {
    const message = `no window lets a ${b.durationMinutes}-minute break start and end inside the shift ${clockOf(shift[0])}–${clockOf(shift[1])}`;
    throw new Invalid(`vehicle ${k + 1}: ${message}`, [{ field: `vehicles.${k}.break.windows`, message }]);
  }
  if (maxDurationSeconds !== undefined && durationSeconds > maxDurationSeconds) {
    throw new Invalid(`vehicle ${k + 1}: the break is longer than its maximum working time`, [{ field: `vehicles.${k}.break.durationMinutes`, message: 'longer than maxDurationHours' }]);
  }
  return { durationSeconds, windows };
}

/** Builds the payload; with fetchTable false no routing server is called (the check before a job is created). */
export async function buildPlanPayload(services: Services, merchantId: string, input: RoutePlanCreate, fetchTable = true): Promise<PlanPayload> {
  const { rows: merchant } = await services.store.query<{ default_currency: string }>('select default_currency from merchants where id = $1', [merchantId]);
  const currency = merchant[0]?.default_currency ?? 'EUR';
  const digits = minorDigitsOf(currency);
  const depot = await depotOf(services, merchantId, input);

  let stops: (StopMeta & { serviceSeconds?: number })[];
  let orders: PlanPayload['orders'] = null;
  let date: string | null = input.date ?? null;
  const engineExtras: Pick<RoutingStop, 'skills' | 'priority'>[] = [];
  if (input.stops) {
    stops = input.stops.map((s) => ({
      id: s.id, orderId: null, orderNumber: s.orderNumber ?? null, name: s.name ?? null, address: null, lat: s.lat, lng: s.lng,
      demand: { weightG: s.demand?.weightG ?? 0, volumeL: s.demand?.volumeL ?? 0, parcels: s.demand?.parcels ?? 1 },
      windows: s.timeWindows?.length ? s.timeWindows.map((w): [number, number] => [clockSeconds(w.from), clockSeconds(w.to)]) : [DEFAULT_WINDOW],
      serviceSeconds: Math.round((s.serviceMinutes ?? SERVICE_SECONDS_HOME / 60) * 60),
    }));
    input.stops.forEach((s) => engineExtras.push({ skills: s.skills, priority: s.priority }));
  } else {
    const found = await orderStops(services, merchantId, depot, input);
    stops = found.stops;
    date = found.date;
    orders = { from: found.from, to: found.to, radiusKm: input.radiusKm, found: stops.length };
  }

  const points: LatLng[] = [{ lat: depot.lat, lng: depot.lng }, ...stops.map((s) => ({ lat: s.lat, lng: s.lng }))];
  const placeIndex = (p: LatLng | undefined): number => {
    if (!p) return 0;
    const at = points.findIndex((q) => q.lat === p.lat && q.lng === p.lng);
    if (at >= 0) return at;
    points.push({ lat: p.lat, lng: p.lng });
    return points.length - 1;
  };

  // Without a fleet given, enough standard vans that the fleet is never the limit; unused vans cost nothing.
  const specs: VehicleInput[] = typeof input.vehicles === 'number' || input.vehicles === undefined
    ? Array.from({ length: input.vehicles ?? Math.min(50, Math.max(2, Math.ceil(stops.length / 25))) }, () => ({}))
    : input.vehicles;
  const vehicles: RoutingVehicle[] = [];
  const vehicleMeta: VehicleMeta[] = [];
  specs.forEach((spec, k) => {
    const capacity = spec.capacity ?? STANDARD_VAN;
    const cap = { weightG: capacity.weightG ?? null, volumeL: capacity.volumeL ?? null, parcels: capacity.parcels ?? null };
    const shift: [number, number] = spec.shift ? [clockSeconds(spec.shift.from), clockSeconds(spec.shift.to)] : DEFAULT_SHIFT;
    const maxDurationSeconds = spec.maxDurationHours !== undefined ? Math.round(spec.maxDurationHours * 3600) : undefined;
    vehicles.push({
      id: spec.id ?? `van-${k + 1}`,
      startLocation: placeIndex(spec.start),
      endLocation: spec.end ? placeIndex(spec.end) : undefined,
      openEnd: spec.openEnd ?? false,
      capacity: [cap.weightG ?? UNLIMITED, cap.volumeL ?? UNLIMITED, cap.parcels ?? UNLIMITED],
      fixedCost: toMinor(spec.fixedCost ?? STANDARD_COSTS.fixedCost, digits),
      costPerKm: toMinor(spec.costPerKm ?? STANDARD_COSTS.costPerKm, digits),
      costPerHour: toMinor(spec.costPerHour ?? STANDARD_COSTS.costPerHour, digits),
      shiftSeconds: shift,
      maxDurationSeconds,
      maxDistanceMetres: spec.maxDistanceKm !== undefined ? Math.round(spec.maxDistanceKm * 1000) : undefined,
      skills: spec.skills,
      ...(spec.break ? { break: driverBreak(spec.break, shift, maxDurationSeconds, k) } : {}),
    });
    vehicleMeta.push({ capacity: cap, openEnd: spec.openEnd ?? false });
  });

  const engineStops: RoutingStop[] = stops.map((s, i) => ({
    id: s.id,
    location: i + 1,
    demand: demandVector(s.demand),
    serviceSeconds: s.serviceSeconds ?? SERVICE_SECONDS_HOME,
    timeWindows: s.windows,
    ...(engineExtras[i]?.skills ? { skills: engineExtras[i].skills } : {}),
    ...(engineExtras[i]?.priority !== undefined ? { priority: engineExtras[i].priority } : {}),
  }));

  const o = input.options;
  let matrix: PlanPayload['matrix'] = o.matrix ?? null;
  let travel: PlanPayload['travel'] = o.matrix ? 'matrix' : 'estimate';
  let costing: PlanPayload['costing'];
  const speedProfile = speedProfileOfOptions(o);
  const speedKmh = speedProfile.length === 1 ? speedProfile[0].kmh : null;
  if (o.tableUrl) {
    // A tableUrl without a tableProvider is an OSRM server, as before providers could be chosen.
    const fallback = { circuityFactor: o.circuityFactor, speedProfile };
    if (o.tableProvider === 'valhalla') {
      travel = 'valhalla';
      costing = o.costing ?? 'auto';
      if (fetchTable) matrix = await fetchValhallaMatrix(o.tableUrl, points, fallback, costing);
    } else {
      travel = 'osrm';
      if (fetchTable) matrix = await fetchOsrmTable(o.tableUrl, points, fallback);
    }
  }
  return {
    date, depot: { code: depot.code, name: depot.name, lat: depot.lat, lng: depot.lng }, orders, currency, minorDigits: digits,
    points, matrix, travel, ...(costing ? { costing } : {}), circuityFactor: o.circuityFactor, speedKmh, speedProfile,
    stops: stops.map(({ serviceSeconds: _s, ...meta }) => meta),
    engineStops, vehicles, vehicleMeta, timeLimitSeconds: o.timeLimitSeconds, seed: o.seed,
  };
}

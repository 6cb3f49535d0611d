/**
 * The route plan resource: what a merchant asks (`RoutePlanCreate`) and what the job gives back
 * (`RoutePlanResult`). One definition for request validation, the job result and OpenAPI.
 *
 * Clock times are "HH:MM" local to the depot on the delivery date (up to 47:59 for a night shift
 * running past midnight); the engine works in seconds since that midnight.
 */
import { z } from 'zod';
import { Code, Latitude, Longitude, NonNegativeDecimal } from '../../domain/codes.js';
import { TABLE_PROVIDERS } from './travel-matrix-provider.js';
import { VALHALLA_COSTINGS } from './valhalla-matrix.js';

export const ClockTime = z.string().trim()
  .regex(/^([01]?\d|2\d|3\d|4[0-7]):[0-5]\d$/, 'must be a local time "HH:MM", e.g. "09:00"')
  .meta({ description: 'local time at the depot, "HH:MM" (hours up to 47 for routes past midnight)', example: '09:00' });

export function clockSeconds(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 3600 + m * 60;
}

export function clockOf(seconds: number): string {
  const s = Math.max(0, Math.round(seconds / 60) * 60);
  return `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}`;
}

const Window = z.strictObject({ from: ClockTime, to: ClockTime })
  .refine((w) => clockSeconds(w.from) <= clockSeconds(w.to), { message: 'closes before it opens: to must not be before from', path: ['to'] });

const Place = z.strictObject({ lat: Latitude, lng: Longitude });
const Skills = z.array(z.string().trim().min(1).max(64)).max(20);
const IsoDate = z.iso.date({ message: 'must be a date YYYY-MM-DD' });

export const StopDemand = z.strictObject({
  weightG: z.number().min(0, 'must not be negative').default(0),
  volumeL: z.number().min(0, 'must not be negative').default(0),
  parcels: z.number().int('must be a whole number').min(0, 'must not be negative').default(1),
});

export const StopInput = z.strictObject({
  id: z.string().trim().min(1, 'must not be empty').max(100),
  orderNumber: z.string().max(100).optional(),
  name: z.string().max(200).optional(),
  lat: Latitude,
  lng: Longitude,
  demand: StopDemand.optional().meta({ description: 'default: nothing but one parcel' }),
  timeWindows: z.array(Window).max(5).optional().meta({ description: 'service starts inside one of these; default the delivery window 09:00–18:00' }),
  serviceMinutes: z.number().min(0, 'must not be negative').max(600).optional().meta({ description: 'time at the stop; default 5 minutes' }),
  skills: Skills.optional().meta({ description: 'every skill listed must be held by the vehicle' }),
  priority: z.number().int().min(0).max(100).optional().meta({ description: 'higher is more important when not every stop can be served (default 1)' }),
});

export const VehicleCapacity = z.strictObject({
  weightG: z.number().positive('must be greater than 0').optional(),
  volumeL: z.number().positive('must be greater than 0').optional(),
  parcels: z.number().int().positive('must be greater than 0').optional(),
}).meta({ description: 'a dimension left out is unlimited' });

export const BreakInput = z.strictObject({
  durationMinutes: z.number().positive('must be greater than 0').max(600, 'must be at most 600'),
  windows: z.array(Window).min(1, 'must list at least one window').max(5, 'must list at most 5 windows')
    .meta({ description: 'the break starts inside one of these' }),
}).meta({
  id: 'DriverBreak',
  description: "the driver's break: it starts inside one of the windows, wherever the van is then (at the depot, at a stop before or after its service, so waiting for a window can become the break); no detour. A van that is used always takes it; it counts in the route's hours and cost",
  example: { durationMinutes: 30, windows: [{ from: '12:00', to: '14:00' }] },
});
export type BreakInput = z.output<typeof BreakInput>;

export const VehicleInput = z.strictObject({
  id: z.string().trim().min(1, 'must not be empty').max(64).optional(),
  capacity: VehicleCapacity.optional(),
  shift: Window.optional().meta({ description: 'leave the start no earlier, be back by the end; default 08:00–19:00' }),
  fixedCost: NonNegativeDecimal.optional().meta({ description: 'per vehicle used that day' }),
  costPerKm: NonNegativeDecimal.optional(),
  costPerHour: NonNegativeDecimal.optional(),
  skills: Skills.optional(),
  start: Place.optional().meta({ description: 'default the depot' }),
  end: Place.optional().meta({ description: 'default the start' }),
  openEnd: z.boolean().optional().meta({ description: 'the route ends at its last stop' }),
  maxDurationHours: z.number().positive('must be greater than 0').max(48).optional(),
  maxDistanceKm: z.number().positive('must be greater than 0').optional(),
  break: BreakInput.optional(),
});
export type VehicleInput = z.output<typeof VehicleInput>;

/** The great-circle estimate's speed when a plan gives neither speedKmh nor speedProfile. */
export const DEFAULT_SPEED_KMH = 45;

const SPEED_RANGE = 'must be between 5 and 130';
const SpeedKmh = z.number().min(5, SPEED_RANGE).max(130, SPEED_RANGE);

export const SpeedBandInput = z.strictObject({
  upToKm: z.number().positive('must be greater than 0').max(1000, 'must be at most 1000').optional()
    .meta({ description: "where this band ends, in road km from the leg's start; left out on the last band, which has no limit" }),
  kmh: SpeedKmh.meta({ description: 'driving speed over this band' }),
}).meta({ id: 'SpeedBand' });
export type SpeedBandInput = z.output<typeof SpeedBandInput>;

export const SpeedProfileInput = z.array(SpeedBandInput).min(1, 'must list at least one band').max(10, 'must list at most 10 bands')
  .superRefine((bands, ctx) => {
    let previous = 0;
    bands.forEach((b, i) => {
      if (i === bands.length - 1) {
        if (b.upToKm !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'upToKm'], message: 'the last band has no upper limit: leave upToKm out' });
        return;
      }
      if (b.upToKm === undefined) {
        ctx.addIssue({ code: 'custom', path: [i, 'upToKm'], message: 'every band but the last needs upToKm' });
        return;
      }
      if (b.upToKm <= previous) ctx.addIssue({ code: 'custom', path: [i, 'upToKm'], message: `must be greater than the previous band's upToKm (${previous})` });
      previous = Math.max(previous, b.upToKm);
    });
  })
  .meta({
    id: 'SpeedProfile',
    description: "driving speed by the leg's road distance, with the great-circle estimate (and for pairs a routing server cannot route): a leg's first `upToKm` of the first band are driven at its `kmh`, the next km up to the second band's `upToKm` at the second's, and so on; the last band has no `upToKm` and takes the rest. Short urban hops are slow, long legs reach faster roads; time grows with distance without jumps",
    example: [{ upToKm: 2, kmh: 20 }, { upToKm: 10, kmh: 35 }, { kmh: 60 }],
  });

/** The profile a plan drives by: its speedProfile, or its constant speed (default 45 km/h) as one band. */
export function speedProfileOfOptions(o: { speedKmh?: number; speedProfile?: SpeedBandInput[] }): SpeedBandInput[] {
  return o.speedProfile ?? [{ kmh: o.speedKmh ?? DEFAULT_SPEED_KMH }];
}

const Matrix = z.strictObject({
  distancesMetres: z.array(z.array(z.number().min(0, 'must not be negative'))),
  durationsSeconds: z.array(z.array(z.number().min(0, 'must not be negative'))),
}).meta({ description: 'travel between locations: index 0 is the depot, then the stops in the order given' });

export const RoutePlanOptions = z.strictObject({
  timeLimitSeconds: z.number().min(1, 'must be between 1 and 600').max(600, 'must be between 1 and 600').default(10),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
  circuityFactor: z.number().min(1, 'must be between 1 and 3').max(3, 'must be between 1 and 3').default(1.3)
    .meta({ description: 'road km per great-circle km' }),
  speedKmh: SpeedKmh.optional()
    .meta({ description: `mean driving speed with the great-circle estimate (and for pairs a routing server cannot route); default ${DEFAULT_SPEED_KMH} km/h. A constant speed is a one-band speedProfile; give one or the other` }),
  speedProfile: SpeedProfileInput.optional(),
  matrix: Matrix.optional(),
  tableUrl: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional()
    .meta({ description: 'a routing server for road distances and times instead of the estimate: an OSRM server (e.g. http://osrm:5000) or its /table/v1/<profile> URL, or with `tableProvider: "valhalla"` a Valhalla server (e.g. http://valhalla:8002) or its /sources_to_targets URL. Pairs it cannot route are estimated; a server that cannot be reached or does not answer in time (30 s by default) fails the plan' }),
  tableProvider: z.enum(TABLE_PROVIDERS).optional()
    .meta({ description: 'the kind of server at `tableUrl`: `osrm` (the default) or `valhalla`' }),
  costing: z.enum(VALHALLA_COSTINGS).optional()
    .meta({ description: 'with a Valhalla server: its costing model (default `auto`); an OSRM profile is part of its `tableUrl`' }),
});

const MAX_STOPS = 2000;

export const RoutePlanCreate = z.strictObject({
  depotCode: Code.optional().meta({ description: 'the warehouse the vans leave from; with no `stops`, its orders are the stops' }),
  depot: Place.extend({ name: z.string().max(200).optional() }).optional().meta({ description: 'a depot by coordinates, for an explicit stop list' }),
  date: IsoDate.optional().meta({ description: 'delivery date; default the day of the latest order near the depot' }),
  days: z.number().int('must be a whole number').min(1, 'must be between 1 and 60').max(60, 'must be between 1 and 60').default(7)
    .meta({ description: 'orders placed on `date` and the days before it, this many days in all' }),
  radiusKm: z.number().positive('must be greater than 0').max(1000, 'must be at most 1000').default(100)
    .meta({ description: 'orders shipping within this distance of the depot' }),
  stops: z.array(StopInput).min(1, 'must list at least one stop').max(MAX_STOPS, `must list at most ${MAX_STOPS} stops`).optional(),
  vehicles: z.union([
    z.number().int('must be a whole number').min(1, 'must be at least 1 vehicle').max(200, 'must be at most 200'),
    z.array(VehicleInput).min(1, 'must list at least one vehicle').max(200, 'must list at most 200 vehicles'),
  ]).optional().meta({ description: 'a number of standard vans, or a list of vehicles; default enough vans for the stops' }),
  options: RoutePlanOptions.default(RoutePlanOptions.parse({})),
}).superRefine((v, ctx) => {
  if (!v.stops && !v.depotCode) ctx.addIssue({ code: 'custom', path: ['depotCode'], message: 'give a depotCode (to plan its orders) or a stops list' });
  if (!v.depotCode && !v.depot && v.stops) ctx.addIssue({ code: 'custom', path: ['depot'], message: 'an explicit stop list needs a depot or a depotCode' });
  if (v.depotCode && v.depot) ctx.addIssue({ code: 'custom', path: ['depot'], message: 'give depotCode or depot, not both' });
  if (v.stops) {
    const seen = new Map<string, number>();
    v.stops.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['stops', i, 'id'], message: `duplicate stop id "${s.id}" (also stops.${seen.get(s.id)}.id)` });
      else seen.set(s.id, i);
    });
  }
  if (Array.isArray(v.vehicles)) {
    const seen = new Set<string>();
    v.vehicles.forEach((veh, i) => {
      if (veh.id === undefined) return;
      if (seen.has(veh.id)) ctx.addIssue({ code: 'custom', path: ['vehicles', i, 'id'], message: `duplicate vehicle id "${veh.id}"` });
      seen.add(veh.id);
    });
  }
  const m = v.options?.matrix;
  if (m) {
    if (!v.stops) ctx.addIssue({ code: 'custom', path: ['options', 'matrix'], message: 'a given matrix goes with an explicit stops list' });
    const size = 1 + (v.stops?.length ?? 0);
    for (const key of ['distancesMetres', 'durationsSeconds'] as const) {
      if (m[key].length !== size || m[key].some((row) => row.length !== size)) {
        ctx.addIssue({ code: 'custom', path: ['options', 'matrix', key], message: `must be ${size}×${size}: the depot, then each stop` });
      }
    }
    if (Array.isArray(v.vehicles) && v.vehicles.some((x) => x.start || x.end)) {
      ctx.addIssue({ code: 'custom', path: ['vehicles'], message: 'with a given matrix every vehicle starts and ends at the depot (no start/end)' });
    }
  }
  if (m && v.options?.tableUrl) ctx.addIssue({ code: 'custom', path: ['options', 'tableUrl'], message: 'give a matrix or a tableUrl, not both' });
  if (v.options?.speedProfile && v.options.speedKmh !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['options', 'speedProfile'], message: 'give speedKmh (a constant speed) or speedProfile, not both' });
  }
  if (v.options?.tableProvider && !v.options.tableUrl) {
    ctx.addIssue({ code: 'custom', path: ['options', 'tableProvider'], message: 'names the kind of server at tableUrl: give the tableUrl too' });
  }
  if (v.options?.costing && v.options.tableProvider !== 'valhalla') {
    ctx.addIssue({ code: 'custom', path: ['options', 'costing'], message: 'applies to a Valhalla server (tableProvider "valhalla"); an OSRM profile is part of its tableUrl' });
  }
}).meta({ id: 'RoutePlanCreate' });
export type RoutePlanCreate = z.output<typeof RoutePlanCreate>;

const Money = z.string().meta({ description: 'decimal amount in the plan currency' });
const Load = z.object({ weightG: z.number(), volumeL: z.number(), parcels: z.number() });

export const PlannedStop = z.object({
  sequence: z.number(),
  stopId: z.string(),
  orderId: z.string().nullable(),
  orderNumber: z.string().nullable(),
  name: z.string().nullable(),
  address: z.string().nullable(),
  lat: z.number(), lng: z.number(),
  arrival: z.string().meta({ description: 'local HH:MM' }),
  serviceStart: z.string(),
  departure: z.string(),
  arrivalSeconds: z.number(), waitSeconds: z.number(), serviceSeconds: z.number(), departureSeconds: z.number(),
  legKm: z.number().meta({ description: 'driven from the previous stop or the start' }),
  demand: Load,
  loadAfter: Load.meta({ description: 'still on board after this stop' }),
});

export const PlannedBreakOut = z.object({
  start: z.string().meta({ description: 'local HH:MM' }),
  end: z.string(),
  startSeconds: z.number(), endSeconds: z.number(), durationSeconds: z.number(),
  waitSeconds: z.number().meta({ description: 'idle just before the break, waiting for its window to open' }),
  afterStops: z.number().meta({ description: 'stops served before it: 0 before the first, the number of stops after the last' }),
  lat: z.number(), lng: z.number(),
}).meta({ id: 'PlannedBreak', description: "where and when the driver takes the break" });

export const PlannedRouteOut = z.object({
  vehicleId: z.string(),
  start: z.object({ lat: z.number(), lng: z.number(), time: z.string(), seconds: z.number() }),
  end: z.object({ lat: z.number(), lng: z.number(), time: z.string(), seconds: z.number() }).meta({ description: 'for an open end: the last stop' }),
  openEnd: z.boolean(),
  stops: z.array(PlannedStop).meta({ description: 'in order; where the break is taken on arrival at a stop, it comes between arrival and service (waitSeconds excludes it)' }),
  break: PlannedBreakOut.optional().meta({ description: 'for a van with a break' }),
  load: Load,
  capacity: z.object({ weightG: z.number().nullable(), volumeL: z.number().nullable(), parcels: z.number().nullable() }),
  distanceKm: z.number(),
  durationSeconds: z.number().meta({ description: 'from leaving the start to the end, the break included' }),
  drivingSeconds: z.number(),
  serviceSeconds: z.number(),
  waitSeconds: z.number().meta({ description: 'idle time: waiting for windows or for the break window' }),
  breakSeconds: z.number().optional().meta({ description: 'length of the break taken (absent from plans made before breaks existed)' }),
  cost: Money,
});

export const UnassignedOut = z.object({
  stopId: z.string(),
  orderNumber: z.string().nullable(),
  name: z.string().nullable(),
  lat: z.number(), lng: z.number(),
  reason: z.enum(['skill', 'capacity', 'time_window', 'shift', 'max_distance', 'max_duration', 'break', 'fleet_exhausted']),
  detail: z.string(),
});

export const RoutePlanResult = z.object({
  date: z.string().nullable(),
  depot: z.object({ code: z.string().nullable(), name: z.string(), lat: z.number(), lng: z.number() }),
  orders: z.object({ from: z.string(), to: z.string(), radiusKm: z.number(), found: z.number() }).nullable()
    .meta({ description: 'for a plan of the merchant orders: the order window (UTC dates) and how many orders it held' }),
  currency: z.string(),
  routes: z.array(PlannedRouteOut),
  unassigned: z.array(UnassignedOut),
  totals: z.object({
    distanceKm: z.number(), durationSeconds: z.number(), vehiclesUsed: z.number(), vehiclesAvailable: z.number(),
    stops: z.number(), stopsServed: z.number(), cost: Money,
  }),
  settings: z.object({
    timeLimitSeconds: z.number(), seed: z.number(), circuityFactor: z.number().nullable(),
    speedKmh: z.number().nullable().meta({ description: 'the constant speed of the estimate; null with a given matrix or a speed profile of several bands' }),
    speedProfile: z.array(z.object({ upToKm: z.number().optional(), kmh: z.number() })).nullable().optional()
      .meta({ description: 'the speed profile the estimate used (a constant speed as one band); null with a given matrix; absent from plans made before profiles existed' }),
    travel: z.enum(['estimate', 'osrm', 'valhalla', 'matrix']),
    costing: z.enum(VALHALLA_COSTINGS).optional().meta({ description: 'the Valhalla costing model, with travel from a Valhalla server' }),
    fleetBreak: BreakInput.nullable().optional().meta({ description: 'the break every van takes, when they all take the same one' }),
  }),
  stats: z.object({
    iterations: z.number().meta({ description: 'genetic iterations after the initial population' }),
    initialSolutions: z.number().optional().meta({ description: 'solutions built for the initial population, each improved by local search' }),
    elapsedMs: z.number(), firstFeasibleMs: z.number().nullable(),
  }),
}).meta({ id: 'RoutePlanResult' });
export type RoutePlanResult = z.output<typeof RoutePlanResult>;

export const RoutePlanListItem = z.object({
  id: z.string(), status: z.string(), progress: z.number(), message: z.string(), createdAt: z.string(), finishedAt: z.string().nullable(),
  depotCode: z.string().nullable(), date: z.string().nullable(),
  totals: RoutePlanResult.shape.totals.nullable(),
}).meta({ id: 'RoutePlanListItem' });
export type RoutePlanListItem = z.output<typeof RoutePlanListItem>;

export const RoutingDepot = z.object({
  code: z.string(), name: z.string(), city: z.string(), country: z.string(), lat: z.number(), lng: z.number(),
  latestOrderDate: z.string().nullable().meta({ description: 'UTC date of the latest order within 100 km' }),
}).meta({ id: 'RoutingDepot' });
export type RoutingDepot = z.output<typeof RoutingDepot>;

/**
 * The route plan job's computation, run in a worker thread: estimates travel when no road table
 * was given, calls the engine and shapes its plan for people (local clock times, km, money as
 * decimal strings, a reason in words for each unserved stop). Plain data in and out; no store.
 */
import { Decimal } from 'decimal.js';
import type { SolveControl } from '../../engines/control.js';
import { buildHaversineMatrix, solveRoutes, type PlannedRoute, type SpeedBand, type RoutingPlan, type UnassignedStop } from '../../engines/routing/index.js';
import { clockOf, DEFAULT_SPEED_KMH, type RoutePlanResult } from './plan-schema.js';
import type { Load, PlanPayload, StopMeta } from './plan-types.js';

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const loadOf = (v: readonly number[]): Load => ({ weightG: Math.round(v[0] ?? 0), volumeL: round(v[1] ?? 0, 2), parcels: Math.round(v[2] ?? 0) });
const kg = (g: number) => `${round(g / 1000, 1)} kg`;

/** The payload's speed profile; a payload queued before profiles existed has only its constant speed. */
const speedProfileOf = (p: PlanPayload): SpeedBand[] => p.speedProfile ?? [{ kmh: p.speedKmh ?? DEFAULT_SPEED_KMH }];

export function solveRoutePlan(payload: PlanPayload, control: SolveControl = {}): RoutePlanResult {
  control.onProgress?.(0, `estimating travel between ${payload.points.length} places`);
  const matrix = payload.matrix ?? buildHaversineMatrix(payload.points, { circuityFactor: payload.circuityFactor, speedProfile: speedProfileOf(payload) });
  control.onProgress?.(0.01, `planning ${payload.stops.length} stops with ${payload.vehicles.length} vehicles`);
  const plan = solveRoutes(
    { matrix, stops: payload.engineStops, vehicles: payload.vehicles },
    {
      seed: payload.seed,
      timeLimitMs: payload.timeLimitSeconds * 1000,
      shouldStop: control.shouldStop,
      onProgress: (f, message) => control.onProgress?.(0.01 + 0.98 * f, message),
    },
  );
  return shapePlan(payload, plan);
}

export function shapePlan(payload: PlanPayload, plan: RoutingPlan): RoutePlanResult {
  const money = (minor: number) => new Decimal(minor).div(new Decimal(10).pow(payload.minorDigits)).toFixed(payload.minorDigits);
  const routes = plan.routes.map((r) => shapeRoute(payload, r, money));
  const unassigned = plan.unassigned.map((u) => {
    const s = payload.stops[u.stopIndex];
    return { stopId: u.stopId, orderNumber: s.orderNumber, name: s.name, lat: s.lat, lng: s.lng, reason: u.reason, detail: explain(payload, u, s) };
  });
  return {
    date: payload.date,
    depot: payload.depot,
    orders: payload.orders,
    currency: payload.currency,
    routes,
    unassigned,
    totals: {
      distanceKm: round(plan.totals.distanceMetres / 1000, 1),
      durationSeconds: Math.round(plan.totals.durationSeconds),
      vehiclesUsed: plan.totals.vehiclesUsed,
      vehiclesAvailable: payload.vehicles.length,
      stops: payload.stops.length,
      stopsServed: plan.totals.stopsServed,
      cost: money(plan.totals.cost),
    },
    settings: {
      timeLimitSeconds: payload.timeLimitSeconds,
      seed: payload.seed,
      circuityFactor: payload.travel === 'matrix' ? null : payload.circuityFactor,
      speedKmh: payload.travel === 'matrix' ? null : payload.speedKmh,
      speedProfile: payload.travel === 'matrix' ? null : speedProfileOf(payload),
      travel: payload.travel,
      ...(payload.costing ? { costing: payload.costing } : {}),
      fleetBreak: fleetBreak(payload),
    },
    stats: { iterations: plan.stats.iterations, initialSolutions: plan.stats.initialSolutions, elapsedMs: plan.stats.elapsedMs, firstFeasibleMs: plan.stats.firstFeasibleMs },
  };
}

function shapeRoute(payload: PlanPayload, r: PlannedRoute, money: (minor: number) => string): RoutePlanResult['routes'][number] {
  const vehicle = payload.vehicles[r.vehicleIndex];
  const meta = payload.vehicleMeta[r.vehicleIndex];
  const startPoint = payload.points[vehicle.startLocation];
  const last = r.visits[r.visits.length - 1];
  const endPoint = meta.openEnd && last ? payload.stops[last.stopIndex] : payload.points[vehicle.endLocation ?? vehicle.startLocation];
  let service = 0, wait = 0;
  const stops = r.visits.map((v, i) => {
    const s = payload.stops[v.stopIndex];
    const serviceSeconds = v.departureSeconds - v.serviceStartSeconds;
    service += serviceSeconds;
    wait += v.waitSeconds;
    return {
      sequence: i + 1,
      stopId: v.stopId,
      orderId: s.orderId,
      orderNumber: s.orderNumber,
      name: s.name,
      address: s.address,
      lat: s.lat,
      lng: s.lng,
      arrival: clockOf(v.arrivalSeconds),
      serviceStart: clockOf(v.serviceStartSeconds),
      departure: clockOf(v.departureSeconds),
      arrivalSeconds: Math.round(v.arrivalSeconds),
      waitSeconds: Math.round(v.waitSeconds),
      serviceSeconds: Math.round(serviceSeconds),
      departureSeconds: Math.round(v.departureSeconds),
      legKm: round(v.legDistanceMetres / 1000, 2),
      demand: s.demand,
      loadAfter: loadOf(v.loadAfter),
    };
  });
  const b = r.break;
  const breakSeconds = b ? b.endSeconds - b.startSeconds : 0;
  if (b) wait += b.waitSeconds;
  const breakPlace = b ? payload.points[b.location] : null;
  return {
    vehicleId: r.vehicleId,
    start: { lat: startPoint.lat, lng: startPoint.lng, time: clockOf(r.startSeconds), seconds: Math.round(r.startSeconds) },
    end: { lat: endPoint.lat, lng: endPoint.lng, time: clockOf(r.endSeconds), seconds: Math.round(r.endSeconds) },
    openEnd: meta.openEnd,
    stops,
    ...(b && breakPlace ? {
      break: {
        start: clockOf(b.startSeconds), end: clockOf(b.endSeconds),
        startSeconds: Math.round(b.startSeconds), endSeconds: Math.round(b.endSeconds), durationSeconds: Math.round(breakSeconds),
        waitSeconds: Math.round(b.waitSeconds), afterStops: b.afterVisits, lat: breakPlace.lat, lng: breakPlace.lng,
      },
    } : {}),
    load: loadOf(r.load),
    capacity: meta.capacity,
    distanceKm: round(r.distanceMetres / 1000, 2),
    durationSeconds: Math.round(r.durationSeconds),
    drivingSeconds: Math.max(0, Math.round(r.durationSeconds - service - wait - breakSeconds)),
    serviceSeconds: Math.round(service),
    waitSeconds: Math.round(wait),
    breakSeconds: Math.round(breakSeconds),
    cost: money(r.cost),
  };
}

/** The break in the request's terms when every vehicle takes the same one (what the console's fleet setting sends). */
function fleetBreak(payload: PlanPayload): RoutePlanResult['settings']['fleetBreak'] {
  const keys = new Set(payload.vehicles.map((v) => JSON.stringify(v.break ?? null)));
  const b = payload.vehicles[0]?.break;
  if (keys.size !== 1 || !b) return null;
  return { durationMinutes: b.durationSeconds / 60, windows: b.windows.map(([from, to]) => ({ from: clockOf(from), to: clockOf(to) })) };
}

function windowsText(s: StopMeta): string {
  return s.windows.map(([a, b]) => `${clockOf(a)}–${clockOf(b)}`).join(', ');
}

/** The engine's reason code in words, with the figures that make it so where they are known. */
function explain(payload: PlanPayload, u: UnassignedStop, s: StopMeta): string {
  const caps = payload.vehicleMeta.map((v) => v.capacity);
  const largest = (key: keyof Load) => (caps.some((c) => c[key] === null) ? null : Math.max(...caps.map((c) => c[key] ?? 0)));
  switch (u.reason) {
    case 'capacity': {
      const w = largest('weightG'), v = largest('volumeL'), p = largest('parcels');
      if (w !== null && s.demand.weightG > w) return `weighs ${kg(s.demand.weightG)}; the largest vehicle carries ${kg(w)}`;
      if (v !== null && s.demand.volumeL > v) return `takes ${round(s.demand.volumeL, 1)} L; the largest vehicle holds ${v} L`;
      if (p !== null && s.demand.parcels > p) return `has ${s.demand.parcels} parcels; the largest vehicle takes ${p}`;
      return `no vehicle has room left for ${kg(s.demand.weightG)}, ${round(s.demand.volumeL, 1)} L: add a vehicle`;
    }
    case 'time_window':
      return `cannot be reached within its delivery window ${windowsText(s)}`;
    case 'shift':
      return `cannot be served within ${windowsText(s)} and the vehicle back before the end of its shift`;
    case 'skill': {
      const stop = payload.engineStops[u.stopIndex];
      return `needs ${(stop.skills ?? []).join(', ') || 'a skill'}, which no vehicle that could serve it has`;
    }
    case 'max_distance':
      return 'beyond the longest route a vehicle may drive';
    case 'max_duration':
      return 'beyond the longest working time of a vehicle';
    case 'break':
      return `cannot be served within ${windowsText(s)} with the driver's break taken inside its window and the shift`;
    case 'fleet_exhausted':
      return 'not enough vehicles to serve every stop: add a vehicle or widen the delivery windows';
  }
}

/** Shapes of the route plan API (`/v1/route-plans`), as the console reads them. */

export interface Load {
  weightG: number;
  volumeL: number;
  parcels: number;
}

export interface PlannedStop {
  sequence: number;
  stopId: string;
  orderId: string | null;
  orderNumber: string | null;
  name: string | null;
  address: string | null;
  lat: number;
  lng: number;
  arrival: string;
  serviceStart: string;
  departure: string;
  arrivalSeconds: number;
  waitSeconds: number;
  serviceSeconds: number;
  departureSeconds: number;
  legKm: number;
  demand: Load;
  loadAfter: Load;
}

export interface PlannedBreak {
  start: string;
  end: string;
  startSeconds: number;
  endSeconds: number;
  durationSeconds: number;
  waitSeconds: number;
  /** Stops served before it. */
  afterStops: number;
  lat: number;
  lng: number;
}

export interface BreakRule {
  durationMinutes: number;
  windows: { from: string; to: string }[];
}

export interface PlannedRoute {
  vehicleId: string;
  start: { lat: number; lng: number; time: string; seconds: number };
  end: { lat: number; lng: number; time: string; seconds: number };
  openEnd: boolean;
  stops: PlannedStop[];
  break?: PlannedBreak;
  load: Load;
  capacity: { weightG: number | null; volumeL: number | null; parcels: number | null };
  distanceKm: number;
  durationSeconds: number;
  drivingSeconds: number;
  serviceSeconds: number;
  waitSeconds: number;
  breakSeconds?: number;
  cost: string;
}

export interface UnassignedStop {
  stopId: string;
  orderNumber: string | null;
  name: string | null;
  lat: number;
  lng: number;
  reason: string;
  detail: string;
}

/** One band of a speed profile: a leg's km up to upToKm (past the previous band's) at kmh; the last band has no upToKm. */
export interface SpeedBand {
  upToKm?: number;
  kmh: number;
}

/** The speed settings the console offers: the API's default constant speed, or an urban profile. */
export const speedPresets = {
  constant: { label: 'constant 45 km/h', profile: null },
  urban: { label: 'urban profile (20 → 35 → 60 km/h)', profile: [{ upToKm: 2, kmh: 20 }, { upToKm: 10, kmh: 35 }, { kmh: 60 }] as SpeedBand[] },
} as const;
export type SpeedPreset = keyof typeof speedPresets;

/** The preset a plan's settings match, for planning again with the same speeds. */
export function speedPresetOf(profile: SpeedBand[] | null | undefined): SpeedPreset | null {
  if (!profile || (profile.length === 1 && profile[0].kmh === 45)) return 'constant';
  return JSON.stringify(profile) === JSON.stringify(speedPresets.urban.profile) ? 'urban' : null;
}

/** A speed profile in a few words: "45 km/h", or "20/35/60 km/h by leg (bands to 2, 10 km)". */
export function speedText(profile: SpeedBand[] | null | undefined, speedKmh: number | null): string {
  if (!profile || profile.length === 1) return `${profile?.[0]?.kmh ?? speedKmh} km/h`;
  return `${profile.map((b) => b.kmh).join('/')} km/h by leg (bands to ${profile.filter((b) => b.upToKm !== undefined).map((b) => b.upToKm).join(', ')} km)`;
}

export interface RoutePlanResult {
  date: string | null;
  depot: { code: string | null; name: string; lat: number; lng: number };
  orders: { from: string; to: string; radiusKm: number; found: number } | null;
  currency: string;
  routes: PlannedRoute[];
  unassigned: UnassignedStop[];
  totals: { distanceKm: number; durationSeconds: number; vehiclesUsed: number; vehiclesAvailable: number; stops: number; stopsServed: number; cost: string };
  settings: { timeLimitSeconds: number; seed: number; circuityFactor: number | null; speedKmh: number | null; speedProfile?: SpeedBand[] | null; travel: 'estimate' | 'osrm' | 'valhalla' | 'matrix'; costing?: string; fleetBreak?: BreakRule | null };
  stats: { iterations: number; initialSolutions?: number; elapsedMs: number; firstFeasibleMs: number | null };
}

export interface RoutePlanJob {
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  progress: number;
  message: string;
  result: RoutePlanResult | null;
  error: { message?: string } | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface RoutePlanListItem {
  id: string;
  status: RoutePlanJob['status'];
  progress: number;
  message: string;
  createdAt: string;
  finishedAt: string | null;
  depotCode: string | null;
  date: string | null;
  totals: RoutePlanResult['totals'] | null;
}

export interface RoutingDepot {
  code: string;
  name: string;
  city: string;
  country: string;
  lat: number;
  lng: number;
  latestOrderDate: string | null;
}

/** One colour per route, distinct on a light map; repeats after twelve vans. */
export const routeColours = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#c026d3', '#65a30d', '#b45309', '#4f46e5', '#db2777', '#0d9488'];
export const routeColour = (i: number) => routeColours[i % routeColours.length];

export const reasonLabels: Record<string, string> = {
  capacity: 'Capacity',
  time_window: 'Time window',
  shift: 'Shift',
  skill: 'Skill',
  max_distance: 'Max distance',
  max_duration: 'Max duration',
  break: 'Driver break',
  fleet_exhausted: 'Not enough vehicles',
};

/** What crosses into the worker thread: plain data, no store. */
import type { LatLng, RoutingStop, RoutingVehicle, SpeedBand, TravelMatrix } from '../../engines/routing/index.js';
import type { ValhallaCosting } from './valhalla-matrix.js';

export interface Load {
  weightG: number;
  volumeL: number;
  parcels: number;
}

export interface StopMeta {
  id: string;
  orderId: string | null;
  orderNumber: string | null;
  name: string | null;
  address: string | null;
  lat: number;
  lng: number;
  demand: Load;
  windows: [number, number][];
}

export interface VehicleMeta {
  capacity: { weightG: number | null; volumeL: number | null; parcels: number | null };
  openEnd: boolean;
}

export interface PlanPayload {
  date: string | null;
  depot: { code: string | null; name: string; lat: number; lng: number };
  orders: { from: string; to: string; radiusKm: number; found: number } | null;
  currency: string;
  minorDigits: number;
  /** Location 0 is the depot, 1..N the stops in order, then any other vehicle start or end. */
  points: LatLng[];
  /** Road travel from a given matrix or a routing server; null: estimated in the worker. */
  matrix: TravelMatrix | null;
  travel: 'estimate' | 'osrm' | 'valhalla' | 'matrix';
  /** With travel from a Valhalla server: the costing model asked for. */
  costing?: ValhallaCosting;
  circuityFactor: number;
  /** The constant speed of the estimate; null with a speed profile of several bands. */
  speedKmh: number | null;
  /** The speed profile of the estimate (a constant speed as one band); absent from payloads queued before profiles existed. */
  speedProfile?: SpeedBand[];
  stops: StopMeta[];
  engineStops: RoutingStop[];
  vehicles: RoutingVehicle[];
  vehicleMeta: VehicleMeta[];
  timeLimitSeconds: number;
  seed: number;
}

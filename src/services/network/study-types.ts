/**
 * What a network study hands to its worker thread and gets back: plain, structured-cloneable data.
 * Money here is in minor currency units (numbers) because the engine works in them; the result
 * the API returns turns them back into decimal strings.
 */
import type { ScenarioNetwork } from '../../engines/network/index.js';

export interface RawZone {
  id: string;
  label: string;
  country: string;
  lat: number;
  lng: number;
  unitsPerYear: number;
  orders: number;
}

export interface StudySiteInput {
  code: string;
  name: string;
  kind: 'warehouse' | 'city' | 'custom';
  country: string;
  lat: number;
  lng: number;
  fixedCostMinor: number;
  capacityUnitsPerYear: number | null;
  mustKeep: boolean;
  current: boolean;
}

export interface StudyMeta {
  currency: string;
  minorDigits: number;
  period: { from: string; to: string; days: number; annualisation: number };
  assumptions: { zoneBy: 'city' | 'postalCode'; costPerUnitKm: string; defaultFixedCostPerYear: string; circuityFactor: number; transitDays: string };
  demand: {
    orders: number; units: number; unitsPerYear: number; zones: number;
    ordersWithoutCoordinates: number; placedAtZoneCentre: number; excludedOrders: number; excludedUnits: number; excludedZones: string[];
  };
  notes: string[];
}

export interface StudyPayload {
  meta: StudyMeta;
  zones: RawZone[];
  sites: StudySiteInput[];
  maxWarehouses: number;
  maxZones: number;
  costPerUnitKmMinor: number;
  circuityFactor: number;
  timeLimitMs: number;
  seed: number;
  /** set when the sites are chosen for coverage within this many transit days */
  coverageWithinDays?: number;
}

export interface StudyZoneOut extends RawZone {
  mergedZones: number;
}

export interface StudyOutput {
  meta: StudyMeta;
  zones: StudyZoneOut[];
  sites: StudySiteInput[];
  scenarios: ScenarioNetwork[];
  current: ScenarioNetwork | null;
  elapsedMs: number;
}

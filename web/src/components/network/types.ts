/** Shapes of the network study API (`/v1/network-studies`), as the console reads them. */

export interface StudyScenario {
  warehouses: number;
  status: 'optimal' | 'feasible' | 'infeasible';
  infeasibleReason: string | null;
  openSites: string[];
  assignment: number[];
  siteLoads: { code: string; unitsPerYear: number; zones: number; share: number; utilisation: number | null }[];
  cost: { fixed: string; transport: string; total: string; lowerBound: string | null; perUnit: string };
  gap: number | null;
  /** absent in studies saved before sites could be chosen for reach: those were for cost */
  objective?: { kind: 'cost' } | { kind: 'coverage'; withinDays: number; radiusKm: number; coveredShare: number | null; coveredShareBound: number | null };
  distanceKm: { mean: number; p90: number };
  transitDays: { mean: number; p90: number };
  shareWithinDays: { '1': number; '2': number; '3': number };
  shareWithinKm: Record<string, number>;
}

export interface StudyZone {
  id: string;
  label: string;
  country: string;
  lat: number;
  lng: number;
  unitsPerYear: number;
  orders: number;
  mergedZones: number;
}

export interface StudySite {
  code: string;
  name: string;
  kind: 'warehouse' | 'city' | 'custom';
  country: string;
  lat: number;
  lng: number;
  fixedCostPerYear: string;
  capacityUnitsPerYear: number | null;
  mustKeep: boolean;
  current: boolean;
}

export interface StudySummary {
  currency: string;
  zones: number;
  unitsPerYear: number;
  recommendedWarehouses: number | null;
  recommendedTotalCost: string | null;
  currentTotalCost: string | null;
  savingsPerYear: string | null;
}

export interface NetworkStudyResult {
  currency: string;
  period: { from: string; to: string; days: number; annualisation: number };
  assumptions: { zoneBy: 'city' | 'postalCode'; costPerUnitKm: string; defaultFixedCostPerYear: string; circuityFactor: number; transitDays: string };
  demand: {
    orders: number; units: number; unitsPerYear: number; zones: number; studyZones: number;
    ordersWithoutCoordinates: number; placedAtZoneCentre: number; excludedOrders: number; excludedUnits: number; excludedZones: string[];
  };
  notes: string[];
  zones: StudyZone[];
  sites: StudySite[];
  scenarios: StudyScenario[];
  current: StudyScenario | null;
  summary: StudySummary;
  elapsedMs: number;
}

export interface NetworkStudyJob {
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  progress: number;
  message: string;
  result: NetworkStudyResult | null;
  error: { message?: string } | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface NetworkStudyListItem {
  id: string;
  status: NetworkStudyJob['status'];
  progress: number;
  message: string;
  createdAt: string;
  finishedAt: string | null;
  maxWarehouses: number | null;
  zoneBy: string | null;
  summary: StudySummary | null;
}

/** One colour per open site, in the order sites appear in the study. */
export const SITE_COLOURS = ['#1d4ed8', '#ea580c', '#059669', '#9333ea', '#dc2626', '#0891b2', '#ca8a04', '#db2777', '#4b5563', '#65a30d'];

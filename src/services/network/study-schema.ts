/**
 * The network study resource: what a merchant asks (`NetworkStudyCreate`) and what it gets back
 * (`NetworkStudyResult`). One definition for request validation, the job result and OpenAPI.
 */
import { z } from 'zod';
import { Code, CountryCode, Latitude, Longitude, NonNegativeDecimal } from '../../domain/codes.js';

const IsoDateTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time, e.g. 2026-03-01T00:00:00Z' });

export const CandidateSiteInput = z.strictObject({
  code: Code,
  name: z.string().trim().max(200).optional(),
  country: CountryCode.optional(),
  lat: Latitude,
  lng: Longitude,
  fixedCostPerYear: NonNegativeDecimal.optional().meta({ description: 'defaults to defaultFixedCostPerYear' }),
  capacityUnitsPerYear: z.number().int().positive('must be greater than 0').nullable().optional().meta({ description: 'null or absent: unlimited' }),
});

export const NetworkStudyCreate = z.strictObject({
  maxWarehouses: z.number().int('must be a whole number').min(1, 'must be between 1 and 8').max(8, 'must be between 1 and 8').default(5)
    .meta({ description: 'scenarios are solved for 1..maxWarehouses sites' }),
  from: IsoDateTime.optional().meta({ description: 'start of the order history window; default 365 days before `to`' }),
  to: IsoDateTime.optional().meta({ description: 'end of the window; default the latest order' }),
  zoneBy: z.enum(['city', 'postalCode']).default('city'),
  candidates: z.union([z.enum(['existing+cities', 'existing']), z.array(CandidateSiteInput).min(1, 'must list at least one site').max(200)])
    .default('existing+cities')
    .meta({ description: "'existing+cities': your active warehouses plus the largest demand cities; 'existing': only your warehouses; or an explicit list of sites" }),
  candidateCities: z.number().int().min(0).max(50).default(15).meta({ description: "how many demand cities to add as candidate sites with 'existing+cities'" }),
  mustKeep: z.array(Code).max(50).default([]).meta({ description: 'site (warehouse) codes that stay open in every scenario' }),
  costPerUnitKm: NonNegativeDecimal.default('0.004').meta({ description: 'transport cost per unit shipped per road km, in the merchant currency' }),
  defaultFixedCostPerYear: NonNegativeDecimal.optional().meta({ description: 'fixed cost per year of a candidate site without its own; default the median of your warehouses' }),
  defaultCapacityUnitsPerYear: z.number().int().positive('must be greater than 0').nullable().default(null),
  maxZones: z.number().int().min(20).max(3000).default(600).meta({ description: 'smaller zones are merged into the nearest larger zone of the same country beyond this many' }),
  objective: z.enum(['cost', 'coverage']).default('cost')
    .meta({ description: "what each scenario's sites are chosen for: 'cost' (fixed plus transport, the default) or 'coverage' (the most demand within coverageWithinDays transit days, then served as cheaply as those sites allow without losing reach)" }),
  coverageWithinDays: z.number().int('must be 1, 2 or 3').min(1, 'must be 1, 2 or 3').max(3, 'must be 1, 2 or 3').optional()
    .meta({ description: "with objective 'coverage' only: the transit days a zone must be within (default 2)" }),
  timeLimitSeconds: z.number().min(1, 'must be between 1 and 600').max(600, 'must be between 1 and 600').default(30),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
});
export type NetworkStudyCreate = z.output<typeof NetworkStudyCreate>;

const Money = z.string().meta({ description: 'decimal amount in the study currency' });

export const StudyZone = z.object({
  id: z.string(), label: z.string(), country: z.string(), lat: z.number(), lng: z.number(),
  unitsPerYear: z.number(), orders: z.number(), mergedZones: z.number().meta({ description: 'smaller zones folded into this one' }),
});

export const StudySite = z.object({
  code: z.string(), name: z.string(), kind: z.enum(['warehouse', 'city', 'custom']), country: z.string(), lat: z.number(), lng: z.number(),
  fixedCostPerYear: Money, capacityUnitsPerYear: z.number().nullable(), mustKeep: z.boolean(), current: z.boolean(),
});

export const StudyScenario = z.object({
  warehouses: z.number(),
  status: z.enum(['optimal', 'feasible', 'infeasible']),
  infeasibleReason: z.string().nullable(),
  openSites: z.array(z.string()),
  /** index into `sites` per zone (same order as `zones`), -1 when unserved */
  assignment: z.array(z.number()),
  siteLoads: z.array(z.object({ code: z.string(), unitsPerYear: z.number(), zones: z.number(), share: z.number(), utilisation: z.number().nullable() })),
  cost: z.object({ fixed: Money, transport: Money, total: Money, lowerBound: Money.nullable().meta({ description: "proven lower bound on the total; null when infeasible or when the sites were chosen for coverage" }), perUnit: Money }),
  gap: z.number().nullable().meta({ description: "how far from the best: with 'cost' the relative gap of the total to its lower bound, with 'coverage' the share of demand the bound allows beyond the share reached; null when infeasible" }),
  objective: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('cost') }),
    z.object({
      kind: z.literal('coverage'),
      withinDays: z.number(),
      radiusKm: z.number().meta({ description: 'road km reachable in withinDays' }),
      coveredShare: z.number().nullable().meta({ description: 'share of demand within reach of the chosen sites, as served; null when infeasible' }),
      coveredShareBound: z.number().nullable().meta({ description: 'proven upper bound on that share for this many sites; null when infeasible' }),
    }),
  ]).default({ kind: 'cost' }).meta({ description: "what the sites were chosen for (studies saved before this field existed were for cost)" }),
  distanceKm: z.object({ mean: z.number(), p90: z.number() }),
  transitDays: z.object({ mean: z.number(), p90: z.number() }),
  shareWithinDays: z.object({ '1': z.number(), '2': z.number(), '3': z.number() }),
  shareWithinKm: z.record(z.string(), z.number()),
});
export type StudyScenario = z.output<typeof StudyScenario>;

export const StudySummary = z.object({
  currency: z.string(),
  zones: z.number(),
  unitsPerYear: z.number(),
  recommendedWarehouses: z.number().nullable(),
  recommendedTotalCost: Money.nullable(),
  currentTotalCost: Money.nullable(),
  savingsPerYear: Money.nullable().meta({ description: 'current minus recommended total cost' }),
});

export const NetworkStudyResult = z.object({
  currency: z.string(),
  period: z.object({ from: z.string(), to: z.string(), days: z.number(), annualisation: z.number().meta({ description: 'factor from the window to a year' }) }),
  assumptions: z.object({
    zoneBy: z.enum(['city', 'postalCode']), costPerUnitKm: Money, defaultFixedCostPerYear: Money, circuityFactor: z.number(), transitDays: z.string(),
  }),
  demand: z.object({
    orders: z.number(), units: z.number(), unitsPerYear: z.number(), zones: z.number(), studyZones: z.number(),
    ordersWithoutCoordinates: z.number().meta({ description: 'orders that had no lat/lng' }),
    placedAtZoneCentre: z.number().meta({ description: 'of those, orders placed at their zone centre from other orders to the same zone' }),
    excludedOrders: z.number().meta({ description: 'orders left out: their zone has no coordinates at all' }),
    excludedUnits: z.number(),
    excludedZones: z.array(z.string()).meta({ description: 'some of the zones left out' }),
  }),
  notes: z.array(z.string()),
  zones: z.array(StudyZone),
  sites: z.array(StudySite),
  scenarios: z.array(StudyScenario),
  current: StudyScenario.nullable().meta({ description: 'your active warehouses, costed the same way' }),
  summary: StudySummary,
  elapsedMs: z.number(),
}).meta({ id: 'NetworkStudyResult' });
export type NetworkStudyResult = z.output<typeof NetworkStudyResult>;

export const NetworkStudyListItem = z.object({
  id: z.string(), status: z.string(), progress: z.number(), message: z.string(),
  createdAt: z.string(), finishedAt: z.string().nullable(),
  maxWarehouses: z.number().nullable(), zoneBy: z.string().nullable(),
  summary: StudySummary.nullable(),
}).meta({ id: 'NetworkStudyListItem' });
export type NetworkStudyListItem = z.output<typeof NetworkStudyListItem>;

/**
 * Shapes the worker's output into the study the API returns: money back to decimal strings,
 * assignments as site indices per zone (a few bytes per zone instead of two ids), and the load
 * each open site carries, so a reader sees which site would be overloaded.
 */
import { Decimal } from 'decimal.js';
import type { ScenarioNetwork } from '../../engines/network/index.js';
import type { NetworkStudyResult, StudyScenario } from './study-schema.js';
import type { StudyOutput } from './study-types.js';

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

function scenarioOut(s: ScenarioNetwork, out: StudyOutput): StudyScenario {
  const { minorDigits } = out.meta;
  const scale = new Decimal(10).pow(minorDigits);
  const money = (minor: number) => (Number.isFinite(minor) ? new Decimal(minor).div(scale).toFixed(minorDigits) : new Decimal(0).toFixed(minorDigits));
  const siteIndex = new Map(out.sites.map((site, i) => [site.code, i]));
  const assignment = out.zones.map((z) => {
    const code = s.assignment[z.id];
    return code === undefined ? -1 : siteIndex.get(code) ?? -1;
  });
  const totalUnits = out.zones.reduce((a, z) => a + z.unitsPerYear, 0);
  const siteLoads = s.openSiteIds.map((code) => {
    const i = siteIndex.get(code) ?? -1;
    let units = 0;
    let zones = 0;
    out.zones.forEach((z, j) => {
      if (assignment[j] === i) {
        units += z.unitsPerYear;
        zones++;
      }
    });
    const capacity = out.sites[i]?.capacityUnitsPerYear ?? null;
    return { code, unitsPerYear: Math.round(units), zones, share: totalUnits > 0 ? units / totalUnits : 0, utilisation: capacity ? units / capacity : null };
  });
  const feasible = s.status !== 'infeasible';
  return {
    warehouses: s.siteCount,
    status: s.status,
    infeasibleReason: s.infeasibleReason ?? null,
    openSites: s.openSiteIds,
    assignment,
    siteLoads,
    cost: {
      fixed: money(s.fixedCostMinor),
      transport: money(s.transportCostMinor),
      total: money(s.totalCostMinor),
      lowerBound: feasible && s.lowerBoundMinor !== null ? money(s.lowerBoundMinor) : null,
      perUnit: feasible && totalUnits > 0 ? new Decimal(s.totalCostMinor).div(scale).div(totalUnits).toFixed(minorDigits) : money(0),
    },
    gap: feasible && Number.isFinite(s.gap) ? s.gap : null,
    objective: s.objective,
    distanceKm: { mean: round(s.meanDistanceKm), p90: round(s.p90DistanceKm) },
    transitDays: { mean: round(s.meanTransitDays, 2), p90: s.p90TransitDays },
    shareWithinDays: s.shareWithinDays,
    shareWithinKm: s.shareWithinKm,
  };
}

export function shapeStudyResult(out: StudyOutput): NetworkStudyResult {
  const { meta } = out;
  const scale = new Decimal(10).pow(meta.minorDigits);
  const scenarios = out.scenarios.map((s) => scenarioOut(s, out));
  const current = out.current ? scenarioOut(out.current, out) : null;
  const feasible = scenarios.filter((s) => s.status !== 'infeasible');
  const best = feasible.reduce<StudyScenario | null>((b, s) => (!b || new Decimal(s.cost.total).lt(b.cost.total) ? s : b), null);
  const notes = [...meta.notes];
  const merged = out.zones.reduce((a, z) => a + z.mergedZones, 0);
  if (merged > 0) notes.push(`${meta.demand.zones} zones were reduced to ${out.zones.length}: each smaller zone joined the nearest larger zone in its country`);
  const reach = out.scenarios.find((s) => s.objective.kind === 'coverage')?.objective;
  if (reach?.kind === 'coverage')
    notes.push(`each scenario's sites were chosen to reach the most demand within ${reach.withinDays} day(s) (${reach.radiusKm} road km), then every zone served as cheaply as those sites allow without losing reach; its gap is to the most demand any network of that size reaches`);
  if (current?.status === 'infeasible') notes.push(`today's network cannot serve the demand: ${current.infeasibleReason}`);
  return {
    currency: meta.currency,
    period: meta.period,
    assumptions: meta.assumptions,
    demand: { ...meta.demand, unitsPerYear: Math.round(meta.demand.unitsPerYear), excludedUnits: Math.round(meta.demand.excludedUnits), studyZones: out.zones.length },
    notes,
    zones: out.zones.map((z) => ({ id: z.id, label: z.label, country: z.country, lat: z.lat, lng: z.lng, unitsPerYear: round(z.unitsPerYear), orders: z.orders, mergedZones: z.mergedZones })),
    sites: out.sites.map((s) => ({
      code: s.code, name: s.name, kind: s.kind, country: s.country, lat: s.lat, lng: s.lng,
      fixedCostPerYear: new Decimal(s.fixedCostMinor).div(scale).toFixed(meta.minorDigits), capacityUnitsPerYear: s.capacityUnitsPerYear, mustKeep: s.mustKeep, current: s.current,
    })),
    scenarios,
    current,
    summary: {
      currency: meta.currency,
      zones: out.zones.length,
      unitsPerYear: Math.round(meta.demand.unitsPerYear),
      recommendedWarehouses: best?.warehouses ?? null,
      recommendedTotalCost: best?.cost.total ?? null,
      currentTotalCost: current && current.status !== 'infeasible' ? current.cost.total : null,
      savingsPerYear: best && current && current.status !== 'infeasible' ? new Decimal(current.cost.total).minus(best.cost.total).toFixed(meta.minorDigits) : null,
    },
    elapsedMs: out.elapsedMs,
  };
}

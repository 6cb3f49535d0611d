/**
 * The routes on a map drawn offline: country outlines (Natural Earth, bundled) and the stops in a
 * Mercator projection framed on the depot and the stops, one colour per route. No tile server is
 * needed; the coastline is coarse at city scale, so the map is for the shape of the routes, not for
 * street-level navigation.
 */
import { geoMercator, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, Geometry } from 'geojson';
import worldTopology from 'world-atlas/countries-110m.json';
import { useMemo } from 'react';
import { routeColour, type RoutePlanResult } from './types';

const W = 900;
const H = 560;
const PAD = 36;

let countries: Feature<Geometry, { name: string }>[] | undefined;
function countryFeatures() {
  countries ??= feature(worldTopology, worldTopology.objects.countries).features as Feature<Geometry, { name: string }>[];
  return countries;
}

/** A round distance that takes up roughly a fifth of the map's width. */
function scaleBar(kmPerPx: number): { km: number; px: number } {
  const target = (W / 5) * kmPerPx;
  const steps = [0.5, 1, 2, 5, 10, 20, 25, 50, 100, 200, 500];
  const km = steps.reduce((best, s) => (Math.abs(s - target) < Math.abs(best - target) ? s : best), steps[0]);
  return { km, px: km / kmPerPx };
}

export function RouteMap({ plan, selected, onSelect }: { plan: RoutePlanResult; selected: number | null; onSelect: (i: number | null) => void }) {
  const drawn = useMemo(() => {
    const coords: [number, number][] = [[plan.depot.lng, plan.depot.lat]];
    for (const r of plan.routes) for (const s of r.stops) coords.push([s.lng, s.lat]);
    for (const u of plan.unassigned) coords.push([u.lng, u.lat]);
    if (coords.length === 1) coords.push([plan.depot.lng + 0.05, plan.depot.lat + 0.05], [plan.depot.lng - 0.05, plan.depot.lat - 0.05]);
    const projection = geoMercator().fitExtent([[PAD, PAD], [W - PAD, H - PAD]], { type: 'MultiPoint', coordinates: coords });
    const path = geoPath(projection);
    const at = (lng: number, lat: number) => projection([lng, lat]) ?? [0, 0];
    const [x0, y0] = at(plan.depot.lng, plan.depot.lat);
    const [x1] = at(plan.depot.lng + 0.1, plan.depot.lat);
    const kmPerDegLng = 111.32 * Math.cos((plan.depot.lat * Math.PI) / 180);
    const kmPerPx = (0.1 * kmPerDegLng) / Math.max(1e-9, x1 - x0);
    return {
      land: countryFeatures().map((f, i) => ({ key: String(f.id ?? i), d: path(f) ?? '', name: f.properties.name })),
      depot: [x0, y0] as const,
      routes: plan.routes.map((r) => {
        const pts = [at(r.start.lng, r.start.lat), ...r.stops.map((s) => at(s.lng, s.lat)), ...(r.openEnd ? [] : [at(r.end.lng, r.end.lat)])];
        return { line: pts.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' '), stops: r.stops.map((s) => ({ s, xy: at(s.lng, s.lat) })) };
      }),
      unassigned: plan.unassigned.map((u) => ({ u, xy: at(u.lng, u.lat) })),
      scale: scaleBar(kmPerPx),
    };
  }, [plan]);

  const totalStops = plan.totals.stopsServed;
  const showNumbers = totalStops <= 120;
  const dim = (i: number) => selected !== null && selected !== i;
  return (
    <div className="last-mile-map" data-testid="last-mile-map">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Routes from ${plan.depot.name}`} onClick={() => onSelect(null)}>
        <defs>
          <clipPath id="last-mile-clip">
            <rect x="0" y="0" width={W} height={H} />
          </clipPath>
        </defs>
        <rect x="0" y="0" width={W} height={H} className="last-mile-sea" />
        <g clipPath="url(#last-mile-clip)">
          {drawn.land.map((c) => (
            <path key={c.key} d={c.d} className="last-mile-land">
              <title>{c.name}</title>
            </path>
          ))}
        </g>
        {drawn.routes.map((r, i) => (
          <polyline
            key={`line-${i}`}
            points={r.line}
            fill="none"
            stroke={routeColour(i)}
            strokeWidth={selected === i ? 3.5 : 2.2}
            strokeLinejoin="round"
            opacity={dim(i) ? 0.15 : 0.85}
            data-testid="last-mile-route-line"
            onClick={(e) => {
              e.stopPropagation();
              onSelect(selected === i ? null : i);
            }}
            style={{ cursor: 'pointer' }}
          />
        ))}
        {drawn.routes.map((r, i) => (
          <g key={`stops-${i}`} opacity={dim(i) ? 0.2 : 1}>
            {r.stops.map(({ s, xy: [x, y] }) => (
              <g key={s.stopId} data-testid="last-mile-stop">
                <circle cx={x} cy={y} r={showNumbers ? 8 : 4} fill="#fff" stroke={routeColour(i)} strokeWidth={2} />
                {showNumbers ? (
                  <text x={x} y={y + 3} textAnchor="middle" className="last-mile-seq" fill={routeColour(i)}>
                    {s.sequence}
                  </text>
                ) : null}
                <title>
                  {`${plan.routes[i].vehicleId} #${s.sequence} · ${s.orderNumber ? `order ${s.orderNumber}` : s.stopId}${s.name ? ` · ${s.name}` : ''}\narrive ${s.arrival}${s.waitSeconds ? `, wait ${Math.round(s.waitSeconds / 60)} min` : ''}, leave ${s.departure}`}
                </title>
              </g>
            ))}
          </g>
        ))}
        {drawn.unassigned.map(({ u, xy: [x, y] }) => (
          <g key={u.stopId} className="last-mile-unassigned-mark" data-testid="last-mile-unassigned-mark">
            <path d={`M${x - 5},${y - 5}L${x + 5},${y + 5}M${x - 5},${y + 5}L${x + 5},${y - 5}`} />
            <title>{`${u.orderNumber ? `order ${u.orderNumber}` : u.stopId}: not served, ${u.detail}`}</title>
          </g>
        ))}
        <g data-testid="last-mile-depot">
          <rect x={drawn.depot[0] - 9} y={drawn.depot[1] - 9} width={18} height={18} rx={3} className="last-mile-depot" />
          <text x={drawn.depot[0] + 14} y={drawn.depot[1] + 4} className="last-mile-depot-label">
            {plan.depot.code ?? plan.depot.name}
          </text>
          <title>{`Depot ${plan.depot.name}`}</title>
        </g>
        <g transform={`translate(${W - PAD - drawn.scale.px}, ${H - 18})`} className="last-mile-scale">
          <line x1={0} x2={drawn.scale.px} y1={0} y2={0} />
          <line x1={0} x2={0} y1={-4} y2={4} />
          <line x1={drawn.scale.px} x2={drawn.scale.px} y1={-4} y2={4} />
          <text x={drawn.scale.px / 2} y={-6} textAnchor="middle">
            {drawn.scale.km} km
          </text>
        </g>
      </svg>
      <div className="last-mile-legend" data-testid="last-mile-legend">
        {plan.routes.map((r, i) => (
          <button key={r.vehicleId} type="button" className={`last-mile-legend-item${selected === i ? ' active' : ''}`} onClick={() => onSelect(selected === i ? null : i)} aria-pressed={selected === i}>
            <span className="last-mile-swatch" style={{ background: routeColour(i) }} />
            {r.vehicleId} · {r.stops.length} stops · {r.distanceKm.toFixed(0)} km
          </button>
        ))}
        {plan.unassigned.length ? (
          <span className="last-mile-legend-item muted">
            <span className="last-mile-cross">✕</span> not served
          </span>
        ) : null}
      </div>
    </div>
  );
}

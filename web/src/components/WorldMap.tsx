/**
 * A world map drawn offline: Natural Earth 1:110m countries (world-atlas, bundled) projected with d3-geo into
 * SVG. Shades countries by a value (choropleth), plots point markers and draws great-circle lines between
 * points. Used by the overview and meant for the Network and Last-mile pages.
 */
import { geoGraticule10, geoNaturalEarth1, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, Geometry } from 'geojson';
import worldTopology from 'world-atlas/countries-110m.json';
import { useMemo, useRef, useState, type MouseEvent as ReactMouseEvent, type ReactNode } from 'react';
import { countryName, numericToAlpha2 } from '../lib/countries';

export interface MapPoint {
  id: string;
  lat: number;
  lng: number;
  label: string;
  /** Extra lines for the tooltip. */
  detail?: ReactNode;
  /** Marker radius in map units (the map is 960 wide); default 5. */
  radius?: number;
  color?: string;
  /** Short text printed next to the marker (the label shows in the tooltip). */
  tag?: string;
}

export interface MapLine {
  from: { lat: number; lng: number };
  to: { lat: number; lng: number };
  color?: string;
  width?: number;
  label?: string;
}

export interface WorldMapProps {
  /** Values per country, keyed by ISO 3166 alpha-2 code. */
  values?: Record<string, number>;
  /** What the values count, for the legend and tooltips ("orders"). */
  valueLabel?: string;
  formatValue?: (value: number) => string;
  points?: MapPoint[];
  lines?: MapLine[];
  /** Sequential colour ramp from the lowest to the highest value. */
  palette?: string[];
  onCountryClick?: (alpha2: string) => void;
  onPointClick?: (point: MapPoint) => void;
  /** Accessible description of the map. */
  title?: string;
  testId?: string;
}

const WIDTH = 960;
const HEIGHT = 470;
const DEFAULT_PALETTE = ['#cfe0fb', '#a9c8fb', '#6b9ef2', '#3b6fd9', '#1f47a8', '#142c6b'];

interface CountryShape {
  key: string;
  alpha2: string | undefined;
  name: string;
  d: string;
}

/** Country outlines depend only on the fixed frame, so they are projected once per page load. */
let base: { countries: CountryShape[]; sphere: string; graticule: string; projection: ReturnType<typeof geoNaturalEarth1> } | undefined;
function baseMap() {
  if (base) return base;
  const collection = feature(worldTopology, worldTopology.objects.countries);
  // Antarctica takes a fifth of the frame and receives no parcels.
  const features = (collection.features as Feature<Geometry, { name: string }>[]).filter((f) => f.id !== '010');
  const projection = geoNaturalEarth1().fitExtent(
    [
      [4, 4],
      [WIDTH - 4, HEIGHT - 4],
    ],
    { type: 'FeatureCollection', features },
  );
  const path = geoPath(projection);
  base = {
    projection,
    countries: features.map((f, i) => {
      const id = f.id === undefined ? undefined : String(f.id);
      return { key: id ?? `x${i}`, alpha2: numericToAlpha2(id, f.properties.name), name: f.properties.name, d: path(f) ?? '' };
    }),
    sphere: path({ type: 'Sphere' }) ?? '',
    graticule: path(geoGraticule10()) ?? '',
  };
  return base;
}

function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function ramp(palette: string[], t: number): string {
  const x = Math.min(1, Math.max(0, t)) * (palette.length - 1);
  const i = Math.min(palette.length - 2, Math.floor(x));
  const a = hexToRgb(palette[i]);
  const b = hexToRgb(palette[i + 1]);
  const f = x - i;
  const c = a.map((v, k) => Math.round(v + (b[k] - v) * f));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

/** Orders by country span orders of magnitude, so a log scale keeps small markets visible. */
function scaleOf(values: number[]): { t: (v: number) => number; mid: number; log: boolean; min: number; max: number } {
  const positive = values.filter((v) => v > 0);
  const max = positive.length ? Math.max(...positive) : 0;
  const min = positive.length ? Math.min(...positive) : 0;
  const log = max / Math.max(min, 1e-9) > 20;
  if (!max) return { t: () => 0, mid: 0, log, min, max };
  if (log) return { t: (v) => Math.log(v / min) / Math.log(max / min), mid: Math.sqrt(min * max), log, min, max };
  return { t: (v) => (max === min ? 1 : (v - min) / (max - min)), mid: (min + max) / 2, log, min, max };
}

interface Tip {
  x: number;
  y: number;
  title: string;
  body?: ReactNode;
}

export function WorldMap({
  values,
  valueLabel = 'value',
  formatValue = (v) => v.toLocaleString('en'),
  points = [],
  lines = [],
  palette = DEFAULT_PALETTE,
  onCountryClick,
  onPointClick,
  title = 'World map',
  testId = 'world-map',
}: WorldMapProps) {
  const { countries, sphere, graticule, projection } = baseMap();
  const wrapRef = useRef<HTMLDivElement>(null);
  const [tip, setTip] = useState<Tip | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);

  const scale = useMemo(() => scaleOf(Object.values(values ?? {})), [values]);
  const linePaths = useMemo(() => {
    const path = geoPath(projection);
    return lines.map((l) => path({ type: 'LineString', coordinates: [[l.from.lng, l.from.lat], [l.to.lng, l.to.lat]] } as GeoPermissibleObjects) ?? '');
  }, [lines, projection]);

  const place = (e: ReactMouseEvent, title: string, body?: ReactNode) => {
    const box = wrapRef.current?.getBoundingClientRect();
    if (!box) return;
    setTip({ x: e.clientX - box.left, y: e.clientY - box.top, title, body });
  };

  const legendStops = palette.map((c, i) => `${c} ${(i / (palette.length - 1)) * 100}%`).join(', ');

  return (
    <div className="world-map" ref={wrapRef} onMouseLeave={() => setTip(null)}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={title}
        data-testid={testId}
        preserveAspectRatio="xMidYMid meet"
      >
        <path d={sphere} className="map-sphere" />
        <path d={graticule} className="map-graticule" />
        <g className="map-countries">
          {countries.map((c) => {
            const v = c.alpha2 ? values?.[c.alpha2] : undefined;
            const filled = v !== undefined && v > 0;
            return (
              <path
                key={c.key}
                d={c.d}
                className={`map-country${filled ? ' has-value' : ''}${hovered === c.key ? ' hovered' : ''}`}
                style={filled ? { fill: ramp(palette, scale.t(v)) } : undefined}
                data-country={c.alpha2}
                data-value={filled ? v : undefined}
                onMouseMove={(e) => {
                  setHovered(c.key);
                  const name = c.alpha2 ? countryName(c.alpha2) : c.name;
                  place(e, name, values ? (filled ? `${formatValue(v)} ${valueLabel}` : `No ${valueLabel}`) : undefined);
                }}
                onMouseLeave={() => setHovered(null)}
                onClick={c.alpha2 && onCountryClick ? () => onCountryClick(c.alpha2!) : undefined}
              />
            );
          })}
        </g>
        <g className="map-lines">
          {linePaths.map((d, i) => (
            <path
              key={i}
              d={d}
              className="map-line"
              style={{ stroke: lines[i].color, strokeWidth: lines[i].width }}
              onMouseMove={lines[i].label ? (e) => place(e, lines[i].label!) : undefined}
            />
          ))}
        </g>
        <g className="map-points">
          {points.map((p) => {
            const xy = projection([p.lng, p.lat]);
            if (!xy) return null;
            const r = p.radius ?? 5;
            return (
              <g
                key={p.id}
                className="map-point"
                transform={`translate(${xy[0].toFixed(1)},${xy[1].toFixed(1)})`}
                data-testid="map-point"
                onMouseMove={(e) => place(e, p.label, p.detail)}
                onClick={onPointClick ? () => onPointClick(p) : undefined}
              >
                <circle r={r + 3} className="map-point-halo" style={p.color ? { fill: p.color } : undefined} />
                <circle r={r} className="map-point-dot" style={p.color ? { fill: p.color } : undefined} />
                {p.tag ? (
                  <text x={r + 4} y={4} className="map-point-label">
                    {p.tag}
                  </text>
                ) : null}
              </g>
            );
          })}
        </g>
      </svg>
      {values && scale.max > 0 ? (
        <div className="map-legend" data-testid="map-legend">
          <span className="map-legend-title">
            {valueLabel[0].toUpperCase() + valueLabel.slice(1)} by country{scale.log ? ' (log scale)' : ''}
          </span>
          <div className="map-legend-bar" style={{ background: `linear-gradient(to right, ${legendStops})` }} />
          <div className="map-legend-ticks">
            <span>{formatValue(scale.min)}</span>
            {scale.max > scale.min ? <span>{formatValue(Math.round(scale.mid))}</span> : null}
            <span>{formatValue(scale.max)}</span>
          </div>
        </div>
      ) : null}
      {tip ? (
        <div className="map-tooltip" style={{ left: tip.x, top: tip.y }} role="tooltip">
          <strong>{tip.title}</strong>
          {tip.body ? <div>{tip.body}</div> : null}
        </div>
      ) : null}
    </div>
  );
}

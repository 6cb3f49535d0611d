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
  /** Frame this box instead of the whole world (e.g. a delivery region); see `extentAround`. */
  extent?: GeoExtent;
  /** Zoom buttons, double-click zoom and drag to pan; on by default. */
  zoomable?: boolean;
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

/** A box to frame: [[west, south], [east, north]] in degrees. */
export type GeoExtent = [[number, number], [number, number]];

interface BaseMap {
  countries: CountryShape[];
  sphere: string;
  graticule: string;
  projection: ReturnType<typeof geoNaturalEarth1>;
}

let features: Feature<Geometry, { name: string }>[] | undefined;
function countryFeatures() {
  // Antarctica takes a fifth of the frame and receives no parcels.
  features ??= (feature(worldTopology, worldTopology.objects.countries).features as Feature<Geometry, { name: string }>[]).filter((f) => f.id !== '010');
  return features;
}

/** Outlines depend only on the frame, so they are projected once per frame and page load. */
const baseMaps = new Map<string, BaseMap>();
function baseMap(extent: GeoExtent | undefined): BaseMap {
  const cacheKey = extent ? extent.flat().join(',') : 'world';
  const cached = baseMaps.get(cacheKey);
  if (cached) return cached;
  const all = countryFeatures();
  const frame: GeoPermissibleObjects = extent ? extentOutline(extent) : { type: 'FeatureCollection', features: all };
  const projection = geoNaturalEarth1().fitExtent(
    [
      [4, 4],
      [WIDTH - 4, HEIGHT - 4],
    ],
    frame,
  );
  const path = geoPath(projection);
  const made: BaseMap = {
    projection,
    countries: all.map((f, i) => {
      const id = f.id === undefined ? undefined : String(f.id);
      return { key: id ?? `x${i}`, alpha2: numericToAlpha2(id, f.properties.name), name: f.properties.name, d: path(f) ?? '' };
    }),
    sphere: path({ type: 'Sphere' }) ?? '',
    graticule: path(geoGraticule10()) ?? '',
  };
  baseMaps.set(cacheKey, made);
  return made;
}

/** The box's edges sampled as points, so the fit follows the projection's curved meridians and parallels. */
function extentOutline([[w, s], [e, n]]: GeoExtent): GeoPermissibleObjects {
  const coordinates: [number, number][] = [];
  for (let i = 0; i <= 8; i++) {
    const lng = w + ((e - w) * i) / 8;
    const lat = s + ((n - s) * i) / 8;
    coordinates.push([lng, s], [lng, n], [w, lat], [e, lat]);
  }
  return { type: 'MultiPoint', coordinates };
}

/** The smallest box around some points with a margin, for framing routes or a region. */
export function extentAround(points: { lat: number; lng: number }[], marginDegrees = 1): GeoExtent | undefined {
  if (!points.length) return undefined;
  const lats = points.map((p) => p.lat);
  const lngs = points.map((p) => p.lng);
  return [
    [Math.min(...lngs) - marginDegrees, Math.max(-85, Math.min(...lats) - marginDegrees)],
    [Math.max(...lngs) + marginDegrees, Math.min(85, Math.max(...lats) + marginDegrees)],
  ];
}

interface View {
  k: number;
  x: number;
  y: number;
}

const MAX_ZOOM = 16;

/** Keeps the zoomed map covering the frame, so panning cannot lose it off screen. */
function clampView(v: View): View {
  const k = Math.min(MAX_ZOOM, Math.max(1, v.k));
  return { k, x: Math.min(0, Math.max(WIDTH * (1 - k), v.x)), y: Math.min(0, Math.max(HEIGHT * (1 - k), v.y)) };
}

function zoomAt(v: View, factor: number, cx = WIDTH / 2, cy = HEIGHT / 2): View {
  const k = Math.min(MAX_ZOOM, Math.max(1, v.k * factor));
  return clampView({ k, x: cx - ((cx - v.x) * k) / v.k, y: cy - ((cy - v.y) * k) / v.k });
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
  extent,
  zoomable = true,
  title = 'World map',
  testId = 'world-map',
}: WorldMapProps) {
  const { countries, sphere, graticule, projection } = baseMap(extent);
  const wrapRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const [tip, setTip] = useState<Tip | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const [view, setView] = useState<View>({ k: 1, x: 0, y: 0 });
  const drag = useRef<{ px: number; py: number; view: View; moved: boolean } | null>(null);
  /** The click that ends a drag is not a click on a country or marker. */
  const suppressClick = useRef(false);

  /** Client pixels to SVG units (the SVG scales with its container). */
  const toSvg = (clientX: number, clientY: number): [number, number] => {
    const box = svgRef.current?.getBoundingClientRect();
    if (!box || !box.width) return [WIDTH / 2, HEIGHT / 2];
    const unit = Math.max(WIDTH / box.width, HEIGHT / box.height);
    return [(clientX - box.left) * unit, (clientY - box.top) * unit];
  };

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
        ref={svgRef}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={title}
        data-testid={testId}
        preserveAspectRatio="xMidYMid meet"
        className={zoomable ? 'pannable' : undefined}
        onPointerDown={
          zoomable
            ? (e) => {
                if (e.button !== 0) return;
                drag.current = { px: e.clientX, py: e.clientY, view, moved: false };
              }
            : undefined
        }
        onPointerMove={
          zoomable
            ? (e) => {
                const d = drag.current;
                if (!d) return;
                const [x0, y0] = toSvg(d.px, d.py);
                const [x1, y1] = toSvg(e.clientX, e.clientY);
                if (!d.moved && Math.hypot(x1 - x0, y1 - y0) < 3) return;
                if (!d.moved) (e.currentTarget as SVGSVGElement).setPointerCapture(e.pointerId);
                d.moved = true;
                setTip(null);
                setView(clampView({ k: d.view.k, x: d.view.x + x1 - x0, y: d.view.y + y1 - y0 }));
              }
            : undefined
        }
        onPointerUp={() => {
          suppressClick.current = drag.current?.moved ?? false;
          drag.current = null;
        }}
        onPointerCancel={() => {
          drag.current = null;
        }}
        onDoubleClick={
          zoomable
            ? (e) => {
                const [cx, cy] = toSvg(e.clientX, e.clientY);
                setView((v) => zoomAt(v, e.shiftKey ? 0.5 : 2, cx, cy));
              }
            : undefined
        }
      >
        <g transform={`translate(${view.x.toFixed(2)},${view.y.toFixed(2)}) scale(${view.k})`}>
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
                  className={`map-country${filled ? ' has-value' : ''}${hovered === c.key ? ' hovered' : ''}${onCountryClick ? ' clickable' : ''}`}
                  style={filled ? { fill: ramp(palette, scale.t(v)) } : undefined}
                  data-country={c.alpha2}
                  data-value={filled ? v : undefined}
                  onMouseMove={(e) => {
                    setHovered(c.key);
                    const name = c.alpha2 ? countryName(c.alpha2) : c.name;
                    place(e, name, values ? (filled ? `${formatValue(v)} ${valueLabel}` : `No ${valueLabel}`) : undefined);
                  }}
                  onMouseLeave={() => setHovered(null)}
                  onClick={c.alpha2 && onCountryClick ? () => !suppressClick.current && onCountryClick(c.alpha2!) : undefined}
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
        </g>
        <g className="map-points">
          {points.map((p) => {
            const projected = projection([p.lng, p.lat]);
            if (!projected) return null;
            // Markers sit outside the zoomed group so they keep their size at any zoom.
            const xy = [projected[0] * view.k + view.x, projected[1] * view.k + view.y];
            if (xy[0] < -20 || xy[1] < -20 || xy[0] > WIDTH + 20 || xy[1] > HEIGHT + 20) return null;
            const r = p.radius ?? 5;
            return (
              <g
                key={p.id}
                className="map-point"
                transform={`translate(${xy[0].toFixed(1)},${xy[1].toFixed(1)})`}
                data-testid="map-point"
                onMouseMove={(e) => place(e, p.label, p.detail)}
                onClick={onPointClick ? () => !suppressClick.current && onPointClick(p) : undefined}
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
      {zoomable ? (
        <div className="map-zoom" role="group" aria-label="Zoom">
          <button type="button" onClick={() => setView((v) => zoomAt(v, 2))} aria-label="Zoom in" title="Zoom in (or double-click)">
            +
          </button>
          <button type="button" onClick={() => setView((v) => zoomAt(v, 0.5))} aria-label="Zoom out" title="Zoom out (or shift + double-click)" disabled={view.k <= 1}>
            −
          </button>
          <button type="button" onClick={() => setView({ k: 1, x: 0, y: 0 })} aria-label="Reset view" title="Reset view" disabled={view.k === 1}>
            ⟲
          </button>
        </div>
      ) : null}
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

/**
 * A finished plan as files a dispatcher or a GIS tool opens: CSV (one row per stop, and one per
 * driver break in its place in the sequence, told apart by the last column `kind`) and GeoJSON.
 */
import type { RoutePlanResult } from './plan-schema.js';

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function planCsv(plan: RoutePlanResult): string {
  const header = ['vehicle', 'sequence', 'stop_id', 'order_number', 'arrival', 'departure', 'lat', 'lng', 'name', 'wait_minutes', 'leg_km', 'weight_g', 'volume_l', 'kind'];
  const lines = [header.join(',')];
  for (const r of plan.routes) {
    const b = r.break;
    // the break row: arrival and departure are its start and end
    const breakRow = () => b && lines.push([r.vehicleId, '', '', '', b.start, b.end, b.lat, b.lng, 'driver break', Math.round(b.waitSeconds / 60), '', '', '', 'break'].map(csvCell).join(','));
    if (b && b.afterStops === 0) breakRow();
    for (const s of r.stops) {
      lines.push([r.vehicleId, s.sequence, s.stopId, s.orderNumber, s.arrival, s.departure, s.lat, s.lng, s.name, Math.round(s.waitSeconds / 60), s.legKm, s.demand.weightG, s.demand.volumeL, 'stop'].map(csvCell).join(','));
      if (b && b.afterStops === s.sequence) breakRow();
    }
  }
  return `${lines.join('\n')}\n`;
}

export function planGeoJson(plan: RoutePlanResult) {
  const features: object[] = [];
  for (const r of plan.routes) {
    const path = [[r.start.lng, r.start.lat], ...r.stops.map((s) => [s.lng, s.lat]), ...(r.openEnd ? [] : [[r.end.lng, r.end.lat]])];
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: path },
      properties: {
        kind: 'route', vehicle: r.vehicleId, stops: r.stops.length, distanceKm: r.distanceKm, durationSeconds: r.durationSeconds, start: r.start.time, end: r.end.time, cost: r.cost, currency: plan.currency,
        // flat, so that GIS tools show them as columns
        ...(r.break ? { breakStart: r.break.start, breakEnd: r.break.end, breakMinutes: Math.round(r.break.durationSeconds / 60), breakAfterStops: r.break.afterStops } : {}),
      },
    });
    if (r.break) {
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [r.break.lng, r.break.lat] },
        properties: { kind: 'break', vehicle: r.vehicleId, start: r.break.start, end: r.break.end, afterStops: r.break.afterStops },
      });
    }
    for (const s of r.stops) {
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [s.lng, s.lat] },
        properties: { kind: 'stop', vehicle: r.vehicleId, sequence: s.sequence, stopId: s.stopId, orderNumber: s.orderNumber, name: s.name, arrival: s.arrival, departure: s.departure },
      });
    }
  }
  features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [plan.depot.lng, plan.depot.lat] }, properties: { kind: 'depot', code: plan.depot.code, name: plan.depot.name } });
  for (const u of plan.unassigned) {
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [u.lng, u.lat] }, properties: { kind: 'unassigned', stopId: u.stopId, orderNumber: u.orderNumber, reason: u.reason, detail: u.detail } });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * Latency of POST /v1/landed-cost in-process: app.inject in a loop over a mix of parcels to every
 * shipped destination, with the merchant's stored ECB rates (API key check, zod validation,
 * rate lookup, engine, response serialization). Also the service alone, without HTTP and auth.
 *   npx tsx test/integration/landed-cost.bench.ts [requests]
 */
import { startHarness, newTenant } from '../support/harness.js';
import { crossBorderServices } from '../../src/services/landed-cost/index.js';
import { LandedCostApiRequest } from '../../src/services/landed-cost/schemas.js';
const h = await startHarness();
const t = await newTenant(h);
const xml = `<Cube><Cube time='2026-11-24'><Cube currency='USD' rate='1.08'/><Cube currency='GBP' rate='0.86'/><Cube currency='CAD' rate='1.48'/><Cube currency='AUD' rate='1.64'/><Cube currency='CHF' rate='0.94'/><Cube currency='NOK' rate='11.6'/><Cube currency='JPY' rate='162'/><Cube currency='SGD' rate='1.45'/></Cube></Cube>`;
await h.app.inject({ method: 'POST', url: '/v1/exchange-rates', headers: { ...t.auth, 'content-type': 'application/xml' }, payload: xml });
const dests: [string, string?][] = [['US'], ['GB'], ['DE'], ['FR'], ['CA', 'ON'], ['AU'], ['CH'], ['NO'], ['JP'], ['SG']];
const regs: Record<string, { scheme: string; number: string }[]> = { GB: [{ scheme: 'UK_VAT', number: 'GB123456789' }], DE: [{ scheme: 'EU_IOSS', number: 'IM2760000001' }], FR: [{ scheme: 'EU_IOSS', number: 'IM2760000001' }], AU: [{ scheme: 'AU_GST', number: 'ARN-1' }], NO: [{ scheme: 'NO_VOEC', number: 'VOEC-1' }], SG: [{ scheme: 'SG_OVR', number: 'M9' }] };
const goods = [['Merino T-shirt', '610910', '39.95', 180], ['Rain shell jacket', '620193', '189.00', 600], ['Trail running shoe', '640411', '129.95', 900], ['Daypack 20 L', '420292', '79.00', 700], ['Trail guidebook', '490199', '24.95', 300]] as const;
const bodies = Array.from({ length: 200 }, (_, i) => {
  const [country, region] = dests[i % dests.length];
  const n = 1 + (i % 3);
  return {
    date: '2026-11-25', origin: { country: 'NL' }, destination: { country, ...(region ? { region } : {}) }, currency: 'EUR',
    items: Array.from({ length: n }, (_, k) => { const g = goods[(i + k) % goods.length]; return { description: g[0], hsCode: g[1], originCountry: 'VN', quantity: 1 + ((i + k) % 2), unitValue: g[2], currency: 'EUR', unitWeightGrams: g[3] }; }),
    shipping: { amount: '14.90', currency: 'EUR' }, incoterm: i % 2 ? 'DDP' : 'DAP', seller: { registrations: regs[country] ?? [] },
  };
});
const N = Number(process.argv[2] ?? 5000);
for (let i = 0; i < 300; i++) await h.app.inject({ method: 'POST', url: '/v1/landed-cost', headers: t.auth, payload: bodies[i % bodies.length] });
const times: number[] = [];
const t0 = performance.now();
for (let i = 0; i < N; i++) {
  const s = performance.now();
  const r = await h.app.inject({ method: 'POST', url: '/v1/landed-cost', headers: t.auth, payload: bodies[i % bodies.length] });
  times.push(performance.now() - s);
  if (r.statusCode !== 200) throw new Error(r.body);
}
const wall = performance.now() - t0;
const svc = crossBorderServices(h.services.store.db).landedCost;
const service: number[] = [];
for (let i = 0; i < N; i++) {
  const s = performance.now();
  await svc.quote(t.merchantId, LandedCostApiRequest.parse(bodies[i % bodies.length]));
  service.push(performance.now() - s);
}
const summary = (ts: number[]) => {
  ts.sort((a, b) => a - b);
  const q = (p: number) => +ts[Math.min(ts.length - 1, Math.floor(p * ts.length))].toFixed(2);
  return { mean: +(ts.reduce((a, b) => a + b, 0) / ts.length).toFixed(2), p50: q(0.5), p90: q(0.9), p99: q(0.99), max: q(1) };
};
console.log(JSON.stringify({ requests: N, api: { ...summary(times), perSecond: Math.round(N / (wall / 1000)) }, service: summary(service) }));
await h.close();

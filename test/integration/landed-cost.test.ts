/**
 * Cross-border API and CLI on the embedded database: exchange-rate import (ECB XML and JSON),
 * landed-cost quotes over stored or sent rates, the HS helper, customs documents as PDF (checked
 * by reading their text back), bad input named field by field, and tenancy.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '../../src/server.js';
import { newTenant, sampleWarehouse, startHarness, testDatabaseUrl, type Harness, type Tenant } from '../support/harness.js';
import { runPortolan, type CliRun } from '../support/cli.js';
import { pdfPageCount, pdfText } from '../support/pdf-text.js';

const ECB_XML = `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
  <gesmes:subject>Reference rates</gesmes:subject>
  <gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender>
  <Cube>
    <Cube time='2026-11-24'>
      <Cube currency='USD' rate='1.08'/><Cube currency='GBP' rate='0.86'/><Cube currency='CAD' rate='1.48'/><Cube currency='AUD' rate='1.64'/>
      <Cube currency='CHF' rate='0.94'/><Cube currency='NOK' rate='11.6'/><Cube currency='JPY' rate='162'/><Cube currency='SGD' rate='1.45'/>
    </Cube>
    <Cube time='2026-11-20'>
      <Cube currency='USD' rate='1.00'/><Cube currency='GBP' rate='0.80'/>
    </Cube>
  </Cube>
</gesmes:Envelope>`;

/** The engine README's examples (rates as ECB_XML on 2026-11-24), with its published figures. */
const US_EXAMPLE = { date: '2026-11-25', origin: { country: 'CN' }, destination: { country: 'US' }, items: [{ description: 'Cotton T-shirt', hsCode: '610910', originCountry: 'CN', quantity: 2, unitValue: '24.00', currency: 'USD' }], shipping: { amount: '12.00', currency: 'USD' }, incoterm: 'DDP' };
const DE_EXAMPLE = { date: '2026-11-25', origin: { country: 'US' }, destination: { country: 'DE' }, items: [{ description: 'Cotton T-shirt', hsCode: '610910', originCountry: 'US', quantity: 2, unitValue: '24.00', currency: 'USD' }], shipping: { amount: '12.00', currency: 'USD' }, incoterm: 'DDP', seller: { registrations: [{ scheme: 'EU_IOSS', number: 'IM8400000001' }] } };
const CA_EXAMPLE = { date: '2026-11-25', origin: { country: 'US' }, destination: { country: 'CA', region: 'ON' }, items: [{ description: 'Cotton T-shirt', hsCode: '610910', originCountry: 'US', quantity: 2, unitValue: '60.00', currency: 'USD' }], shipping: { amount: '15.00', currency: 'USD' }, shippingMode: 'courier', incoterm: 'DAP' };

const SHIPMENT = {
  documentNumber: 'INV-1001', date: '2026-11-20',
  exporter: { name: 'Ada Shop Ltd', address: { lines: ['1 High Street'], city: 'London', postalCode: 'N1 1AA', country: 'GB' }, eori: 'GB123456789000', vatNumber: 'GB123456789' },
  importer: { name: 'Jean Dupont', address: { lines: ['2 rue de Rivoli'], city: 'Paris', postalCode: '75001', country: 'FR' }, eori: 'FR12345678900017' },
  incoterm: 'DPU', incotermPlace: 'Paris', contentType: 'sale-of-goods', reasonForExport: 'Sale to consumer', currency: 'GBP',
  lines: [
    { description: 'Cotton T-shirt', hsCode: '610910', originCountry: 'PT', quantity: 2, unitValue: '15.00', netWeightGrams: 300 },
    { description: 'Leather wallet', hsCode: '420231', originCountry: 'IT', quantity: 1, unitValue: '40.00', netWeightGrams: 120 },
  ],
  shippingCost: '8.00',
  declared: { totalValue: '70.00', totalGrossWeightGrams: 600, totalNetWeightGrams: 420, packageCount: 1 },
  packages: [{ number: 1, grossWeightGrams: 600, contents: [{ line: 0, quantity: 2 }, { line: 1, quantity: 1 }] }],
  shipment: { carrier: 'Royal Mail', trackingNumber: 'RR123456789GB', postalItem: true, orderNumber: 'SO-77' },
  declaration: { signatory: 'Ada Lovelace', place: 'London', date: '2026-11-20', signatureText: '/s/ Ada Lovelace' },
};
const XDR_RATES = [{ date: '2026-11-01', base: 'EUR', rates: { GBP: '0.85', USD: '1.10', XDR: '0.86' } }];

describe('cross-border API', () => {
  let h: Harness;
  let a: Tenant;
  let b: Tenant;
  const post = (t: Tenant, url: string, payload: unknown, headers: Record<string, string> = {}) =>
    h.app.inject({ method: 'POST', url, headers: { ...t.auth, ...headers }, payload: payload as string });
  const get = (t: Tenant, url: string) => h.app.inject({ method: 'GET', url, headers: t.auth });

  before(async () => {
    h = await startHarness();
    a = await newTenant(h, 'Cross-border A');
    b = await newTenant(h, 'Cross-border B');
  });
  after(() => h.close());

  it('imports the ECB XML file, replaces a day on re-import, and lists tables newest first', async () => {
    const r = await post(a, '/v1/exchange-rates', ECB_XML, { 'content-type': 'application/xml' });
    assert.equal(r.statusCode, 201, r.body);
    const { currencies, ...report } = r.json() as { currencies: string[] };
    assert.deepEqual(report, { format: 'ecb-xml', tables: 2, inserted: 2, updated: 0, from: '2026-11-20', to: '2026-11-24' });
    assert.ok(currencies.includes('NOK'));
    const again = await post(a, '/v1/exchange-rates', ECB_XML, { 'content-type': 'text/xml' });
    assert.equal(again.json().updated, 2);
    const list = await get(a, '/v1/exchange-rates');
    assert.deepEqual(list.json().data.map((t: { date: string }) => t.date), ['2026-11-24', '2026-11-20']);
    assert.equal(list.json().data[0].rates.USD, '1.08');
    assert.equal(list.json().data[0].source, 'ECB euro foreign exchange reference rates');
    // Tenancy: B sees none of A's rates.
    assert.deepEqual((await get(b, '/v1/exchange-rates')).json().data, []);
  });

  it('accepts JSON rates and names each bad field', async () => {
    const ok = await post(a, '/v1/exchange-rates', { date: '2026-11-26', base: 'EUR', rates: { USD: '2.00' }, source: 'after the quote date' });
    assert.equal(ok.statusCode, 201, ok.body);
    // Same day and base as the ECB table: merged, so the CN22 limit can be checked in SDR.
    const xdr = await post(a, '/v1/exchange-rates', { date: '2026-11-24', base: 'EUR', rates: { XDR: '0.79' } });
    assert.deepEqual({ inserted: xdr.json().inserted, updated: xdr.json().updated }, { inserted: 0, updated: 1 });
    const day = (await get(a, '/v1/exchange-rates?from=2026-11-24&to=2026-11-24')).json().data[0];
    assert.deepEqual([day.rates.USD, day.rates.XDR], ['1.08', '0.79']);
    assert.equal(day.source, 'ECB euro foreign exchange reference rates; merchant rates');
    const bad = await post(a, '/v1/exchange-rates', { date: '2026-02-30', base: 'EUR', rates: { ZZZ: '1', USD: '-1' } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.headers['content-type'], 'application/problem+json; charset=utf-8');
    const fields = bad.json().errors.map((e: { field: string }) => e.field).sort();
    assert.deepEqual(fields, ['date', 'rates.USD', 'rates.ZZZ']);
    const notEcb = await post(a, '/v1/exchange-rates', '<html><body>hello</body></html>', { 'content-type': 'application/xml' });
    assert.equal(notEcb.statusCode, 400);
    assert.equal(notEcb.json().errors[0].field, '(body)');
  });

  it('quotes the engine README examples over the stored rates (latest table on or before the date)', async () => {
    const us = await post(a, '/v1/landed-cost', US_EXAMPLE);
    assert.equal(us.statusCode, 200, us.body);
    const q = us.json();
    assert.deepEqual(q.duties.map((d: { code: string; amount: string }) => `${d.code} ${d.amount}`), ['DUTY 7.92']);
    assert.deepEqual(q.fees.map((d: { code: string; amount: string }) => `${d.code} ${d.amount}`), ['MPF 2.69']);
    assert.equal(q.totals.ddpTotal, '70.61');
    assert.equal(q.payer.duties, 'seller');
    for (const line of [...q.duties, ...q.taxes, ...q.fees]) {
      assert.ok(line.ruleId && line.source && line.formula, 'each line has its rule, source and formula');
    }

    const de = (await post(a, '/v1/landed-cost', DE_EXAMPLE)).json();
    assert.equal(de.totals.ddpTotal, '74.64');
    assert.equal(de.destinationTotals.ddpTotal, '69.11');
    // The 2026-11-26 table (USD 2.00) is after the quote date and the 2026-11-20 one is older.
    assert.deepEqual([...new Set(de.exchangeRates.map((r: { date: string }) => r.date))], ['2026-11-24']);

    const ca = (await post(a, '/v1/landed-cost', CA_EXAMPLE)).json();
    assert.deepEqual([...ca.duties, ...ca.taxes].map((d: { code: string; amount: string }) => `${d.code} ${d.amount}`), ['DUTY 29.60', 'HST 25.23']);
    assert.equal(ca.totals.checkoutTotal, '135.00');
    assert.equal(ca.totals.dueOnDelivery, '40.01');
    assert.equal(ca.payer.duties, 'buyer');
  });

  it('uses rates sent with the request instead of the stored ones', async () => {
    const r = await post(b, '/v1/landed-cost', { ...DE_EXAMPLE, exchangeRates: [{ date: '2026-11-24', base: 'EUR', rates: { USD: '1.08' } }] });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().totals.ddpTotal, '74.64');
    assert.equal(r.json().exchangeRates[0].source, 'rates sent with the request');
  });

  it('refuses a quote without a usable rate, naming the field, never a silent zero', async () => {
    const r = await post(b, '/v1/landed-cost', DE_EXAMPLE);
    assert.equal(r.statusCode, 400);
    assert.ok(r.json().errors.some((e: { field: string }) => e.field === 'items.0.currency'), r.body);
    assert.match(r.json().detail, /POST \/v1\/exchange-rates/);
  });

  it('quotes a code that is not in HS 2022 but warns that documents will refuse it', async () => {
    const r = await post(a, '/v1/landed-cost', { ...US_EXAMPLE, items: [{ ...US_EXAMPLE.items[0], description: 'Rain jacket', hsCode: '6201.93' }] });
    assert.equal(r.statusCode, 200, r.body);
    assert.ok(r.json().warnings.some((w: string) => /items\.0\.hsCode: 620193 is not an HS 2022 subheading/.test(w)), r.body);
  });

  it('answers bad input with 400 naming each field', async () => {
    const cases: [unknown, string][] = [
      [{ ...US_EXAMPLE, destination: { country: 'ZZ' } }, 'destination.country'],
      [{ ...US_EXAMPLE, items: [{ ...US_EXAMPLE.items[0], currency: 'XYZ' }] }, 'items.0.currency'],
      [{ ...US_EXAMPLE, items: [{ ...US_EXAMPLE.items[0], hsCode: '6109' }] }, 'items.0.hsCode'],
      [{ ...US_EXAMPLE, items: [{ ...US_EXAMPLE.items[0], unitValue: '-3.00' }] }, 'items.0.unitValue'],
      [{ ...US_EXAMPLE, date: '2019-06-01' }, 'date'],
      [{ ...US_EXAMPLE, destination: { country: 'BR' } }, 'destination.country'],
      [{ ...CA_EXAMPLE, destination: { country: 'CA' } }, 'destination.region'],
      [{ ...US_EXAMPLE, incoterm: 'DDU' }, 'incoterm'],
      [{ ...US_EXAMPLE, items: [] }, 'items'],
      [{ ...US_EXAMPLE, tarifOverrides: [] }, 'tarifOverrides'],
    ];
    for (const [body, field] of cases) {
      const r = await post(a, '/v1/landed-cost', body);
      assert.equal(r.statusCode, 400, `${field}: ${r.body}`);
      assert.ok(r.json().errors.some((e: { field: string }) => e.field === field), `${field} named in ${r.body}`);
    }
  });

  it('searches and validates HS codes', async () => {
    const s = await get(a, '/v1/hs-codes?q=cotton%20t-shirts&limit=3');
    assert.equal(s.statusCode, 200);
    assert.equal(s.json().data[0].code, '610910');
    assert.equal(s.json().data[0].path[0].code, '61');
    const ok = await get(a, '/v1/hs-codes/6109.10.0010');
    assert.equal(ok.statusCode, 200);
    assert.deepEqual({ valid: ok.json().valid, heading: ok.json().heading.code, national: ok.json().nationalDigits }, { valid: true, heading: '6109', national: '0010' });
    assert.equal((await get(a, '/v1/hs-codes/6109')).json().level, 4);
    const unknown = await get(a, '/v1/hs-codes/610999');
    assert.equal(unknown.statusCode, 404);
    assert.match(unknown.json().detail, /610999/);
    const bad = await get(a, '/v1/hs-codes/61a9');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().errors[0].field, 'code');
    assert.equal((await get(a, '/v1/hs-codes?q=%20')).json().errors[0].field, 'q');
    assert.equal((await get(a, '/v1/hs-codes')).statusCode, 400);
  });

  it('prints each customs document as a PDF with every required field', async () => {
    const expect: Record<string, RegExp[]> = {
      'commercial-invoice': [/COMMERCIAL INVOICE/, /INV-1001/, /GB123456789000/, /DPU Paris/, /610910/, /420231/, /Invoice total: GBP 78\.00/, /Ada Lovelace/],
      cn22: [/CN 22/, /610910/, /Sale of goods/, /Total value: GBP 70\.00/],
      cn23: [/CN 23/, /FR12345678900017/, /Portugal \(PT\)/, /Leather wallet/],
      'packing-list': [/PACKING LIST/, /Package/, /0\.6/, /Total quantity: 3/],
    };
    for (const [type, patterns] of Object.entries(expect)) {
      const r = await post(a, '/v1/customs-documents', { type, ...SHIPMENT, exchangeRates: XDR_RATES });
      assert.equal(r.statusCode, 200, `${type}: ${r.body}`);
      assert.equal(r.headers['content-type'], 'application/pdf');
      assert.match(String(r.headers['content-disposition']), new RegExp(`${type}-INV-1001\\.pdf`));
      const pdf = r.rawPayload;
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
      assert.equal(pdfPageCount(pdf), 1);
      assert.equal(r.headers['x-page-count'], '1');
      const text = pdfText(pdf);
      for (const p of patterns) assert.match(text, p, `${type} shows ${p}`);
    }
  });

  it('lists every problem with 422 and prints nothing', async () => {
    const lines = [{ ...SHIPMENT.lines[0], hsCode: undefined }, { ...SHIPMENT.lines[1], originCountry: undefined }];
    const r = await post(a, '/v1/customs-documents', { type: 'cn22', ...SHIPMENT, lines, declared: { ...SHIPMENT.declared, totalValue: '99.00', totalGrossWeightGrams: 2500 }, exchangeRates: XDR_RATES });
    assert.equal(r.statusCode, 422, r.body);
    assert.equal(r.headers['content-type'], 'application/problem+json; charset=utf-8');
    const codes = r.json().errors.filter((e: { severity: string }) => e.severity === 'error').map((e: { code: string }) => e.code).sort();
    assert.deepEqual(codes, ['cn22-over-weight', 'missing-hs-code', 'missing-origin', 'value-mismatch', 'weight-mismatch']);
    assert.ok(r.json().errors.every((e: { field: string; message: string }) => e.field && e.message));
    const shape = await post(a, '/v1/customs-documents', { type: 'letter', ...SHIPMENT });
    assert.equal(shape.statusCode, 400);
    assert.deepEqual(shape.json().errors.map((e: { field: string }) => e.field), ['type']);
    const empty = await post(a, '/v1/customs-documents', { type: 'cn23' });
    assert.equal(empty.statusCode, 400);
    assert.ok(empty.json().errors.some((e: { field: string }) => e.field === 'exporter'));
  });

  it('builds the documents from a stored order, and another merchant gets 404', async () => {
    assert.equal((await post(a, '/v1/warehouses', sampleWarehouse())).statusCode, 201);
    assert.equal((await post(a, '/v1/products', { sku: 'JKT-1', name: 'Rain shell jacket', lengthMm: 400, widthMm: 300, heightMm: 80, weightG: 600, unitValue: '189.00', currency: 'EUR', hsCode: '620140', originCountry: 'VN' })).statusCode, 201);
    assert.equal((await post(a, '/v1/products', { sku: 'MAP-1', name: 'Trail guidebook', lengthMm: 200, widthMm: 150, heightMm: 20, weightG: 300, unitValue: '24.95', currency: 'EUR', hsCode: '490199', originCountry: 'NL' })).statusCode, 201);
    const order = await post(a, '/v1/orders', {
      externalId: 'UK-42', placedAt: '2026-11-20T10:00:00Z', currency: 'EUR', warehouseCode: 'AMS1',
      shipTo: { name: 'Olivia Walsh', line1: '10 Canal Street', city: 'Manchester', postalCode: 'M1 3HE', country: 'GB', lat: 53.48, lng: -2.24 },
      lines: [{ sku: 'JKT-1', quantity: 1, unitPrice: '189.00' }, { sku: 'MAP-1', quantity: 2, unitPrice: '24.95' }],
    });
    assert.equal(order.statusCode, 201, order.body);
    const body = { type: 'commercial-invoice', orderId: 'UK-42', incoterm: 'DAP', reason: 'Sale', date: '2026-11-25' };
    const r = await post(a, '/v1/customs-documents', body);
    assert.equal(r.statusCode, 200, r.body);
    const text = pdfText(r.rawPayload);
    for (const p of [/INV-UK-42/, /Olivia Walsh/, /Manchester/, /620140/, /490199/, /VN/, /Rain shell jacket/, /Invoice total: EUR 238\.90/, /DAP Manchester/, /Reason for export: Sale/]) assert.match(text, p);
    const byId = await post(a, '/v1/customs-documents', { ...body, type: 'packing-list', orderId: order.json().id });
    assert.equal(byId.statusCode, 200);
    assert.match(pdfText(byId.rawPayload), /Total quantity: 3/);
    const other = await post(b, '/v1/customs-documents', body);
    assert.equal(other.statusCode, 404);
    const unknownField = await post(a, '/v1/customs-documents', { ...body, colour: 'red' });
    assert.equal(unknownField.statusCode, 400);
    assert.equal(unknownField.json().errors[0].field, 'colour');
  });

  it('documents the request and response in the OpenAPI document', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const op = doc.paths['/v1/landed-cost'].post;
    assert.ok(op.requestBody.content['application/json'].schema);
    for (const id of ['LandedCostRequestInput', 'LandedCostQuote', 'LandedCostChargeLine', 'CustomsDocumentRequestInput', 'CustomsDocumentFromOrderInput', 'HsSearchResult']) {
      assert.ok(doc.components.schemas[id], `${id} in components`);
    }
    assert.ok(doc.components.schemas.LandedCostQuote.properties.duties);
    assert.ok(doc.paths['/v1/hs-codes/{code}'].get);
    assert.ok(doc.paths['/v1/exchange-rates'].post);
    assert.ok(doc.paths['/v1/customs-documents'].post.responses['422']);
  });
});

describe('cross-border CLI', () => {
  const work = mkdtempSync(join(tmpdir(), 'portolan-lc-cli-'));
  let server: RunningServer;
  let key: string;

  function portolan(args: string[]): Promise<CliRun> {
    return runPortolan(args, { PORTOLAN_URL: server.url, PORTOLAN_API_KEY: key, PORTOLAN_DATA_DIR: join(work, 'cli-data') });
  }

  before(async () => {
    server = await startServer({ port: 0, dataDir: join(work, 'server'), databaseUrl: testDatabaseUrl, seed: false, runner: { concurrency: 1 } });
    const m = await server.services.merchants.create('CLI cross-border', 'EUR');
    key = (await server.services.merchants.createKey(m.id, 'cli')).key;
  });
  after(async () => {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('imports rates and prints a quote as a breakdown table or as the API JSON', async () => {
    writeFileSync(join(work, 'rates.xml'), ECB_XML);
    const imp = await portolan(['exchange-rates', 'import', join(work, 'rates.xml')]);
    assert.equal(imp.code, 0, imp.err);
    assert.match(imp.out, /2 table\(s\) 2026-11-20…2026-11-24/);
    writeFileSync(join(work, 'us.json'), JSON.stringify(US_EXAMPLE));
    const table = await portolan(['landed-cost', join(work, 'us.json')]);
    assert.equal(table.code, 0, table.err);
    assert.match(table.out, /Landed cost CN → US, DDP, 2026-11-25/);
    assert.match(table.out, /DUTY\s+1\s+USD 7\.92/);
    assert.match(table.out, /MPF\s+all\s+USD 2\.69/);
    assert.match(table.out, /DDP total\s+70\.61/);
    const json = await portolan(['landed-cost', join(work, 'us.json'), '--json']);
    assert.equal(json.code, 0, json.err);
    assert.equal(JSON.parse(json.out).totals.ddpTotal, '70.61');
  });

  it('fails with one line naming the field on a bad request', async () => {
    writeFileSync(join(work, 'bad.json'), JSON.stringify({ ...US_EXAMPLE, items: [{ ...US_EXAMPLE.items[0], hsCode: '61' }] }));
    const r = await portolan(['landed-cost', join(work, 'bad.json')]);
    assert.equal(r.code, 1);
    assert.match(r.err, /^portolan: 400 Bad Request: items\.0\.hsCode: must be 6 to 10 digits/);
    assert.equal(r.err.trim().split('\n').length, 1);
    const missing = await portolan(['landed-cost', join(work, 'nope.json')]);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /cannot read .*ENOENT/);
  });

  it('writes a customs document to a PDF file, and lists the problems when the checks refuse it', async () => {
    writeFileSync(join(work, 'doc.json'), JSON.stringify({ type: 'cn23', ...SHIPMENT }));
    const out = join(work, 'cn23.pdf');
    const r = await portolan(['customs-docs', join(work, 'doc.json'), '--out', out]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /cn23, 1 page\(s\)/);
    assert.match(pdfText(readFileSync(out)), /CUSTOMS DECLARATION CN 23/);
    writeFileSync(join(work, 'bad-doc.json'), JSON.stringify({ type: 'commercial-invoice', ...SHIPMENT, declared: { ...SHIPMENT.declared, totalValue: '1.00' } }));
    const bad = await portolan(['customs-docs', join(work, 'bad-doc.json'), '--out', join(work, 'bad.pdf')]);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /422 .*declared\.totalValue: declared total GBP 1\.00 differs/);
  });

  it('searches HS codes by words', async () => {
    const r = await portolan(['hs', 'search', 'cotton', 't-shirts', '--json', '--limit', '3']);
    assert.equal(r.code, 0, r.err);
    assert.equal(JSON.parse(r.out)[0].code, '610910');
    const table = await portolan(['hs', 'search', 'leather', 'handbags']);
    assert.match(table.out, /^code\s+level\s+description/);
    assert.match(table.out, /4202/);
  });
});

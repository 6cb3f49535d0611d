/**
 * Customs documents: every problem is reported before printing, and each document renders with the
 * fields carriers require. Text is read back with pdftotext when installed, else from the PDF's
 * own content streams (test/support/pdf-text.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CustomsDocumentError, checkCustomsDocuments, loadHs2022Index, renderCustomsDocument } from '../../../src/engines/customs/index.js';
import { INCOTERMS_2020 } from '../../../src/engines/landed-cost/index.js';
import { XDR_RATES, shipment } from './fixtures.js';
import { pdfPageCount, pdfText } from '../../support/pdf-text.js';

const hsIndex = loadHs2022Index();
const opts = { hsIndex, rates: XDR_RATES, compress: false };
const codes = (input: unknown, kinds: Parameters<typeof checkCustomsDocuments>[1] = ['commercial-invoice']) =>
  checkCustomsDocuments(input, kinds, opts).problems.map((p) => `${p.severity}:${p.code}:${p.field}`);

describe('checks before printing', () => {
  it('a complete shipment has no problems', () => {
    assert.deepEqual(codes(shipment(), ['commercial-invoice', 'cn22', 'cn23', 'packing-list']), []);
  });

  it('lists every missing HS code and origin, and unknown HS subheadings', () => {
    const s = shipment();
    delete s.lines[0].hsCode;
    delete s.lines[1].originCountry;
    s.lines.push({ description: 'Mystery', hsCode: '610999', originCountry: 'CN', quantity: 1, unitValue: '0', netWeightGrams: 1 });
    s.packages![0].contents.push({ line: 2, quantity: 1 });
    s.declared.totalNetWeightGrams = 421;
    assert.deepEqual(codes(s).filter((c) => c.startsWith('error')), ['error:missing-hs-code:lines.0.hsCode', 'error:missing-origin:lines.1.originCountry', 'error:invalid-hs-code:lines.2.hsCode']);
  });

  it('value and weight mismatches', () => {
    const s = shipment();
    s.declared = { totalValue: '69.99', totalGrossWeightGrams: 400, totalNetWeightGrams: 500, packageCount: 1 };
    assert.deepEqual(codes(s).sort(), ['error:value-mismatch:declared.totalValue', 'error:weight-mismatch:declared.totalGrossWeightGrams', 'error:weight-mismatch:declared.totalNetWeightGrams', 'error:weight-mismatch:packages'].sort());
  });

  it('CN22 limit (UPU): GBP 255 = 258 SDR passes; GBP 260 = 263.06 SDR... and GBP 300 = 303.53 SDR fails; over 2 kg fails', () => {
    const ok = shipment();
    ok.lines = [{ description: 'Jacket', hsCode: '620342', originCountry: 'PT', quantity: 1, unitValue: '255.00', netWeightGrams: 400 }];
    ok.declared = { totalValue: '255.00', totalGrossWeightGrams: 600, packageCount: 1 };
    ok.packages = [];
    assert.deepEqual(codes(ok, ['cn22']), []);
    const over = { ...ok, lines: [{ ...ok.lines[0], unitValue: '300.00' }], declared: { ...ok.declared, totalValue: '300.00' } };
    const problems = checkCustomsDocuments(over, ['cn22'], opts).problems;
    assert.equal(problems[0].code, 'cn22-over-limit');
    assert.match(problems[0].message, /303\.53 SDR exceeds the CN22 limit of 300 SDR: use CN23/);
    assert.deepEqual(codes(over, ['cn23']), []);
    const heavy = { ...ok, lines: [{ ...ok.lines[0], netWeightGrams: 2100 }], declared: { ...ok.declared, totalGrossWeightGrams: 2300 } };
    assert.deepEqual(codes(heavy, ['cn22']), ['error:cn22-over-weight:declared.totalGrossWeightGrams']);
    assert.deepEqual(checkCustomsDocuments(ok, ['cn22'], { hsIndex }).problems.map((p) => p.code), ['cn22-limit-unchecked']);
  });

  it('prohibited and restricted goods for the destination', () => {
    const s = shipment();
    s.importer.address.country = 'SG';
    s.lines = [
      { description: 'Spearmint chewing gum', hsCode: '170410', originCountry: 'US', quantity: 1, unitValue: '5.00', netWeightGrams: 50 },
      { description: 'Power bank with lithium cells', hsCode: '850760', originCountry: 'CN', quantity: 1, unitValue: '25.00', netWeightGrams: 200 },
    ];
    s.declared = { totalValue: '30.00', totalGrossWeightGrams: 400, packageCount: 1 };
    s.packages = [];
    const found = codes(s);
    assert.ok(found.includes('error:prohibited-goods:lines.0'));
    assert.ok(found.includes('warning:restricted-goods:lines.1'));
    const eu = shipment();
    eu.lines[0].description = 'Seal fur gloves';
    eu.lines[0].hsCode = '430310';
    assert.ok(codes(eu).includes('error:prohibited-goods:lines.0'));
  });

  it('schema errors name the field; every Incoterm 2020 is accepted', () => {
    const bad = { ...shipment(), incoterm: 'DDU', currency: 'XYZ' };
    assert.deepEqual(codes(bad).sort(), ['error:invalid-field:currency', 'error:invalid-field:incoterm']);
    for (const incoterm of INCOTERMS_2020) assert.deepEqual(codes({ ...shipment(), incoterm }), []);
  });

  it('printing refuses a request with errors and lists them all', async () => {
    const s = shipment();
    delete s.lines[0].hsCode;
    s.declared.totalValue = '1.00';
    await assert.rejects(renderCustomsDocument(s, 'commercial-invoice', opts), (e: unknown) => e instanceof CustomsDocumentError && e.problems.filter((p) => p.severity === 'error').length === 2);
  });
});

describe('PDF documents', () => {
  it('commercial invoice: parties with EORI/VAT, incoterm, reason, lines with HS/origin/qty/weights/values, totals, declaration, signature', async () => {
    const doc = await renderCustomsDocument(shipment(), 'commercial-invoice', opts);
    const text = pdfText(doc.pdf);
    assert.equal(pdfPageCount(doc.pdf), 1);
    assert.equal(doc.pageCount, 1);
    for (const s of ['COMMERCIAL INVOICE', 'No. INV-1001', 'Ada Shop Ltd', 'EORI: GB123456789000', 'VAT: GB123456789', 'Jean Dupont', 'EORI: FR12345678900017',
      'Incoterms 2020: DPU Paris', 'Reason for export: Sale to consumer', 'Cotton T-shirt', '610910', 'PT', '0.300', '15.00', '30.00', '420231',
      'Total value of goods: GBP 70.00', 'Invoice total: GBP 78.00', 'Total net weight: 0.420 kg', 'Total gross weight: 0.600 kg', 'Declaration', '/s/ Ada Lovelace', 'Name: Ada Lovelace', 'Page 1 of 1']) {
      assert.ok(text.includes(s), `missing "${s}"`);
    }
  });

  it('CN22: categories, lines, totals and the postal declaration on one A6 page', async () => {
    const doc = await renderCustomsDocument(shipment(), 'cn22', opts);
    const text = pdfText(doc.pdf);
    assert.equal(pdfPageCount(doc.pdf), 1);
    for (const s of ['CUSTOMS DECLARATION CN 22', 'Sale of goods', 'Gift', 'Commercial sample', 'Documents', 'Returned goods', '2 x Cotton T-shirt', '610910', 'Total gross weight (kg): 0.600', 'Total value: GBP 70.00', 'certify that the particulars', 'Ada Lovelace']) {
      assert.ok(text.includes(s), `missing "${s}"`);
    }
  });

  it('CN23 with IOSS number to the EU, and a long shipment spreading over two pages with the header repeated', async () => {
    const s = shipment();
    s.exporter.iossNumber = 'IM2760000001';
    s.lines = Array.from({ length: 45 }, (_, i) => ({ description: `Ceramic mug design ${i + 1}`, hsCode: '691200', originCountry: 'GB', quantity: 1, unitValue: '6.00', netWeightGrams: 300 }));
    s.declared = { totalValue: '270.00', totalGrossWeightGrams: 15000, packageCount: 1 };
    s.packages = [{ number: 1, grossWeightGrams: 15000, contents: s.lines.map((_, i) => ({ line: i, quantity: 1 })) }];
    const doc = await renderCustomsDocument(s, 'cn23', opts);
    const text = pdfText(doc.pdf);
    assert.equal(doc.pageCount, 2);
    assert.equal(pdfPageCount(doc.pdf), 2);
    for (const t of ['CUSTOMS DECLARATION CN 23', 'IOSS: IM2760000001', 'Ceramic mug design 1', 'Ceramic mug design 45', 'Total value: GBP 270.00', 'Page 2 of 2']) assert.ok(text.includes(t), `missing "${t}"`);
    assert.equal(text.split('HS tariff number').length - 1, 2);
  });

  it('packing list: packages with dimensions and contents, line weights and totals', async () => {
    const doc = await renderCustomsDocument(shipment(), 'packing-list', opts);
    const text = pdfText(doc.pdf);
    assert.equal(pdfPageCount(doc.pdf), 1);
    for (const s of ['PACKING LIST', '300 x 200 x 100', 'Cotton T-shirt (line 1)', 'Leather wallet (line 2)', 'Total quantity: 3', 'Total gross weight: 0.600 kg', 'Packages: 1']) assert.ok(text.includes(s), `missing "${s}"`);
  });

  it('warnings are printed as shipper notes, compressed output is a valid PDF too', async () => {
    const s = shipment();
    delete s.exporter.eori;
    const doc = await renderCustomsDocument(s, 'commercial-invoice', { ...opts });
    assert.ok(pdfText(doc.pdf).includes("exporter's EORI number"));
    const compressed = await renderCustomsDocument(shipment(), 'commercial-invoice', { hsIndex, rates: XDR_RATES });
    assert.equal(compressed.pdf.subarray(0, 5).toString(), '%PDF-');
    assert.ok(compressed.pdf.length < doc.pdf.length);
  });
});

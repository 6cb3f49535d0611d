/**
 * Commercial invoice, CN22, CN23 and packing list as PDF. Each renderer assumes a request that
 * passed checkCustomsDocuments; renderCustomsDocument enforces that and returns the bytes.
 */
import { Dec, ZERO, dec } from '../landed-cost/money.js';
import { CONTENT_TYPES, type CustomsDocumentRequest, type DocumentKind } from './document-schema.js';
import { checkCustomsDocuments, lineValue, type DocumentCheckOptions, type DocumentProblem } from './validate-documents.js';
import { box, checkbox, countryName, createPdf, ensureRoom, finish, footers, kg, partyLines, table, type Pdf, type PdfOptions } from './pdf-layout.js';

export class CustomsDocumentError extends Error {
  readonly status = 400;
  constructor(readonly problems: DocumentProblem[]) {
    super(problems.filter((p) => p.severity === 'error').map((p) => `${p.field}: ${p.message}`).join('; '));
    this.name = 'CustomsDocumentError';
  }
}

const TITLES: Record<DocumentKind, string> = {
  'commercial-invoice': 'COMMERCIAL INVOICE',
  cn22: 'CUSTOMS DECLARATION CN 22',
  cn23: 'CUSTOMS DECLARATION CN 23',
  'packing-list': 'PACKING LIST',
};

const CONTENT_LABELS: Record<(typeof CONTENT_TYPES)[number], string> = {
  'sale-of-goods': 'Sale of goods', gift: 'Gift', 'commercial-sample': 'Commercial sample', documents: 'Documents', 'returned-goods': 'Returned goods', other: 'Other',
};

const money = (v: Dec) => v.toFixed(2);
const hs = (code: string | undefined) => (code ?? '').replace(/[.\s]/g, '');

const INVOICE_DECLARATION = 'I declare that the information on this invoice is true and correct, that the contents of this shipment are as stated above, and that the goods originate in the countries shown.';
const POSTAL_DECLARATION = 'I, the undersigned, whose name and address are given on the item, certify that the particulars given in this declaration are correct and that this item does not contain any dangerous article or articles prohibited by legislation or by postal or customs regulations.';

function totals(r: CustomsDocumentRequest) {
  const goods = r.lines.reduce((a, l) => a.add(lineValue(l)), ZERO);
  const shipping = dec(r.shippingCost);
  const insurance = dec(r.insuranceCost);
  const net = r.lines.reduce((a, l) => a + l.netWeightGrams, 0);
  return { goods, shipping, insurance, invoice: goods.add(shipping).add(insurance), net };
}

function signature(doc: Pdf, r: CustomsDocumentRequest, x: number, y: number, w: number, text: string, fontSize = 8): number {
  y = ensureRoom(doc, y, 90);
  doc.font('Helvetica-Bold').fontSize(fontSize).text('Declaration', x, y);
  y += fontSize + 4;
  const declaration = r.declaration.text ?? text;
  doc.font('Helvetica').fontSize(fontSize).text(declaration, x, y, { width: w });
  y += doc.heightOfString(declaration, { width: w }) + 8;
  const sig = r.declaration.signatureText ?? r.declaration.signatory;
  doc.font('Helvetica').fontSize(fontSize).text(`Place and date: ${r.declaration.place}, ${r.declaration.date}`, x, y, { width: w / 2 - 4 });
  doc.text(`Name: ${r.declaration.signatory}`, x + w / 2, y, { width: w / 2 });
  y += fontSize + 10;
  doc.font('Helvetica-Oblique').fontSize(fontSize + 2).text(sig, x + w / 2, y, { width: w / 2 });
  y += fontSize + 6;
  doc.moveTo(x + w / 2, y).lineTo(x + w, y).lineWidth(0.5).stroke();
  doc.font('Helvetica').fontSize(fontSize - 1).text('Signature', x + w / 2, y + 2);
  return y + fontSize + 6;
}

function warningsBlock(doc: Pdf, problems: DocumentProblem[], x: number, y: number, w: number): number {
  const warnings = problems.filter((p) => p.severity === 'warning');
  if (!warnings.length) return y;
  y = ensureRoom(doc, y, 20 + warnings.length * 10);
  doc.font('Helvetica-Bold').fontSize(7).text('Notes for the shipper (not part of the declaration):', x, y, { width: w });
  y += 10;
  for (const p of warnings) {
    doc.font('Helvetica').fontSize(7).text(`- ${p.message}`, x, y, { width: w });
    y += doc.heightOfString(`- ${p.message}`, { width: w }) + 2;
  }
  return y;
}

function header(doc: Pdf, r: CustomsDocumentRequest, kind: DocumentKind, x: number, y: number, w: number): number {
  doc.font('Helvetica-Bold').fontSize(16).text(TITLES[kind], x, y, { width: w });
  doc.font('Helvetica').fontSize(8.5);
  const meta = [`No. ${r.documentNumber}`, `Date: ${r.date}`, r.shipment.orderNumber ? `Order: ${r.shipment.orderNumber}` : '', r.shipment.carrier ? `Carrier: ${r.shipment.carrier}${r.shipment.service ? ` ${r.shipment.service}` : ''}` : '', r.shipment.trackingNumber ? `Tracking: ${r.shipment.trackingNumber}` : ''].filter(Boolean);
  doc.text(meta.join('   '), x, y + 20, { width: w });
  return y + 20 + doc.heightOfString(meta.join('   '), { width: w }) + 6;
}

function terms(r: CustomsDocumentRequest): string[] {
  return [
    `Incoterms 2020: ${r.incoterm}${r.incotermPlace ? ` ${r.incotermPlace}` : ''}`,
    `Reason for export: ${r.reasonForExport ?? CONTENT_LABELS[r.contentType]}`,
    `Type of contents: ${CONTENT_LABELS[r.contentType]}`,
    `Currency: ${r.currency}`,
    `Country of export: ${countryName(r.exporter.address.country)}   Destination: ${countryName(r.importer.address.country)}`,
  ];
}

function commercialInvoice(doc: Pdf, r: CustomsDocumentRequest, problems: DocumentProblem[]): void {
  const x = doc.page.margins.left;
  const w = doc.page.width - x - doc.page.margins.right;
  let y = header(doc, r, 'commercial-invoice', x, doc.page.margins.top, w);
  const half = w / 2 - 4;
  const yl = box(doc, x, y, half, 'EXPORTER / SHIPPER', partyLines(r.exporter));
  const yr = box(doc, x + half + 8, y, half, 'IMPORTER / CONSIGNEE', partyLines(r.importer));
  y = Math.max(yl, yr) + 6;
  y = box(doc, x, y, w, 'TERMS OF SALE AND SHIPMENT', terms(r)) + 8;
  const columns = [
    { header: '#', width: 20 }, { header: 'Description of goods', width: 150 }, { header: 'HS code', width: 62 }, { header: 'Origin', width: 36 },
    { header: 'Qty', width: 32, align: 'right' as const }, { header: 'Net kg', width: 48, align: 'right' as const },
    { header: `Unit value ${r.currency}`, width: 77, align: 'right' as const }, { header: `Total ${r.currency}`, width: w - 425, align: 'right' as const },
  ];
  const rows = r.lines.map((l, i) => [String(i + 1), l.description + (l.sku ? ` (${l.sku})` : ''), hs(l.hsCode), l.originCountry ?? '', String(l.quantity), kg(l.netWeightGrams), dec(l.unitValue).toFixed(2), money(lineValue(l))]);
  y = table(doc, x, y, columns, rows, () => doc.page.margins.top) + 8;
  const t = totals(r);
  y = ensureRoom(doc, y, 90);
  const totalsLines = [
    `Total value of goods: ${r.currency} ${money(t.goods)}`,
    `Freight: ${r.currency} ${money(t.shipping)}    Insurance: ${r.currency} ${money(t.insurance)}`,
    `Invoice total: ${r.currency} ${money(t.invoice)}`,
    `Total net weight: ${kg(t.net)} kg    Total gross weight: ${kg(r.declared.totalGrossWeightGrams)} kg    Packages: ${r.declared.packageCount}`,
  ];
  y = box(doc, x, y, w, 'TOTALS', totalsLines) + 8;
  if (r.comments) y = box(doc, x, y, w, 'COMMENTS', [r.comments]) + 8;
  y = signature(doc, r, x, y, w, INVOICE_DECLARATION);
  warningsBlock(doc, problems, x, y + 6, w);
}

function postalCategories(doc: Pdf, r: CustomsDocumentRequest, x: number, y: number, w: number, fontSize: number): number {
  const per = w / 3;
  CONTENT_TYPES.forEach((c, i) => checkbox(doc, x + (i % 3) * per, y + Math.floor(i / 3) * 11, r.contentType === c, CONTENT_LABELS[c], fontSize));
  return y + 24;
}

function cn22(doc: Pdf, r: CustomsDocumentRequest): void {
  const x = doc.page.margins.left;
  const w = doc.page.width - x - doc.page.margins.right;
  let y = doc.page.margins.top;
  doc.font('Helvetica-Bold').fontSize(10).text('CUSTOMS DECLARATION CN 22', x, y, { width: w * 0.65, lineBreak: false });
  doc.font('Helvetica').fontSize(6.5).text('May be opened officially', x + w * 0.65, y + 2, { width: w * 0.35, align: 'right' });
  y += 13;
  doc.font('Helvetica').fontSize(6.5).text(`Designated operator: ${r.shipment.carrier ?? '-'}   Item: ${r.shipment.trackingNumber ?? '-'}   Ref: ${r.documentNumber}`, x, y, { width: w });
  y += 10;
  y = postalCategories(doc, r, x, y, w, 6.5);
  if (r.contentType === 'other' && r.reasonForExport) {
    doc.fontSize(6.5).text(`Explanation: ${r.reasonForExport}`, x, y, { width: w });
    y += 9;
  }
  const columns = [
    { header: 'Quantity and detailed description of contents', width: w * 0.38 }, { header: 'Weight (kg)', width: w * 0.14, align: 'right' as const },
    { header: `Value (${r.currency})`, width: w * 0.16, align: 'right' as const }, { header: 'HS tariff number', width: w * 0.18 }, { header: 'Origin', width: w * 0.14 },
  ];
  const rows = r.lines.map((l) => [`${l.quantity} x ${l.description}`, kg(l.netWeightGrams), money(lineValue(l)), hs(l.hsCode), l.originCountry ?? '']);
  y = table(doc, x, y, columns, rows, () => doc.page.margins.top, 6.5);
  const t = totals(r);
  doc.font('Helvetica-Bold').fontSize(6.5).text(`Total gross weight (kg): ${kg(r.declared.totalGrossWeightGrams)}     Total value: ${r.currency} ${money(t.goods)}`, x, y + 3, { width: w });
  y += 13;
  const sender = [r.exporter.eori ? `EORI ${r.exporter.eori}` : '', r.exporter.iossNumber ? `IOSS ${r.exporter.iossNumber}` : '', r.exporter.vatNumber ? `VAT ${r.exporter.vatNumber}` : ''].filter(Boolean).join('  ');
  if (sender) { doc.font('Helvetica').fontSize(6.5).text(`Sender: ${sender}`, x, y, { width: w }); y += 9; }
  doc.font('Helvetica').fontSize(6).text(r.declaration.text ?? POSTAL_DECLARATION, x, y, { width: w });
  y += doc.heightOfString(r.declaration.text ?? POSTAL_DECLARATION, { width: w }) + 4;
  y = ensureRoom(doc, y, 24);
  doc.fontSize(6.5).text(`Date and sender's signature: ${r.declaration.date}  ${r.declaration.place}  ${r.declaration.signatory}`, x, y, { width: w });
  doc.font('Helvetica-Oblique').fontSize(8).text(r.declaration.signatureText ?? r.declaration.signatory, x, y + 9, { width: w });
}

function cn23(doc: Pdf, r: CustomsDocumentRequest, problems: DocumentProblem[]): void {
  const x = doc.page.margins.left;
  const w = doc.page.width - x - doc.page.margins.right;
  let y = header(doc, r, 'cn23', x, doc.page.margins.top, w);
  doc.font('Helvetica').fontSize(7.5).text('May be opened officially', x, y - 4, { width: w, align: 'right' });
  const half = w / 2 - 4;
  const yl = box(doc, x, y + 6, half, 'FROM (SENDER)', partyLines(r.exporter, [['Sender\'s customs reference', r.exporter.eori ?? r.exporter.vatNumber]]));
  const yr = box(doc, x + half + 8, y + 6, half, 'TO (ADDRESSEE)', partyLines(r.importer, [['Importer\'s reference (tax code/VAT no./importer code)', r.importer.eori ?? r.importer.vatNumber ?? r.importer.taxId]]));
  y = Math.max(yl, yr) + 8;
  doc.font('Helvetica-Bold').fontSize(8).text('Category of item', x, y);
  y = postalCategories(doc, r, x, y + 11, w, 8);
  y = box(doc, x, y, w, 'EXPLANATION / TERMS', [`Explanation: ${r.reasonForExport ?? CONTENT_LABELS[r.contentType]}`, `Incoterms 2020: ${r.incoterm}${r.incotermPlace ? ` ${r.incotermPlace}` : ''}`, `Invoice: ${r.documentNumber}`]) + 8;
  const columns = [
    { header: 'Detailed description of contents', width: 170 }, { header: 'Quantity', width: 50, align: 'right' as const }, { header: 'Net weight (kg)', width: 62, align: 'right' as const },
    { header: `Value (${r.currency})`, width: 70, align: 'right' as const }, { header: 'HS tariff number', width: 80 }, { header: 'Country of origin of goods', width: w - 432 },
  ];
  const rows = r.lines.map((l) => [l.description, String(l.quantity), kg(l.netWeightGrams), money(lineValue(l)), hs(l.hsCode), l.originCountry ? `${countryName(l.originCountry)} (${l.originCountry})` : '']);
  y = table(doc, x, y, columns, rows, () => doc.page.margins.top) + 6;
  const t = totals(r);
  y = ensureRoom(doc, y, 60);
  y = box(doc, x, y, w, 'TOTALS', [
    `Total gross weight: ${kg(r.declared.totalGrossWeightGrams)} kg    Total value: ${r.currency} ${money(t.goods)}`,
    `Postal charges/fees: ${r.currency} ${money(t.shipping.add(t.insurance))}`,
  ]) + 6;
  if (r.comments) y = box(doc, x, y, w, 'COMMENTS', [r.comments]) + 6;
  y = signature(doc, r, x, y, w, POSTAL_DECLARATION);
  warningsBlock(doc, problems, x, y + 6, w);
}

function packingList(doc: Pdf, r: CustomsDocumentRequest, problems: DocumentProblem[]): void {
  const x = doc.page.margins.left;
  const w = doc.page.width - x - doc.page.margins.right;
  let y = header(doc, r, 'packing-list', x, doc.page.margins.top, w);
  const half = w / 2 - 4;
  const yl = box(doc, x, y, half, 'SHIPPER', partyLines(r.exporter));
  const yr = box(doc, x + half + 8, y, half, 'CONSIGNEE', partyLines(r.importer));
  y = Math.max(yl, yr) + 6;
  y = box(doc, x, y, w, 'SHIPMENT', terms(r).slice(0, 2).concat([`Packages: ${r.declared.packageCount}`])) + 8;
  const pkgColumns = [
    { header: 'Package', width: 50 }, { header: 'Dimensions (mm)', width: 100 }, { header: 'Gross kg', width: 60, align: 'right' as const },
    { header: 'Qty', width: 40, align: 'right' as const }, { header: 'Contents (invoice line)', width: w - 250 },
  ];
  // One row per packed line, the package's own figures on its first row only.
  const pkgRows = r.packages.flatMap((p) => p.contents.map((c, i) => [
    i === 0 ? String(p.number) : '', i === 0 && p.lengthMm && p.widthMm && p.heightMm ? `${p.lengthMm} x ${p.widthMm} x ${p.heightMm}` : '', i === 0 ? kg(p.grossWeightGrams) : '',
    String(c.quantity), `${r.lines[c.line]?.description ?? '?'} (line ${c.line + 1})`,
  ]));
  y = table(doc, x, y, pkgColumns, pkgRows, () => doc.page.margins.top) + 10;
  y = ensureRoom(doc, y, 40);
  const lineColumns = [
    { header: '#', width: 20 }, { header: 'Description', width: 200 }, { header: 'HS code', width: 70 }, { header: 'Origin', width: 45 },
    { header: 'Qty', width: 45, align: 'right' as const }, { header: 'Net kg', width: 60, align: 'right' as const }, { header: 'Gross kg', width: w - 440, align: 'right' as const },
  ];
  const lineRows = r.lines.map((l, i) => [String(i + 1), l.description, hs(l.hsCode), l.originCountry ?? '', String(l.quantity), kg(l.netWeightGrams), l.grossWeightGrams !== undefined ? kg(l.grossWeightGrams) : '']);
  y = table(doc, x, y, lineColumns, lineRows, () => doc.page.margins.top) + 8;
  const t = totals(r);
  y = ensureRoom(doc, y, 40);
  y = box(doc, x, y, w, 'TOTALS', [`Total quantity: ${r.lines.reduce((a, l) => a + l.quantity, 0)}    Total net weight: ${kg(t.net)} kg    Total gross weight: ${kg(r.declared.totalGrossWeightGrams)} kg    Packages: ${r.declared.packageCount}`]) + 8;
  y = signature(doc, r, x, y, w, 'I declare that the packages listed above contain the goods stated and nothing else.');
  warningsBlock(doc, problems, x, y + 6, w);
}

export interface RenderOptions extends DocumentCheckOptions, PdfOptions {}

export interface RenderedDocument {
  kind: DocumentKind;
  pdf: Buffer;
  pageCount: number;
  /** Warnings printed as notes on the document. */
  warnings: DocumentProblem[];
}

/** Checks the request and renders one document; throws CustomsDocumentError listing every error. */
export async function renderCustomsDocument(input: unknown, kind: DocumentKind, options: RenderOptions = {}): Promise<RenderedDocument> {
  const check = checkCustomsDocuments(input, [kind], options);
  const errors = check.problems.filter((p) => p.severity === 'error');
  if (errors.length || !check.request) throw new CustomsDocumentError(check.problems);
  const r = check.request;
  const doc = createPdf(`${TITLES[kind]} ${r.documentNumber}`, kind === 'cn22' ? 'A6' : 'A4', options);
  if (kind === 'commercial-invoice') commercialInvoice(doc, r, check.problems);
  else if (kind === 'cn22') cn22(doc, r);
  else if (kind === 'cn23') cn23(doc, r, check.problems);
  else packingList(doc, r, check.problems);
  footers(doc, `${TITLES[kind]} ${r.documentNumber}`);
  const pageCount = doc.bufferedPageRange().count;
  const pdf = await finish(doc);
  return { kind, pdf, pageCount, warnings: check.problems };
}

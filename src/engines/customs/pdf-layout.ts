/**
 * Drawing helpers shared by the customs documents: boxes with a caption, party blocks, and a
 * table that continues on a new page (repeating its header) when it runs out of room.
 */
import PDFDocument from 'pdfkit';
import countries from 'i18n-iso-countries';
import type { Party } from './document-schema.js';

export type Pdf = InstanceType<typeof PDFDocument>;

export interface PdfOptions {
  /** false writes uncompressed content streams (handy for tests that read the text back). */
  compress?: boolean;
}

export function createPdf(title: string, size: 'A4' | 'A6', options: PdfOptions): Pdf {
  return new PDFDocument({
    size, margins: size === 'A4' ? { top: 36, bottom: 24, left: 36, right: 36 } : { top: 16, bottom: 10, left: 16, right: 16 },
    compress: options.compress ?? true, bufferPages: true, autoFirstPage: true,
    info: { Title: title, Producer: 'Portolan', Creator: 'Portolan customs documents' },
  });
}

/** Collects the PDF bytes in memory. */
export function finish(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export function countryName(code: string): string {
  return countries.getName(code, 'en') ?? code;
}

export function partyLines(p: Party, extra: [string, string | undefined][] = []): string[] {
  const a = p.address;
  const lines = [p.name];
  if (p.company) lines.push(p.company);
  lines.push(...a.lines);
  lines.push([a.postalCode, a.city, a.region].filter(Boolean).join(' '));
  lines.push(`${countryName(a.country)} (${a.country})`);
  if (p.phone) lines.push(`Tel: ${p.phone}`);
  if (p.email) lines.push(p.email);
  if (p.eori) lines.push(`EORI: ${p.eori}`);
  if (p.vatNumber) lines.push(`VAT: ${p.vatNumber}`);
  if (p.iossNumber) lines.push(`IOSS: ${p.iossNumber}`);
  if (p.taxId) lines.push(`Tax ID: ${p.taxId}`);
  for (const [k, v] of extra) if (v) lines.push(`${k}: ${v}`);
  return lines;
}

/** A captioned box of text lines; returns the y below it. */
export function box(doc: Pdf, x: number, y: number, w: number, caption: string, lines: string[], fontSize = 8.5, minHeight = 0): number {
  doc.font('Helvetica-Bold').fontSize(fontSize - 1).text(caption, x + 4, y + 3, { width: w - 8, lineBreak: false });
  doc.font('Helvetica').fontSize(fontSize);
  let cy = y + 3 + fontSize + 2;
  for (const l of lines) {
    doc.text(l, x + 4, cy, { width: w - 8 });
    cy += doc.heightOfString(l, { width: w - 8 }) + 1;
  }
  const h = Math.max(cy - y + 3, minHeight);
  doc.rect(x, y, w, h).lineWidth(0.6).stroke();
  return y + h;
}

export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

/** Draws rows under a header; starts a new page (and repeats the header) when a row would not fit. */
export function table(doc: Pdf, x: number, y: number, columns: Column[], rows: string[][], onNewPage: () => number, fontSize = 8): number {
  const bottom = () => doc.page.height - doc.page.margins.bottom - 24;
  const drawHeader = (top: number) => {
    doc.font('Helvetica-Bold').fontSize(fontSize);
    let cx = x;
    const h = Math.max(...columns.map((c) => doc.heightOfString(c.header, { width: c.width - 6 }))) + 6;
    for (const c of columns) {
      doc.rect(cx, top, c.width, h).lineWidth(0.6).stroke();
      doc.text(c.header, cx + 3, top + 3, { width: c.width - 6, align: c.align ?? 'left' });
      cx += c.width;
    }
    return top + h;
  };
  let cy = drawHeader(y);
  doc.font('Helvetica').fontSize(fontSize);
  // A row never spans pages: text that would not fit on a whole page is cut with an ellipsis.
  const maxRow = doc.page.height - doc.page.margins.top - doc.page.margins.bottom - 80;
  for (const row of rows) {
    const h = Math.min(maxRow, Math.max(...row.map((cell, i) => doc.heightOfString(cell, { width: columns[i].width - 6 }))) + 6);
    if (cy + h > bottom()) {
      doc.addPage();
      cy = drawHeader(onNewPage());
      doc.font('Helvetica').fontSize(fontSize);
    }
    let cx = x;
    row.forEach((cell, i) => {
      const c = columns[i];
      doc.rect(cx, cy, c.width, h).lineWidth(0.4).stroke();
      doc.text(cell, cx + 3, cy + 3, { width: c.width - 6, height: h - 6, ellipsis: true, align: c.align ?? 'left' });
      cx += c.width;
    });
    cy += h;
  }
  return cy;
}

/** Ensures `needed` points are free below y, else continues on a new page. */
export function ensureRoom(doc: Pdf, y: number, needed: number): number {
  if (y + needed <= doc.page.height - doc.page.margins.bottom - 24) return y;
  doc.addPage();
  return doc.page.margins.top;
}

/** "Page i of n" and the document number on every page, once all pages exist. */
export function footers(doc: Pdf, label: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - doc.page.margins.bottom - 12;
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(7).text(`${label}  -  Page ${i + 1} of ${range.count}`, doc.page.margins.left, y, { width: doc.page.width - doc.page.margins.left - doc.page.margins.right, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottomMargin;
  }
}

export function kg(grams: number): string {
  return (grams / 1000).toFixed(3);
}

export function checkbox(doc: Pdf, x: number, y: number, checked: boolean, label: string, fontSize = 7): void {
  doc.rect(x, y, 7, 7).lineWidth(0.5).stroke();
  if (checked) doc.font('Helvetica-Bold').fontSize(7).text('X', x + 1.2, y + 0.3, { lineBreak: false });
  doc.font('Helvetica').fontSize(fontSize).text(label, x + 10, y, { lineBreak: false });
}

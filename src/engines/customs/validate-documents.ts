/**
 * Checks a customs-document request before anything is printed and returns every problem at once:
 * missing HS codes or origins, totals that do not add up, a CN22 over its limit, goods the
 * destination prohibits or restricts. Errors block printing; warnings are printed as notes.
 */
import type { ZodError } from 'zod';
import { Dec, ZERO, dec } from '../landed-cost/money.js';
import { RateBook, type ExchangeRates } from '../landed-cost/exchange-rates.js';
import { EU_MEMBER_STATES } from '../landed-cost/rules/eu.js';
import { CustomsDocumentRequestSchema, type CustomsDocumentRequest, type DocumentKind } from './document-schema.js';
import { validateHsCode, type HsIndex } from './hs-index.js';
import { RESTRICTED_GOODS, type RestrictedGoodsRow } from './data/restricted-goods.js';

export interface DocumentProblem {
  severity: 'error' | 'warning';
  /** Stable machine code: missing-hs-code, value-mismatch, cn22-over-limit, prohibited-goods, ... */
  code: string;
  field: string;
  message: string;
}

export interface DocumentCheckOptions {
  /** HS 2022 index to check that codes exist; without it only the format is checked. */
  hsIndex?: HsIndex;
  /** Rates including XDR (SDR) to check the CN22 limit. */
  rates?: ExchangeRates;
  restrictedGoods?: RestrictedGoodsRow[];
}

export const CN22_LIMIT_SDR = '300';
export const CN22_MAX_GROSS_GRAMS = 2000;

export interface DocumentCheck {
  problems: DocumentProblem[];
  request?: CustomsDocumentRequest;
}

function zodProblems(error: ZodError): DocumentProblem[] {
  return error.issues.map((i) => ({ severity: 'error', code: 'invalid-field', field: i.path.length ? i.path.join('.') : '(request)', message: i.message }));
}

export function lineValue(line: { quantity: number; unitValue: string }): Dec {
  return dec(line.unitValue).mul(line.quantity);
}

export function checkCustomsDocuments(input: unknown, kinds: readonly DocumentKind[], options: DocumentCheckOptions = {}): DocumentCheck {
  const parsed = CustomsDocumentRequestSchema.safeParse(input);
  if (!parsed.success) return { problems: zodProblems(parsed.error) };
  const r = parsed.data;
  const problems: DocumentProblem[] = [];
  const err = (code: string, field: string, message: string) => problems.push({ severity: 'error', code, field, message });
  const warn = (code: string, field: string, message: string) => problems.push({ severity: 'warning', code, field, message });
  const dest = r.importer.address.country;
  const from = r.exporter.address.country;

  r.lines.forEach((l, i) => {
    if (!l.hsCode) err('missing-hs-code', `lines.${i}.hsCode`, `line ${i + 1} "${l.description}" has no HS code`);
    else if (options.hsIndex) {
      const v = validateHsCode(options.hsIndex, l.hsCode);
      if (!v.valid) err('invalid-hs-code', `lines.${i}.hsCode`, `line ${i + 1}: HS code ${l.hsCode} ${v.problems.join('; ')}`);
    } else if (!/^\d{6,10}$/.test(l.hsCode.replace(/[.\s]/g, ''))) err('invalid-hs-code', `lines.${i}.hsCode`, `line ${i + 1}: HS code ${l.hsCode} must be 6 to 10 digits`);
    if (!l.originCountry) err('missing-origin', `lines.${i}.originCountry`, `line ${i + 1} "${l.description}" has no country of origin`);
    if (l.grossWeightGrams !== undefined && l.grossWeightGrams < l.netWeightGrams) err('weight-mismatch', `lines.${i}.grossWeightGrams`, `line ${i + 1}: gross weight ${l.grossWeightGrams} g is below its net weight ${l.netWeightGrams} g`);
    if (l.netWeightGrams === 0) warn('zero-weight', `lines.${i}.netWeightGrams`, `line ${i + 1} has no net weight`);
  });

  const total = r.lines.reduce((a, l) => a.add(lineValue(l)), ZERO);
  if (!total.eq(dec(r.declared.totalValue))) {
    err('value-mismatch', 'declared.totalValue', `declared total ${r.currency} ${r.declared.totalValue} differs from the sum of the lines ${r.currency} ${total.toFixed(2)}`);
  }
  const net = r.lines.reduce((a, l) => a + l.netWeightGrams, 0);
  if (net > r.declared.totalGrossWeightGrams) err('weight-mismatch', 'declared.totalGrossWeightGrams', `gross weight ${r.declared.totalGrossWeightGrams} g is below the lines' net weight ${net} g`);
  if (r.declared.totalNetWeightGrams !== undefined && Math.abs(r.declared.totalNetWeightGrams - net) > 0.5) {
    err('weight-mismatch', 'declared.totalNetWeightGrams', `declared net weight ${r.declared.totalNetWeightGrams} g differs from the sum of the lines ${net} g`);
  }
  if (r.packages.length) {
    const packed = r.packages.reduce((a, p) => a + p.grossWeightGrams, 0);
    if (Math.abs(packed - r.declared.totalGrossWeightGrams) > 0.5) err('weight-mismatch', 'packages', `packages weigh ${packed} g in total but the declared gross weight is ${r.declared.totalGrossWeightGrams} g`);
    if (r.packages.length !== r.declared.packageCount) err('package-count-mismatch', 'declared.packageCount', `${r.packages.length} packages listed but ${r.declared.packageCount} declared`);
    const packedQty = new Map<number, number>();
    r.packages.forEach((p, pi) => p.contents.forEach((c, ci) => {
      if (c.line >= r.lines.length) err('unknown-line', `packages.${pi}.contents.${ci}.line`, `package ${p.number} refers to line ${c.line + 1}, which does not exist`);
      packedQty.set(c.line, (packedQty.get(c.line) ?? 0) + c.quantity);
    }));
    r.lines.forEach((l, i) => {
      const q = packedQty.get(i) ?? 0;
      if (q !== l.quantity) err('quantity-mismatch', `lines.${i}.quantity`, `line ${i + 1}: ${q} units packed but ${l.quantity} invoiced`);
    });
  } else if (kinds.includes('packing-list')) {
    err('missing-packages', 'packages', 'a packing list needs the packages and their contents');
  }

  if (r.contentType === 'other' && !r.reasonForExport) err('missing-explanation', 'reasonForExport', 'content type "other" needs an explanation of the goods');
  if (kinds.includes('commercial-invoice') && r.contentType === 'sale-of-goods' && !r.reasonForExport) warn('missing-reason', 'reasonForExport', 'no reason for export given; "Sale" is printed');
  const euOrGb = (c: string) => c === 'GB' || EU_MEMBER_STATES.includes(c);
  if (euOrGb(from) && !r.exporter.eori && r.contentType !== 'gift' && r.contentType !== 'documents') {
    warn('missing-eori', 'exporter.eori', `exports from ${from} need the exporter's EORI number on the export declaration`);
  }
  if (r.exporter.iossNumber && !EU_MEMBER_STATES.includes(dest)) warn('ioss-outside-eu', 'exporter.iossNumber', `an IOSS number only applies to EU destinations, not ${dest}`);

  if (kinds.includes('cn22') || kinds.includes('cn23')) {
    if (!r.shipment.postalItem) warn('not-postal', 'shipment.postalItem', 'CN22/CN23 are postal forms; courier shipments use the commercial invoice');
  }
  if (kinds.includes('cn22')) {
    if (r.declared.totalGrossWeightGrams > CN22_MAX_GROSS_GRAMS) err('cn22-over-weight', 'declared.totalGrossWeightGrams', `CN22 covers items up to ${CN22_MAX_GROSS_GRAMS / 1000} kg; this item weighs ${r.declared.totalGrossWeightGrams / 1000} kg: use CN23`);
    if (!options.rates) err('cn22-limit-unchecked', 'currency', `no exchange rates with XDR given: cannot check the CN22 limit of ${CN22_LIMIT_SDR} SDR`);
    else {
      const book = new RateBook(options.rates, r.date);
      const rate = book.rate(r.currency, 'XDR');
      if (typeof rate === 'string') err('cn22-limit-unchecked', 'currency', `${rate}: cannot check the CN22 limit of ${CN22_LIMIT_SDR} SDR`);
      else {
        const sdr = total.mul(rate);
        if (sdr.gt(dec(CN22_LIMIT_SDR))) err('cn22-over-limit', 'declared.totalValue', `value ${r.currency} ${total.toFixed(2)} = ${sdr.toFixed(2)} SDR exceeds the CN22 limit of ${CN22_LIMIT_SDR} SDR: use CN23`);
      }
    }
  }

  const rows = options.restrictedGoods ?? RESTRICTED_GOODS;
  const scopes = new Set(['*', dest, ...(EU_MEMBER_STATES.includes(dest) ? ['EU'] : [])]);
  r.lines.forEach((l, i) => {
    const hs = (l.hsCode ?? '').replace(/[.\s]/g, '');
    const text = l.description.toLowerCase();
    for (const row of rows) {
      if (!scopes.has(row.destination)) continue;
      const byHs = hs.length > 0 && row.hsPrefixes.some((p) => hs.startsWith(p));
      const byWord = row.keywords.some((k) => text.includes(k));
      if (!byHs && !byWord) continue;
      const where = row.destination === '*' ? 'in international mail and express' : `for ${row.destination === 'EU' ? 'the EU' : row.destination}`;
      const message = `line ${i + 1} "${l.description}" is ${row.status} ${where}: ${row.reason} (${row.source})`;
      if (row.status === 'prohibited') err('prohibited-goods', `lines.${i}`, message);
      else warn('restricted-goods', `lines.${i}`, message);
    }
  });
  return { problems, request: r };
}

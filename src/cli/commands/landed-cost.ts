/**
 * Cross-border commands over the API: a landed-cost quote from exactly the API's request body,
 * customs documents as PDF, the HS 2022 search and exchange-rate import.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { LandedCostQuote } from '../../engines/landed-cost/index.js';
import { readDemoCredentials } from '../../server.js';
import { ApiClient } from '../api-client.js';
import { CliError, parseIntOption, printJson, printTable } from '../output.js';
import { withApiOptions } from './data.js';

function readText(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function readJson(file: string): unknown {
  const text = readText(file);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
}

/** A failed call as one line: the detail, then each field the API named. */
async function callOrExplain<T>(client: ApiClient, method: string, path: string, body?: unknown, contentType?: string): Promise<T> {
  const r = await client.request<T>(method, path, body, contentType);
  if (r.status >= 400) {
    const p = r.body as { detail?: string; title?: string; errors?: { field: string; message: string; severity?: string }[] };
    const fields = p?.errors?.filter((e) => e.severity !== 'warning').map((e) => `${e.field}: ${e.message}`) ?? [];
    const detail = fields.length ? fields.join('; ') : p?.detail ?? JSON.stringify(r.body);
    throw new CliError(`${r.status} ${p?.title ?? ''}: ${detail}`.replace(/\s+/g, ' '));
  }
  return r.body;
}

/** The readable breakdown: one row per duty, tax and fee with its rule and formula, then the totals. */
export function printQuote(q: LandedCostQuote): void {
  const dest = `${q.destination.country}${q.destination.region ? `-${q.destination.region}` : ''}`;
  console.log(`Landed cost ${q.origin} → ${dest}, ${q.incoterm}, ${q.date} (rules ${q.rules.map((r) => r.id).join(', ')})`);
  const lines = [...q.duties, ...q.taxes, ...q.fees];
  printTable(lines.map((l) => ({
    charge: l.code,
    items: l.itemIndexes.length ? l.itemIndexes.map((i) => i + 1).join(',') : 'all',
    amount: `${l.currency} ${l.amount}`,
    quoted: l.currency === l.quoteCurrency ? '' : `${l.quoteCurrency} ${l.quoteAmount}`,
    at: l.collectedAt,
    payer: l.payer,
    formula: `${l.formula}${l.waivedBecause ? ` (waived: ${l.waivedBecause})` : ''}`,
    rule: l.ruleId,
  })), ['charge', 'items', 'amount', 'quoted', 'at', 'payer', 'formula', 'rule']);
  for (const e of q.exemptions) console.log(`not charged: ${e.detail} [${e.ruleId}]`);
  const t = q.totals;
  console.log('');
  printTable([
    { total: 'goods', amount: t.goods }, { total: 'shipping', amount: t.shipping }, { total: 'insurance', amount: t.insurance },
    { total: 'duties', amount: t.duties }, { total: 'taxes', amount: t.taxes }, { total: 'fees', amount: t.fees },
    { total: 'DDP total', amount: t.ddpTotal }, { total: 'at checkout', amount: t.checkoutTotal }, { total: 'due on delivery', amount: t.dueOnDelivery },
  ].map((r) => ({ total: r.total, [t.currency]: r.amount })), ['total', t.currency]);
  console.log(`payer: duties ${q.payer.duties}, import taxes ${q.payer.importTaxes}, fees ${q.payer.fees}`);
  if (q.exchangeRates.length) console.log(`rates: ${q.exchangeRates.map((r) => `${r.from}→${r.to} ${r.rate} (${r.date})`).join(', ')}`);
  for (const w of q.warnings) console.log(`warning: ${w}`);
}

export function registerLandedCostCommands(program: Command): void {
  withApiOptions(program.command('landed-cost <request>'))
    .description('Quote duties, taxes and fees for a parcel: REQUEST.json is exactly the body of POST /v1/landed-cost ("-" reads stdin)')
    .option('--json', 'print the API response as JSON')
    .action(async (file: string, opts) => {
      const body = readJson(file);
      const quote = await callOrExplain<LandedCostQuote>(new ApiClient(opts), 'POST', '/v1/landed-cost', body);
      if (opts.json) printJson(quote);
      else printQuote(quote);
    });

  withApiOptions(program.command('customs-docs <request>'))
    .description('Print a customs document (commercial invoice, CN22, CN23, packing list) to PDF: REQUEST.json is the body of POST /v1/customs-documents')
    .requiredOption('--out <file>', 'where to write the PDF')
    .option('--type <type>', 'document type, overriding "type" in the request: commercial-invoice, cn22, cn23, packing-list')
    .action(async (file: string, opts) => {
      const body = readJson(file);
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw new CliError(`${file} must hold a JSON object`);
      if (opts.type) (body as Record<string, unknown>).type = opts.type;
      const client = new ApiClient(opts);
      const res = await fetchPdf(client, bearerKey(opts, client.url), body);
      writeFileSync(opts.out, res.pdf);
      console.log(`${opts.out}: ${(body as { type?: string }).type}, ${res.pages} page(s), ${res.pdf.length} bytes${res.warnings ? `, ${res.warnings} note(s) for the shipper printed on it` : ''}`);
    });

  const hs = program.command('hs').description('The HS 2022 nomenclature');
  withApiOptions(hs.command('search <words...>'))
    .description('Search HS codes by words, best match first')
    .option('--limit <n>', 'how many results (1–50)', parseIntOption('--limit', 1), 10)
    .option('--json', 'print JSON')
    .action(async (words: string[], opts) => {
      const q = words.join(' ');
      const r = await callOrExplain<{ data: { code: string; description: string; level: number; score: number; path: { code: string; description: string }[] }[] }>(
        new ApiClient(opts), 'GET', `/v1/hs-codes?q=${encodeURIComponent(q)}&limit=${opts.limit}`);
      if (opts.json) printJson(r.data);
      else printTable(r.data.map((h) => ({ code: h.code, level: h.level === 2 ? 'chapter' : h.level === 4 ? 'heading' : 'subheading', description: h.description, score: h.score })), ['code', 'level', 'description', 'score']);
    });
  withApiOptions(hs.command('check <code>'))
    .description('Validate an HS code (6–10 digits) and show its chapter, heading and subheading')
    .option('--json', 'print JSON')
    .action(async (code: string, opts) => {
      const r = await callOrExplain<{ code: string; chapter?: { code: string; description: string }; heading?: { code: string; description: string }; subheading?: { code: string; description: string } }>(
        new ApiClient(opts), 'GET', `/v1/hs-codes/${encodeURIComponent(code)}`);
      if (opts.json) printJson(r);
      else printTable([r.chapter, r.heading, r.subheading].filter((e) => !!e).map((e) => ({ code: e.code, description: e.description })), ['code', 'description']);
    });

  const fx = program.command('exchange-rates').description("The merchant's exchange rates for landed-cost quotes");
  withApiOptions(fx.command('import <file>'))
    .description('Store rates from an ECB reference-rate XML file (eurofxref-daily.xml / -hist.xml) or a JSON { date, base, rates } file')
    .option('--json', 'print JSON')
    .action(async (file: string, opts) => {
      const text = readText(file);
      const xml = text.trimStart().startsWith('<');
      const r = await callOrExplain<{ tables: number; inserted: number; updated: number; from: string; to: string; currencies: string[] }>(
        new ApiClient(opts), 'POST', '/v1/exchange-rates', xml ? text : (() => { try { return JSON.parse(text); } catch { throw new CliError(`${file} is neither XML nor valid JSON`); } })(), xml ? 'application/xml' : 'application/json');
      if (opts.json) printJson(r);
      else console.log(`${r.tables} table(s) ${r.from}…${r.to}: ${r.inserted} new, ${r.updated} replaced; currencies ${r.currencies.join(' ')}`);
    });
  withApiOptions(fx.command('list'))
    .description('The latest stored tables')
    .option('--limit <n>', 'how many tables', parseIntOption('--limit', 1), 10)
    .option('--json', 'print JSON')
    .action(async (opts) => {
      const r = await callOrExplain<{ data: { date: string; base: string; rates: Record<string, string>; source: string }[] }>(new ApiClient(opts), 'GET', `/v1/exchange-rates?limit=${opts.limit}`);
      if (opts.json) printJson(r.data);
      else printTable(r.data.map((t) => ({ date: t.date, base: t.base, currencies: Object.keys(t.rates).length, source: t.source })), ['date', 'base', 'currencies', 'source']);
    });
}

/**
 * The same key ApiClient uses (it keeps its key private, and its request() reads answers as text,
 * which would mangle a PDF).
 */
function bearerKey(opts: { apiKey?: string }, url: string): string {
  const local = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(url);
  const key = opts.apiKey ?? process.env.PORTOLAN_API_KEY ?? (local ? readDemoCredentials()?.apiKey : undefined);
  if (!key) throw new CliError('no API key: pass --api-key or set PORTOLAN_API_KEY');
  return key;
}

/** The PDF answer as bytes; a refusal (400/422) becomes a one-line error listing the problems. */
async function fetchPdf(client: ApiClient, key: string, body: unknown): Promise<{ pdf: Buffer; pages: string; warnings: number }> {
  let res: Response;
  try {
    res = await fetch(`${client.url}/v1/customs-documents`, {
      method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', accept: 'application/pdf, application/problem+json' }, body: JSON.stringify(body),
    });
  } catch (e) {
    throw new CliError(`cannot reach Portolan at ${client.url} (${(e as Error).cause ?? (e as Error).message}); start it with npm start or pass --url`);
  }
  if (!res.ok) {
    const p = await res.json().catch(() => ({})) as { title?: string; detail?: string; errors?: { field: string; message: string; severity?: string }[] };
    const fields = p.errors?.filter((e) => e.severity !== 'warning').map((e) => `${e.field}: ${e.message}`) ?? [];
    throw new CliError(`${res.status} ${p.title ?? ''}: ${fields.length ? fields.join('; ') : p.detail ?? ''}`.replace(/\s+/g, ' '));
  }
  return { pdf: Buffer.from(await res.arrayBuffer()), pages: res.headers.get('x-page-count') ?? '?', warnings: Number(res.headers.get('x-document-warnings') ?? 0) };
}

/**
 * Parser for the European Central Bank reference-rate XML (eurofxref-daily.xml, -hist-90d.xml,
 * -hist.xml). Pure: it takes the XML text, so reading the file or fetching it stays outside.
 */
import type { ExchangeRateTable } from './exchange-rates.js';

const DAY_CUBE = /<Cube\s+time\s*=\s*["'](\d{4}-\d{2}-\d{2})["']\s*>([\s\S]*?)<\/Cube>/g;
const RATE_CUBE = /<Cube\s+currency\s*=\s*["']([A-Z]{3})["']\s+rate\s*=\s*["']([0-9.]+)["']\s*\/>/g;

export function parseEcbXml(xml: string, source = 'ECB euro foreign exchange reference rates'): ExchangeRateTable[] {
  const tables: ExchangeRateTable[] = [];
  for (const day of xml.matchAll(DAY_CUBE)) {
    const rates: Record<string, string> = {};
    for (const r of day[2].matchAll(RATE_CUBE)) rates[r[1]] = r[2];
    if (Object.keys(rates).length > 0) tables.push({ date: day[1], base: 'EUR', rates, source });
  }
  if (tables.length === 0) throw new Error('no <Cube time="..."> with rates found: not an ECB reference-rate XML');
  return tables.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

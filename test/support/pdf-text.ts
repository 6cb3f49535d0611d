/**
 * Reads back the text and page count of a PDF: with pdftotext (poppler-utils) when it is installed,
 * else from the content streams pdfkit writes, inflated when compressed (standard fonts, WinAnsi;
 * each TJ array becomes one string), so `npm test` needs no system package. PDF_TEXT=streams forces
 * the fallback.
 */
import { spawnSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';

const hasPdftotext = process.env.PDF_TEXT !== 'streams' && spawnSync('pdftotext', ['-v']).error === undefined;
const WINANSI_EXTRA: Record<number, string> = { 0x80: '€', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x96: '–', 0x97: '—' };

function decodeHex(hex: string): string {
  let out = '';
  for (let i = 0; i + 1 < hex.length; i += 2) {
    const code = parseInt(hex.slice(i, i + 2), 16);
    out += WINANSI_EXTRA[code] ?? String.fromCharCode(code);
  }
  return out;
}

export function pdfText(pdf: Buffer): string {
  if (hasPdftotext) {
    const out = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf, maxBuffer: 64 * 1024 * 1024 });
    if (out.status === 0) return out.stdout.toString('utf8');
  }
  return pdfStreamText(pdf);
}

/** The file with each Flate-compressed stream replaced by its inflated bytes. */
function inflatedSource(pdf: Buffer): string {
  const src = pdf.toString('latin1');
  return src.replace(/stream\r?\n([\s\S]*?)\r?\nendstream/g, (whole, body: string) => {
    try {
      return `stream\n${inflateSync(Buffer.from(body, 'latin1')).toString('latin1')}\nendstream`;
    } catch {
      return whole;
    }
  });
}

export function pdfStreamText(pdf: Buffer): string {
  const src = inflatedSource(pdf);
  const lines: string[] = [];
  for (const m of src.matchAll(/\[((?:<[0-9a-fA-F]*>\s*-?[\d.]*\s*)+)\]\s*TJ/g)) {
    let s = '';
    for (const part of m[1].matchAll(/<([0-9a-fA-F]*)>/g)) s += decodeHex(part[1]);
    lines.push(s);
  }
  return lines.join('\n');
}

export function pdfPageCount(pdf: Buffer): number {
  if (hasPdftotext) {
    const info = spawnSync('pdfinfo', ['-'], { input: pdf });
    const pages = /^Pages:\s+(\d+)/m.exec(info.stdout?.toString() ?? '');
    if (info.status === 0 && pages) return Number(pages[1]);
  }
  return (pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
}

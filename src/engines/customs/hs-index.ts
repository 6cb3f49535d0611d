/**
 * The Harmonized System nomenclature as a searchable index. Pure: built from the CSV text, so
 * reading the file is the loader's job (hs-loader.ts).
 */
import { parse } from 'csv-parse/sync';

export interface HsEntry {
  code: string;
  description: string;
  /** 2 = chapter, 4 = heading, 6 = subheading. */
  level: 2 | 4 | 6;
  parent: string | null;
  section: string;
}

export interface HsIndex {
  byCode: Map<string, HsEntry>;
  entries: HsEntry[];
  /** Token → indexes into entries, for word search. */
  postings: Map<string, number[]>;
  /** Code → index into entries. */
  positions: Map<string, number>;
}

export interface HsSearchHit {
  code: string;
  description: string;
  level: number;
  score: number;
  /** Chapter and heading descriptions above this entry, outermost first. */
  path: { code: string; description: string }[];
}

const STOP = new Set(['and', 'or', 'of', 'the', 'for', 'with', 'in', 'other', 'than', 'not', 'a', 'an', 'to', 'its', 'their', 'whether', 'n.e.c', 'nes', 'thereof', 'on', 'by', 'but', 'excluding', 'incl', 'including', 'kind', 'used', 'as', 'such']);

/** Lower-case words with a light English stemming so "shirts" finds "shirt" and "boxes" finds "box". */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  // Hyphenated compounds also count as one word: "t-shirts" → "tshirt".
  for (const compound of lower.match(/[a-z0-9]+(?:-[a-z0-9]+)+/g) ?? []) out.push(stem(compound.replace(/-/g, '')));
  for (const raw of lower.split(/[^a-z0-9]+/)) {
    if (raw.length < 2 || STOP.has(raw)) continue;
    out.push(stem(raw));
  }
  return out;
}

/** Shoppers' words for nomenclature words; a query word also searches its synonyms. */
const SYNONYMS: Record<string, string[]> = {
  phone: ['telephone'], mobile: ['cellular'], cellphone: ['telephone', 'cellular'], laptop: ['computer', 'portable'],
  sneaker: ['footwear', 'sport'], shoe: ['footwear'], boot: ['footwear'], trainer: ['footwear', 'sport'],
  tshirt: ['shirt'], tee: ['tshirt'], sweater: ['jersey', 'pullover'], hoodie: ['jersey', 'pullover'], jumper: ['jersey', 'pullover'],
  jeans: ['trouser', 'denim'], pant: ['trouser'], dress: ['dresse'], purse: ['handbag'], bag: ['handbag'],
  makeup: ['make'], lipstick: ['lip', 'make'], perfume: ['perfume'], watch: ['wrist'], jewelry: ['jewellery'],
  toy: ['toy'], book: ['book'], candle: ['candle'], mug: ['tableware', 'kitchenware'], headphone: ['headphone', 'earphone'],
};

function stem(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && /(ches|shes|sses|xes|zes)$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}

export function buildHsIndex(csvText: string): HsIndex {
  const rows = parse(csvText, { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
  const entries: HsEntry[] = [];
  const byCode = new Map<string, HsEntry>();
  for (const r of rows) {
    const level = Number(r.level);
    if (r.section === 'TOTAL' || (level !== 2 && level !== 4 && level !== 6)) continue;
    if (!/^\d+$/.test(r.hscode) || r.hscode.length !== level) continue;
    const e: HsEntry = { code: r.hscode, description: r.description, level: level as 2 | 4 | 6, parent: r.parent === 'TOTAL' ? null : r.parent, section: r.section };
    entries.push(e);
    byCode.set(e.code, e);
  }
  const postings = new Map<string, number[]>();
  entries.forEach((e, i) => {
    for (const t of new Set(tokenize(e.description))) {
      let list = postings.get(t);
      if (!list) postings.set(t, (list = []));
      list.push(i);
    }
  });
  return { byCode, entries, postings, positions: new Map(entries.map((e, i) => [e.code, i])) };
}

/**
 * Ranked word search: each query word scores its inverse document frequency where it occurs
 * (a prefix match scores half), entries matching more query words come first, and at equal score
 * the more general heading precedes its subheadings so the shopper sees the family first.
 */
export function searchHs(index: HsIndex, query: string, limit = 10): HsSearchHit[] {
  const words = [...new Set(tokenize(query))];
  if (words.length === 0) return [];
  const n = index.entries.length;
  const scores = new Map<number, { score: number; matched: number }>();
  for (const w of words) {
    const exact = index.postings.get(w) ?? [];
    const hits = new Map<number, number>();
    const idf = (df: number) => Math.log(1 + n / Math.max(1, df));
    for (const i of exact) hits.set(i, idf(exact.length));
    for (const syn of SYNONYMS[w] ?? []) {
      const list = index.postings.get(syn) ?? [];
      for (const i of list) if (!hits.has(i)) hits.set(i, idf(list.length) * 0.8);
    }
    if (w.length >= 3) {
      // Prefix ("leath" → leather) and, for longer words, containment ("phone" → telephone) score half.
      for (const [token, list] of index.postings) {
        if (token === w || !(token.startsWith(w) || (w.length >= 4 && token.includes(w)))) continue;
        for (const i of list) if (!hits.has(i)) hits.set(i, idf(list.length) / 2);
      }
    }
    for (const [i, s] of hits) {
      const cur = scores.get(i) ?? { score: 0, matched: 0 };
      cur.score += s;
      cur.matched += 1;
      scores.set(i, cur);
    }
  }
  // Words found in a parent heading also count for its subheadings ("cotton" + "t-shirts").
  const ranked = [...scores.entries()].map(([i, s]) => {
    const e = index.entries[i];
    let inherited = 0;
    let p = e.parent ? index.byCode.get(e.parent) : undefined;
    while (p) {
      const ps = scores.get(index.positions.get(p.code)!);
      if (ps) inherited = Math.max(inherited, ps.score * 0.5);
      p = p.parent ? index.byCode.get(p.parent) : undefined;
    }
    return { i, matched: s.matched, score: s.score + inherited };
  });
  ranked.sort((a, b) => b.matched - a.matched || b.score - a.score || index.entries[a.i].level - index.entries[b.i].level || (index.entries[a.i].code < index.entries[b.i].code ? -1 : 1));
  return ranked.slice(0, limit).map(({ i, score }) => {
    const e = index.entries[i];
    return { code: e.code, description: e.description, level: e.level, score: Math.round(score * 1000) / 1000, path: ancestry(index, e) };
  });
}

function ancestry(index: HsIndex, e: HsEntry): { code: string; description: string }[] {
  const path: { code: string; description: string }[] = [];
  let p = e.parent ? index.byCode.get(e.parent) : undefined;
  while (p) {
    path.unshift({ code: p.code, description: p.description });
    p = p.parent ? index.byCode.get(p.parent) : undefined;
  }
  return path;
}

export interface HsValidation {
  valid: boolean;
  /** Digits only (dots and spaces removed). */
  code: string;
  subheading?: HsEntry;
  heading?: HsEntry;
  chapter?: HsEntry;
  problems: string[];
}

/** A national code of 6–10 digits is valid when its first six digits are an HS 2022 subheading. */
export function validateHsCode(index: HsIndex, input: string): HsValidation {
  const code = input.replace(/[.\s-]/g, '');
  const problems: string[] = [];
  if (!/^\d+$/.test(code)) problems.push('must contain digits only');
  else if (code.length < 6 || code.length > 10) problems.push(`must be 6 to 10 digits (got ${code.length})`);
  const chapter = index.byCode.get(code.slice(0, 2));
  const heading = index.byCode.get(code.slice(0, 4));
  const subheading = code.length >= 6 ? index.byCode.get(code.slice(0, 6)) : undefined;
  if (problems.length === 0) {
    if (!chapter) problems.push(`chapter ${code.slice(0, 2)} does not exist in HS 2022`);
    else if (!heading) problems.push(`heading ${code.slice(0, 4)} does not exist in HS 2022`);
    else if (!subheading) problems.push(`subheading ${code.slice(0, 6)} does not exist in HS 2022 (heading ${heading.code}: ${heading.description})`);
  }
  return { valid: problems.length === 0, code, subheading, heading, chapter, problems };
}

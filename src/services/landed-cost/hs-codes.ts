/** The HS 2022 helper: ranked word search and code validation over the shipped nomenclature. */
import { loadHs2022Index, searchHs, validateHsCode, type HsIndex, type HsSearchHit } from '../../engines/customs/index.js';
import { DomainError, Invalid } from '../errors.js';

const notInHs = (code: string, why: string) => new DomainError(404, 'Not Found', `HS code ${code}: ${why}`, [{ field: 'code', message: why }]);

export interface HsCodeInfo {
  code: string;
  valid: boolean;
  level: number;
  description: string;
  chapter?: { code: string; description: string };
  heading?: { code: string; description: string };
  subheading?: { code: string; description: string };
  nationalDigits: string;
}

const entry = (e: { code: string; description: string } | undefined) => (e ? { code: e.code, description: e.description } : undefined);

export class HsCodeService {
  private index: HsIndex | undefined;

  /** The nomenclature is read on first use (a third of a second), not at start. */
  hsIndex(): HsIndex {
    return (this.index ??= loadHs2022Index());
  }

  search(query: string, limit: number): { query: string; data: HsSearchHit[] } {
    const q = query.trim();
    if (!q) throw new Invalid('q must hold at least one word', [{ field: 'q', message: 'must hold at least one word, e.g. "cotton t-shirt"' }]);
    return { query: q, data: searchHs(this.hsIndex(), q, limit) };
  }

  /**
   * A 6–10 digit code is valid when its first six digits are an HS 2022 subheading; a 2- or
   * 4-digit code is looked up as a chapter or heading so the helper can show it too.
   */
  describe(input: string): HsCodeInfo {
    const code = input.replace(/[.\s-]/g, '');
    if (!/^\d+$/.test(code) || ![2, 4, 6, 7, 8, 9, 10].includes(code.length)) {
      throw new Invalid(`HS code ${input} is malformed`, [{ field: 'code', message: 'must be 2, 4 or 6 to 10 digits (dots and spaces ignored)' }]);
    }
    const index = this.hsIndex();
    if (code.length < 6) {
      const e = index.byCode.get(code);
      if (!e) throw notInHs(code, `${code.length === 2 ? 'chapter' : 'heading'} ${code} does not exist in HS 2022`);
      const chapter = index.byCode.get(code.slice(0, 2));
      return { code, valid: false, level: e.level, description: e.description, chapter: entry(chapter), heading: code.length === 4 ? entry(e) : undefined, nationalDigits: '' };
    }
    const v = validateHsCode(index, code);
    if (!v.valid) throw notInHs(code, v.problems.join('; '));
    return {
      code, valid: true, level: 6, description: v.subheading!.description,
      chapter: entry(v.chapter), heading: entry(v.heading), subheading: entry(v.subheading), nationalDigits: code.slice(6),
    };
  }
}

/** HS 2022 helper: the shipped CSV (UN Comtrade, ODC-PDDL) loads, word search ranks sensibly, codes validate. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildHsIndex, loadHs2022Index, searchHs, validateHsCode } from '../../../src/engines/customs/index.js';

const index = loadHs2022Index();

describe('HS 2022 index', () => {
  it('holds the 96 real chapters, 1,228 headings and 5,612 subheadings (the TOTAL section: chapter 99 "not specified" and its 9999/999999 are dropped)', () => {
    const count = (level: number) => index.entries.filter((e) => e.level === level).length;
    assert.equal(count(2), 96);
    assert.equal(count(4), 1228);
    assert.equal(count(6), 5612);
  });

  it('building is pure: a two-line CSV gives a two-entry index', () => {
    const tiny = buildHsIndex('section,hscode,description,parent,level\nI,01,Animals; live,TOTAL,2\nI,0101,"Horses, asses, mules and hinnies; live",01,4\n');
    assert.equal(tiny.entries.length, 2);
    assert.equal(tiny.byCode.get('0101')?.parent, '01');
  });

  it('ranks by words: "cotton t-shirts" → 610910 first; "mobile phones" → 8517 smartphones; "lithium batteries" → 850650', () => {
    assert.equal(searchHs(index, 'cotton t-shirts')[0].code, '610910');
    assert.ok(searchHs(index, 'mobile phones', 3).some((h) => h.code === '851713'));
    assert.equal(searchHs(index, 'lithium batteries')[0].code, '850650');
    assert.equal(searchHs(index, 'leather handbags')[0].code.slice(0, 4), '4202');
    assert.deepEqual(searchHs(index, 'the of and'), []);
  });

  it('hits carry their chapter and heading path', () => {
    const hit = searchHs(index, 'roasted coffee decaffeinated', 4).find((h) => h.code === '090122')!;
    assert.ok(hit);
    assert.deepEqual(hit.path.map((p) => p.code), ['09', '0901']);
  });

  it('validates 6–10 digit codes whose 6-digit prefix exists', () => {
    assert.equal(validateHsCode(index, '6109.10.0010').valid, true);
    assert.equal(validateHsCode(index, '61091000').code, '61091000');
    assert.match(validateHsCode(index, '610999').problems[0], /subheading 610999 does not exist/);
    assert.match(validateHsCode(index, '12345').problems[0], /6 to 10 digits/);
    assert.match(validateHsCode(index, '12345678901').problems[0], /6 to 10 digits/);
    assert.match(validateHsCode(index, '77000000').problems[0], /chapter 77/);
    assert.match(validateHsCode(index, '61AB10').problems[0], /digits only/);
  });
});

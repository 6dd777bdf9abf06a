import { describe, expect, it } from 'vitest';
import type { Category, CategoryCombo } from '#shared/contracts/catalogue.contract';
import { optionCombinations } from './disaggregation';
import { isCatalogueCode, matchesText } from './form-rules';

const name = (en: string) => ({ ky: en, ru: en, en });
const category = (id: string, codes: string[]): Category => ({
  id,
  code: id,
  name: name(id),
  options: codes.map((code, sortOrder) => ({ id: `${id}-${code}`, code, name: name(code), sortOrder })),
});
const combo = (categoryIds: string[]): CategoryCombo => ({
  id: 'c',
  code: 'c',
  name: name('c'),
  categoryIds,
});

describe('catalogue screens: pure helpers', () => {
  it('lists option combinations in category position order, keyed like data values', () => {
    const categories = [category('sex', ['male', 'female']), category('age', ['a0_17', 'a18_plus'])];
    expect(optionCombinations(combo(['sex', 'age']), categories).map((c) => c.key)).toEqual([
      'male.a0_17',
      'male.a18_plus',
      'female.a0_17',
      'female.a18_plus',
    ]);
    expect(optionCombinations(combo(['age', 'sex']), categories)[0]?.key).toBe('a0_17.male');
    // The default combination has one combination: the total, key ''.
    expect(optionCombinations(combo([]), categories)).toEqual([{ key: '', options: [] }]);
  });

  it('accepts only codes the server accepts', () => {
    expect(isCatalogueCode('drug_crimes')).toBe(true);
    expect(isCatalogueCode('a1')).toBe(true);
    for (const bad of ['', 'Drug', '1abc', '_x', 'a-b', 'a b', 'a'.repeat(65)])
      expect(isCatalogueCode(bad)).toBe(false);
  });

  it('finds items by code or by a name in any language, ignoring case', () => {
    const item = {
      code: 'drug_crimes',
      name: { ky: 'Баңгизат', ru: 'Наркопреступления', en: 'Drug crimes' },
    };
    for (const text of ['', '  ', 'DRUG_', 'crimes', 'нарко', 'баң'])
      expect(matchesText(item, text), text).toBe(true);
    expect(matchesText(item, 'poison')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { disaggregationKey, disaggregationsOf, optionCombinations, totalName } from './disaggregation';

const option = (code: string, en: string) => ({ code, name: { ky: `${en}-ky`, ru: `${en}-ru`, en } });
const sex = [option('male', 'Male'), option('female', 'Female')];
const age = [option('u18', 'Under 18'), option('a18', '18+')];

describe('disaggregations', () => {
  it('crosses the options of each category in position order, keyed by codes joined by "."', () => {
    expect(disaggregationsOf([sex, age]).map((d) => [d.key, d.name.en])).toEqual([
      ['male.u18', 'Male / Under 18'],
      ['male.a18', 'Male / 18+'],
      ['female.u18', 'Female / Under 18'],
      ['female.a18', 'Female / 18+'],
    ]);
    expect(disaggregationsOf([sex, age])[0]?.name.ru).toBe('Male-ru / Under 18-ru');
  });

  it('gives one Total column with key "" to an element without categories', () => {
    expect(disaggregationsOf([])).toEqual([{ key: '', name: totalName }]);
    expect(optionCombinations([])).toEqual([{ key: '', options: [] }]);
    expect(disaggregationKey([])).toBe('');
  });

  it('gives nothing when a category has no options', () => {
    expect(disaggregationsOf([sex, []])).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { dayBefore, findVersionCycles } from './catalogue.rules';

describe('dayBefore', () => {
  it('steps back over month, leap-day and year boundaries', () => {
    expect(dayBefore('2020-03-01')).toBe('2020-02-29');
    expect(dayBefore('2021-03-01')).toBe('2021-02-28');
    expect(dayBefore('2024-01-01')).toBe('2023-12-31');
    expect(dayBefore('2024-05-16')).toBe('2024-05-15');
  });
});

describe('findVersionCycles', () => {
  it('counts a reference made by any version, current or past', () => {
    const formulas = new Map([
      ['a', ['#{b} + 1', '#{x}']],
      ['b', ['#{x}', '#{a} * 2']],
    ]);
    expect(findVersionCycles(formulas)).toEqual([['a', 'b', 'a']]);
  });

  it('finds nothing when no indicator depends on itself', () => {
    const formulas = new Map([
      ['a', ['#{x} / #{population.total}']],
      ['b', ['#{a} * 2', '#{a} * 3']],
      ['c', ['0']],
    ]);
    expect(findVersionCycles(formulas)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { parseCount, populationColumns, validatePopulationRows } from './population-import.rules';

describe('parseCount', () => {
  it.each([
    ['1068702', 1_068_702],
    ['1 068 702', 1_068_702],
    ['1\u00a0068\u00a0702', 1_068_702],
    ['1\u202f068\u202f702', 1_068_702],
    ['1,068,702', 1_068_702],
    ['  42 ', 42],
    ['0', 0],
    ['100000000', 100_000_000],
  ])('reads %j as %d', (text, value) => {
    expect(parseCount(text)).toBe(value);
  });

  it.each(['', '   '])('reads %j as no figure (null), never 0', (text) => {
    expect(parseCount(text)).toBeNull();
  });

  it.each([
    '480.7', // thousands with a decimal, as statistics publish them: never silently multiplied
    '1,5',
    '1,0687',
    '12,34,567',
    '1.068.702',
    '-5',
    '+5',
    '1e6',
    '0x10',
    'many',
    '100000001',
    '99999999999999999999',
  ])('refuses %j', (text) => {
    expect(parseCount(text)).toBe('invalid');
  });
});

const header = [...populationColumns];
const known = new Set(['41711000000000', '41721000000000']);
const row = (
  n: number,
  cells: Partial<Record<(typeof populationColumns)[number] | '__extra__', string>>,
) => ({
  row: n,
  // Each row its own year unless told otherwise, so rows are no duplicates of one another.
  cells: { code: '41711000000000', year: String(2000 + n), total: '1000', source: 'Test source', ...cells },
});

describe('validatePopulationRows', () => {
  it('returns typed rows when every row is valid', () => {
    const result = validatePopulationRows(
      header,
      [
        row(2, {
          year: '2030',
          male: '400',
          female: '600',
          age_0_17: '300',
          age_14_35: '250',
          is_estimate: 'yes',
        }),
        row(3, { year: '2030', code: '41721000000000', total: '', male: '10', is_estimate: 'ооба' }),
      ],
      known,
    );
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual([
      {
        row: 2,
        code: '41711000000000',
        year: 2030,
        total: 1000,
        male: 400,
        female: 600,
        minors: 300,
        youth: 250,
        source: 'Test source',
        isEstimate: true,
        kind: 'jan1',
        referenceDate: '2030-01-01',
        flag: null,
      },
      {
        row: 3,
        code: '41721000000000',
        year: 2030,
        total: null,
        male: 10,
        female: null,
        minors: null,
        youth: null,
        source: 'Test source',
        isEstimate: true,
        kind: 'jan1',
        referenceDate: '2030-01-01',
        flag: null,
      },
    ]);
  });

  it('reads yes/no in English, Russian and Kyrgyz, and empty as no', () => {
    const flags = ['no', 'нет', 'жок', '0', '', 'true', 'да', '1'].map((flag, i) =>
      row(i + 2, { is_estimate: flag }),
    );
    expect(validatePopulationRows(header, flags, known).rows.map((r) => r.isEstimate)).toEqual([
      false,
      false,
      false,
      false,
      false,
      true,
      true,
      true,
    ]);
  });

  it('names unknown and missing columns and stops there', () => {
    const result = validatePopulationRows(['code', 'year', 'people', 'sauce'], [row(2, {})], known);
    expect(result.rows).toEqual([]);
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([
      [1, 'people'],
      [1, 'sauce'],
      [1, 'total'],
      [1, 'source'],
    ]);
  });

  it('accepts a file without the optional columns', () => {
    expect(validatePopulationRows(['code', 'year', 'total', 'source'], [row(2, {})], known).problems).toEqual(
      [],
    );
  });

  it('refuses a file with no data rows', () => {
    expect(validatePopulationRows(header, [], known).problems).toEqual([
      {
        row: 2,
        column: null,
        message: expect.stringMatching(/no data rows/),
        localised: { key: 'population.no_rows' },
      },
    ]);
  });

  it('collects every problem of every row, with row and column, and returns no rows', () => {
    const result = validatePopulationRows(
      header,
      [
        row(2, { code: 'Bishkek' }),
        row(3, { code: '41799999999999' }),
        row(4, { year: '30' }),
        row(5, { year: '1899' }),
        row(6, { total: '1 000', male: '600', female: '600' }),
        row(7, { total: '100', age_0_17: '101', age_14_35: '200' }),
        row(8, { total: '', source: 'ab' }),
        row(9, { is_estimate: 'perhaps' }),
        row(10, { __extra__: 'yes' }),
        row(11, { year: '2010' }),
      ],
      known,
    );
    expect(result.rows).toEqual([]);
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'code'],
      [3, 'code'],
      [4, 'year'],
      [5, 'year'],
      [6, 'total'],
      [7, 'age_0_17'],
      [7, 'age_14_35'],
      [8, 'total'],
      [8, 'source'],
      [9, 'is_estimate'],
      [10, null],
      [11, 'year'],
    ]);
    // Messages are for people; they must point at the other row and show the numbers that disagree.
    expect(result.problems.find((p) => p.row === 11)?.message).toMatch(/row 10\b/);
    expect(result.problems.find((p) => p.row === 6)?.message).toMatch(/1,200.*1,000/);
    // Each problem also travels as a catalogue message, so the reader sees it in their language.
    expect(result.problems.find((p) => p.row === 6)?.localised).toEqual({
      key: 'population.sexes_differ_from_total',
      params: { sum: 1200, total: 1000 },
    });
  });

  it('does not report "no figure" on a row whose figures are already reported as unreadable', () => {
    const result = validatePopulationRows(header, [row(2, { total: 'n/a' })], known);
    expect(result.problems).toEqual([
      {
        row: 2,
        column: 'total',
        message: expect.stringContaining('"n/a"'),
        localised: { key: 'population.count_invalid', params: { text: 'n/a' } },
      },
    ]);
  });
});

describe('validatePopulationRows in the reference layout', () => {
  const referenceHeader = [
    'code',
    'name_en',
    'year',
    'reference_date',
    'kind',
    'population_total',
    'population_male',
    'population_female',
    'age_0_17',
    'age_14_35',
    'flag',
    'source',
  ];
  const ref = (n: number, cells: Record<string, string>) => ({
    row: n,
    cells: { code: '41711000000000', name_en: 'Bishkek', year: '2022', source: 'Test source', ...cells },
  });

  it('keeps one figure per territory and year: unflagged, then 1 January, then the more exact', () => {
    const result = validatePopulationRows(
      referenceHeader,
      [
        ref(2, { kind: 'census', reference_date: '2022-03-25', population_total: '1137882' }),
        ref(3, { kind: 'jan1', reference_date: '2022-01-01', population_total: '1095600' }),
        ref(4, { kind: 'jan1', reference_date: '2022-01-01', population_total: '1095621', flag: 'conflict' }),
        ref(5, { kind: 'jan1', reference_date: '2022-01-01', population_total: '1095621' }),
        ref(6, { kind: 'jan1', reference_date: '2022-01-01', age_0_17: '400000' }),
        ref(7, { code: '41721000000000', kind: 'census', population_total: '364052', flag: 'doubtful' }),
      ],
      known,
    );
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => [r.row, r.total, r.minors, r.kind, r.referenceDate, r.flag])).toEqual([
      [5, 1_095_621, 400_000, 'jan1', '2022-01-01', null],
      [7, 364_052, null, 'census', null, 'doubtful'],
    ]);
  });

  it('names a bad kind, flag or reference date', () => {
    const result = validatePopulationRows(
      referenceHeader,
      [
        ref(2, { kind: 'midyear', population_total: '1' }),
        ref(3, { flag: 'maybe', population_total: '1', year: '2023' }),
        ref(4, { kind: 'jan1', reference_date: '2024-03-01', population_total: '1', year: '2024' }),
        ref(5, { kind: 'census', reference_date: '2026-02-30', population_total: '1', year: '2026' }),
      ],
      known,
    );
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'kind'],
      [3, 'flag'],
      [4, 'reference_date'],
      [5, 'reference_date'],
    ]);
  });
});

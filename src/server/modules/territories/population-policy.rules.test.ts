import { describe, expect, it } from 'vitest';
import { denominatorResolver, populationHistories, type StoredFigure } from './population-policy.rules';

// A small tree: a country with two oblasts, the first with two districts.
const tree = [
  { id: 'kg', parentId: null },
  { id: 'o1', parentId: 'kg' },
  { id: 'o2', parentId: 'kg' },
  { id: 'd1', parentId: 'o1' },
  { id: 'd2', parentId: 'o1' },
];

const figure = (territoryId: string, year: number, total: number, extra: Partial<StoredFigure> = {}) => ({
  territoryId,
  year,
  kind: 'jan1' as const,
  referenceDate: `${year}-01-01`,
  flag: null,
  isEstimate: false,
  total,
  male: null,
  female: null,
  minors: null,
  youth: null,
  ...extra,
});

const lookup = (
  figures: StoredFigure[],
  officialOnly = false,
  points: Array<{ territoryId: string; referenceDate: string; total: number }> = [],
) => denominatorResolver(populationHistories(tree, figures, points), { officialOnly });

describe('denominatorResolver', () => {
  it('uses the 1 January figure of the year, else the census-day count of that year', () => {
    const find = lookup([
      figure('d1', 2021, 1000),
      figure('d1', 2022, 1100, { kind: 'census', referenceDate: '2022-03-25' }),
    ]);
    expect(find('d1', 2021, 'total')).toEqual({
      value: 1000,
      method: 'official',
      isEstimate: false,
      flag: null,
    });
    expect(find('d1', 2022, 'total')).toMatchObject({ value: 1100, method: 'census', isEstimate: false });
  });

  it('interpolates linearly in time between the figures around 1 January', () => {
    const find = lookup([figure('o2', 2020, 1000), figure('o2', 2024, 1400)]);
    const value = find('o2', 2022, 'total');
    expect(value).toMatchObject({ method: 'interpolated', isEstimate: true, flag: null });
    // 2022-01-01 is 731 of the 1461 days between the two figures.
    expect(value?.value).toBe(Math.round(1000 + 400 * (731 / 1461)));
  });

  it("carries the latest figure forward (and the earliest back) with the parent's growth", () => {
    const find = lookup([
      figure('d1', 2021, 500),
      figure('o1', 2021, 2000),
      figure('o1', 2023, 2200),
      figure('o1', 2019, 1800),
    ]);
    expect(find('d1', 2023, 'total')).toMatchObject({
      value: 550,
      method: 'carried_forward',
      isEstimate: true,
    });
    expect(find('d1', 2019, 'total')).toMatchObject({ value: 450, method: 'carried_back', isEstimate: true });
    // The parent's own gap is interpolated first, and the district follows it.
    expect(find('d1', 2022, 'total')).toMatchObject({
      value: Math.round((500 * find('o1', 2022, 'total')!.value) / 2000),
      method: 'carried_forward',
    });
  });

  it('extends the country by its own latest growth, dated figures included', () => {
    const find = lookup([figure('kg', 2025, 7_281_827)], false, [
      { territoryId: 'kg', referenceDate: '2025-07-01', total: 7_337_000 },
      { territoryId: 'kg', referenceDate: '2025-12-01', total: 7_395_000 },
    ]);
    const value = find('kg', 2026, 'total');
    expect(value).toMatchObject({ method: 'trend', isEstimate: true });
    // Growth per day from 1 January to 1 December 2025, carried 31 days on.
    const perDay = (7_395_000 - 7_281_827) / 334;
    expect(value?.value).toBe(Math.round(7_395_000 + perDay * 31));
  });

  it('sums parts that all have an official figure, and says so', () => {
    const find = lookup([figure('d1', 2021, 500), figure('d2', 2021, 700)]);
    expect(find('o1', 2021, 'total')).toEqual({
      value: 1200,
      method: 'sum_of_children',
      isEstimate: false,
      flag: null,
    });
  });

  it('keeps a flag on the figure and on every estimate made from it', () => {
    const find = lookup([figure('o2', 2021, 1000, { flag: 'unverified' }), figure('o2', 2023, 1200)]);
    expect(find('o2', 2021, 'total')).toMatchObject({ method: 'official', flag: 'unverified' });
    expect(find('o2', 2022, 'total')).toMatchObject({ method: 'interpolated', flag: 'unverified' });
  });

  it('gives only official figures in the strict view, and nothing where there is none', () => {
    const figures = [
      figure('o2', 2020, 1000),
      figure('o2', 2024, 1400),
      figure('o2', 2025, 1500, { isEstimate: true }),
    ];
    const strict = lookup(figures, true);
    expect(strict('o2', 2020, 'total')).toMatchObject({ method: 'official' });
    expect(strict('o2', 2022, 'total')).toBeNull();
    expect(strict('o2', 2025, 'total')).toBeNull();
    expect(lookup(figures)('o2', 2025, 'total')).toMatchObject({
      method: 'stored_estimate',
      isEstimate: true,
    });
    expect(lookup(figures)('d1', 2022, 'total')).toBeNull();
  });

  it('does not reach more than ten years from a figure', () => {
    const find = lookup([figure('o2', 2010, 1000), figure('o2', 2011, 1010)]);
    expect(find('o2', 2021, 'total')).not.toBeNull();
    expect(find('o2', 2022, 'total')).toBeNull();
  });

  it('answers an official figure stored later at once (nothing is kept between lookups)', () => {
    const before = lookup([figure('o2', 2020, 1000), figure('o2', 2024, 1400)]);
    expect(before('o2', 2022, 'total')?.isEstimate).toBe(true);
    const after = lookup([figure('o2', 2020, 1000), figure('o2', 2022, 1234), figure('o2', 2024, 1400)]);
    expect(after('o2', 2022, 'total')).toMatchObject({ value: 1234, method: 'official' });
  });
});

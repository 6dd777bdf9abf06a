import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPeriod, periodsBetween, toPeriod } from '#shared/domain/period';
import {
  createRng,
  defaultSeasonality,
  generateDemoSeries,
  hashSeed,
  normal,
  poisson,
  seasonalityKinds,
  type DemoPoint,
  type GenerateDemoSeriesInput,
} from './demo-series.rules';
import { seasonalOutlier } from '../values/outliers.rules';

const monthIds = (from: string, to: string) => periodsBetween(toPeriod(from), toPeriod(to)).map(formatPeriod);
const demoMonths = monthIds('2015-01', '2025-12');

/** A moderate count series: 40 a month, a slight decline, no outliers or gaps unless told. */
const countInput = (overrides: Partial<GenerateDemoSeriesInput> = {}): GenerateDemoSeriesInput => ({
  seed: 'kuzot-demo',
  periods: demoMonths,
  baseLevel: 40,
  trendPerYear: -0.03,
  seasonality: null,
  noise: 'poisson',
  outlierRate: 0,
  outlierFactor: { min: 3, max: 6 },
  missingRate: 0,
  valueType: 'integer',
  ...overrides,
});

const mean = (values: readonly number[]) => values.reduce((s, v) => s + v, 0) / values.length;
const variance = (values: readonly number[]) => {
  const m = mean(values);
  return values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1);
};
const reported = (series: readonly DemoPoint[]) => series.flatMap((p) => (p.value === null ? [] : [p.value]));

describe('seeds and random numbers', () => {
  it('hashes texts to stable, unrelated 32-bit seeds', () => {
    expect(hashSeed('Bishkek')).toBe(hashSeed('Bishkek'));
    expect(hashSeed('Bishkek')).not.toBe(hashSeed('Bishkeg'));
    expect(hashSeed('')).not.toBe(hashSeed(' '));
    fc.assert(
      fc.property(fc.string(), (text) => {
        const h = hashSeed(text);
        expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
      }),
    );
  });

  it('repeats the same sequence for the same seed, stays in [0, 1) and differs between seeds', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 1000 }, () => rng.next());
    };
    const a = draw(1);
    expect(draw(1)).toEqual(a);
    expect(draw(2)).not.toEqual(a);
    expect(a.every((u) => u >= 0 && u < 1)).toBe(true);
    // 1000 uniforms: mean 0.5 with sd √(1/12/1000) ≈ 0.009.
    expect(Math.abs(mean(a) - 0.5)).toBeLessThan(0.04);
  });

  it('draws standard normal numbers', () => {
    const rng = createRng(11);
    const values = Array.from({ length: 20_000 }, () => normal(rng));
    expect(values.every(Number.isFinite)).toBe(true);
    // sd of the mean is 1/√20000 ≈ 0.007; of the variance ≈ √(2/20000) = 0.01.
    expect(Math.abs(mean(values))).toBeLessThan(0.03);
    expect(Math.abs(variance(values) - 1)).toBeLessThan(0.04);
  });

  it.each([0.5, 3, 12, 29.9, 30, 40, 250, 10_000])('draws Poisson(%d) with mean and variance λ', (lambda) => {
    const rng = createRng(hashSeed(`poisson-${lambda}`));
    const n = 20_000;
    const values = Array.from({ length: n }, () => poisson(rng, lambda));
    expect(values.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
    // Four standard errors of the mean (√(λ/n)) and, roughly, of the variance (λ·√(2/n)).
    expect(Math.abs(mean(values) - lambda)).toBeLessThan(4 * Math.sqrt(lambda / n));
    expect(Math.abs(variance(values) - lambda)).toBeLessThan(4 * lambda * Math.sqrt(2 / n) + 0.1);
  });

  it('gives 0 for λ = 0 and refuses a negative or infinite λ', () => {
    const rng = createRng(1);
    expect(poisson(rng, 0)).toBe(0);
    expect(() => poisson(rng, -1)).toThrow(RangeError);
    expect(() => poisson(rng, Number.NaN)).toThrow(RangeError);
    expect(() => poisson(rng, Infinity)).toThrow(RangeError);
  });
});

describe('defaultSeasonality', () => {
  it.each(seasonalityKinds)('gives twelve non-negative multipliers averaging 1 for %s', (kind) => {
    const profile = defaultSeasonality(kind);
    expect(profile).toHaveLength(12);
    expect(profile.every((m) => m >= 0)).toBe(true);
    expect(mean(profile)).toBeCloseTo(1, 12);
  });

  it('is flat for flat, peaks at the autumn harvest for cannabis and in summer for eradication', () => {
    expect(defaultSeasonality('flat')).toEqual(Array.from({ length: 12 }, () => 1));
    const peakMonth = (profile: number[]) => profile.indexOf(Math.max(...profile)) + 1;
    expect([8, 9, 10]).toContain(peakMonth(defaultSeasonality('cannabis-harvest')));
    expect([7, 8, 9]).toContain(peakMonth(defaultSeasonality('eradication')));
    expect(defaultSeasonality('eradication')[0]).toBeLessThan(0.1);
  });
});

describe('generateDemoSeries', () => {
  it('is deterministic: the same input gives the same series, another seed another one', () => {
    const input = countInput({ outlierRate: 0.02, missingRate: 0.02 });
    const series = generateDemoSeries(input);
    expect(generateDemoSeries({ ...input, periods: [...demoMonths] })).toEqual(series);
    expect(reported(generateDemoSeries({ ...input, seed: 'kuzot-demo-2' }))).not.toEqual(reported(series));
    expect(reported(generateDemoSeries({ ...input, seed: 42 }))).toEqual(
      reported(generateDemoSeries({ ...input, seed: 42 })),
    );
    expect(reported(generateDemoSeries({ ...input, seed: 42 }))).not.toEqual(
      reported(generateDemoSeries({ ...input, seed: 43 })),
    );
  });

  it('gives a period the same value whichever later periods are asked for', () => {
    const input = countInput({ outlierRate: 0.05, missingRate: 0.05 });
    const full = generateDemoSeries(input);
    const prefix = generateDemoSeries({ ...input, periods: monthIds('2015-01', '2019-06') });
    expect(prefix).toEqual(full.slice(0, prefix.length));
  });

  it('keeps values finite, non-negative, whole for integers, and null exactly when missing (property)', () => {
    const inputArb = fc.record({
      seed: fc.oneof(fc.string(), fc.integer({ min: -1e9, max: 1e9 }), fc.double({ noNaN: true })),
      baseLevel: fc.double({ min: 0, max: 1e5, noNaN: true }),
      trendPerYear: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
      seasonality: fc.oneof(fc.constant(null), fc.constantFrom(...seasonalityKinds).map(defaultSeasonality)),
      noise: fc.oneof(
        fc.constant('poisson' as const),
        fc.double({ min: 0, max: 3, noNaN: true }).map((relativeSd) => ({ relativeSd })),
      ),
      outlierRate: fc.double({ min: 0, max: 1, noNaN: true }),
      outlierFactor: fc.constantFrom({ min: 1, max: 1 }, { min: 3, max: 6 }, { min: 10, max: 100 }),
      missingRate: fc.double({ min: 0, max: 1, noNaN: true }),
      valueType: fc.constantFrom('integer' as const, 'number' as const),
      periods: fc.constantFrom(
        monthIds('2023-01', '2025-12'),
        ['2020Q1', '2020Q2', '2020Q3', '2020Q4', '2021Q1'],
        ['2015', '2016', '2017'],
      ),
    });
    fc.assert(
      fc.property(inputArb, (input) => {
        const series = generateDemoSeries(input);
        expect(series.map((p) => p.period)).toEqual(input.periods);
        for (const point of series) {
          expect(point.isMissing).toBe(point.value === null);
          expect(point.isMissing && point.isPlantedOutlier).toBe(false);
          expect(point.plantedFactor === null).toBe(!point.isPlantedOutlier);
          if (point.value === null) continue;
          expect(Number.isFinite(point.value) && point.value >= 0).toBe(true);
          if (input.valueType === 'integer') expect(Number.isInteger(point.value)).toBe(true);
          else expect(Math.round(point.value * 100) / 100).toBe(point.value);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('has a long-run mean equal to the base level, within four standard errors of the Poisson variance', () => {
    // A hundred years of months without trend, season, outliers or gaps: the mean of n Poisson(λ) values
    // has standard error √(λ/n).
    const periods = monthIds('1900-01', '1999-12');
    for (const [seed, lambda] of [
      ['mean-small', 4],
      ['mean-moderate', 40],
      ['mean-large', 900],
    ] as const) {
      const values = reported(
        generateDemoSeries(countInput({ seed, periods, baseLevel: lambda, trendPerYear: 0 })),
      );
      expect(values).toHaveLength(1200);
      expect(Math.abs(mean(values) - lambda)).toBeLessThan(4 * Math.sqrt(lambda / values.length));
      expect(variance(values) / lambda).toBeGreaterThan(0.8);
      expect(variance(values) / lambda).toBeLessThan(1.2);
    }
  });

  it('has a long-run mean equal to the base level with relative normal noise', () => {
    const periods = monthIds('1900-01', '1999-12');
    const values = reported(
      generateDemoSeries(
        countInput({
          periods,
          baseLevel: 250,
          trendPerYear: 0,
          noise: { relativeSd: 0.2 },
          valueType: 'number',
        }),
      ),
    );
    // sd 50 per value, so the mean's standard error is 50 / √1200 ≈ 1.44.
    expect(Math.abs(mean(values) - 250)).toBeLessThan(4 * (50 / Math.sqrt(values.length)));
    expect(Math.sqrt(variance(values))).toBeGreaterThan(40);
    expect(Math.sqrt(variance(values))).toBeLessThan(60);
  });

  it('compounds the trend from the earliest period and keeps the seasonal mean at the level', () => {
    const seasonality = defaultSeasonality('cannabis-harvest');
    const series = generateDemoSeries(countInput({ seasonality, trendPerYear: -0.03 }));
    const expectedOf = (period: string) => series.find((p) => p.period === period)!.expected;
    expect(expectedOf('2025-01') / expectedOf('2015-01')).toBeCloseTo(0.97 ** 10, 10);
    expect(expectedOf('2015-01')).toBeCloseTo(40 * seasonality[0]!, 10);
    const flat = generateDemoSeries(countInput({ trendPerYear: 0, seasonality }));
    expect(mean(flat.map((p) => p.expected))).toBeCloseTo(40, 10);
    // Quarters take the mean of their months; years are not seasonal.
    const quarters = generateDemoSeries(countInput({ periods: ['2020Q3'], trendPerYear: 0, seasonality }));
    expect(quarters[0]!.expected).toBeCloseTo(
      (40 * (seasonality[6]! + seasonality[7]! + seasonality[8]!)) / 3,
      10,
    );
    const years = generateDemoSeries(
      countInput({ periods: ['2020', '2021'], trendPerYear: 0.1, seasonality }),
    );
    expect(years.map((p) => p.expected)).toEqual([40, 40 * 1.1]);
  });

  it('shows the seasonality: the harvest months are well above the winter months', () => {
    const series = generateDemoSeries(
      countInput({
        seasonality: defaultSeasonality('cannabis-harvest'),
        outlierRate: 0.01,
        missingRate: 0.02,
      }),
    );
    const monthMean = (months: number[]) =>
      mean(reported(series.filter((p) => months.includes(Number(p.period.slice(5))))));
    const peak = monthMean([8, 9, 10]);
    const trough = monthMean([1, 2]);
    expect(peak).toBeGreaterThan(1.5 * trough);
  });

  it('misses and plants outliers at the rates asked for, within four binomial standard deviations', () => {
    let points = 0;
    let missing = 0;
    let reportedPoints = 0;
    let outliers = 0;
    for (let s = 0; s < 100; s++) {
      const series = generateDemoSeries(
        countInput({ seed: `rates-${s}`, outlierRate: 0.01, missingRate: 0.02 }),
      );
      points += series.length;
      missing += series.filter((p) => p.isMissing).length;
      reportedPoints += series.filter((p) => !p.isMissing).length;
      outliers += series.filter((p) => p.isPlantedOutlier).length;
    }
    const within = (count: number, n: number, rate: number) =>
      Math.abs(count - n * rate) < 4 * Math.sqrt(n * rate * (1 - rate));
    expect(within(missing, points, 0.02)).toBe(true);
    expect(within(outliers, reportedPoints, 0.01)).toBe(true);
  });

  it('moves planted outliers by a factor in the range, up and down', () => {
    const series = generateDemoSeries(countInput({ outlierRate: 0.5, outlierFactor: { min: 3, max: 6 } }));
    const factors = series.flatMap((p) => (p.plantedFactor === null ? [] : [p.plantedFactor]));
    expect(factors.length).toBeGreaterThan(40);
    expect(factors.every((f) => (f >= 3 && f <= 6) || (f >= 1 / 6 && f <= 1 / 3))).toBe(true);
    expect(factors.some((f) => f > 1)).toBe(true);
    expect(factors.some((f) => f < 1)).toBe(true);
  });

  it('refuses invalid input with a RangeError', () => {
    const bad: Partial<GenerateDemoSeriesInput>[] = [
      { periods: ['2015-13'] },
      { periods: ['2015-01', '2015-01'] },
      { periods: ['2015-01', '2015Q1'] },
      { baseLevel: -1 },
      { baseLevel: Number.NaN },
      { trendPerYear: -1 },
      { seasonality: [1, 1, 1] },
      { seasonality: Array.from({ length: 12 }, () => 0) },
      { noise: { relativeSd: -0.1 } },
      { outlierRate: 1.5 },
      { missingRate: -0.1 },
      { outlierFactor: { min: 0.5, max: 2 } },
      { outlierFactor: { min: 4, max: 3 } },
      { decimals: 1.5 },
    ];
    for (const overrides of bad) expect(() => generateDemoSeries(countInput(overrides))).toThrow(RangeError);
    expect(generateDemoSeries(countInput({ periods: [] }))).toEqual([]);
  });

  it('rescales a hand-written seasonality to average 1', () => {
    const doubled = defaultSeasonality('cannabis-harvest').map((m) => 2 * m);
    const a = generateDemoSeries(countInput({ seasonality: doubled }));
    const b = generateDemoSeries(countInput({ seasonality: defaultSeasonality('cannabis-harvest') }));
    expect(a.map((p) => p.value)).toEqual(b.map((p) => p.value));
  });
});

/** What {@link detection} counts: planted outliers by size and direction, flagged or not, and false alarms. */
type Detection = {
  up4: [flagged: number, planted: number];
  down4: [flagged: number, planted: number];
  small: [flagged: number, planted: number];
  normal: [flagged: number, total: number];
};

/**
 * Runs the project's own seasonal check on every reported month of 100 ten-year series (2015–2024, Poisson
 * around 40 a month, 2 % planted outliers of ×3–×6 up or down, 2 % missing) and counts what it flags.
 */
const detection = (seasonality: number[] | null): Detection => {
  const result: Detection = { up4: [0, 0], down4: [0, 0], small: [0, 0], normal: [0, 0] };
  const count = (cell: [number, number], flagged: boolean) => {
    cell[1]++;
    if (flagged) cell[0]++;
  };
  for (let s = 0; s < 100; s++) {
    const series = generateDemoSeries(
      countInput({
        seed: `detect-${s}`,
        periods: monthIds('2015-01', '2024-12'),
        seasonality,
        outlierRate: 0.02,
        missingRate: 0.02,
      }),
    );
    const points = series.map(({ period, value }) => ({ period, value }));
    for (const point of series) {
      if (point.isMissing) continue;
      const flagged = seasonalOutlier(points, point.period).isOutlier;
      const factor = point.plantedFactor;
      if (factor === null) count(result.normal, flagged);
      else if (factor >= 4) count(result.up4, flagged);
      else if (factor <= 1 / 4) count(result.down4, flagged);
      else count(result.small, flagged);
    }
  }
  return result;
};

describe('planted outliers against the outlier checks', () => {
  // Measured with these seeds (flagged / planted):
  //   flat:             ×4–×6 up 85/89, ÷4–÷6 down 56/78 (factor ≥ 4: 141/167, 84 %), ×3–×4 58/73;
  //                     false alarms 108/11531 (0.94 %)
  //   cannabis-harvest: ×4–×6 up 85/89, ÷4–÷6 down 38/78 (factor ≥ 4: 123/167, 74 %), ×3–×4 45/73;
  //                     false alarms 194/11531 (1.68 %), 115 of them in 2015–2017, before the seasonal
  //                     method has three earlier years and the plain check sees the harvest peak.
  // The misses are mostly downward: at 40 a month, a quarter of the level is about four Poisson deviations
  // away, near the 3.5 threshold, and the first months have too little history for any verdict.
  it.each([
    ['flat', null],
    ['cannabis-harvest', defaultSeasonality('cannabis-harvest')],
  ] as const)('mostly flags factor ≥ 4 outliers with few false alarms (%s)', (_kind, seasonality) => {
    const { up4, down4, normal: clean } = detection(seasonality === null ? null : [...seasonality]);
    const [flagged4, planted4] = [up4[0] + down4[0], up4[1] + down4[1]];
    expect(planted4).toBeGreaterThan(100);
    expect(flagged4 / planted4).toBeGreaterThanOrEqual(0.7);
    expect(up4[0] / up4[1]).toBeGreaterThanOrEqual(0.9);
    expect(clean[1]).toBeGreaterThan(10_000);
    expect(clean[0] / clean[1]).toBeLessThanOrEqual(0.02);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPeriod, periodsBetween, toPeriod } from '#shared/domain/period';
import {
  mad,
  meanAbsoluteDeviation,
  median,
  robustOutlier,
  robustSpread,
  robustZ,
  seasonalOutlier,
  type SeriesPoint,
} from './outliers.rules';

/** A small seeded generator (mulberry32) so that the synthetic series are the same on every run. */
const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** Equal up to rounding, treating equal infinities as equal. */
const expectClose = (a: number, b: number) => {
  if (!Number.isFinite(a) || !Number.isFinite(b)) expect(a).toBe(b);
  else expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));
};

/** The classic z-score the issue wants to avoid: mean and population standard deviation. */
const naiveZ = (value: number, history: number[]) => {
  const mean = history.reduce((s, v) => s + v, 0) / history.length;
  const sd = Math.sqrt(history.reduce((s, v) => s + (v - mean) ** 2, 0) / history.length);
  return (value - mean) / sd;
};

/**
 * Ten years (2014–2023) of monthly data around 100 with a December five times higher, a 3 % yearly trend
 * and ±5 % noise.
 */
const seasonalSeries = (seed = 42): SeriesPoint[] => {
  const random = seeded(seed);
  return periodsBetween(toPeriod('2014-01'), toPeriod('2023-12')).map((period, i) => {
    if (period.type !== 'month') throw new Error('months only');
    const season = period.month === 12 ? 5 : 1;
    const value = 100 * season * 1.03 ** (i / 12) * (1 + (random() - 0.5) * 0.1);
    return { period: formatPeriod(period), value: Math.round(value * 10) / 10 };
  });
};

const valueOf = (series: SeriesPoint[], period: string) => series.find((p) => p.period === period)!.value!;
const withValue = (series: SeriesPoint[], period: string, value: number | null) =>
  series.map((p) => (p.period === period ? { period, value } : p));

describe('median and MAD', () => {
  it('computes the median of odd and even counts and refuses an empty list', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(() => median([])).toThrow(RangeError);
    expect(() => mad([])).toThrow(RangeError);
    expect(() => robustZ(1, [])).toThrow(RangeError);
  });

  it('scales the MAD by 1.4826 and is not moved by one wild value', () => {
    // deviations from the median 3: 2, 1, 0, 1, 97 → median 1
    expect(mad([1, 2, 3, 4, 100])).toBeCloseTo(1.4826, 10);
    expect(mad([1, 2, 3, 4, 1e9])).toBeCloseTo(1.4826, 10);
    expect(mad([5, 5, 5])).toBe(0);
    // mean absolute deviation from the median 10: (0·7 + 2 + 20) / 9, scaled by 1.2533
    expect(meanAbsoluteDeviation([10, 10, 10, 10, 10, 10, 10, 12, 30])).toBeCloseTo((22 / 9) * 1.2533, 10);
  });

  it('estimates the standard deviation of roughly normal data', () => {
    const random = seeded(7);
    // Sum of twelve uniforms minus six: close to a standard normal.
    const values = Array.from(
      { length: 5000 },
      () => Array.from({ length: 12 }, random).reduce((s, v) => s + v) - 6,
    );
    expect(mad(values)).toBeGreaterThan(0.93);
    expect(mad(values)).toBeLessThan(1.07);
  });

  it('gives a robust z-score unchanged by adding a constant or scaling by a positive factor', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -10_000, max: 10_000 }),
        fc.integer({ min: 1, max: 1000 }),
        (history, value, shift, factor) => {
          const z = robustZ(value, history);
          expectClose(
            robustZ(
              value + shift,
              history.map((v) => v + shift),
            ),
            z,
          );
          expectClose(
            robustZ(
              value * factor,
              history.map((v) => v * factor),
            ),
            z,
          );
          expectClose(
            robustZ(
              value / factor,
              history.map((v) => v / factor),
            ),
            z,
          );
        },
      ),
    );
  });

  it('makes the median the middle: at most half the values lie strictly on either side', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1 }), (values) => {
        const m = median(values);
        expect(values.filter((v) => v < m).length).toBeLessThanOrEqual(values.length / 2);
        expect(values.filter((v) => v > m).length).toBeLessThanOrEqual(values.length / 2);
        expect(mad(values)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('robustOutlier', () => {
  const history = [
    38, 41, 40, 39, 42, 40, 37, 43, 40, 41, 39, 40, 38, 42, 40, 41, 39, 40, 44, 36, 40, 41, 39, 40,
  ];

  it('flags a spike with the numbers in the reason', () => {
    const check = robustOutlier(120, history);
    expect(check).toMatchObject({
      isOutlier: true,
      method: 'robust-z',
      spread: 'mad',
      median: 40,
      historySize: 24,
    });
    expect(check.score).toBeGreaterThan(3.5);
    expect(check.reason).toMatch(
      /^120 is \d+\.\d robust deviations above the median 40 of the last 24 values; the threshold is 3\.5$/,
    );
    expect(robustOutlier(2, history).reason).toContain('below the median 40');
  });

  it('lets an ordinary value pass and says so', () => {
    const check = robustOutlier(41, history);
    expect(check.isOutlier).toBe(false);
    expect(Math.abs(check.score!)).toBeLessThan(1);
    expect(robustOutlier(40, history).reason).toBe('40 equals the median 40 of the last 24 values');
  });

  it('is not blinded by an earlier spike, unlike a normal z-score', () => {
    const spiky = [...history.slice(0, 23), 1000];
    expect(Math.abs(naiveZ(100, spiky))).toBeLessThan(3.5);
    expect(robustOutlier(100, spiky).isOutlier).toBe(true);
  });

  it('takes the threshold from the options', () => {
    const { score } = robustOutlier(47, history);
    expect(score).toBeGreaterThan(3.5);
    expect(score).toBeLessThan(5);
    expect(robustOutlier(47, history).isOutlier).toBe(true);
    expect(robustOutlier(47, history, { threshold: 5 })).toMatchObject({ isOutlier: false, threshold: 5 });
  });

  it('says nothing before six earlier values', () => {
    const check = robustOutlier(1e9, [1, 2, 3, 4, 5]);
    expect(check).toMatchObject({
      isOutlier: false,
      method: 'insufficient-history',
      score: null,
      historySize: 5,
    });
    expect(check.reason).toBe('Only 5 earlier values; at least 6 are needed to judge outliers');
    expect(robustOutlier(1e9, [1, 2, 3, 4, 5, 6]).isOutlier).toBe(true);
    expect(robustOutlier(1e9, []).method).toBe('insufficient-history');
    expect(robustOutlier(1e9, [1, 2, 3, 4, 5, 6], { minHistory: 10 }).method).toBe('insufficient-history');
  });

  it('falls back to the mean absolute deviation when the MAD is zero', () => {
    const mostlyTen = [10, 10, 10, 10, 10, 10, 10, 12, 30];
    expect(robustSpread(mostlyTen)).toMatchObject({ mad: 0, spread: 'mean-absolute-deviation' });
    expect(robustOutlier(11, mostlyTen)).toMatchObject({
      isOutlier: false,
      spread: 'mean-absolute-deviation',
    });
    const check = robustOutlier(30, mostlyTen);
    expect(check).toMatchObject({ isOutlier: true, spread: 'mean-absolute-deviation', mad: 0 });
    expect(check.reason).toContain('mean absolute deviation');
  });

  it('flags a change in a constant history only when enough values agree', () => {
    const long = Array.from({ length: 24 }, () => 40);
    expect(robustOutlier(40, long)).toMatchObject({ isOutlier: false, score: 0, spread: 'none' });
    const changed = robustOutlier(45, long);
    expect(changed).toMatchObject({ isOutlier: true, score: null, spread: 'none', median: 40 });
    expect(changed.reason).toBe(
      '45 differs from the median 40 of the last 24 values, and the 24 earlier values did not vary',
    );
    const short = robustOutlier(45, long.slice(0, 8));
    expect(short).toMatchObject({ isOutlier: false, score: null, spread: 'none' });
    expect(short.reason).toContain('too few');
    expect(robustOutlier(45, long.slice(0, 8), { minConstantHistory: 8 }).isOutlier).toBe(true);
    expect(robustZ(45, long)).toBe(Infinity);
    expect(robustZ(35, long)).toBe(-Infinity);
    expect(robustZ(40, long)).toBe(0);
  });

  it('gives the same verdict after adding a constant or scaling by a power of two', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 6, maxLength: 30 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -4, max: 8 }),
        (history, value, shift, power) => {
          const check = robustOutlier(value, history);
          const shifted = robustOutlier(
            value + shift,
            history.map((v) => v + shift),
          );
          const factor = 2 ** power;
          const scaled = robustOutlier(
            value * factor,
            history.map((v) => v * factor),
          );
          expect(shifted.isOutlier).toBe(check.isOutlier);
          expect(scaled.isOutlier).toBe(check.isOutlier);
          expect(scaled.score).toBe(check.score);
        },
      ),
    );
  });
});

describe('seasonalOutlier', () => {
  const series = seasonalSeries();

  it('does not flag a normal December that a naive z-score over the last 12 months would flag', () => {
    const december = valueOf(series, '2023-12');
    const before = series.slice(-13, -1).map((p) => p.value!);
    expect(naiveZ(december, before)).toBeGreaterThan(3);
    expect(robustOutlier(december, before).isOutlier).toBe(true);
    const check = seasonalOutlier(series, '2023-12');
    expect(check).toMatchObject({ isOutlier: false, method: 'seasonal' });
    expect(Math.abs(check.score!)).toBeLessThan(2);
    expect(check.reason).toMatch(
      /the seasonal baseline [\d.]+ \(the median [\d.]+ of the same month in 9 earlier years times the recent level [\d.]+\)/,
    );
  });

  it('flags a March four times its usual value, and lets a usual March pass', () => {
    expect(seasonalOutlier(series, '2023-03')).toMatchObject({ isOutlier: false, method: 'seasonal' });
    const spiked = withValue(series, '2023-03', valueOf(series, '2023-03') * 4);
    const check = seasonalOutlier(spiked, '2023-03');
    expect(check).toMatchObject({ isOutlier: true, method: 'seasonal' });
    expect(check.score).toBeGreaterThan(10);
    expect(check.reason).toMatch(/^\d+(\.\d+)? is \d+\.\d robust deviations above the seasonal baseline/);
  });

  it('flags a December that fails to peak', () => {
    const flat = withValue(series, '2023-12', valueOf(series, '2023-11'));
    const check = seasonalOutlier(flat, '2023-12');
    expect(check).toMatchObject({ isOutlier: true, method: 'seasonal' });
    expect(check.score).toBeLessThan(-3.5);
  });

  it('judges no normal month of the last five years as an outlier', () => {
    for (const seed of [1, 2, 3]) {
      const s = seasonalSeries(seed);
      const flagged = s.slice(-60).filter((p) => seasonalOutlier(s, p.period).isOutlier);
      expect(flagged.map((p) => p.period)).toEqual([]);
    }
  });

  it('follows the level: a trend does not make recent values outliers', () => {
    const grown = series.map((p, i) => ({ period: p.period, value: p.value! * 1.15 ** (i / 12) }));
    expect(seasonalOutlier(grown, '2023-12')).toMatchObject({ isOutlier: false, method: 'seasonal' });
    expect(seasonalOutlier(grown, '2023-06')).toMatchObject({ isOutlier: false, method: 'seasonal' });
  });

  it('skips missing values, and answers no-value for a missing period', () => {
    const holes = series.map((p, i) => (i % 5 === 0 && p.period !== '2023-12' ? { ...p, value: null } : p));
    expect(seasonalOutlier(holes, '2023-12')).toMatchObject({ isOutlier: false, method: 'seasonal' });
    const missing = seasonalOutlier(withValue(series, '2023-12', null), '2023-12');
    expect(missing).toMatchObject({
      isOutlier: false,
      method: 'no-value',
      reason: 'There is no value for 2023-12',
    });
    expect(seasonalOutlier(series, '2030-01').method).toBe('no-value');
  });

  it('uses the plain check on the last 24 values with fewer than three earlier years of the month', () => {
    const twoYears = series.filter((p) => p.period >= '2022-01');
    const check = seasonalOutlier(twoYears, '2023-12');
    expect(check.method).toBe('robust-z');
    expect(check.historySize).toBe(23);
    expect(check.isOutlier).toBe(true);
    expect(seasonalOutlier(twoYears, '2023-03', { window: 12 }).historySize).toBe(12);
  });

  it('needs six earlier values before judging at all', () => {
    const short = series.filter((p) => p.period >= '2023-01' && p.period <= '2023-06');
    expect(seasonalOutlier(short, '2023-06')).toMatchObject({
      method: 'insufficient-history',
      isOutlier: false,
    });
  });

  it('judges yearly series by the plain check and ignores points of another period type', () => {
    const years = Array.from({ length: 10 }, (_, i) => ({ period: String(2014 + i), value: 100 + i }));
    expect(seasonalOutlier(years, '2023')).toMatchObject({
      method: 'robust-z',
      isOutlier: false,
      historySize: 9,
    });
    expect(seasonalOutlier([...series, ...years], '2023-12').method).toBe('seasonal');
    expect(() => seasonalOutlier(series, '2023-13')).toThrow(RangeError);
  });

  it('gives the same seasonal score when the whole series is scaled', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3, max: 6 }), fc.integer({ min: 0, max: 35 }), (power, back) => {
        const factor = 2 ** power;
        const target = series[series.length - 1 - back]!.period;
        const scaled = series.map((p) => ({ period: p.period, value: p.value! * factor }));
        const a = seasonalOutlier(series, target);
        const b = seasonalOutlier(scaled, target);
        expect(b.method).toBe(a.method);
        expect(b.isOutlier).toBe(a.isOutlier);
        expectClose(b.score!, a.score!);
      }),
      { numRuns: 30 },
    );
  });
});

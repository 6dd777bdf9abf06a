import { describe, expect, it } from 'vitest';
import { formatPeriod, periodsBetween, toPeriod } from '#shared/domain/period';
import { predictSeries, trimmedMean } from './outlier-baseline.rules';
import { countDispersion, countTail, robustSpread } from './outlier-tails.rules';
import {
  outlierVerdict,
  outlierVerdicts,
  recordingUnit,
  roundForReading,
  type SeriesPoint,
} from './outliers.rules';

/** A small seeded generator (mulberry32) so that the synthetic series are the same on every run. */
const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
type Random = () => number;

const normal = (random: Random) => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

/** Poisson by Knuth's product of uniforms (small means) or the rounded normal approximation. */
const poisson = (random: Random, lambda: number): number => {
  if (lambda > 50) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal(random)));
  const limit = Math.exp(-lambda);
  let k = 0;
  let product = random();
  while (product > limit) {
    k++;
    product *= random();
  }
  return k;
};

/** Gamma(shape, 1) by Marsaglia and Tsang (shape ≥ 1). */
const gamma = (random: Random, shape: number): number => {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal(random);
    const v = (1 + c * x) ** 3;
    if (v > 0 && Math.log(1 - random()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
};

const months = (from: string, to: string) => periodsBetween(toPeriod(from), toPeriod(to)).map(formatPeriod);
const series = (from: string, values: ReadonlyArray<number | null>): SeriesPoint[] => {
  const ids = months(from, '2099-12').slice(0, values.length);
  return values.map((value, i) => ({ period: ids[i]!, value }));
};
/** A made-up harvest shape: quiet winters, a peak in August to October, averaging about 1. */
const harvest = [0.5, 0.5, 0.6, 0.8, 1, 1.1, 1.3, 1.8, 2, 1.6, 0.9, 0.6];

const flaggedShare = (all: Array<Map<string, { isOutlier: boolean }>>) => {
  let flagged = 0;
  let total = 0;
  for (const verdicts of all)
    for (const v of verdicts.values()) {
      total++;
      if (v.isOutlier) flagged++;
    }
  return { flagged, total, share: flagged / total };
};

describe('building blocks', () => {
  it('takes the recording unit from the values and the trimmed mean without the extremes', () => {
    expect(recordingUnit(12)).toBe(1);
    expect(recordingUnit(1.5)).toBe(0.1);
    expect(recordingUnit(0.07)).toBe(0.01);
    expect(recordingUnit(2500)).toBe(100);
    expect(recordingUnit(0)).toBe(Infinity);
    expect(trimmedMean([1, 2, 3, 4, 100])).toBe(3);
    expect(trimmedMean([2, 4])).toBe(3);
    expect(roundForReading(61.4, 'count')).toBe(61);
    expect(roundForReading(0.012345, 'amount')).toBe(0.0123);
    expect(roundForReading(1234.5, 'amount')).toBe(1235);
  });

  it('gives Poisson tails and the range of usual counts', () => {
    // P(X ≥ 11 | 3) = 0.000292 and P(X ≥ 10 | 3) = 0.00110 (tables of the Poisson distribution).
    expect(countTail(11, 3, 0, 0.001).upper).toBeCloseTo(0.000292, 5);
    const tail = countTail(10, 3, 0, 0.001);
    expect(tail.upper).toBeCloseTo(0.0011, 4);
    expect(tail.usualHigh).toBe(10);
    expect(tail.usualLow).toBe(0);
    // Extra dispersion widens the range: NB with variance 3 + 3² = 12.
    expect(countTail(10, 3, 1, 0.001).usualHigh).toBeGreaterThan(15);
    expect(countTail(500, 400, 0, 0.001).usualLow).toBeGreaterThan(330);
  });

  it('keeps Poisson for Poisson errors, finds extra dispersion, and is barely moved by one wild error', () => {
    const random = seeded(11);
    const poissonErrors = Array.from({ length: 36 }, () => ({ value: poisson(random, 20), expected: 20 }));
    expect(countDispersion(poissonErrors)).toBe(0);
    const wider = Array.from({ length: 36 }, () => ({
      value: poisson(random, (20 * gamma(random, 2)) / 2),
      expected: 20,
    }));
    const dispersion = countDispersion(wider);
    // NB with k = 2: 1/k = 0.5; 36 errors estimate it roughly.
    expect(dispersion).toBeGreaterThan(0.2);
    expect(dispersion).toBeLessThan(1.2);
    const withSpike = countDispersion([...wider.slice(1), { value: 400, expected: 20 }]);
    expect(withSpike).toBeLessThan(dispersion * 1.5);
    expect(robustSpread([0.1, -0.1, 0.05, -0.2, 0.15, -0.05, 0.12, -0.15, 0.08, -0.1, 0.1, 5])).toBeLessThan(
      0.3,
    );
  });

  it('predicts a seasonal month from every earlier year, a missing year included', () => {
    const points = months('2015-01', '2022-12')
      .map((id) => toPeriod(id))
      .filter((p) => p.type === 'month' && p.year !== 2019)
      .map((p) => ({ year: p.year, slot: p.type === 'month' ? p.month - 1 : 0, value: 0 }));
    for (const p of points) p.value = 100 * harvest[p.slot]!;
    const predictions = predictSeries(points, 12, {
      levelWindow: 12,
      minLevelValues: 4,
      minSeasonalYears: 1,
      minSlotsPerYear: 6,
    });
    const september2020 = points.findIndex((p) => p.year === 2020 && p.slot === 8);
    expect(predictions[september2020]!.seasonal).toBeCloseTo(200, 0);
    expect(predictions[september2020]!.seasonalYears).toBe(4);
    expect(predictions[september2020]!.level).toBeLessThan(150);
  });
});

describe('count checks', () => {
  it('does not flag a 1 or a 2 against a mostly-zero history (each was a false flag before)', () => {
    const history = Array.from({ length: 60 }, (_, i) => (i % 17 === 5 ? 1 : 0));
    for (const value of [1, 2]) {
      const v = outlierVerdict(series('2020-01', [...history, value]), '2025-01', 'count');
      expect(v.isOutlier, `value ${value}`).toBe(false);
    }
  });

  it('gives no verdict on an all-zero history, except a value where there has always been none', () => {
    const zeros = Array.from({ length: 24 }, () => 0);
    expect(outlierVerdict(series('2023-01', [...zeros, 1]), '2025-01', 'count')).toMatchObject({
      isOutlier: false,
      method: 'always-none',
    });
    expect(outlierVerdict(series('2023-01', [...zeros, 5]), '2025-01', 'count')).toMatchObject({
      isOutlier: true,
      finding: 'first-value',
      historySize: 24,
    });
    // Two non-zero values in five years are too few for a statistical verdict.
    const nearly = Array.from({ length: 60 }, (_, i) => (i === 10 || i === 40 ? 1 : 0));
    expect(outlierVerdict(series('2020-01', [...nearly, 9]), '2025-01', 'count').method).toBe(
      'sparse-history',
    );
  });

  it('flags a spike with its expected value, usual range and probability as data', () => {
    const random = seeded(3);
    const values = Array.from({ length: 48 }, () => poisson(random, 60));
    const v = outlierVerdict(series('2021-01', [...values, 250]), '2025-01', 'count');
    expect(v).toMatchObject({ isOutlier: true, finding: 'higher', method: 'level', historySize: 48 });
    expect(v.expected!).toBeGreaterThan(50);
    expect(v.expected!).toBeLessThan(70);
    expect(v.usualHigh!).toBeLessThan(100);
    expect(v.usualLow!).toBeGreaterThan(25);
    expect(v.probability!).toBeLessThan(1e-10);
    const usual = outlierVerdict(series('2021-01', [...values, 66]), '2025-01', 'count');
    expect(usual.isOutlier).toBe(false);
    expect(usual.expected).toBeCloseTo(v.expected!, 9);
    const low = outlierVerdict(series('2021-01', [...values, 12]), '2025-01', 'count');
    expect(low).toMatchObject({ isOutlier: true, finding: 'lower' });
  });

  it('does not flag ordinary harvest peaks, in the first years or with a same-month value missing', () => {
    const all = [];
    for (let s = 0; s < 40; s++) {
      const random = seeded(100 + s);
      const values: Array<number | null> = months('2015-01', '2025-12').map((id, i) => {
        const month = Number(id.slice(5)) - 1;
        // Every series misses one September, in a different year.
        if (month === 8 && Math.floor(i / 12) === s % 11) return null;
        return poisson(random, 30 * harvest[month]!);
      });
      all.push(outlierVerdicts(series('2015-01', values), 'month', 'count'));
    }
    const { share, total } = flaggedShare(all);
    expect(total).toBeGreaterThan(5000);
    expect(share).toBeLessThan(0.005);
    // With a September missing, the next September is still compared with the other Septembers.
    const septembers = [...all[3]!.values()].filter((v) => v.period.endsWith('-09') && v.period >= '2019');
    expect(septembers.every((v) => v.method === 'seasonal')).toBe(true);
    expect(septembers.map((v) => v.seasonalYears)).toContain(3);
  });

  it('catches tripled values where the expected count is 10 or more, even in season', () => {
    let caught = 0;
    let planted = 0;
    for (let s = 0; s < 60; s++) {
      const random = seeded(500 + s);
      const values = months('2015-01', '2024-12').map((id) =>
        poisson(random, 10 * harvest[Number(id.slice(5)) - 1]! + 10),
      );
      const at = 30 + (s % 80);
      values[at] = poisson(random, 3 * (10 * harvest[at % 12]! + 10));
      const v = outlierVerdict(series('2015-01', values), months('2015-01', '2024-12')[at]!, 'count');
      planted++;
      if (v.isOutlier) caught++;
    }
    expect(caught / planted).toBeGreaterThan(0.9);
  });

  it('keeps quiet on over-dispersed counts (negative binomial, k = 3) and on a steady trend', () => {
    const all = [];
    for (let s = 0; s < 30; s++) {
      const random = seeded(900 + s);
      const values = months('2015-01', '2025-12').map((_, i) =>
        poisson(random, (40 * 1.08 ** (i / 12) * gamma(random, 3)) / 3),
      );
      all.push(outlierVerdicts(series('2015-01', values), 'month', 'count'));
    }
    expect(flaggedShare(all).share).toBeLessThan(0.01);
  });

  it('gets used to a new level within a year instead of warning forever', () => {
    const random = seeded(77);
    const values = months('2015-01', '2022-12').map((_, i) => poisson(random, i < 60 ? 20 : 80));
    const verdicts = outlierVerdicts(series('2015-01', values), 'month', 'count');
    expect(verdicts.get('2020-01')?.isOutlier).toBe(true);
    const lastYear = [...verdicts.values()].filter((v) => v.period >= '2021-06');
    expect(lastYear.filter((v) => v.isOutlier)).toHaveLength(0);
  });
});

describe('amount checks', () => {
  it('keeps quiet on skewed (log-normal) and on symmetric amounts, and catches a fivefold seizure', () => {
    const skewed = [];
    const symmetric = [];
    for (let s = 0; s < 30; s++) {
      const random = seeded(1300 + s);
      const a = months('2015-01', '2025-12').map(
        () => Math.round(50 * Math.exp(0.8 * normal(random)) * 100) / 100,
      );
      skewed.push(outlierVerdicts(series('2015-01', a), 'month', 'amount'));
      const b = months('2015-01', '2025-12').map(
        (id) =>
          Math.round(
            Math.max(0, 20 * harvest[Number(id.slice(5)) - 1]! * (1 + 0.25 * normal(random))) * 100,
          ) / 100,
      );
      symmetric.push(outlierVerdicts(series('2015-01', b), 'month', 'amount'));
    }
    expect(flaggedShare(skewed).share).toBeLessThan(0.01);
    expect(flaggedShare(symmetric).share).toBeLessThan(0.005);
    const random = seeded(5);
    const kg = months('2020-01', '2023-12').map(() => Math.round(40 * (1 + 0.2 * normal(random)) * 10) / 10);
    const v = outlierVerdict(series('2020-01', [...kg, 200]), '2024-01', 'amount');
    expect(v).toMatchObject({ isOutlier: true, finding: 'higher', kind: 'amount' });
  });

  it('does not read the rounding of tiny amounts as a change', () => {
    const values = Array.from({ length: 48 }, (_, i) => [0.01, 0.02, 0.01, 0.02, 0.03][i % 5]!);
    const verdicts = outlierVerdicts(series('2020-01', [...values, 0, 0.04]), 'month', 'amount');
    expect([...verdicts.values()].filter((v) => v.isOutlier)).toHaveLength(0);
  });
});

describe('what every verdict promises', () => {
  it('judges a value on earlier values only, and says why it has no verdict', () => {
    const random = seeded(8);
    const values = months('2018-01', '2024-12').map(() => poisson(random, 15));
    const full = outlierVerdicts(series('2018-01', values), 'month', 'count');
    const prefix = outlierVerdicts(series('2018-01', values.slice(0, 40)), 'month', 'count');
    for (const [period, v] of prefix) expect(full.get(period)).toEqual(v);
    expect(outlierVerdict(series('2024-01', [3, 4, 5]), '2024-03', 'count').method).toBe(
      'insufficient-history',
    );
    expect(outlierVerdict(series('2024-01', [3, null]), '2024-02', 'count').method).toBe('no-value');
  });

  it('judges years and quarters too', () => {
    const random = seeded(21);
    const years = Array.from({ length: 10 }, (_, i) => ({
      period: String(2015 + i),
      value: poisson(random, 400),
    }));
    expect(outlierVerdict([...years, { period: '2025', value: 1600 }], '2025', 'count')).toMatchObject({
      isOutlier: true,
      slot: null,
    });
    const quarters = periodsBetween(toPeriod('2015Q1'), toPeriod('2024Q4')).map((p, i) => ({
      period: formatPeriod(p),
      value: poisson(random, 100 * [0.6, 1, 1.6, 0.8][i % 4]!),
    }));
    const q3 = outlierVerdict([...quarters, { period: '2025Q3', value: 160 }], '2025Q3', 'count');
    expect(q3).toMatchObject({ isOutlier: false, method: 'seasonal', slot: 3 });
  });
});

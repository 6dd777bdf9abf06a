import { deadlineOf, defaultDeadlinePolicy } from '#shared/domain/deadline';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toPeriod } from '#shared/domain/period';
import {
  completeness,
  expectedCells,
  isOnTime,
  summariseCompleteness,
  timeliness,
  type CompletenessRow,
} from './completeness.rules';

describe('expectedCells', () => {
  it('multiplies the option combinations of all elements by territories and periods', () => {
    // drug crimes by 4 substances × 2 sexes, plus two undisaggregated elements; 3 territories; 12 months
    expect(expectedCells({ optionCombosPerElement: [8, 1, 1], territories: 3, periods: 12 })).toBe(360);
    expect(expectedCells({ optionCombosPerElement: [], territories: 3, periods: 12 })).toBe(0);
    expect(expectedCells({ optionCombosPerElement: [8], territories: 0, periods: 12 })).toBe(0);
  });

  it('refuses negative and fractional counts', () => {
    expect(() => expectedCells({ optionCombosPerElement: [-1], territories: 1, periods: 1 })).toThrow(
      RangeError,
    );
    expect(() => expectedCells({ optionCombosPerElement: [1], territories: 1.5, periods: 1 })).toThrow(
      RangeError,
    );
    expect(() => expectedCells({ optionCombosPerElement: [1], territories: 1, periods: -2 })).toThrow(
      RangeError,
    );
  });
});

describe('completeness', () => {
  it('is the share present, null when nothing is expected, capped at 1', () => {
    expect(completeness({ expected: 4, present: 3 })).toBe(0.75);
    expect(completeness({ expected: 4, present: 0 })).toBe(0);
    expect(completeness({ expected: 4, present: 4 })).toBe(1);
    expect(completeness({ expected: 0, present: 0 })).toBeNull();
    expect(completeness({ expected: 0, present: 5 })).toBeNull();
    expect(completeness({ expected: 4, present: 9 })).toBe(1);
    expect(() => completeness({ expected: 4, present: -1 })).toThrow(RangeError);
    expect(() => completeness({ expected: Number.NaN, present: 1 })).toThrow(RangeError);
  });

  it('always lies in [0, 1] and grows with what is present', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), (expected, present) => {
        const ratio = completeness({ expected, present });
        if (expected === 0) {
          expect(ratio).toBeNull();
          return;
        }
        expect(ratio).toBeGreaterThanOrEqual(0);
        expect(ratio).toBeLessThanOrEqual(1);
        expect(completeness({ expected, present: present + 1 })!).toBeGreaterThanOrEqual(ratio!);
      }),
    );
  });
});

describe('deadlines and timeliness', () => {
  it('puts the deadline a number of days after the period ends', () => {
    expect(deadlineOf(toPeriod('2024-03'), { daysAfterPeriodEnd: 15 })).toBe('2024-04-15');
    expect(deadlineOf(toPeriod('2024-02'), { daysAfterPeriodEnd: 0 })).toBe('2024-02-29');
    expect(deadlineOf(toPeriod('2024-12'), { daysAfterPeriodEnd: 31 })).toBe('2025-01-31');
    expect(deadlineOf(toPeriod('2024Q4'), defaultDeadlinePolicy)).toBe('2025-01-15');
    expect(deadlineOf(toPeriod('2024'), { daysAfterPeriodEnd: 60 })).toBe('2025-03-01');
    expect(() => deadlineOf(toPeriod('2024'), { daysAfterPeriodEnd: -1 })).toThrow(RangeError);
  });

  it('counts a submission any time on the deadline day as on time', () => {
    expect(isOnTime('2024-04-15T23:59:59.999Z', '2024-04-15')).toBe(true);
    expect(isOnTime('2024-04-16T00:00:00Z', '2024-04-15')).toBe(false);
    expect(isOnTime('2024-04-15T12:00:00Z', '2024-04-15T12:00:00Z')).toBe(true);
    expect(isOnTime('2024-04-15T12:00:01Z', '2024-04-15T12:00:00Z')).toBe(false);
    // 05:00 in Bishkek on the 16th is still the 15th in UTC.
    expect(isOnTime('2024-04-16T05:00:00+06:00', '2024-04-15')).toBe(true);
    expect(() => isOnTime('yesterday', '2024-04-15')).toThrow(RangeError);
    expect(() => isOnTime('2024-04-15T00:00:00Z', '15.04.2024')).toThrow(RangeError);
  });

  it('counts on-time, late and missing reports, missing ones counting against timeliness', () => {
    const result = timeliness(
      [
        { submittedAt: '2024-04-01T08:00:00Z' },
        { submittedAt: '2024-04-15T18:00:00Z' },
        { submittedAt: '2024-04-20T08:00:00Z' },
        { submittedAt: null },
      ],
      '2024-04-15',
    );
    expect(result).toEqual({ expected: 4, submitted: 3, onTime: 2, late: 1, missing: 1, ratio: 0.5 });
    expect(timeliness([], '2024-04-15')).toEqual({
      expected: 0,
      submitted: 0,
      onTime: 0,
      late: 0,
      missing: 0,
      ratio: null,
    });
    expect(() => timeliness([], 'soon')).toThrow(RangeError);
  });
});

describe('summariseCompleteness', () => {
  const row = (over: Partial<CompletenessRow>): CompletenessRow => ({
    agencyId: 'mvd',
    territoryId: 'bishkek',
    period: '2024-03',
    expected: 10,
    present: 10,
    submittedAt: '2024-04-10T09:00:00Z',
    ...over,
  });
  const rows = [
    row({}),
    row({ territoryId: 'osh', present: 5, submittedAt: '2024-04-30T09:00:00Z' }),
    row({ period: '2024-02', present: 0, submittedAt: null }),
    row({ agencyId: 'health', expected: 4, present: 4, submittedAt: '2024-04-15T10:00:00Z' }),
    row({
      agencyId: 'health',
      period: '2024-10',
      expected: 4,
      present: 6,
      submittedAt: '2024-11-01T00:00:00Z',
    }),
  ];

  it('groups by agency with sums, ratios and report timeliness', () => {
    expect(summariseCompleteness(rows, ['agency'])).toEqual([
      {
        key: { agencyId: 'health' },
        expected: 8,
        present: 8,
        completeness: 1,
        reports: { expected: 2, submitted: 2, onTime: 2, late: 0, missing: 0, ratio: 1 },
      },
      {
        key: { agencyId: 'mvd' },
        expected: 30,
        present: 15,
        completeness: 0.5,
        reports: { expected: 3, submitted: 2, onTime: 1, late: 1, missing: 1, ratio: 1 / 3 },
      },
    ]);
  });

  it('orders periods in time, not as text, and groups by several dimensions', () => {
    const byPeriod = summariseCompleteness(rows, ['period']);
    expect(byPeriod.map((s) => s.key.period)).toEqual(['2024-02', '2024-03', '2024-10']);
    expect(byPeriod.map((s) => s.completeness)).toEqual([0, 19 / 24, 1]);
    const byTerritoryAndPeriod = summariseCompleteness(rows, ['territory', 'period']);
    expect(byTerritoryAndPeriod.map((s) => s.key)).toEqual([
      { territoryId: 'bishkek', period: '2024-02' },
      { territoryId: 'bishkek', period: '2024-03' },
      { territoryId: 'bishkek', period: '2024-10' },
      { territoryId: 'osh', period: '2024-03' },
    ]);
  });

  it('applies the deadline policy to each period', () => {
    const strict = summariseCompleteness(rows, ['agency'], { daysAfterPeriodEnd: 5 });
    expect(strict.map((s) => s.reports.onTime)).toEqual([1, 0]);
  });

  it('puts everything in one group without dimensions, and nothing in none without rows', () => {
    const [all] = summariseCompleteness(rows, []);
    expect(all).toMatchObject({ key: {}, expected: 38, present: 23, reports: { expected: 5, onTime: 3 } });
    expect(summariseCompleteness([], ['agency'])).toEqual([]);
    expect(summariseCompleteness([row({ expected: 0, present: 0 })], [])[0]!.completeness).toBeNull();
  });

  it('refuses invalid periods and counts', () => {
    expect(() => summariseCompleteness([row({ period: '2024-13', submittedAt: null })], [])).toThrow(
      RangeError,
    );
    expect(() => summariseCompleteness([row({ present: -1 })], [])).toThrow(RangeError);
  });

  it('adds up: group totals equal the overall total, whatever the grouping', () => {
    const rowArb = fc.record({
      agencyId: fc.constantFrom('a', 'b', 'c'),
      territoryId: fc.constantFrom('t1', 't2'),
      period: fc.constantFrom('2023-12', '2024-01', '2024Q1', '2024'),
      expected: fc.nat(50),
      present: fc.nat(60),
      submittedAt: fc.option(
        fc.constantFrom('2024-01-10T00:00:00Z', '2024-02-20T00:00:00Z', '2025-06-01T00:00:00Z'),
      ),
    });
    const dimensionsArb = fc.subarray(['agency', 'territory', 'period'] as const);
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 30 }), dimensionsArb, (someRows, groupBy) => {
        const [all] = summariseCompleteness(someRows, []);
        const groups = summariseCompleteness(someRows, groupBy);
        const sum = (f: (s: (typeof groups)[number]) => number) => groups.reduce((t, s) => t + f(s), 0);
        expect(sum((s) => s.expected)).toBe(all?.expected ?? 0);
        expect(sum((s) => s.present)).toBe(all?.present ?? 0);
        expect(sum((s) => s.reports.onTime)).toBe(all?.reports.onTime ?? 0);
        expect(sum((s) => s.reports.expected)).toBe(someRows.length);
        for (const s of groups) if (s.completeness !== null) expect(s.completeness).toBeLessThanOrEqual(1);
      }),
    );
  });
});

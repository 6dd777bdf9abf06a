import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  containingPeriod,
  formatPeriod,
  isPeriodId,
  lastNPeriods,
  monthsOf,
  nextPeriod,
  parsePeriod,
  periodEnd,
  periodOfDate,
  periodStart,
  periodsBetween,
  previousPeriod,
  samePeriodLastYear,
  shiftPeriod,
  toPeriod,
  type Period,
} from './period';

const ids = (periods: Period[]) => periods.map(formatPeriod);
const p = toPeriod;

// Years stay away from the edges so that the steps the tests take never leave 1000–9999.
const yearArb = fc.integer({ min: 1100, max: 9900 });
const periodArb: fc.Arbitrary<Period> = fc.oneof(
  yearArb.map((year): Period => ({ type: 'year', year })),
  fc
    .record({ year: yearArb, quarter: fc.integer({ min: 1, max: 4 }) })
    .map((q): Period => ({ type: 'quarter', ...q })),
  fc
    .record({ year: yearArb, month: fc.integer({ min: 1, max: 12 }) })
    .map((m): Period => ({ type: 'month', ...m })),
);

describe('parsePeriod and formatPeriod', () => {
  it('reads months, quarters and years', () => {
    expect(parsePeriod('2024-03')).toEqual({ ok: true, value: { type: 'month', year: 2024, month: 3 } });
    expect(parsePeriod('2024Q1')).toEqual({ ok: true, value: { type: 'quarter', year: 2024, quarter: 1 } });
    expect(parsePeriod('2024')).toEqual({ ok: true, value: { type: 'year', year: 2024 } });
  });

  it('refuses anything else with a code and a message naming the text', () => {
    const cases: Array<[string, string]> = [
      ['', 'EMPTY'],
      ['2024-13', 'MONTH_OUT_OF_RANGE'],
      ['2024-00', 'MONTH_OUT_OF_RANGE'],
      ['2024Q5', 'QUARTER_OUT_OF_RANGE'],
      ['2024Q0', 'QUARTER_OUT_OF_RANGE'],
      ['0999', 'YEAR_OUT_OF_RANGE'],
      ['0999-03', 'YEAR_OUT_OF_RANGE'],
      ['0999x', 'UNKNOWN_FORMAT'],
      ['2024-03-01', 'UNKNOWN_FORMAT'],
      ['2024-3', 'UNKNOWN_FORMAT'],
      ['2024q1', 'UNKNOWN_FORMAT'],
      [' 2024', 'UNKNOWN_FORMAT'],
      ['2024-03 ', 'UNKNOWN_FORMAT'],
      ['202403', 'UNKNOWN_FORMAT'],
      ['24', 'UNKNOWN_FORMAT'],
      ['2024W01', 'UNKNOWN_FORMAT'],
    ];
    for (const [text, code] of cases) {
      const result = parsePeriod(text);
      expect(result.ok, text).toBe(false);
      if (!result.ok) {
        expect(result.code, text).toBe(code);
        if (text !== '') expect(result.message).toContain(text.trim());
      }
    }
    expect(isPeriodId('2024-13')).toBe(false);
    expect(isPeriodId('2024-12')).toBe(true);
    expect(() => toPeriod('2024-13')).toThrow(RangeError);
  });

  it('round-trips: format then parse gives the period back, parse then format gives the text back', () => {
    fc.assert(
      fc.property(periodArb, (period) => {
        const text = formatPeriod(period);
        expect(parsePeriod(text)).toEqual({ ok: true, value: period });
        expect(formatPeriod(toPeriod(text))).toBe(text);
      }),
    );
  });
});

describe('start and end dates', () => {
  it('gives the first and last UTC day, with leap years', () => {
    expect([periodStart(p('2024-02')), periodEnd(p('2024-02'))]).toEqual(['2024-02-01', '2024-02-29']);
    expect(periodEnd(p('2023-02'))).toBe('2023-02-28');
    expect(periodEnd(p('1900-02'))).toBe('1900-02-28');
    expect(periodEnd(p('2000-02'))).toBe('2000-02-29');
    expect([periodStart(p('2024Q2')), periodEnd(p('2024Q2'))]).toEqual(['2024-04-01', '2024-06-30']);
    expect([periodStart(p('2024Q4')), periodEnd(p('2024Q4'))]).toEqual(['2024-10-01', '2024-12-31']);
    expect([periodStart(p('2024')), periodEnd(p('2024'))]).toEqual(['2024-01-01', '2024-12-31']);
  });

  it('finds the period of a date, and every period contains its own start and end', () => {
    expect(formatPeriod(periodOfDate('2024-05-31', 'quarter'))).toBe('2024Q2');
    expect(formatPeriod(periodOfDate('2024-12-31T23:59:59Z', 'month'))).toBe('2024-12');
    expect(() => periodOfDate('31.05.2024', 'month')).toThrow(RangeError);
    expect(() => periodOfDate('2023-02-29', 'month')).toThrow(RangeError);
    expect(() => periodOfDate('2024-13-01', 'month')).toThrow(RangeError);
    expect(formatPeriod(periodOfDate('2024-02-29', 'year'))).toBe('2024');
    fc.assert(
      fc.property(periodArb, (period) => {
        expect(periodOfDate(periodStart(period), period.type)).toEqual(period);
        expect(periodOfDate(periodEnd(period), period.type)).toEqual(period);
      }),
    );
  });

  it('has consecutive periods touch: the day after an end is the next start', () => {
    fc.assert(
      fc.property(periodArb, (period) => {
        const end = new Date(`${periodEnd(period)}T00:00:00Z`);
        const dayAfter = new Date(end.getTime() + 86_400_000).toISOString().slice(0, 10);
        expect(dayAfter).toBe(periodStart(nextPeriod(period)));
      }),
    );
  });
});

describe('period arithmetic', () => {
  it('crosses year boundaries', () => {
    expect(formatPeriod(nextPeriod(p('2024-12')))).toBe('2025-01');
    expect(formatPeriod(previousPeriod(p('2024-01')))).toBe('2023-12');
    expect(formatPeriod(nextPeriod(p('2024Q4')))).toBe('2025Q1');
    expect(formatPeriod(previousPeriod(p('2024Q1')))).toBe('2023Q4');
    expect(formatPeriod(nextPeriod(p('2024')))).toBe('2025');
    expect(formatPeriod(shiftPeriod(p('2024-03'), -15))).toBe('2022-12');
    expect(formatPeriod(samePeriodLastYear(p('2024-03')))).toBe('2023-03');
    expect(formatPeriod(samePeriodLastYear(p('2024Q1')))).toBe('2023Q1');
    expect(formatPeriod(samePeriodLastYear(p('2024')))).toBe('2023');
  });

  it('refuses to leave the years 1000–9999', () => {
    expect(() => nextPeriod(p('9999-12'))).toThrow(RangeError);
    expect(() => previousPeriod(p('1000Q1'))).toThrow(RangeError);
  });

  it('has next and previous undo each other, and twelve months or four quarters make a year', () => {
    fc.assert(
      fc.property(periodArb, (period) => {
        expect(previousPeriod(nextPeriod(period))).toEqual(period);
        expect(nextPeriod(previousPeriod(period))).toEqual(period);
        const perYear = { month: 12, quarter: 4, year: 1 }[period.type];
        expect(shiftPeriod(period, -perYear)).toEqual(samePeriodLastYear(period));
      }),
    );
  });

  it('orders by start, then by length, and the order agrees with next', () => {
    const sorted = ids(
      ['2024-02', '2024', '2023Q4', '2024Q1', '2024-01', '2023-12'].map(p).sort(comparePeriods),
    );
    expect(sorted).toEqual(['2023Q4', '2023-12', '2024-01', '2024Q1', '2024', '2024-02']);
    fc.assert(
      fc.property(periodArb, periodArb, (a, b) => {
        expect(comparePeriods(a, nextPeriod(a))).toBeLessThan(0);
        expect(Math.sign(comparePeriods(a, b))).toBe(-Math.sign(comparePeriods(b, a)));
        expect(comparePeriods(a, b) === 0).toBe(formatPeriod(a) === formatPeriod(b));
      }),
    );
  });
});

describe('ranges', () => {
  it('lists periods between two periods, both included', () => {
    expect(ids(periodsBetween(p('2023-11'), p('2024-02')))).toEqual([
      '2023-11',
      '2023-12',
      '2024-01',
      '2024-02',
    ]);
    expect(ids(periodsBetween(p('2023Q4'), p('2024Q1')))).toEqual(['2023Q4', '2024Q1']);
    expect(ids(periodsBetween(p('2024-02'), p('2024-02')))).toEqual(['2024-02']);
    expect(periodsBetween(p('2024-03'), p('2024-02'))).toEqual([]);
    expect(() => periodsBetween(p('2024-01'), p('2024Q2'))).toThrow(RangeError);
  });

  it('walks a range by next', () => {
    fc.assert(
      fc.property(periodArb, fc.integer({ min: 0, max: 40 }), (from, steps) => {
        const range = periodsBetween(from, shiftPeriod(from, steps));
        expect(range).toHaveLength(steps + 1);
        range.slice(1).forEach((period, i) => expect(period).toEqual(nextPeriod(range[i]!)));
      }),
    );
  });

  it('gives the last n periods ending with the one containing the reference', () => {
    const last12 = ids(lastNPeriods('month', 12, p('2024-03')));
    expect(last12).toHaveLength(12);
    expect(last12[0]).toBe('2023-04');
    expect(last12[11]).toBe('2024-03');
    expect(ids(lastNPeriods('quarter', 3, p('2024-05')))).toEqual(['2023Q4', '2024Q1', '2024Q2']);
    expect(ids(lastNPeriods('month', 2, p('2024Q1')))).toEqual(['2024-02', '2024-03']);
    expect(ids(lastNPeriods('year', 2, p('2024Q1')))).toEqual(['2023', '2024']);
    expect(lastNPeriods('month', 0, p('2024-03'))).toEqual([]);
    expect(() => lastNPeriods('month', -1, p('2024-03'))).toThrow(RangeError);
    fc.assert(
      fc.property(periodArb, fc.integer({ min: 1, max: 30 }), (reference, n) => {
        const type = reference.type;
        const periods = lastNPeriods(type, n, reference);
        expect(periods).toHaveLength(n);
        expect(periods[n - 1]).toEqual(reference);
        expect(periods).toEqual(periodsBetween(shiftPeriod(reference, 1 - n), reference));
      }),
    );
  });
});

describe('months and containing periods', () => {
  it('lists the months of a quarter and a year', () => {
    expect(ids(monthsOf(p('2024Q3')))).toEqual(['2024-07', '2024-08', '2024-09']);
    expect(ids(monthsOf(p('2024')))).toHaveLength(12);
    expect(ids(monthsOf(p('2024-05')))).toEqual(['2024-05']);
  });

  it('finds the quarter and year of a month', () => {
    expect(formatPeriod(containingPeriod(p('2024-05'), 'quarter'))).toBe('2024Q2');
    expect(formatPeriod(containingPeriod(p('2024-12'), 'year'))).toBe('2024');
    expect(formatPeriod(containingPeriod(p('2024Q4'), 'year'))).toBe('2024');
    expect(() => containingPeriod(p('2024Q4'), 'month')).toThrow(RangeError);
  });

  it('has every month of a period contained in that period', () => {
    fc.assert(
      fc.property(periodArb, (period) => {
        const months = monthsOf(period);
        expect(periodStart(months[0]!)).toBe(periodStart(period));
        expect(periodEnd(months[months.length - 1]!)).toBe(periodEnd(period));
        for (const month of months) expect(containingPeriod(month, period.type)).toEqual(period);
      }),
    );
  });
});

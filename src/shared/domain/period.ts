/**
 * Periods of data, identified the way DHIS2 does it: a month `2024-03`, a quarter `2024Q1`, a year `2024`.
 * Pure and shared by server and web. Dates are UTC calendar dates written `YYYY-MM-DD`; years run from 1000
 * to 9999 so that every period has a four-digit id.
 */

/** The kinds of period, from the finest to the coarsest. */
export const periodTypes = ['month', 'quarter', 'year'] as const;
/** A kind of period: `'month' | 'quarter' | 'year'`. */
export type PeriodType = (typeof periodTypes)[number];

/** A parsed period. `month` is 1–12, `quarter` is 1–4. */
export type Period =
  | { type: 'month'; year: number; month: number }
  | { type: 'quarter'; year: number; quarter: number }
  | { type: 'year'; year: number };

/** Why a text is not a period id. */
export type PeriodErrorCode =
  'EMPTY' | 'UNKNOWN_FORMAT' | 'YEAR_OUT_OF_RANGE' | 'MONTH_OUT_OF_RANGE' | 'QUARTER_OUT_OF_RANGE';

/** The result of {@link parsePeriod}: the period, or a stable code with an English message. */
export type PeriodParseResult =
  { ok: true; value: Period } | { ok: false; code: PeriodErrorCode; message: string };

/** A UTC calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** The smallest year a period may have. */
export const minPeriodYear = 1000;
/** The largest year a period may have. */
export const maxPeriodYear = 9999;

const monthsPerPeriod: Record<PeriodType, number> = { month: 1, quarter: 3, year: 12 };
const rank: Record<PeriodType, number> = { month: 0, quarter: 1, year: 2 };

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * Reads a period id. Accepts exactly `YYYY`, `YYYY-MM` (01–12) and `YYYYQn` (1–4), years 1000–9999: no spaces, no lowercase
 * `q`, no other separators, so that one period has exactly one id and ids can be compared as keys.
 */
export function parsePeriod(text: string): PeriodParseResult {
  if (text === '') return { ok: false, code: 'EMPTY', message: 'the period is empty' };
  const match = /^(\d{4})(?:-(\d{2})|Q(\d))?$/.exec(text);
  if (!match) {
    return {
      ok: false,
      code: 'UNKNOWN_FORMAT',
      message: `"${text}" is not a period (expected YYYY, YYYY-MM or YYYYQn, e.g. 2024, 2024-03 or 2024Q1)`,
    };
  }
  const [, yearText, monthText, quarterText] = match;
  const year = Number(yearText);
  if (year < minPeriodYear) {
    return {
      ok: false,
      code: 'YEAR_OUT_OF_RANGE',
      message: `"${text}" has year ${yearText}; years run ${minPeriodYear}–${maxPeriodYear}`,
    };
  }
  if (monthText !== undefined) {
    const month = Number(monthText);
    if (month < 1 || month > 12) {
      return {
        ok: false,
        code: 'MONTH_OUT_OF_RANGE',
        message: `"${text}" has month ${monthText}; months run 01–12`,
      };
    }
    return { ok: true, value: { type: 'month', year, month } };
  }
  if (quarterText !== undefined) {
    const quarter = Number(quarterText);
    if (quarter < 1 || quarter > 4) {
      return {
        ok: false,
        code: 'QUARTER_OUT_OF_RANGE',
        message: `"${text}" has quarter ${quarter}; quarters run 1–4`,
      };
    }
    return { ok: true, value: { type: 'quarter', year, quarter } };
  }
  return { ok: true, value: { type: 'year', year } };
}

/** Whether a text is a valid period id (see {@link parsePeriod}). */
export function isPeriodId(text: string): boolean {
  return parsePeriod(text).ok;
}

/**
 * Reads a period id that is known to be valid (from the database or an earlier validation). Throws a
 * RangeError with the parse message otherwise; use {@link parsePeriod} for user input.
 */
export function toPeriod(text: string): Period {
  const parsed = parsePeriod(text);
  if (!parsed.ok) throw new RangeError(parsed.message);
  return parsed.value;
}

/** Writes a period's id; the inverse of {@link parsePeriod}. */
export function formatPeriod(period: Period): string {
  const year = String(period.year).padStart(4, '0');
  switch (period.type) {
    case 'year':
      return year;
    case 'quarter':
      return `${year}Q${period.quarter}`;
    case 'month':
      return `${year}-${pad2(period.month)}`;
  }
}

/** Index of the period's first month counted from January of year 0, the basis of all arithmetic here. */
const firstMonthIndex = (p: Period): number => {
  switch (p.type) {
    case 'year':
      return p.year * 12;
    case 'quarter':
      return p.year * 12 + (p.quarter - 1) * 3;
    case 'month':
      return p.year * 12 + p.month - 1;
  }
};

/** The period of `type` that contains month index `index`. Throws when the year leaves 1000–9999. */
const periodAtMonthIndex = (type: PeriodType, index: number): Period => {
  const year = Math.floor(index / 12);
  if (year < minPeriodYear || year > maxPeriodYear) {
    throw new RangeError(`period year ${year} is outside ${minPeriodYear}–${maxPeriodYear}`);
  }
  const month = index - year * 12 + 1;
  switch (type) {
    case 'year':
      return { type, year };
    case 'quarter':
      return { type, year, quarter: Math.floor((month - 1) / 3) + 1 };
    case 'month':
      return { type, year, month };
  }
};

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The first day of the period, `YYYY-MM-DD`. */
export function periodStart(period: Period): IsoDate {
  const index = firstMonthIndex(period);
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${pad2(index - year * 12 + 1)}-01`;
}

/** The last day of the period (inclusive), `YYYY-MM-DD`. */
export function periodEnd(period: Period): IsoDate {
  const index = firstMonthIndex(period) + monthsPerPeriod[period.type] - 1;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(daysInMonth(year, month))}`;
}

/**
 * The period of `type` that contains a UTC date (`YYYY-MM-DD`, or a full ISO timestamp whose date part is
 * used). Throws a RangeError on text that is not such a date.
 */
export function periodOfDate(date: string, type: PeriodType): Period {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`"${date}" is not a YYYY-MM-DD date`);
  }
  return periodAtMonthIndex(type, year * 12 + month - 1);
}

/** Moves a period by `steps` periods of its own type (negative steps go back). */
export function shiftPeriod(period: Period, steps: number): Period {
  if (!Number.isInteger(steps)) throw new RangeError(`steps must be an integer, got ${steps}`);
  return periodAtMonthIndex(period.type, firstMonthIndex(period) + steps * monthsPerPeriod[period.type]);
}

/** The period right after this one, of the same type (`2024-12` → `2025-01`, `2024Q4` → `2025Q1`). */
export function nextPeriod(period: Period): Period {
  return shiftPeriod(period, 1);
}

/** The period right before this one, of the same type (`2024-01` → `2023-12`). */
export function previousPeriod(period: Period): Period {
  return shiftPeriod(period, -1);
}

/** The same month, quarter or year one year earlier (`2024-03` → `2023-03`). */
export function samePeriodLastYear(period: Period): Period {
  return periodAtMonthIndex(period.type, firstMonthIndex(period) - 12);
}

/**
 * Orders periods by start date, then by length (so `2024-01` < `2024Q1` < `2024` < `2024-02`). Returns a
 * negative number, zero (only for equal periods) or a positive number, for `Array.prototype.sort`.
 */
export function comparePeriods(a: Period, b: Period): number {
  return firstMonthIndex(a) - firstMonthIndex(b) || rank[a.type] - rank[b.type];
}

/** Whether two periods are the same period. */
export function samePeriod(a: Period, b: Period): boolean {
  return comparePeriods(a, b) === 0;
}

/**
 * Every period from `from` to `to`, both included, in order; empty when `from` comes after `to`. Both must
 * have the same type (a RangeError otherwise), since a range of mixed types has no single meaning.
 */
export function periodsBetween(from: Period, to: Period): Period[] {
  if (from.type !== to.type) {
    throw new RangeError(`cannot list periods from a ${from.type} to a ${to.type}`);
  }
  const step = monthsPerPeriod[from.type];
  const result: Period[] = [];
  for (let index = firstMonthIndex(from); index <= firstMonthIndex(to); index += step) {
    result.push(periodAtMonthIndex(from.type, index));
  }
  return result;
}

/**
 * The last `n` periods of `type`, oldest first, ending with the period of `type` that contains the last day
 * of `reference` (so "last 12 months" at `2024-03` is `2023-04` … `2024-03`). To exclude an unfinished
 * current period, pass its predecessor as the reference. `n` = 0 gives an empty list.
 */
export function lastNPeriods(type: PeriodType, n: number, reference: Period): Period[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (n === 0) return [];
  const lastMonth = firstMonthIndex(reference) + monthsPerPeriod[reference.type] - 1;
  const last = periodAtMonthIndex(type, lastMonth);
  return periodsBetween(shiftPeriod(last, -(n - 1)), last);
}

/** The months of a period, in order: three for a quarter, twelve for a year, itself for a month. */
export function monthsOf(period: Period): Period[] {
  const first = periodAtMonthIndex('month', firstMonthIndex(period));
  return periodsBetween(first, shiftPeriod(first, monthsPerPeriod[period.type] - 1));
}

/**
 * The period of `type` that contains `period` (`2024-05` in `'quarter'` → `2024Q2`). The type must be as
 * coarse as the period's own (a RangeError otherwise: a quarter is not inside one month).
 */
export function containingPeriod(period: Period, type: PeriodType): Period {
  if (rank[type] < rank[period.type]) {
    throw new RangeError(`a ${period.type} is not contained in one ${type}`);
  }
  return periodAtMonthIndex(type, firstMonthIndex(period));
}

import type { Locale } from '../domain/locale';
import { parsePeriod } from '../domain/period';

/**
 * The one formatter of numbers, dates, date-times and periods for people, in Kyrgyz, Russian and English.
 * Pure and shared: the web pages, the server's exports and documents all call it, so a figure reads the same
 * everywhere.
 *
 * Conventions (CLDR's, written down so they do not depend on the ICU data a runtime happens to carry —
 * Chromium ships no Kyrgyz data and would silently fall back to US English):
 * - Kyrgyz and Russian group thousands with a no-break space and write a decimal comma: `4 032`, `495 190,5`;
 *   English (British) writes `4,032` and `495,190.5`. Kyrgyz numbers are therefore formatted with the Russian
 *   rules, which are the same.
 * - Dates: `24.11.2026` in Kyrgyz and Russian, `24 Nov 2026` in English; a date-time adds `14:05` (24 h).
 * - Periods: a month is `2025-ж. март`, `март 2025`, `March 2025`; a quarter `2025-ж. I чейрек`,
 *   `I квартал 2025`, `Q1 2025`; a year `2025-ж.`, `2025`, `2025`.
 */

const numberLocale: Record<Locale, string> = { ky: 'ru-RU', ru: 'ru-RU', en: 'en-GB' };

/** Month names in the nominative (standalone) form, January first. */
const monthNames: Record<Locale, readonly string[]> = {
  ky: [
    'январь',
    'февраль',
    'март',
    'апрель',
    'май',
    'июнь',
    'июль',
    'август',
    'сентябрь',
    'октябрь',
    'ноябрь',
    'декабрь',
  ],
  ru: [
    'январь',
    'февраль',
    'март',
    'апрель',
    'май',
    'июнь',
    'июль',
    'август',
    'сентябрь',
    'октябрь',
    'ноябрь',
    'декабрь',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

const romanQuarters = ['I', 'II', 'III', 'IV'] as const;

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, min: number, max: number): Intl.NumberFormat {
  const key = `${locale}|${min}|${max}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(numberLocale[locale], {
      minimumFractionDigits: min,
      maximumFractionDigits: max,
      useGrouping: true,
    });
    numberFormats.set(key, format);
  }
  return format;
}

/** How many decimals a number shows. */
export type NumberFormatOptions = {
  /** Exactly this many decimals (rounded); overrides the two below. */
  decimals?: number;
  /** At least this many decimals (default 0). */
  minDecimals?: number;
  /** At most this many decimals (default 3). */
  maxDecimals?: number;
};

/**
 * A number with the locale's grouping and decimal mark: `4 032`, `495 190,5` (ky, ru), `4,032` (en).
 * Not finite numbers are written as they are (`NaN`, `∞`), never as a misleading zero.
 */
export function formatNumber(value: number, locale: Locale, options: NumberFormatOptions = {}): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? '∞' : '−∞';
  const min = options.decimals ?? options.minDecimals ?? 0;
  const max = Math.max(min, options.decimals ?? options.maxDecimals ?? 3);
  return numberFormat(locale, min, max).format(value);
}

/** A share (0.125) as a percentage: `12,5 %` (ru), `12,5%` (ky), `12.5%` (en); `decimals` at most (default 0). */
export function formatPercent(share: number, locale: Locale, decimals = 0): string {
  const number = formatNumber(share * 100, locale, { maxDecimals: decimals });
  return locale === 'ru' ? `${number}\u00a0%` : `${number}%`;
}

/** A calendar date `YYYY-MM-DD` (no time zone: it is the same day everywhere) or a Date at UTC midnight. */
const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function toDate(value: string | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(
  locale: Locale,
  withTime: boolean,
  timeZone: string | undefined,
): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}|${timeZone ?? ''}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    const time: Intl.DateTimeFormatOptions = withTime
      ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
      : {};
    format =
      locale === 'en'
        ? new Intl.DateTimeFormat('en-GB', {
            day: 'numeric',
            month: 'short',
            year: 'numeric',
            ...time,
            timeZone,
          })
        : new Intl.DateTimeFormat('ru-RU', {
            day: '2-digit',
            month: '2-digit',
            year: 'numeric',
            ...time,
            timeZone,
          });
    dateTimeFormats.set(key, format);
  }
  return format;
}

/**
 * A calendar date: `24.11.2026` (ky, ru), `24 Nov 2026` (en). A `YYYY-MM-DD` text is that day wherever the
 * reader is (formatted in UTC, so it never slips to the day before); a timestamp is shown in `timeZone`
 * (default: the runtime's own zone). Text that is not a date is returned unchanged.
 */
export function formatDate(value: string | Date, locale: Locale, timeZone?: string): string {
  if (typeof value === 'string' && isoDatePattern.test(value)) {
    const date = toDate(`${value}T00:00:00Z`);
    return date ? dateTimeFormat(locale, false, 'UTC').format(date) : value;
  }
  const date = toDate(value);
  return date ? dateTimeFormat(locale, false, timeZone).format(date) : String(value);
}

/** A moment: `24.11.2026, 14:05` (ky, ru), `24 Nov 2026, 14:05` (en), in `timeZone` (default: the runtime's). */
export function formatDateTime(value: string | Date, locale: Locale, timeZone?: string): string {
  const date = toDate(value);
  return date ? dateTimeFormat(locale, true, timeZone).format(date) : String(value);
}

/** The name of a month (1–12) in the nominative: `март`, `March`. */
export function formatMonthName(month: number, locale: Locale): string {
  return monthNames[locale][month - 1] ?? String(month);
}

/**
 * A period id (`2025-03`, `2025Q1`, `2025`) as people write it: `2025-ж. март` / `март 2025` / `March 2025`,
 * `2025-ж. I чейрек` / `I квартал 2025` / `Q1 2025`, `2025-ж.` / `2025` / `2025`. An id that is not a period
 * is returned unchanged.
 */
export function formatPeriodLabel(periodId: string, locale: Locale): string {
  const parsed = parsePeriod(periodId);
  if (!parsed.ok) return periodId;
  const period = parsed.value;
  const year = String(period.year);
  switch (period.type) {
    case 'year':
      return locale === 'ky' ? `${year}-ж.` : year;
    case 'quarter': {
      const roman = romanQuarters[period.quarter - 1] ?? String(period.quarter);
      if (locale === 'ky') return `${year}-ж. ${roman} чейрек`;
      return locale === 'ru' ? `${roman} квартал ${year}` : `Q${period.quarter} ${year}`;
    }
    case 'month': {
      const name = formatMonthName(period.month, locale);
      return locale === 'ky' ? `${year}-ж. ${name}` : `${name} ${year}`;
    }
  }
}

import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatMonthName,
  formatNumber,
  formatPercent,
  formatPeriodLabel,
} from './locale-format';

const nbsp = '\u00a0';

describe('formatNumber', () => {
  it('groups thousands with a no-break space and writes a decimal comma in Kyrgyz and Russian', () => {
    expect(formatNumber(495190, 'ky')).toBe(`495${nbsp}190`);
    expect(formatNumber(4032, 'ky')).toBe(`4${nbsp}032`);
    expect(formatNumber(495190.5, 'ru')).toBe(`495${nbsp}190,5`);
    expect(formatNumber(6389000, 'ru')).toBe(`6${nbsp}389${nbsp}000`);
  });

  it('writes British English with a comma separator and a decimal point', () => {
    expect(formatNumber(495190, 'en')).toBe('495,190');
    expect(formatNumber(4032.25, 'en')).toBe('4,032.25');
  });

  it('shows exactly the requested decimals, or at most three by default', () => {
    expect(formatNumber(12.3, 'ru', { decimals: 2 })).toBe('12,30');
    expect(formatNumber(12.345678, 'en')).toBe('12.346');
    expect(formatNumber(1 / 3, 'ky', { maxDecimals: 1 })).toBe('0,3');
    expect(formatNumber(-1234.5, 'ky', { decimals: 1 })).toBe(`-1${nbsp}234,5`);
  });

  it('never turns a non-finite number into a figure', () => {
    expect(formatNumber(Number.NaN, 'en')).toBe('NaN');
    expect(formatNumber(Number.POSITIVE_INFINITY, 'ru')).toBe('∞');
  });
});

describe('formatPercent', () => {
  it('follows each locale', () => {
    expect(formatPercent(0.125, 'ru', 1)).toBe(`12,5${nbsp}%`);
    expect(formatPercent(0.125, 'ky', 1)).toBe('12,5%');
    expect(formatPercent(0.125, 'en', 1)).toBe('12.5%');
    expect(formatPercent(0.5, 'en')).toBe('50%');
  });
});

describe('formatDate and formatDateTime', () => {
  it('writes a calendar date as the same day in every time zone', () => {
    expect(formatDate('2026-03-01', 'ru')).toBe('01.03.2026');
    expect(formatDate('2026-03-01', 'ky')).toBe('01.03.2026');
    expect(formatDate('2026-03-01', 'en')).toBe('1 Mar 2026');
  });

  it('writes a moment in the given time zone with a 24-hour clock', () => {
    const moment = '2026-11-24T08:05:00Z';
    expect(formatDateTime(moment, 'ru', 'Asia/Bishkek')).toBe('24.11.2026, 14:05');
    expect(formatDateTime(moment, 'ky', 'Asia/Bishkek')).toBe('24.11.2026, 14:05');
    expect(formatDateTime(moment, 'en', 'UTC')).toBe('24 Nov 2026, 08:05');
    expect(formatDate(moment, 'en', 'Asia/Bishkek')).toBe('24 Nov 2026');
  });

  it('returns text that is not a date unchanged', () => {
    expect(formatDate('soon', 'en')).toBe('soon');
    expect(formatDateTime('never', 'ru')).toBe('never');
  });
});

describe('formatPeriodLabel', () => {
  it('writes months as people do', () => {
    expect(formatPeriodLabel('2025-03', 'ky')).toBe('2025-ж. март');
    expect(formatPeriodLabel('2025-03', 'ru')).toBe('март 2025');
    expect(formatPeriodLabel('2025-03', 'en')).toBe('March 2025');
    expect(formatPeriodLabel('2024-12', 'ru')).toBe('декабрь 2024');
  });

  it('writes quarters and years', () => {
    expect(formatPeriodLabel('2025Q1', 'ky')).toBe('2025-ж. I чейрек');
    expect(formatPeriodLabel('2025Q4', 'ru')).toBe('IV квартал 2025');
    expect(formatPeriodLabel('2025Q2', 'en')).toBe('Q2 2025');
    expect(formatPeriodLabel('2025', 'ky')).toBe('2025-ж.');
    expect(formatPeriodLabel('2025', 'ru')).toBe('2025');
    expect(formatPeriodLabel('2025', 'en')).toBe('2025');
  });

  it('leaves anything that is not a period id as it is', () => {
    expect(formatPeriodLabel('2025-13', 'ru')).toBe('2025-13');
    expect(formatPeriodLabel('', 'en')).toBe('');
  });

  it('names months', () => {
    expect(formatMonthName(1, 'ky')).toBe('январь');
    expect(formatMonthName(12, 'en')).toBe('December');
  });
});

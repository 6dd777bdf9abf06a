import { describe, expect, it } from 'vitest';
import {
  checkTone,
  defaultPeriod,
  groupElements,
  nextPosition,
  parseCellInput,
  periodFromParts,
  type FormElement,
} from './entry-grid';

const name = { ky: 'x', ru: 'x', en: 'x' };
const element = (id: string, columns: string[]): FormElement => ({
  id,
  code: id,
  name,
  unit: 'cases',
  valueType: 'integer',
  periodType: 'month',
  columns: columns.map((disaggregation) => ({ disaggregation, name })),
});

describe('entry grid helpers', () => {
  it('groups elements by their columns, undisaggregated ones first', () => {
    const groups = groupElements([
      element('a', ['cannabis', 'heroin']),
      element('b', ['']),
      element('c', ['cannabis', 'heroin']),
      element('d', ['']),
    ]);
    expect(groups.map((g) => g.elements.map((e) => e.id))).toEqual([
      ['b', 'd'],
      ['a', 'c'],
    ]);
  });

  it('reads numbers as people type them', () => {
    expect(parseCellInput('')).toEqual({ ok: true, value: null });
    expect(parseCellInput('  ')).toEqual({ ok: true, value: null });
    expect(parseCellInput('12')).toEqual({ ok: true, value: 12 });
    expect(parseCellInput('1 234,5')).toEqual({ ok: true, value: 1234.5 });
    expect(parseCellInput('1\u00a0234')).toEqual({ ok: true, value: 1234 });
    expect(parseCellInput('0.25')).toEqual({ ok: true, value: 0.25 });
    expect(parseCellInput('-3')).toEqual({ ok: true, value: -3 });
    for (const bad of ['abc', '12a', '1,2,3', '1e999', '--1', '.'])
      expect(parseCellInput(bad), bad).toEqual({ ok: false });
  });

  it('colours bounds red and rules and outliers orange (high-importance rules red)', () => {
    expect(checkTone({ kind: 'max', importance: 'high' })).toBe('error');
    expect(checkTone({ kind: 'outlier', importance: 'medium' })).toBe('warning');
    expect(checkTone({ kind: 'rule', importance: 'medium' })).toBe('warning');
    expect(checkTone({ kind: 'rule', importance: 'high' })).toBe('error');
  });

  it('proposes the last finished period and builds ids from the pickers', () => {
    expect(defaultPeriod('month', '2025-01-10')).toBe('2024-12');
    expect(defaultPeriod('quarter', '2025-05-10')).toBe('2025Q1');
    expect(defaultPeriod('year', '2025-05-10')).toBe('2024');
    expect(periodFromParts('month', 2024, 3)).toBe('2024-03');
    expect(periodFromParts('quarter', 2024, 2)).toBe('2024Q2');
    expect(periodFromParts('year', 2024, 1)).toBe('2024');
  });

  it('moves with Enter and the arrows across rows of different lengths', () => {
    const rows = [1, 6, 6];
    const caret = { atStart: true, atEnd: true };
    expect(nextPosition('Enter', false, { row: 0, col: 0 }, rows, caret)).toEqual({ row: 1, col: 0 });
    expect(nextPosition('Enter', true, { row: 1, col: 3 }, rows, caret)).toEqual({ row: 0, col: 0 });
    expect(nextPosition('ArrowDown', false, { row: 1, col: 4 }, rows, caret)).toEqual({ row: 2, col: 4 });
    expect(nextPosition('ArrowDown', false, { row: 2, col: 4 }, rows, caret)).toBeNull();
    expect(nextPosition('ArrowRight', false, { row: 1, col: 5 }, rows, caret)).toEqual({ row: 2, col: 0 });
    expect(nextPosition('ArrowLeft', false, { row: 1, col: 0 }, rows, caret)).toEqual({ row: 0, col: 0 });
    expect(
      nextPosition('ArrowRight', false, { row: 1, col: 2 }, rows, { atStart: false, atEnd: false }),
    ).toBeNull();
    expect(nextPosition('a', false, { row: 1, col: 2 }, rows, caret)).toBeNull();
  });
});

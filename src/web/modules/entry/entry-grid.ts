import type { EntryForm, ValueCheck } from '#shared/contracts/data-values.contract';
import {
  formatPeriod,
  parsePeriod,
  periodOfDate,
  previousPeriod,
  type Period,
  type PeriodType,
} from '#shared/domain/period';

/** Pure helpers of the entry grid: grouping, parsing typed numbers, periods and check tones. */

export type FormElement = EntryForm['elements'][number];
export type FormColumn = FormElement['columns'][number];

/** Elements sharing the same columns, shown as one table. */
export type ElementGroup = { key: string; columns: FormColumn[]; elements: FormElement[] };

/** Groups elements by their columns (their disaggregation), in the order the groups first appear. */
export function groupElements(elements: readonly FormElement[]): ElementGroup[] {
  const groups = new Map<string, ElementGroup>();
  for (const element of elements) {
    const key = element.columns.map((c) => c.disaggregation).join('|');
    const group = groups.get(key);
    if (group) group.elements.push(element);
    else groups.set(key, { key, columns: element.columns, elements: [element] });
  }
  // Elements without disaggregation come first: they are usually the totals people fill in first.
  return [...groups.values()].sort((a, b) => Number(b.key === '') - Number(a.key === ''));
}

/**
 * Reads what a user typed: empty clears the cell; spaces (also non-breaking) group digits and a comma may
 * be the decimal mark, as in Russian and Kyrgyz. Anything else that is not a finite number is refused.
 */
export function parseCellInput(text: string): { ok: true; value: number | null } | { ok: false } {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return { ok: true, value: null };
  const normalised = compact.replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normalised)) return { ok: false };
  const value = Number(normalised);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false };
}

/** The text an input shows for a stored value. */
export function cellText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** The key of a cell within one form. */
export const cellId = (dataElementId: string, disaggregation: string) => `${dataElementId}|${disaggregation}`;

/** Bounds are errors (red); rules and outliers are warnings (orange). */
export function checkTone(check: Pick<ValueCheck, 'kind' | 'importance'>): 'error' | 'warning' {
  return check.kind === 'min' ||
    check.kind === 'max' ||
    (check.kind === 'rule' && check.importance === 'high')
    ? 'error'
    : 'warning';
}

/** The last finished period of a type before a day (`YYYY-MM-DD`): what people usually report. */
export function defaultPeriod(type: PeriodType, today: string): string {
  return formatPeriod(previousPeriod(periodOfDate(today, type)));
}

/** The period's parts for the pickers, or null for a text that is not a period. */
export function periodParts(period: string): Period | null {
  const parsed = parsePeriod(period);
  return parsed.ok ? parsed.value : null;
}

/** The period id from the pickers' parts. */
export function periodFromParts(type: PeriodType, year: number, part: number): string {
  switch (type) {
    case 'month':
      return formatPeriod({ type, year, month: part });
    case 'quarter':
      return formatPeriod({ type, year, quarter: part });
    case 'year':
      return formatPeriod({ type, year });
  }
}

/** The grid position a key press moves to, or null when the key does not move. */
export function nextPosition(
  key: string,
  shift: boolean,
  position: { row: number; col: number },
  rowLengths: readonly number[],
  caret: { atStart: boolean; atEnd: boolean },
): { row: number; col: number } | null {
  const clampCol = (row: number) => Math.min(position.col, (rowLengths[row] ?? 1) - 1);
  const lastRow = rowLengths.length - 1;
  switch (key) {
    case 'ArrowDown':
      return position.row < lastRow ? { row: position.row + 1, col: clampCol(position.row + 1) } : null;
    case 'ArrowUp':
      return position.row > 0 ? { row: position.row - 1, col: clampCol(position.row - 1) } : null;
    case 'Enter':
      if (shift) return position.row > 0 ? { row: position.row - 1, col: clampCol(position.row - 1) } : null;
      return position.row < lastRow ? { row: position.row + 1, col: clampCol(position.row + 1) } : null;
    case 'ArrowLeft':
      if (!caret.atStart) return null;
      if (position.col > 0) return { row: position.row, col: position.col - 1 };
      return position.row > 0
        ? { row: position.row - 1, col: (rowLengths[position.row - 1] ?? 1) - 1 }
        : null;
    case 'ArrowRight':
      if (!caret.atEnd) return null;
      if (position.col < (rowLengths[position.row] ?? 1) - 1)
        return { row: position.row, col: position.col + 1 };
      return position.row < lastRow ? { row: position.row + 1, col: 0 } : null;
    default:
      return null;
  }
}

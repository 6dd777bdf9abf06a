import type { EntryForm, ValueCheck } from '#shared/contracts/data-values.contract';

type FormElement = EntryForm['elements'][number];
type FormColumn = FormElement['columns'][number];

/** One line of a submission review: an element (and option combination), its value and its failing checks. */
export type ReviewRow = {
  key: string;
  element: FormElement;
  /** The option combination, or null for the element's total (undisaggregated, or a check on the whole). */
  column: FormColumn | null;
  value: number | null;
  checks: ValueCheck[];
};

/**
 * The lines a reviewer reads, in form order: every cell that holds a value or fails a check, and one line
 * per element for checks on the element as a whole (validation rules over its total). Empty cells without a
 * check are left out: a review is about what was reported.
 */
export function reviewRows(form: EntryForm): ReviewRow[] {
  const values = new Map(form.values.map((v) => [`${v.dataElementId}|${v.disaggregation}`, v.value]));
  const checks = new Map<string, ValueCheck[]>();
  for (const check of form.checks) {
    const key = `${check.dataElementId}|${check.disaggregation ?? '*'}`;
    checks.set(key, [...(checks.get(key) ?? []), check]);
  }
  const rows: ReviewRow[] = [];
  for (const element of form.elements) {
    const whole = checks.get(`${element.id}|*`);
    if (whole) rows.push({ key: `${element.id}|*`, element, column: null, value: null, checks: whole });
    for (const column of element.columns) {
      const key = `${element.id}|${column.disaggregation}`;
      const value = values.get(key) ?? null;
      const cellChecks = checks.get(key) ?? [];
      if (value === null && cellChecks.length === 0) continue;
      rows.push({
        key,
        element,
        column: column.disaggregation === '' ? null : column,
        value,
        checks: cellChecks,
      });
    }
  }
  return rows;
}

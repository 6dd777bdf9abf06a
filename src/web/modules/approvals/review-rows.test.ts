import { describe, expect, it } from 'vitest';
import type { EntryForm, ValueCheck } from '#shared/contracts/data-values.contract';
import { reviewRows } from './review-rows';

const name = { ky: 'x', ru: 'x', en: 'x' };
const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

const element = (n: number, disaggregations: string[]): EntryForm['elements'][number] => ({
  id: id(n),
  code: `e${n}`,
  name,
  unit: 'cases',
  valueType: 'integer',
  periodType: 'month',
  columns: disaggregations.map((disaggregation) => ({ disaggregation, name })),
});

const value = (n: number, disaggregation: string, v: number) => ({
  dataElementId: id(n),
  territoryId: id(9),
  period: '2025-03',
  disaggregation,
  value: v,
  comment: null,
  flag: null,
  source: 'form' as const,
  isSynthetic: false,
  updatedAt: '2025-04-01T00:00:00.000Z',
  updatedBy: null,
});

const check = (n: number, disaggregation: string | null, kind: ValueCheck['kind']): ValueCheck => ({
  kind,
  importance: 'medium',
  dataElementId: id(n),
  disaggregation,
  ruleCode: null,
  message: `${kind} failed`,
});

const form = (parts: Partial<EntryForm>): EntryForm =>
  ({
    agencyId: id(7),
    territoryId: id(9),
    period: '2025-03',
    elements: [],
    values: [],
    checks: [],
    editable: false,
    ...parts,
  }) as EntryForm;

describe('the lines of a submission review', () => {
  it('lists reported cells with their checks beside them, in form order, and skips empty ones', () => {
    const rows = reviewRows(
      form({
        elements: [element(1, ['']), element(2, ['male', 'female'])],
        values: [value(2, 'female', 4), value(1, '', 12), value(2, 'male', 30)],
        checks: [check(2, 'male', 'outlier'), check(2, 'male', 'max')],
      }),
    );
    expect(rows.map((r) => [r.key, r.column?.disaggregation ?? null, r.value, r.checks.length])).toEqual([
      [`${id(1)}|`, null, 12, 0],
      [`${id(2)}|male`, 'male', 30, 2],
      [`${id(2)}|female`, 'female', 4, 0],
    ]);
  });

  it('keeps a check on an empty cell and a check on the element as a whole', () => {
    const rows = reviewRows(
      form({
        elements: [element(1, ['a', 'b'])],
        checks: [check(1, null, 'rule'), check(1, 'b', 'min')],
      }),
    );
    expect(rows.map((r) => [r.key, r.value, r.checks.map((c) => c.kind)])).toEqual([
      [`${id(1)}|*`, null, ['rule']],
      [`${id(1)}|b`, null, ['min']],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  boundChecks,
  boundFor,
  outlierChecks,
  ruleChecks,
  ruleReferences,
  type RuleFacts,
} from './check.rules';

describe('bounds', () => {
  const bounds = [
    { dataElementId: 'e1', territoryId: null, minValue: 0, maxValue: 10 },
    { dataElementId: 'e1', territoryId: 'bishkek', minValue: null, maxValue: 100 },
    { dataElementId: 'e2', territoryId: null, minValue: 5, maxValue: null },
  ];

  it('prefers the territory bound over the general one', () => {
    expect(boundFor(bounds, 'e1', 'bishkek')?.maxValue).toBe(100);
    expect(boundFor(bounds, 'e1', 'osh')?.maxValue).toBe(10);
    expect(boundFor(bounds, 'e3', 'osh')).toBeUndefined();
  });

  it('names the figures compared', () => {
    const cells = [
      { dataElementId: 'e1', disaggregation: 'cannabis', value: 12 },
      { dataElementId: 'e1', disaggregation: 'heroin', value: 10 },
      { dataElementId: 'e2', disaggregation: '', value: 2.5 },
    ];
    expect(boundChecks(cells, bounds, 'osh')).toEqual([
      {
        kind: 'max',
        importance: 'high',
        dataElementId: 'e1',
        disaggregation: 'cannabis',
        ruleCode: null,
        message: '12 is above the maximum 10',
      },
      {
        kind: 'min',
        importance: 'high',
        dataElementId: 'e2',
        disaggregation: '',
        ruleCode: null,
        message: '2.5 is below the minimum 5',
      },
    ]);
    expect(boundChecks(cells.slice(0, 1), bounds, 'bishkek')).toEqual([]);
  });
});

describe('validation rules', () => {
  const rule: RuleFacts = {
    code: 'prosecuted_vs_crimes',
    name: 'Prosecuted at most 3 × crimes',
    leftSide: '#{prosecuted}',
    operator: '<=',
    rightSide: '3 * #{crimes}',
    importance: 'medium',
  };
  const lookupOf = (values: Record<string, number | null>) => (code: string) => values[code] ?? null;

  it('lists the codes a rule refers to', () => {
    expect(ruleReferences(rule).sort()).toEqual(['crimes', 'prosecuted']);
  });

  it('reports a failing rule with both sides', () => {
    const checks = ruleChecks([rule], lookupOf({ prosecuted: 40, crimes: 10 }), () => 'e1');
    expect(checks).toEqual([
      {
        kind: 'rule',
        importance: 'medium',
        dataElementId: 'e1',
        disaggregation: null,
        ruleCode: 'prosecuted_vs_crimes',
        message: 'Prosecuted at most 3 × crimes: #{prosecuted} = 40 is not <= 3 * #{crimes} = 30',
      },
    ]);
  });

  it('passes a rule that holds and skips one with a missing operand or a division by zero', () => {
    expect(ruleChecks([rule], lookupOf({ prosecuted: 30, crimes: 10 }), () => 'e1')).toEqual([]);
    expect(ruleChecks([rule], lookupOf({ prosecuted: 40 }), () => 'e1')).toEqual([]);
    const ratio = { ...rule, leftSide: '#{prosecuted} / #{crimes}', rightSide: '3' };
    expect(ruleChecks([ratio], lookupOf({ prosecuted: 4, crimes: 0 }), () => 'e1')).toEqual([]);
  });

  it('knows every operator', () => {
    const cases: Array<[RuleFacts['operator'], number, number, boolean]> = [
      ['<', 1, 2, true],
      ['<', 2, 2, false],
      ['=', 2, 2, true],
      ['!=', 2, 2, false],
      ['>=', 2, 2, true],
      ['>', 2, 3, false],
    ];
    for (const [operator, a, b, passes] of cases) {
      const r = { ...rule, operator, leftSide: '#{a}', rightSide: '#{b}' };
      expect(ruleChecks([r], lookupOf({ a, b }), () => 'e1').length === 0, `${a} ${operator} ${b}`).toBe(
        passes,
      );
    }
  });
});

describe('outliers', () => {
  const history = Array.from({ length: 24 }, (_, i) => ({
    period: `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
    value: 20 + (i % 4),
  }));

  it('flags a spike against its own history with the reason, and not a usual value', () => {
    const series = (value: number) => [...history, { period: '2024-01', value }];
    const spike = outlierChecks(
      [{ dataElementId: 'e1', disaggregation: 'cannabis', value: 90 }],
      '2024-01',
      () => series(90),
    );
    expect(spike).toHaveLength(1);
    expect(spike[0]).toMatchObject({ kind: 'outlier', importance: 'medium', disaggregation: 'cannabis' });
    expect(spike[0]?.message).toContain('90');
    expect(
      outlierChecks([{ dataElementId: 'e1', disaggregation: 'cannabis', value: 21 }], '2024-01', () =>
        series(21),
      ),
    ).toEqual([]);
  });

  it('says nothing without enough history', () => {
    expect(
      outlierChecks([{ dataElementId: 'e1', disaggregation: '', value: 500 }], '2024-01', () => [
        { period: '2023-12', value: 1 },
        { period: '2024-01', value: 500 },
      ]),
    ).toEqual([]);
  });
});

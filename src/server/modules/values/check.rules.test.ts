import { describe, expect, it } from 'vitest';
import { msg, renderMessage } from '#shared/messages/catalogue';
import {
  boundChecks,
  boundFor,
  outlierChecks,
  outlierMessage,
  ruleChecks,
  ruleReferences,
  type RuleFacts,
} from './check.rules';
import { outlierVerdict } from './outliers.rules';

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
        localised: msg('check.above_max', { value: 12, max: 10 }),
      },
      {
        kind: 'min',
        importance: 'high',
        dataElementId: 'e2',
        disaggregation: '',
        ruleCode: null,
        message: '2.5 is below the minimum 5',
        localised: msg('check.below_min', { value: 2.5, min: 5 }),
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
        localised: msg('check.rule_failed', {
          rule: 'Prosecuted at most 3 × crimes',
          left: '#{prosecuted}',
          leftValue: 40,
          operator: '<=',
          right: '3 * #{crimes}',
          rightValue: 30,
        }),
      },
    ]);
  });

  it("names a failing rule and its figures in the reader's language", () => {
    const named = { ...rule, name: { ky: 'Айыпталгандар', ru: 'Обвиняемые', en: 'Prosecuted' } };
    const [check] = ruleChecks([named], lookupOf({ prosecuted: 4032.5, crimes: 10 }), () => 'e1');
    expect(check?.message).toBe('Prosecuted: #{prosecuted} = 4,032.5 is not <= 3 * #{crimes} = 30');
    expect(renderMessage(check!.localised!, 'ru')).toBe(
      'Обвиняемые: условие «#{prosecuted} <= 3 * #{crimes}» не выполняется (#{prosecuted} = 4\u00a0032,5, 3 * #{crimes} = 30)',
    );
    expect(renderMessage(check!.localised!, 'ky')).toMatch(
      /^Айыпталгандар: «#\{prosecuted\} <= 3 \* #\{crimes\}» шарты аткарылбайт/,
    );
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
  const cell = (value: number) => ({ dataElementId: 'e1', disaggregation: 'cannabis', value });
  const counts = () => 'count' as const;

  it('flags a spike against its own history with a localised sentence and the verdict as data', () => {
    const series = (value: number) => [...history, { period: '2024-01', value }];
    const spike = outlierChecks([cell(90)], '2024-01', () => series(90), counts);
    expect(spike).toHaveLength(1);
    expect(spike[0]).toMatchObject({
      kind: 'outlier',
      importance: 'medium',
      disaggregation: 'cannabis',
      localised: { key: 'outlier.higher_seasonal' },
      outlier: { finding: 'higher', method: 'seasonal', model: 'count', historySize: 24 },
    });
    // The history repeats every year, so January is compared with the Januaries before it.
    expect(spike[0]?.message).toMatch(
      /^Much higher than usual for January: 90 against about 2\d \(usually \d+–\d+\)\.$/,
    );
    expect(outlierChecks([cell(21)], '2024-01', () => series(21), counts)).toEqual([]);
  });

  it('says nothing without enough history', () => {
    expect(
      outlierChecks(
        [cell(500)],
        '2024-01',
        () => [
          { period: '2023-12', value: 1 },
          { period: '2024-01', value: 500 },
        ],
        counts,
      ),
    ).toEqual([]);
  });

  it("names the month in the officer's language when the comparison is seasonal", () => {
    const verdict = {
      ...outlierVerdict([{ period: '2025-03', value: 250 }], '2025-03', 'count'),
      isOutlier: true,
      finding: 'higher' as const,
      method: 'seasonal' as const,
      expected: 61.2,
      usualLow: 40,
      usualHigh: 85,
      slot: 3,
    };
    const message = outlierMessage(verdict);
    expect(renderMessage(message, 'en')).toBe(
      'Much higher than usual for March: 250 against about 61 (usually 40–85).',
    );
    expect(renderMessage(message, 'ru')).toBe(
      'Намного выше обычного для марта: 250 вместо примерно 61 (обычно 40–85).',
    );
    expect(renderMessage(message, 'ky')).toBe(
      'Март айы үчүн адаттагыдан кыйла жогору: 250, адатта болжол менен 61 (көбүнчө 40–85).',
    );
    const lower = outlierMessage({
      ...verdict,
      value: 1200,
      finding: 'lower',
      expected: 2400.4,
      usualLow: 1500,
      usualHigh: 3300,
      periodType: 'quarter',
      slot: 2,
    });
    expect(renderMessage(lower, 'en')).toBe(
      'Much lower than usual for the second quarter: 1,200 against about 2,400 (usually 1,500–3,300).',
    );
    expect(renderMessage(lower, 'ru')).toContain('для II квартала: 1\u00a0200 вместо примерно 2\u00a0400');
    const first = outlierMessage({
      ...verdict,
      finding: 'first-value',
      method: 'always-none',
      value: 5,
      historySize: 24,
    });
    expect(renderMessage(first, 'en')).toBe(
      'A value where there has always been none: 5, after 24 months of zero.',
    );
    expect(renderMessage(first, 'ru')).toContain('в предыдущие 24 месяца не было ни одного');
  });
});

import type { OutlierDetails, ValueCheck } from '#shared/contracts/data-values.contract';
import { described, msg } from '#shared/messages/catalogue';
import type { Message } from '#shared/messages/message';
import type { LocalisedName } from '#shared/contracts/common.contract';
import type { importances, ruleOperators } from '#shared/contracts/catalogue.contract';
import { evaluate, parseFormula, referencesOf } from '#shared/domain/formula';
import {
  outlierVerdict,
  roundForReading,
  type OutlierValueKind,
  type OutlierVerdict,
  type SeriesPoint,
} from './outliers.rules';

/**
 * The second looks a value gets after it is stored: min/max bounds, validation rules over element totals and
 * outliers against the cell's own history. They warn; they never refuse a value.
 */

type RuleOperator = (typeof ruleOperators)[number];
type Importance = (typeof importances)[number];

/** A bound as stored: for one element, everywhere (territoryId null) or in one territory. */
export type BoundFacts = {
  dataElementId: string;
  territoryId: string | null;
  minValue: number | null;
  maxValue: number | null;
};

/** The bound that applies in a territory: the territory's own bound wins over the general one. */
export function boundFor(
  bounds: readonly BoundFacts[],
  dataElementId: string,
  territoryId: string,
): BoundFacts | undefined {
  let general: BoundFacts | undefined;
  for (const bound of bounds) {
    if (bound.dataElementId !== dataElementId) continue;
    if (bound.territoryId === territoryId) return bound;
    if (bound.territoryId === null) general = bound;
  }
  return general;
}

/** A stored value of the form being checked. */
export type CheckedCell = { dataElementId: string; disaggregation: string; value: number };

/** Min/max checks of values against the bounds that apply in one territory. */
export function boundChecks(
  cells: readonly CheckedCell[],
  bounds: readonly BoundFacts[],
  territoryId: string,
): ValueCheck[] {
  const checks: ValueCheck[] = [];
  for (const cell of cells) {
    const bound = boundFor(bounds, cell.dataElementId, territoryId);
    if (!bound) continue;
    const base = {
      importance: 'high' as const,
      dataElementId: cell.dataElementId,
      disaggregation: cell.disaggregation,
      ruleCode: null,
    };
    if (bound.minValue !== null && cell.value < bound.minValue)
      checks.push({
        ...base,
        kind: 'min',
        ...described(msg('check.below_min', { value: cell.value, min: bound.minValue })),
      });
    if (bound.maxValue !== null && cell.value > bound.maxValue)
      checks.push({
        ...base,
        kind: 'max',
        ...described(msg('check.above_max', { value: cell.value, max: bound.maxValue })),
      });
  }
  return checks;
}

/** A validation rule as the checks need it. */
export type RuleFacts = {
  code: string;
  /** The rule's name in three languages (or one text), for the sentence of a failing check. */
  name: LocalisedName | string;
  leftSide: string;
  operator: RuleOperator;
  rightSide: string;
  importance: Importance;
};

const holds: Record<RuleOperator, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '=': (a, b) => a === b,
  '!=': (a, b) => a !== b,
  '>=': (a, b) => a >= b,
  '>': (a, b) => a > b,
};

/** Every code a rule refers to, on both sides; empty when a side does not parse. */
export function ruleReferences(rule: Pick<RuleFacts, 'leftSide' | 'rightSide'>): string[] {
  const left = parseFormula(rule.leftSide);
  const right = parseFormula(rule.rightSide);
  if (!left.ok || !right.ok) return [];
  return [...new Set([...referencesOf(left.value), ...referencesOf(right.value)])];
}

/**
 * Evaluates rules with `lookup` (element totals, population …) and returns the failing ones. A side that has
 * no value (a missing operand, a division by zero) skips the rule: nothing to compare yet. `elementOf` names
 * the form element a failing rule is shown against.
 */
export function ruleChecks(
  rules: readonly RuleFacts[],
  lookup: (code: string) => number | null,
  elementOf: (rule: RuleFacts) => string,
): ValueCheck[] {
  const checks: ValueCheck[] = [];
  for (const rule of rules) {
    const left = parseFormula(rule.leftSide);
    const right = parseFormula(rule.rightSide);
    if (!left.ok || !right.ok) continue;
    const a = evaluate(left.value, lookup);
    const b = evaluate(right.value, lookup);
    if (a === null || b === null || holds[rule.operator](a, b)) continue;
    checks.push({
      kind: 'rule',
      importance: rule.importance,
      dataElementId: elementOf(rule),
      disaggregation: null,
      ruleCode: rule.code,
      ...described(
        msg('check.rule_failed', {
          rule: rule.name,
          left: rule.leftSide,
          leftValue: a,
          operator: rule.operator,
          right: rule.rightSide,
          rightValue: b,
        }),
      ),
    });
  }
  return checks;
}

/**
 * The sentence of an outlier warning, in the officer's terms: the value, the expected value rounded for
 * reading, the month or quarter it was compared with, and the range of usual values.
 */
export function outlierMessage(verdict: OutlierVerdict): Message {
  const kind = verdict.kind;
  const value = verdict.value ?? 0;
  if (verdict.finding === 'first-value')
    return msg('outlier.first_value', {
      value,
      count: verdict.historySize,
      periodType: verdict.periodType,
    });
  const figures = {
    value,
    expected: roundForReading(verdict.expected ?? 0, kind),
    low: roundForReading(verdict.usualLow ?? 0, kind),
    high: roundForReading(verdict.usualHigh ?? 0, kind),
  };
  const higher = verdict.finding === 'higher';
  if (verdict.method === 'seasonal' && verdict.slot !== null) {
    const season = `${verdict.periodType === 'quarter' ? 'q' : 'm'}${verdict.slot}`;
    return msg(higher ? 'outlier.higher_seasonal' : 'outlier.lower_seasonal', { ...figures, season });
  }
  return msg(higher ? 'outlier.higher' : 'outlier.lower', { ...figures, periodType: verdict.periodType });
}

/** The verdict of a warning as the API carries it (only for verdicts that found something). */
function outlierDetails(verdict: OutlierVerdict): OutlierDetails {
  const method = verdict.method === 'seasonal' || verdict.method === 'level' ? verdict.method : 'always-none';
  return {
    finding: verdict.finding ?? 'higher',
    method,
    model: verdict.kind,
    expected: verdict.expected ?? 0,
    usualLow: verdict.usualLow,
    usualHigh: verdict.usualHigh,
    probability: verdict.probability,
    tailProbability: verdict.tailProbability,
    historySize: verdict.historySize,
    seasonalYears: verdict.seasonalYears,
  };
}

/**
 * Outlier checks of values against their own earlier values (outliers.rules.ts). `seriesOf` gives a cell's
 * points, the current period included (later ones are ignored); `kindOf` says whether its element counts
 * (integers) or measures amounts.
 */
export function outlierChecks(
  cells: readonly CheckedCell[],
  period: string,
  seriesOf: (cell: CheckedCell) => readonly SeriesPoint[],
  kindOf: (cell: CheckedCell) => OutlierValueKind,
): ValueCheck[] {
  const checks: ValueCheck[] = [];
  for (const cell of cells) {
    const verdict = outlierVerdict(seriesOf(cell), period, kindOf(cell));
    if (!verdict.isOutlier) continue;
    checks.push({
      kind: 'outlier',
      importance: 'medium',
      dataElementId: cell.dataElementId,
      disaggregation: cell.disaggregation,
      ruleCode: null,
      ...described(outlierMessage(verdict)),
      outlier: outlierDetails(verdict),
    });
  }
  return checks;
}

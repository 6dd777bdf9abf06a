import type { ExplorerDenominator, ExplorerEmptyReason } from '#shared/contracts/explorer.contract';

/**
 * How the explorer tells what a rate rests on and why a cell is empty (docs/POPULATION.md). Pure; the query
 * passes each formula's input figures through here.
 */

/** An input of a formula as the explorer evaluated it. */
export type EvaluatedInput = {
  value: number | null;
  denominator?: ExplorerDenominator;
  emptyReason?: ExplorerEmptyReason;
};

const reasonOrder: readonly ExplorerEmptyReason[] = [
  'period_type',
  'no_formula',
  'no_value',
  'no_population',
];

/**
 * A formula's result with its denominator: an estimated or flagged population figure among the inputs marks
 * the result (the first estimate's method, else the first figure's; any flag found). An empty result says
 * why: a missing value before a missing population (a population alone does not make a rate), and a zero
 * denominator when every input was there.
 */
export function combineDenominators(
  value: number | null,
  inputs: readonly EvaluatedInput[],
): { value: number | null; denominator?: ExplorerDenominator; emptyReason?: ExplorerEmptyReason } {
  if (value === null) {
    const reasons = new Set(inputs.map((i) => i.emptyReason));
    const reason = reasonOrder.find((r) => reasons.has(r));
    return { value, emptyReason: reason ?? (inputs.length > 0 ? 'zero_denominator' : 'no_value') };
  }
  const denominators = inputs.flatMap((i) => (i.denominator ? [i.denominator] : []));
  const first = denominators.find((d) => d.isEstimate) ?? denominators[0];
  if (!first) return { value };
  return {
    value,
    denominator: {
      method: first.method,
      isEstimate: denominators.some((d) => d.isEstimate),
      flag: denominators.find((d) => d.flag !== null)?.flag ?? null,
    },
  };
}

/** The notes a cell carries: its denominator when it has one, why it is empty when it is. */
export function cellNotes(figure: EvaluatedInput): {
  denominator?: ExplorerDenominator;
  emptyReason?: ExplorerEmptyReason;
} {
  if (figure.value === null) return { emptyReason: figure.emptyReason ?? 'no_value' };
  return figure.denominator ? { denominator: figure.denominator } : {};
}

/** The notes of a cell's year-earlier figure (only when the query asked for it). */
export function lastYearNotes(
  figure: EvaluatedInput,
  asked: boolean,
): { lastYearDenominator?: ExplorerDenominator; lastYearEmptyReason?: ExplorerEmptyReason } {
  if (!asked) return {};
  const { denominator, emptyReason } = cellNotes(figure);
  return {
    ...(denominator ? { lastYearDenominator: denominator } : {}),
    ...(emptyReason ? { lastYearEmptyReason: emptyReason } : {}),
  };
}

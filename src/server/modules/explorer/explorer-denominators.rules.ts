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
  // This runs for every rate figure: one pass, and the input's own denominator object when it is the only one
  // (the usual rate: one population figure), so that equal denominators stay one object.
  let first: ExplorerDenominator | undefined;
  let estimate: ExplorerDenominator | undefined;
  let flagged: ExplorerDenominator | undefined;
  let count = 0;
  for (const input of inputs) {
    const d = input.denominator;
    if (!d) continue;
    count++;
    first ??= d;
    if (d.isEstimate) estimate ??= d;
    if (d.flag !== null) flagged ??= d;
  }
  if (!first) return { value };
  if (count === 1) return { value, denominator: first };
  return {
    value,
    denominator: {
      method: (estimate ?? first).method,
      isEstimate: estimate !== undefined,
      flag: flagged?.flag ?? null,
    },
  };
}

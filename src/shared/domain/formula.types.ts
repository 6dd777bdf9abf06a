import type { Message } from '#shared/messages/message';
/** The four arithmetic operators of a formula, all left-associative; `*` and `/` bind tighter than `+` and `-`. */
export type BinaryOperator = '+' | '-' | '*' | '/';

/**
 * A parsed formula. Parentheses and whitespace leave no trace: two texts with the same meaning and grouping give
 * deep-equal trees. A `number` node is always finite and never negative (`-2` is a `negate` of `2`), and a
 * `reference` names a data element or derived indicator code such as `population.total`.
 */
export type FormulaNode =
  | { kind: 'number'; value: number }
  | { kind: 'reference'; code: string }
  | { kind: 'negate'; operand: FormulaNode }
  | { kind: 'binary'; operator: BinaryOperator; left: FormulaNode; right: FormulaNode };

/** Why a formula text was refused; `position` is the 0-based character offset in the text, as in the message. */
export type FormulaError = { message: string; localised: Message; position: number };

/** The outcome of parsing: a value, or an error for the person who typed the formula. Never an exception. */
export type FormulaResult<T> = { ok: true; value: T } | { ok: false; error: FormulaError };

/** A problem found when a formula is saved: bad syntax, or a reference to a code the catalogue does not know. */
export type FormulaProblem =
  | { kind: 'syntax'; message: string; localised: Message; position: number }
  | { kind: 'unknown-code'; code: string; message: string; localised: Message; position: number };

/**
 * A cycle among derived indicators as a closed path: the first code is repeated at the end, so
 * `['a', 'b', 'a']` reads "a → b → a" and a self-reference is `['a', 'a']`.
 */
export type FormulaCycle = readonly string[];

/** The result of evaluating a whole set of derived indicators: every value, or the cycles that prevent it. */
export type EvaluateAllResult =
  { ok: true; value: Map<string, number | null> } | { ok: false; cycles: FormulaCycle[] };

/** A formula evaluated on summed inputs; `partial` is true when some input was missing in some of the rows. */
export type AggregateValue = { value: number | null; partial: boolean };

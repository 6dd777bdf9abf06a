import { described, msg } from '#shared/messages/catalogue';
import type { Message } from '#shared/messages/message';
import type {
  AggregateValue,
  BinaryOperator,
  EvaluateAllResult,
  FormulaCycle,
  FormulaNode,
  FormulaProblem,
  FormulaResult,
} from './formula.types';

/** Longest formula text accepted; keeps every recursive walk of the tree far from the stack limit. */
export const maxFormulaLength = 5000;
/** Deepest nesting of parentheses and unary minus accepted, for the same reason. */
export const maxFormulaNesting = 100;

const codePattern = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;
const numberPattern = /^(\d+(\.\d+)?([eE][+-]?\d+)?)/;

type Token =
  | { kind: 'number'; value: number; text: string; position: number }
  | { kind: 'reference'; code: string; text: string; position: number }
  | { kind: 'operator'; operator: BinaryOperator; text: string; position: number }
  | { kind: 'open' | 'close'; text: string; position: number }
  | { kind: 'end'; text: ''; position: number };

/** A refusal at a 0-based position; the message names the character counted from 1, as people count. */
function fail<T>(message: Message, position: number): FormulaResult<T> {
  return { ok: false, error: { ...described(message), position } };
}

const at = (position: number) => position + 1;

const tooDeep = (position: number): FormulaResult<never> =>
  fail(msg('formula.too_deep', { at: at(position), max: maxFormulaNesting }), position);

function isWhitespace(char: string): boolean {
  return /\s/.test(char);
}

function tokenize(text: string): FormulaResult<Token[]> {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text.charAt(i);
    if (isWhitespace(char)) {
      i += 1;
    } else if (char === '+' || char === '-' || char === '*' || char === '/') {
      tokens.push({ kind: 'operator', operator: char, text: char, position: i });
      i += 1;
    } else if (char === '(' || char === ')') {
      tokens.push({ kind: char === '(' ? 'open' : 'close', text: char, position: i });
      i += 1;
    } else if (char >= '0' && char <= '9') {
      const literal = numberPattern.exec(text.slice(i))?.[1] ?? char;
      const value = Number(literal);
      if (!Number.isFinite(value))
        return fail(msg('formula.number_too_large', { number: literal, at: at(i) }), i);
      tokens.push({ kind: 'number', value, text: literal, position: i });
      i += literal.length;
    } else if (char === '#') {
      if (text.charAt(i + 1) !== '{') return fail(msg('formula.brace_expected', { at: at(i) }), i);
      const close = text.indexOf('}', i + 2);
      if (close === -1) return fail(msg('formula.reference_unclosed', { at: at(i) }), i);
      const code = text.slice(i + 2, close);
      if (code === '') return fail(msg('formula.reference_empty', { at: at(i) }), i);
      if (!codePattern.test(code)) return fail(msg('formula.code_invalid', { code, at: at(i + 2) }), i + 2);
      tokens.push({ kind: 'reference', code, text: `#{${code}}`, position: i });
      i = close + 1;
    } else {
      return fail(msg('formula.character_unexpected', { char, at: at(i) }), i);
    }
  }
  tokens.push({ kind: 'end', text: '', position: text.length });
  return { ok: true, value: tokens };
}

function describeToken(token: Token): Message {
  switch (token.kind) {
    case 'end':
      return msg('formula.token.end');
    case 'number':
      return msg('formula.token.number', { text: token.text });
    case 'reference':
      return msg('formula.token.reference', { text: token.text });
    case 'operator':
    case 'open':
    case 'close':
      return msg('formula.token.symbol', { text: token.text });
  }
}

const unexpected = <T>(token: Token, hint: Message): FormulaResult<T> =>
  fail(
    msg('formula.token_unexpected', { token: describeToken(token), at: at(token.position), hint }),
    token.position,
  );

/** Recursive descent over the tokens: expression := term (("+"|"-") term)*, term := unary (("*"|"/") unary)*. */
class Parser {
  private index = 0;
  private error: FormulaResult<never> | null = null;

  constructor(private readonly tokens: readonly Token[]) {}

  parse(): FormulaResult<FormulaNode> {
    const node = this.expression(0);
    if (this.error) return this.error;
    const next = this.peek();
    if (node === null) return fail(msg('formula.internal', { at: at(next.position) }), next.position);
    if (next.kind !== 'end') {
      return unexpected(
        next,
        next.kind === 'close' ? msg('formula.hint.no_open') : msg('formula.hint.operator_or_end'),
      );
    }
    return { ok: true, value: node };
  }

  private peek(): Token {
    // The tokenizer always ends the list with an `end` token, and the parser never moves past it.
    return (
      this.tokens[Math.min(this.index, this.tokens.length - 1)] ?? { kind: 'end', text: '', position: 0 }
    );
  }

  private reject(error: FormulaResult<never>): null {
    this.error ??= error;
    return null;
  }

  private expression(depth: number): FormulaNode | null {
    let left = this.term(depth);
    while (left !== null) {
      const next = this.peek();
      if (next.kind !== 'operator' || (next.operator !== '+' && next.operator !== '-')) break;
      this.index += 1;
      const right = this.term(depth);
      if (right === null) return null;
      left = { kind: 'binary', operator: next.operator, left, right };
    }
    return left;
  }

  private term(depth: number): FormulaNode | null {
    let left = this.unary(depth);
    while (left !== null) {
      const next = this.peek();
      if (next.kind !== 'operator' || (next.operator !== '*' && next.operator !== '/')) break;
      this.index += 1;
      const right = this.unary(depth);
      if (right === null) return null;
      left = { kind: 'binary', operator: next.operator, left, right };
    }
    return left;
  }

  private unary(depth: number): FormulaNode | null {
    const next = this.peek();
    if (next.kind === 'operator' && next.operator === '-') {
      if (depth >= maxFormulaNesting) return this.reject(tooDeep(next.position));
      this.index += 1;
      const operand = this.unary(depth + 1);
      return operand === null ? null : { kind: 'negate', operand };
    }
    return this.primary(depth);
  }

  private primary(depth: number): FormulaNode | null {
    const next = this.peek();
    switch (next.kind) {
      case 'number':
        this.index += 1;
        return { kind: 'number', value: next.value };
      case 'reference':
        this.index += 1;
        return { kind: 'reference', code: next.code };
      case 'open': {
        if (depth >= maxFormulaNesting) return this.reject(tooDeep(next.position));
        this.index += 1;
        const inner = this.expression(depth + 1);
        if (inner === null) return null;
        const close = this.peek();
        if (close.kind !== 'close')
          return this.reject(unexpected(close, msg('formula.hint.close', { openAt: at(next.position) })));
        this.index += 1;
        return inner;
      }
      case 'operator':
      case 'close':
      case 'end':
        return this.reject(unexpected(next, msg('formula.hint.operand')));
    }
  }
}

/**
 * Parses a formula such as `#{drug_crimes} / #{population.total} * 100000`. Never throws on bad input: a
 * refusal names the first problem and its 0-based character position, e.g. `Unexpected ")" at position 17`.
 * Accepts non-negative decimal numbers (with an optional exponent), references `#{code}`, `+ - * /` with the
 * usual precedence (left-associative), unary minus, parentheses and any whitespace between tokens.
 */
export function parseFormula(text: string): FormulaResult<FormulaNode> {
  if (text.length > maxFormulaLength)
    return fail(msg('formula.too_long', { max: maxFormulaLength }), maxFormulaLength);
  if (text.trim() === '') return fail(msg('formula.empty'), 0);
  const tokens = tokenize(text);
  if (!tokens.ok) return tokens;
  return new Parser(tokens.value).parse();
}

/** The codes a formula refers to, each once, in order of first appearance. */
export function referencesOf(ast: FormulaNode): ReadonlySet<string> {
  const codes = new Set<string>();
  const visit = (node: FormulaNode): void => {
    switch (node.kind) {
      case 'number':
        return;
      case 'reference':
        codes.add(node.code);
        return;
      case 'negate':
        visit(node.operand);
        return;
      case 'binary':
        visit(node.left);
        visit(node.right);
        return;
    }
  };
  visit(ast);
  return codes;
}

/**
 * Everything wrong with a formula about to be saved: a syntax problem (then nothing else is checked), or
 * one problem per unknown code, at its first occurrence. An empty list means the formula can be saved as far as
 * its own text goes; circular references across indicators are `findCycles`' job.
 */
export function checkFormula(text: string, knownCodes: ReadonlySet<string>): FormulaProblem[] {
  const parsed = parseFormula(text);
  if (!parsed.ok) return [{ kind: 'syntax', ...parsed.error }];
  const tokens = tokenize(text);
  if (!tokens.ok) return [{ kind: 'syntax', ...tokens.error }];
  const problems: FormulaProblem[] = [];
  const reported = new Set<string>();
  for (const token of tokens.value) {
    if (token.kind !== 'reference' || knownCodes.has(token.code) || reported.has(token.code)) continue;
    reported.add(token.code);
    problems.push({
      kind: 'unknown-code',
      code: token.code,
      position: token.position,
      ...described(msg('formula.code_unknown', { code: token.code, at: at(token.position) })),
    });
  }
  return problems;
}

/** One cycle per strongly connected component of the graph (or self-loop), as closed paths, sorted. */
function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): FormulaCycle[] {
  const neighbours = (code: string): string[] =>
    [...(graph.get(code) ?? [])].filter((next) => graph.has(next)).sort();
  // Tarjan's algorithm; depth is bounded by the number of derived indicators.
  const indexOf = new Map<string, number>();
  const lowOf = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (code: string): void => {
    const index = indexOf.size;
    indexOf.set(code, index);
    lowOf.set(code, index);
    stack.push(code);
    onStack.add(code);
    for (const next of neighbours(code)) {
      if (!indexOf.has(next)) {
        connect(next);
        lowOf.set(code, Math.min(lowOf.get(code) ?? index, lowOf.get(next) ?? index));
      } else if (onStack.has(next)) {
        lowOf.set(code, Math.min(lowOf.get(code) ?? index, indexOf.get(next) ?? index));
      }
    }
    if (lowOf.get(code) === index) {
      const component: string[] = [];
      for (;;) {
        const member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
        if (member === code) break;
      }
      components.push(component);
    }
  };
  for (const code of [...graph.keys()].sort()) if (!indexOf.has(code)) connect(code);

  const cycles: FormulaCycle[] = [];
  for (const component of components) {
    const members = new Set(component);
    const start = [...component].sort()[0];
    if (start === undefined) continue;
    if (component.length === 1 && !neighbours(start).includes(start)) continue;
    // Shortest path from start back to start inside the component (breadth-first), for the clearest message.
    const previous = new Map<string, string>();
    const queue: string[] = [start];
    let found = false;
    while (queue.length > 0 && !found) {
      const current: string = queue.shift() ?? start;
      for (const next of neighbours(current)) {
        if (!members.has(next)) continue;
        if (next === start) {
          previous.set(start, current);
          found = true;
          break;
        }
        if (!previous.has(next)) {
          previous.set(next, current);
          queue.push(next);
        }
      }
    }
    const path: string[] = [start];
    let current = previous.get(start) ?? start;
    while (current !== start) {
      path.push(current);
      current = previous.get(current) ?? start;
    }
    path.push(start);
    path.reverse();
    cycles.push(path);
  }
  return cycles.sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
}

/**
 * The circular references among derived indicators (code → formula text). Reports at least one cycle for every
 * group of indicators that depend on each other, as a closed path starting from the group's alphabetically first
 * code (`['a', 'b', 'a']`, a self-reference `['a', 'a']`); the result is empty exactly when the indicators can be
 * evaluated in some order. References to codes that are not derived indicators (data elements, population) are
 * not edges; formulas that do not parse are skipped, since `checkFormula` reports them.
 */
export function findCycles(definitions: ReadonlyMap<string, string>): FormulaCycle[] {
  const graph = new Map<string, string[]>();
  for (const [code, text] of definitions) {
    const parsed = parseFormula(text);
    graph.set(code, parsed.ok ? [...referencesOf(parsed.value)] : []);
  }
  return cyclesOf(graph);
}

/** A cycle as a sentence for people: `circular reference: a → b → a`. */
export function describeCycle(cycle: FormulaCycle): Message {
  return msg('formula.cycle', { path: cycle.join(' → ') });
}

function finiteOrNull(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  return value === 0 ? 0 : value; // no -0 in results
}

/**
 * Evaluates a formula. Guarantees a finite number or null ("no value"): a null or non-finite input, a division
 * by zero or an overflow gives null, never Infinity, NaN or a silent 0.
 */
export function evaluate(ast: FormulaNode, lookup: (code: string) => number | null): number | null {
  switch (ast.kind) {
    case 'number':
      return finiteOrNull(ast.value);
    case 'reference': {
      const value = lookup(ast.code);
      return value === null ? null : finiteOrNull(value);
    }
    case 'negate': {
      const value = evaluate(ast.operand, lookup);
      return value === null ? null : finiteOrNull(-value);
    }
    case 'binary': {
      const left = evaluate(ast.left, lookup);
      if (left === null) return null;
      const right = evaluate(ast.right, lookup);
      if (right === null) return null;
      switch (ast.operator) {
        case '+':
          return finiteOrNull(left + right);
        case '-':
          return finiteOrNull(left - right);
        case '*':
          return finiteOrNull(left * right);
        case '/':
          return right === 0 ? null : finiteOrNull(left / right);
      }
    }
  }
}

/**
 * Evaluates every derived indicator (code → parsed formula), each once, in dependency order: a reference to
 * another derived indicator uses that indicator's value, any other reference goes to `lookup`. Refuses the
 * whole set, evaluating nothing, when the indicators refer to each other in a cycle.
 */
export function evaluateAll(
  definitions: ReadonlyMap<string, FormulaNode>,
  lookup: (code: string) => number | null,
): EvaluateAllResult {
  const graph = new Map<string, string[]>();
  for (const [code, ast] of definitions) graph.set(code, [...referencesOf(ast)]);
  const cycles = cyclesOf(graph);
  if (cycles.length > 0) return { ok: false, cycles };
  const values = new Map<string, number | null>();
  const valueOf = (code: string): number | null => {
    const ast = definitions.get(code);
    if (ast === undefined) return lookup(code);
    const known = values.get(code);
    if (known !== undefined) return known;
    const value = evaluate(ast, valueOf);
    values.set(code, value);
    return value;
  };
  for (const code of definitions.keys()) valueOf(code);
  return { ok: true, value: values };
}

/**
 * Evaluates a formula over several rows (e.g. the districts of an oblast) the way rates must be aggregated:
 * each referenced input is summed across the rows first, then the formula is evaluated once on the sums, so a
 * rate is sum(numerators) / sum(denominators), never an average of the rows' rates.
 *
 * Missing values (a code absent from a row, null, or not finite): a code missing in every row has no sum, so
 * the value is null; a code missing in only some rows sums the rows that have it, and the result says
 * `partial: true`. `partial` is only ever true alongside a value (a null value is never partial).
 */
export function evaluateAggregate(
  ast: FormulaNode,
  rowsOfInputs: ReadonlyArray<Readonly<Record<string, number | null | undefined>>>,
): AggregateValue {
  const sums = new Map<string, number | null>();
  let isPartial = false;
  for (const code of referencesOf(ast)) {
    let sum: number | null = null;
    let missing = 0;
    for (const row of rowsOfInputs) {
      const value = Object.hasOwn(row, code) ? row[code] : undefined;
      if (typeof value === 'number' && Number.isFinite(value)) sum = (sum ?? 0) + value;
      else missing += 1;
    }
    if (sum !== null && missing > 0) isPartial = true;
    sums.set(code, sum);
  }
  const value = evaluate(ast, (code) => sums.get(code) ?? null);
  return { value, partial: value !== null && isPartial };
}

const precedence = { '+': 1, '-': 1, '*': 2, '/': 2 } as const satisfies Record<BinaryOperator, number>;

function precedenceOf(node: FormulaNode): number {
  switch (node.kind) {
    case 'binary':
      return precedence[node.operator];
    case 'negate':
      return 3;
    case 'number':
    case 'reference':
      return 4;
  }
}

/**
 * The canonical text of a formula: single spaces around binary operators, none elsewhere, only the parentheses
 * the grouping needs, numbers in JavaScript's shortest round-trip form. `parseFormula(formatFormula(ast))` gives
 * back a tree deep-equal to `ast`, so two texts that differ only in whitespace or redundant parentheses format
 * the same: compare formatted texts to decide whether a formula changed.
 */
export function formatFormula(ast: FormulaNode): string {
  switch (ast.kind) {
    case 'number':
      return String(ast.value);
    case 'reference':
      return `#{${ast.code}}`;
    case 'negate': {
      const inner = formatFormula(ast.operand);
      return ast.operand.kind === 'binary' || ast.operand.kind === 'negate' ? `-(${inner})` : `-${inner}`;
    }
    case 'binary': {
      const own = precedence[ast.operator];
      const left = formatFormula(ast.left);
      const right = formatFormula(ast.right);
      const leftText = precedenceOf(ast.left) < own ? `(${left})` : left;
      const rightText = precedenceOf(ast.right) <= own ? `(${right})` : right;
      return `${leftText} ${ast.operator} ${rightText}`;
    }
  }
}

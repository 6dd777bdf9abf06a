import { renderMessage } from '#shared/messages/catalogue';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkFormula,
  describeCycle,
  evaluate,
  evaluateAggregate,
  evaluateAll,
  findCycles,
  formatFormula,
  maxFormulaLength,
  parseFormula,
  referencesOf,
} from './formula';
import type { BinaryOperator, FormulaNode } from './formula.types';

const num = (value: number): FormulaNode => ({ kind: 'number', value });
const ref = (code: string): FormulaNode => ({ kind: 'reference', code });
const neg = (operand: FormulaNode): FormulaNode => ({ kind: 'negate', operand });
const bin = (operator: BinaryOperator, left: FormulaNode, right: FormulaNode): FormulaNode => ({
  kind: 'binary',
  operator,
  left,
  right,
});

function parsed(text: string): FormulaNode {
  const result = parseFormula(text);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(text)} to parse: ${result.error.message}`);
  return result.value;
}

function values(record: Record<string, number | null>): (code: string) => number | null {
  return (code) => record[code] ?? null;
}

describe('parseFormula', () => {
  it('parses the rate example', () => {
    expect(parsed('#{drug_crimes} / #{population.total} * 100000')).toEqual(
      bin('*', bin('/', ref('drug_crimes'), ref('population.total')), num(100000)),
    );
  });

  it.each([
    ['1 + 2 * 3', bin('+', num(1), bin('*', num(2), num(3)))],
    ['1 * 2 + 3', bin('+', bin('*', num(1), num(2)), num(3))],
    ['(1 + 2) * 3', bin('*', bin('+', num(1), num(2)), num(3))],
    ['1 - 2 - 3', bin('-', bin('-', num(1), num(2)), num(3))],
    ['1 - (2 - 3)', bin('-', num(1), bin('-', num(2), num(3)))],
    ['8 / 4 / 2', bin('/', bin('/', num(8), num(4)), num(2))],
    ['-#{a} * 2', bin('*', neg(ref('a')), num(2))],
    ['-(#{a} + 1)', neg(bin('+', ref('a'), num(1)))],
    ['1 - -2', bin('-', num(1), neg(num(2)))],
    ['--#{a}', neg(neg(ref('a')))],
    ['((#{a}))', ref('a')],
    ['0.5 * #{population.age_14_35}', bin('*', num(0.5), ref('population.age_14_35'))],
    ['1e3', num(1000)],
    ['\t#{a}\n/\r\n#{b} ', bin('/', ref('a'), ref('b'))],
    ['#{a}/#{b}*100000', bin('*', bin('/', ref('a'), ref('b')), num(100000))],
  ])('parses %j with the usual precedence', (text, ast) => {
    expect(parsed(text)).toEqual(ast);
  });

  it.each([
    ['#{a} +', 'Unexpected end of formula at character 7: expected a number, a reference #{code} or "("', 6],
    ['(#{a}', 'Unexpected end of formula at character 6: expected ")" to close the "(" at character 1', 5],
    ['#{A}', 'Invalid code "A" at character 3', 2],
    ['#{}', 'Empty reference at character 1', 0],
    ['1 2', 'Unexpected number "2" at character 3: expected an operator (+ - * /) or the end', 2],
    ['#{a} / / 2', 'Unexpected "/" at character 8: expected a number, a reference #{code} or "("', 7],
    ['#{drug_crimes} / )', 'Unexpected ")" at character 18', 17],
    ['#{a})', 'Unexpected ")" at character 5: there is no matching "("', 4],
    ['()', 'Unexpected ")" at character 2', 1],
    ['', 'The formula is empty', 0],
    ['   ', 'The formula is empty', 0],
    ['#{a', 'Unclosed reference at character 1', 0],
    ['#a', 'Expected "{" after "#" at character 1', 0],
    ['#{a b}', 'Invalid code "a b" at character 3', 2],
    ['#{1a}', 'Invalid code "1a" at character 3', 2],
    ['#{a.}', 'Invalid code "a." at character 3', 2],
    ['1 % 2', 'Unexpected character "%" at character 3', 2],
    ['1.', 'Unexpected character "." at character 2', 1],
    ['+1', 'Unexpected "+" at character 1', 0],
    ['#{a} #{b}', 'Unexpected reference "#{b}" at character 6', 5],
    [`1${'0'.repeat(400)}`, 'is too large', 0],
  ])('refuses %j with a message and its position', (text, message, position) => {
    const result = parseFormula(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain(message);
    expect(result.error.position).toBe(position);
  });

  it('refuses absurd nesting and length with a message instead of overflowing the stack', () => {
    const deep = `${'('.repeat(5000)}1${')'.repeat(5000)}`;
    expect(parseFormula(deep)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('long') },
    });
    const nested = `${'('.repeat(200)}1${')'.repeat(200)}`;
    expect(parseFormula(nested)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Too deeply nested') },
    });
    const minuses = `${'-'.repeat(200)}1`;
    expect(parseFormula(minuses).ok).toBe(false);
    const terms = Math.floor((maxFormulaLength - 1) / 4);
    const longChain = `1${' + 1'.repeat(terms)}`;
    expect(longChain.length).toBeLessThanOrEqual(maxFormulaLength);
    expect(evaluate(parsed(longChain), () => null)).toBe(terms + 1);
    expect(formatFormula(parsed(longChain))).toBe(longChain);
  });
});

describe('referencesOf', () => {
  it('lists each code once, in order of first appearance', () => {
    expect([...referencesOf(parsed('#{b} + #{a} * #{b} / -#{population.total} + 3'))]).toEqual([
      'b',
      'a',
      'population.total',
    ]);
  });

  it('is empty for a constant', () => {
    expect(referencesOf(parsed('1 + 2')).size).toBe(0);
  });
});

describe('checkFormula', () => {
  const known = new Set(['drug_crimes', 'population.total']);

  it('accepts a formula whose codes are all known', () => {
    expect(checkFormula('#{drug_crimes} / #{population.total} * 100000', known)).toEqual([]);
  });

  it('reports each unknown code once, at its first occurrence', () => {
    expect(checkFormula('#{drug_crimes} / #{pop} + #{pop} + #{other}', known)).toEqual([
      {
        kind: 'unknown-code',
        code: 'pop',
        position: 17,
        message: 'Unknown code "pop" at character 18.',
        localised: { key: 'formula.code_unknown', params: { code: 'pop', at: 18 } },
      },
      {
        kind: 'unknown-code',
        code: 'other',
        position: 35,
        message: 'Unknown code "other" at character 36.',
        localised: { key: 'formula.code_unknown', params: { code: 'other', at: 36 } },
      },
    ]);
  });

  it('reports a syntax problem alone', () => {
    expect(checkFormula('#{unknown} +', known)).toMatchObject([
      {
        kind: 'syntax',
        position: 12,
        message: 'Unexpected end of formula at character 13: expected a number, a reference #{code} or "(".',
        localised: { key: 'formula.token_unexpected', params: { at: 13 } },
      },
    ]);
  });
});

describe('findCycles', () => {
  it('finds a self-reference', () => {
    const cycles = findCycles(new Map([['a', '#{a} + 1']]));
    expect(cycles).toEqual([['a', 'a']]);
    expect(renderMessage(describeCycle(cycles[0]!), 'en')).toBe('Circular reference: a → a.');
    expect(renderMessage(describeCycle(cycles[0]!), 'ru')).toBe('Циклическая ссылка: a → a.');
  });

  it('finds a 2-cycle', () => {
    const cycles = findCycles(
      new Map([
        ['b', '#{a} * 2'],
        ['a', '#{b} + #{x}'],
      ]),
    );
    expect(cycles).toEqual([['a', 'b', 'a']]);
    expect(renderMessage(describeCycle(cycles[0]!), 'en')).toBe('Circular reference: a → b → a.');
  });

  it('finds a 3-cycle, starting from its alphabetically first code', () => {
    expect(
      findCycles(
        new Map([
          ['c', '#{a}'],
          ['b', '#{c} / #{population.total}'],
          ['a', '#{b}'],
          ['d', '#{a}'],
        ]),
      ),
    ).toEqual([['a', 'b', 'c', 'a']]);
  });

  it('reports one cycle per independent group', () => {
    expect(
      findCycles(
        new Map([
          ['a', '#{b}'],
          ['b', '#{a}'],
          ['x', '#{y}'],
          ['y', '#{x}'],
          ['z', '#{z}'],
        ]),
      ),
    ).toEqual([
      ['a', 'b', 'a'],
      ['x', 'y', 'x'],
      ['z', 'z'],
    ]);
  });

  it('does not mistake a diamond for a cycle', () => {
    expect(
      findCycles(
        new Map([
          ['a', '#{b} + #{c}'],
          ['b', '#{d} * 2'],
          ['c', '#{d} / 2'],
          ['d', '#{raw}'],
        ]),
      ),
    ).toEqual([]);
  });

  it('ignores data elements and formulas that do not parse', () => {
    expect(
      findCycles(
        new Map([
          ['a', '#{drug_crimes} / #{population.total}'],
          ['b', '#{a} +'],
        ]),
      ),
    ).toEqual([]);
  });
});

describe('evaluate', () => {
  it('computes a rate', () => {
    const ast = parsed('#{drug_crimes} / #{population.total} * 100000');
    expect(evaluate(ast, values({ drug_crimes: 50, 'population.total': 200000 }))).toBe(25);
  });

  it('follows precedence and unary minus', () => {
    expect(evaluate(parsed('2 + 3 * 4 - -1'), () => null)).toBe(15);
    expect(evaluate(parsed('(2 + 3) * 4'), () => null)).toBe(20);
  });

  it.each(['#{a} / 0', '#{a} / #{zero}', '#{a} / (#{zero} * 5)', '0 / 0', '#{a} / -#{zero}'])(
    'gives no value (null) for a division by zero in %j, never Infinity or 0',
    (text) => {
      expect(evaluate(parsed(text), values({ a: 7, zero: 0 }))).toBeNull();
    },
  );

  it('gives null when any input is missing, even when multiplied by zero', () => {
    expect(evaluate(parsed('#{a} * 0 + 1'), values({ a: null }))).toBeNull();
    expect(evaluate(parsed('#{a} + #{missing}'), values({ a: 1 }))).toBeNull();
  });

  it('gives null for non-finite inputs and results', () => {
    expect(evaluate(parsed('#{a} + 1'), () => Number.NaN)).toBeNull();
    expect(evaluate(parsed('#{a} + 1'), () => Number.POSITIVE_INFINITY)).toBeNull();
    expect(evaluate(parsed('#{a} * #{a}'), () => Number.MAX_VALUE)).toBeNull();
  });

  it('never returns negative zero', () => {
    expect(Object.is(evaluate(parsed('-#{a}'), values({ a: 0 })), 0)).toBe(true);
  });
});

describe('evaluateAll', () => {
  it('evaluates derived indicators in dependency order, each once', () => {
    const lookups: string[] = [];
    const lookup = (code: string): number | null => {
      lookups.push(code);
      return ({ crimes: 30, population: 1000, drug_crimes: 6 } as Record<string, number>)[code] ?? null;
    };
    const result = evaluateAll(
      new Map([
        ['share_x2', parsed('#{share} * 2')],
        ['share', parsed('#{drug_crimes} / #{crimes}')],
        ['rate', parsed('#{crimes} / #{population} * 100000')],
        ['both', parsed('#{share} + #{share_x2}')],
        ['empty', parsed('#{crimes} / #{nothing}')],
      ]),
      lookup,
    );
    expect(result).toEqual({
      ok: true,
      value: new Map([
        ['share_x2', 0.4],
        ['share', 0.2],
        ['rate', 3000],
        ['both', 0.6000000000000001],
        ['empty', null],
      ]),
    });
    expect(lookups.filter((code) => code === 'drug_crimes')).toHaveLength(1);
  });

  it('refuses a cycle and evaluates nothing', () => {
    let calls = 0;
    const result = evaluateAll(
      new Map([
        ['a', parsed('#{b} + #{raw}')],
        ['b', parsed('#{a}')],
        ['c', parsed('#{raw}')],
      ]),
      () => {
        calls += 1;
        return 1;
      },
    );
    expect(result).toEqual({ ok: false, cycles: [['a', 'b', 'a']] });
    expect(calls).toBe(0);
  });
});

describe('evaluateAggregate', () => {
  const rate = parsed('#{n} / #{d} * 100000');

  it('computes the rate of the sums, not the mean of the rates', () => {
    const rows = [
      { n: 1, d: 1000 },
      { n: 10, d: 1_000_000 },
    ];
    expect(evaluateAggregate(rate, rows)).toEqual({ value: (11 / 1_001_000) * 100000, partial: false });
  });

  it('sums the rows that have a value when some rows miss it, and says the value is partial', () => {
    const rows = [{ n: 5, d: 1000 }, { n: null, d: 1000 }, { d: 2000 }];
    expect(evaluateAggregate(rate, rows)).toEqual({ value: (5 / 4000) * 100000, partial: true });
  });

  it('gives null when a code is missing in every row', () => {
    expect(evaluateAggregate(rate, [{ d: 1000 }, { n: null, d: 5 }])).toEqual({
      value: null,
      partial: false,
    });
    expect(evaluateAggregate(rate, [])).toEqual({ value: null, partial: false });
  });

  it('gives null when the summed denominator is zero', () => {
    expect(
      evaluateAggregate(rate, [
        { n: 0, d: 0 },
        { n: 3, d: 0 },
      ]),
    ).toEqual({ value: null, partial: false });
  });

  it('treats non-finite values as missing', () => {
    expect(
      evaluateAggregate(rate, [
        { n: Number.NaN, d: 10 },
        { n: 1, d: 10 },
      ]),
    ).toEqual({
      value: 5000,
      partial: true,
    });
  });
});

describe('formatFormula', () => {
  it.each([
    ['#{drug_crimes}/#{population.total}*100000', '#{drug_crimes} / #{population.total} * 100000'],
    ['(#{a} / #{b}) * 100000', '#{a} / #{b} * 100000'],
    ['#{a} / (#{b} * 100000)', '#{a} / (#{b} * 100000)'],
    ['(1 + 2) * 3', '(1 + 2) * 3'],
    ['1 - (2 + 3)', '1 - (2 + 3)'],
    ['(1 - 2) + 3', '1 - 2 + 3'],
    ['- ( #{a} )', '-#{a}'],
    ['-(#{a} * 2)', '-(#{a} * 2)'],
    ['- - 1', '-(-1)'],
    ['1 - -2', '1 - -2'],
    ['1.50', '1.5'],
    ['100000.0', '100000'],
  ])('formats %j as %j', (text, canonical) => {
    const ast = parsed(text);
    expect(formatFormula(ast)).toBe(canonical);
    expect(parsed(formatFormula(ast))).toEqual(ast);
  });

  it('gives the same text for formulas that differ only in whitespace', () => {
    expect(formatFormula(parsed('#{a}/#{b}  *100000'))).toBe(
      formatFormula(parsed(' #{a} /\n#{b} * 100000 ')),
    );
  });
});

describe('properties', () => {
  const codes = ['a', 'b', 'population.total', 'x_1'] as const;

  const numberArb = fc
    .oneof(
      fc.integer({ min: 0, max: 1_000_000 }),
      fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }),
    )
    .map((value) => value + 0); // no -0: a number node is never negative
  const { node: astArb } = fc.letrec<{ node: FormulaNode; leaf: FormulaNode }>((tie) => ({
    node: fc.oneof(
      { maxDepth: 5, depthIdentifier: 'formula' },
      tie('leaf'),
      tie('leaf'),
      negateArb(tie),
      binaryArb(tie),
    ),
    leaf: fc.oneof(
      numberArb.map((value): FormulaNode => ({ kind: 'number', value })),
      fc.constantFrom(...codes).map((code): FormulaNode => ({ kind: 'reference', code })),
    ),
  }));

  function negateArb(tie: (key: 'node') => fc.Arbitrary<FormulaNode>): fc.Arbitrary<FormulaNode> {
    return tie('node').map((operand): FormulaNode => ({ kind: 'negate', operand }));
  }

  function binaryArb(tie: (key: 'node') => fc.Arbitrary<FormulaNode>): fc.Arbitrary<FormulaNode> {
    return fc
      .tuple(fc.constantFrom<BinaryOperator>('+', '-', '*', '/'), tie('node'), tie('node'))
      .map(([operator, left, right]): FormulaNode => ({ kind: 'binary', operator, left, right }));
  }

  /** Prints with every binary node in parentheses and random whitespace (possibly none) between all tokens. */
  function printSpaced(ast: FormulaNode, gap: () => string): string {
    switch (ast.kind) {
      case 'number':
        return String(ast.value);
      case 'reference':
        return `#{${ast.code}}`;
      case 'negate':
        return `-${gap()}${printSpaced(ast.operand, gap)}`;
      case 'binary':
        return `(${gap()}${printSpaced(ast.left, gap)}${gap()}${ast.operator}${gap()}${printSpaced(ast.right, gap)}${gap()})`;
    }
  }

  const inputsArb = fc.record({
    a: fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: null }),
    b: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }),
    'population.total': fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }),
    x_1: fc.option(fc.constantFrom(0, 1, 0.5), { nil: null }),
  });

  it('aggregates a rate as sum(n) / sum(d) * 100000, or null when sum(d) is 0', () => {
    const countArb = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10_000_000 }));
    const rate = parsed('#{n} / #{d} * 100000');
    fc.assert(
      fc.property(
        fc.array(fc.record({ n: countArb, d: countArb }), { minLength: 1, maxLength: 30 }),
        (rows) => {
          const sumN = rows.reduce((sum, row) => sum + row.n, 0);
          const sumD = rows.reduce((sum, row) => sum + row.d, 0);
          const result = evaluateAggregate(rate, rows);
          expect(result.partial).toBe(false);
          expect(result.value).toBe(sumD === 0 ? null : (sumN / sumD) * 100000);
        },
      ),
      { seed: 20261124, numRuns: 500 },
    );
  });

  it('parses the canonical text of any formula back to the same tree', () => {
    fc.assert(
      fc.property(astArb, (ast) => {
        const text = formatFormula(ast);
        expect(parsed(text)).toEqual(ast);
        expect(formatFormula(parsed(text))).toBe(text);
      }),
      { seed: 20261124, numRuns: 500 },
    );
  });

  it('evaluates the same whatever the whitespace', () => {
    const gapArb = fc.array(fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r\n'), maxLength: 3 }), {
      minLength: 64,
      maxLength: 64,
    });
    fc.assert(
      fc.property(astArb, inputsArb, gapArb, (ast, inputs, gaps) => {
        let next = 0;
        const gap = (): string => gaps[next++ % gaps.length] ?? '';
        const lookup = values(inputs);
        const expected = evaluate(ast, lookup);
        const compact = printSpaced(ast, () => '');
        const spaced = printSpaced(ast, gap);
        expect(evaluate(parsed(compact), lookup)).toBe(expected);
        expect(evaluate(parsed(spaced), lookup)).toBe(expected);
        expect(evaluate(parsed(` ${formatFormula(ast)}\n`), lookup)).toBe(expected);
      }),
      { seed: 20261124, numRuns: 500 },
    );
  });
});

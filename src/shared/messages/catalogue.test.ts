import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { locales, type Locale } from '../domain/locale';
import { unitCodes } from '../domain/unit';
import { errorCatalogue } from '../errors';
import { messageCatalogue, msg, renderMessage } from './catalogue';
import type { MessageDefinition, ParamKind } from './message';

/** Element types of the ICU parser's syntax tree (argument, number, date, time, select, plural). */
const elementType = { argument: 1, number: 2, date: 3, time: 4, select: 5, plural: 6 } as const;

type AstNode = { type: number; value?: unknown; options?: Record<string, { value: AstNode[] }> };

/** Every argument a template uses, with how: as text, in a plural, or in a select. */
function argumentsOf(nodes: AstNode[], into = new Map<string, Set<string>>()): Map<string, Set<string>> {
  for (const node of nodes) {
    const name = typeof node.value === 'string' ? node.value : null;
    const use =
      node.type === elementType.plural
        ? 'plural'
        : node.type === elementType.select
          ? 'select'
          : node.type === elementType.argument
            ? 'argument'
            : node.type === elementType.number ||
                node.type === elementType.date ||
                node.type === elementType.time
              ? 'formatted'
              : null;
    if (name && use) into.set(name, (into.get(name) ?? new Set()).add(use));
    for (const option of Object.values(node.options ?? {})) argumentsOf(option.value, into);
  }
  return into;
}

function astOf(template: string, locale: Locale): AstNode[] {
  return new IntlMessageFormat(template, locale, undefined, { ignoreTag: true }).getAst();
}

function pluralOptions(nodes: AstNode[], into: string[][] = []): string[][] {
  for (const node of nodes) {
    if (node.type === elementType.plural) into.push(Object.keys(node.options ?? {}));
    for (const option of Object.values(node.options ?? {})) pluralOptions(option.value, into);
  }
  return into;
}

const entries = Object.entries(messageCatalogue) as Array<[string, MessageDefinition]>;

/** A value of each kind, to render every message once. */
const sample: Record<ParamKind, unknown> = {
  text: 'X-1',
  number: 4032.5,
  count: 3,
  period: '2025-03',
  date: '2025-03-01',
  datetime: '2025-03-01T10:00:00Z',
  name: { ky: 'Ош шаары', ru: 'город Ош', en: 'Osh city' },
  unit: 'kg',
  message: { key: 'unit.kg' },
  list: [{ key: 'unit.kg' }, 'x'],
};

describe('the message catalogue', () => {
  it.each(entries)('%s has a template in every language with exactly its declared parameters', (key, def) => {
    const declared = def.params ?? {};
    for (const locale of locales) {
      const template = def[locale];
      expect(template.trim(), `${key} ${locale}`).not.toBe('');
      const used = argumentsOf(astOf(template, locale));
      expect([...used.keys()].sort(), `${key} ${locale}: parameters used`).toEqual(
        Object.keys(declared).sort(),
      );
      for (const [name, uses] of used) {
        const kind = declared[name];
        if (kind === 'count') {
          // A count is chosen by plural rules and written as # inside them, through the locale formatter.
          expect([...uses], `${key} ${locale}: {${name}} is a count`).toEqual(['plural']);
        } else {
          expect(uses.has('plural'), `${key} ${locale}: {${name}} is not a count`).toBe(false);
          expect(uses.has('formatted'), `${key} ${locale}: {${name}} is formatted by its kind`).toBe(false);
        }
      }
    }
  });

  it.each(entries)('%s is written in Kyrgyz and Russian, not copied from English', (key, def) => {
    if (!/[A-Za-z]{3}/.test(def.en.replace(/\{[^}]*\}/g, ''))) return;
    expect(def.ky, key).not.toBe(def.en);
    expect(def.ru, key).not.toBe(def.en);
    expect(def.ky, key).toMatch(/[а-яөүңё]/i);
    expect(def.ru, key).toMatch(/[а-яё]/i);
  });

  it('gives Russian plurals all four forms', () => {
    for (const [key, def] of entries) {
      for (const options of pluralOptions(astOf(def.ru, 'ru'))) {
        expect(options.sort(), key).toEqual(['few', 'many', 'one', 'other']);
      }
      for (const locale of ['ky', 'en'] as const) {
        for (const options of pluralOptions(astOf(def[locale], locale))) {
          expect(options, `${key} ${locale}`).toContain('other');
        }
      }
    }
  });

  it('has a sentence for every error code and a name for every unit', () => {
    for (const code of Object.keys(errorCatalogue))
      expect(messageCatalogue).toHaveProperty([`error.${code}`]);
    for (const unit of unitCodes) expect(messageCatalogue).toHaveProperty([`unit.${unit}`]);
  });

  it.each(entries)('%s renders in every language', (key, def) => {
    const params = Object.fromEntries(
      Object.entries(def.params ?? {}).map(([name, kind]) => [name, sample[kind]]),
    );
    for (const locale of locales) {
      const text = renderMessage({ key, params }, locale);
      expect(text, `${key} ${locale}`).not.toMatch(/undefined|NaN/);
      for (const name of Object.keys(params)) expect(text, `${key} ${locale}`).not.toContain(`{${name}`);
    }
  });
});

describe('rendering', () => {
  it('writes parameters by their kind in each language', () => {
    expect(renderMessage(msg('unit.per_100k'), 'ky')).toBe('100 миң калкка');
    expect(
      renderMessage(msg('population.duplicate_row', { row: 4032, code: '417', year: '2025' }), 'ru'),
    ).toBe('Повтор строки 4\u00a0032: 417 2025 встречается дважды.');
  });

  it('renders an unknown key as its fallback or the key', () => {
    expect(renderMessage({ key: 'nothing.here' }, 'en', 'Fallback.')).toBe('Fallback.');
    expect(renderMessage({ key: 'nothing.here' }, 'en')).toBe('nothing.here');
  });
});

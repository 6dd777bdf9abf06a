import { IntlMessageFormat } from 'intl-messageformat';
import type { Locale } from '../domain/locale';
import { formatDate, formatDateTime, formatNumber, formatPeriodLabel } from '../format/locale-format';
import type { Message, MessageDefinition, ParamKind } from './message';

/** Where a renderer finds its definitions: the catalogue (src/shared/messages/catalogue.ts) or a test's own. */
export type MessageSource = Readonly<Record<string, MessageDefinition>>;

/** Options of {@link createRenderer}. */
export type RenderOptions = {
  /** Time zone for `datetime` parameters (default: the runtime's own). */
  timeZone?: string;
};

const listJoiners: Record<Locale, { pair: string; last: string }> = {
  ky: { pair: ' жана ', last: ' жана ' },
  ru: { pair: ' и ', last: ' и ' },
  en: { pair: ' and ', last: ', and ' },
};

/** Joins texts as a language joins a list: `a, b и c`, `a, b жана c`, `a, b, and c`. */
function joinList(items: readonly string[], locale: Locale): string {
  if (items.length <= 1) return items[0] ?? '';
  const { pair, last } = listJoiners[locale];
  if (items.length === 2) return `${items[0]}${pair}${items[1]}`;
  return `${items.slice(0, -1).join(', ')}${last}${items[items.length - 1]}`;
}

/** A parameter as plain text: strings and numbers as they are, anything else (a wrong type) as JSON. */
function plain(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as Message).key === 'string';
}

function pickName(value: unknown, locale: Locale): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    const name = value as Partial<Record<Locale, unknown>>;
    for (const candidate of [name[locale], name.ru, name.en, name.ky]) {
      if (typeof candidate === 'string' && candidate !== '') return candidate;
    }
  }
  return plain(value);
}

/**
 * Builds a renderer over a source of definitions. It turns `{key, params}` into text in a language: each
 * parameter is written according to its declared kind (numbers and periods through the locale formatter,
 * names picked in the language, units and nested messages rendered from the catalogue) and the ICU template
 * chooses plural forms with the language's rules. An unknown key renders the fallback, else the key itself,
 * so a newer server never leaves a reader with nothing.
 */
export function createRenderer(source: MessageSource, options: RenderOptions = {}) {
  const compiled = new Map<string, IntlMessageFormat>();

  const compile = (key: string, locale: Locale, template: string): IntlMessageFormat => {
    const cacheKey = `${locale}\u0001${key}`;
    let format = compiled.get(cacheKey);
    if (!format) {
      format = new IntlMessageFormat(template, locale, undefined, {
        ignoreTag: true,
        formatters: {
          // `#` inside a plural goes through the one number formatter, whatever ICU data the runtime has.
          getNumberFormat: () => ({ format: (n: number) => formatNumber(n, locale) }) as Intl.NumberFormat,
          getDateTimeFormat: (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) =>
            new Intl.DateTimeFormat(...args),
          getPluralRules: (_locales: unknown, opts?: Intl.PluralRulesOptions) =>
            new Intl.PluralRules(locale, opts),
        },
      });
      compiled.set(cacheKey, format);
    }
    return format;
  };

  const writeParam = (kind: ParamKind, value: unknown, locale: Locale): string | number => {
    switch (kind) {
      case 'count':
        return typeof value === 'number' ? value : Number(value);
      case 'number':
        return typeof value === 'number' ? formatNumber(value, locale) : plain(value);
      case 'period':
        return formatPeriodLabel(plain(value), locale);
      case 'date':
        return formatDate(plain(value), locale, options.timeZone);
      case 'datetime':
        return formatDateTime(plain(value), locale, options.timeZone);
      case 'name':
        return pickName(value, locale);
      case 'unit': {
        const code = plain(value);
        return source[`unit.${code}`] ? render({ key: `unit.${code}` }, locale) : code;
      }
      case 'message':
        return isMessage(value) ? render(value, locale) : plain(value);
      case 'list':
        return Array.isArray(value)
          ? joinList(
              value.map((item) => (isMessage(item) ? render(item, locale) : plain(item))),
              locale,
            )
          : plain(value);
      case 'text':
        return plain(value);
    }
  };

  function render(message: Message, locale: Locale, fallback?: string): string {
    const definition = source[message.key];
    if (!definition) return fallback ?? message.key;
    const values: Record<string, string | number> = {};
    for (const [name, kind] of Object.entries(definition.params ?? {})) {
      values[name] = writeParam(kind, message.params?.[name], locale);
    }
    const text = compile(message.key, locale, definition[locale]).format(values);
    return typeof text === 'string' ? text : plain(text);
  }

  return {
    /** The message in `locale`; `fallback` (else the key) when the key is not in the catalogue. */
    render,
    /** Whether the catalogue holds a key. */
    has: (key: string): boolean => key in source,
  };
}

/** A renderer made by {@link createRenderer}. */
export type MessageRenderer = ReturnType<typeof createRenderer>;

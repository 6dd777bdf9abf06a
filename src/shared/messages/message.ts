import type { LocalisedName } from '../contracts/common.contract';

/**
 * What a parameter of a message holds and how it is written in each language:
 * - `text`: written as it is (a code, a file column, a cell, something the user typed); usable in an ICU
 *   `select`.
 * - `number`: a figure, written with the locale's grouping and decimal mark (`4 032,5`).
 * - `count`: a whole number that chooses a plural form; use it only inside `{name, plural, …}` and write it
 *   there as `#` (`{rows, plural, one {# row} other {# rows}}`).
 * - `period`: a period id (`2025-03`), written `2025-ж. март` / `март 2025` / `March 2025`.
 * - `date`: a calendar date `YYYY-MM-DD`; `datetime`: an ISO timestamp.
 * - `name`: a name in three languages (`{ky, ru, en}`), or one text used in all of them.
 * - `unit`: a unit code (`kg`, `per_100k`), written as the unit's name.
 * - `message`: another message (`{key, params}`), rendered in the same language.
 * - `list`: several messages or texts, joined the way the language joins a list.
 */
export type ParamKind =
  'text' | 'number' | 'count' | 'period' | 'date' | 'datetime' | 'name' | 'unit' | 'message' | 'list';

/** A message as it travels: a stable key and its parameters; rendered in the reader's language. */
export type Message = { key: string; params?: Record<string, unknown> };

/** The JavaScript value a parameter of a kind holds. */
export type ParamValue<K extends ParamKind> = K extends 'text' | 'period' | 'date' | 'datetime' | 'unit'
  ? string
  : K extends 'number' | 'count'
    ? number
    : K extends 'name'
      ? LocalisedName | string
      : K extends 'message'
        ? Message
        : K extends 'list'
          ? ReadonlyArray<Message | string>
          : never;

/**
 * One entry of the catalogue: the parameters it takes, and an ICU MessageFormat template per language.
 * Templates use `{name}` for a parameter, `{name, plural, one {…} few {…} many {…} other {…}}` for counts
 * (Russian needs one/few/many/other; Kyrgyz and English one/other) and `{name, select, a {…} other {…}}`
 * for choices. Tags are not interpreted, so `<` and `>` are plain text.
 */
export type MessageDefinition = {
  params?: Readonly<Record<string, ParamKind>>;
  ky: string;
  ru: string;
  en: string;
};

/** Declares a group of messages, keeping their literal keys and parameter kinds for typed constructors. */
export function defineMessages<const T extends Record<string, MessageDefinition>>(definitions: T): T {
  return definitions;
}

/** The parameters object a definition takes. */
export type ParamsOf<D extends MessageDefinition> =
  D['params'] extends Readonly<Record<string, ParamKind>>
    ? { [P in keyof D['params']]: ParamValue<D['params'][P]> }
    : Record<string, never>;

/** Whether a value received from elsewhere has the shape of a message. */
export function isLocalisedMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Message).key === 'string' &&
    ((value as Message).params === undefined ||
      (typeof (value as Message).params === 'object' && (value as Message).params !== null))
  );
}

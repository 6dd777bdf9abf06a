import type { Locale } from '../domain/locale';
import { accountMessages } from './account.messages';
import { approvalMessages } from './approval.messages';
import { auditMessages } from './audit.messages';
import { errorMessages } from './error.messages';
import { formulaMessages } from './formula.messages';
import { importMessages } from './import.messages';
import { jobMessages } from './job.messages';
import { outlierMessages } from './outlier.messages';
import { populationMessages } from './population.messages';
import { requestMessages } from './request.messages';
import { territoryMessages } from './territory.messages';
import type { Message, ParamsOf } from './message';
import { createRenderer, type RenderOptions } from './render';
import { unitMessages } from './unit.messages';
import { valueMessages } from './value.messages';

/**
 * The message catalogue: every sentence the server makes for a person (errors, problems, checks, audit
 * entries, job names and failures, units), with a template in Kyrgyz, Russian and English. It is the one home
 * of these texts: the server sends `{key, params}` and the web renders them with this catalogue, and the
 * server renders the same entries in the reader's language for exports and documents. Interface labels that
 * only the web shows stay in src/web/locales.
 */
export const messageCatalogue = {
  ...errorMessages,
  ...unitMessages,
  ...jobMessages,
  ...requestMessages,
  ...territoryMessages,
  ...populationMessages,
  ...accountMessages,
  ...formulaMessages,
  ...outlierMessages,
  ...auditMessages,
  ...valueMessages,
  ...importMessages,
  ...approvalMessages,
};

type Catalogue = typeof messageCatalogue;
/** A key of the catalogue. */
export type MessageKey = keyof Catalogue;

/**
 * A message with its parameters checked against the catalogue at compile time:
 * `msg('unit.kg')`, `msg('job.failure.no_handler', { name, version })`.
 */
export function msg<K extends MessageKey>(
  key: K,
  ...params: ParamsOf<Catalogue[K]> extends Record<string, never> ? [] : [ParamsOf<Catalogue[K]>]
): Message {
  const [values] = params;
  return values === undefined ? { key } : { key, params: values };
}

const defaultRenderer = createRenderer(messageCatalogue);

/**
 * Renders a message in a language with the catalogue (the runtime's time zone for moments). A key the
 * catalogue lacks gives `fallback`, else the key.
 */
export function renderMessage(message: Message, locale: Locale, fallback?: string): string {
  return defaultRenderer.render(message, locale, fallback);
}

/** A renderer with its own options (for documents: the time zone of their readers). */
export function catalogueRenderer(options: RenderOptions) {
  return createRenderer(messageCatalogue, options);
}

/** Whether the catalogue holds a key (a newer server may send one an older page does not know). */
export function hasMessage(key: string): key is MessageKey {
  return key in messageCatalogue;
}

/**
 * A sentence both ways: the English text (for logs, API clients and tests) and the message to render in the
 * reader's language. Spread it into a problem or a check: `{ row, column, ...described(msg(…)) }`.
 */
export function described(message: Message): { message: string; localised: Message } {
  return { message: renderMessage(message, 'en'), localised: message };
}

/** The name of a unit code in a language (`kg` → `кг`); a stored unit that is not a code is shown as it is. */
export function unitName(unit: string, locale: Locale): string {
  return renderMessage({ key: `unit.${unit}` }, locale, unit);
}

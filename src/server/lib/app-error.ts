import { errorCatalogue, type ErrorCode } from '#shared/errors';
import { renderMessage } from '#shared/messages/catalogue';
import type { Message } from '#shared/messages/message';

/**
 * An expected failure with a stable code from the catalogue. Services throw it; the HTTP error handler
 * turns it into `{code, message, localised, details}` with the catalogue's status. The sentence is a message
 * of the message catalogue (its English rendering is `message`); a plain string is still accepted for
 * English-only text that has not been catalogued yet, and then readers see the code's general sentence.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  /** The sentence as a catalogue message: the specific one given, else the code's general one. */
  readonly localised: Message;

  constructor(code: ErrorCode, message?: Message | string, details?: unknown) {
    const general: Message = { key: `error.${code}` };
    const localised = typeof message === 'object' ? message : general;
    super(typeof message === 'string' ? message : renderMessage(localised, 'en'));
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.localised = localised;
  }

  get status(): number {
    return errorCatalogue[this.code].status;
  }
}

/** The kinds of thing a NOT_FOUND names (the `select` of the message `not_found`). */
export type EntityKind =
  | 'agency'
  | 'category'
  | 'data_element'
  | 'indicator'
  | 'job'
  | 'population'
  | 'territory'
  | 'upload'
  | 'user'
  | 'validation_rule'
  | 'value_bound'
  | 'import'
  | 'schedule';

const entityOfLabel = {
  Agency: 'agency',
  Category: 'category',
  'Data element': 'data_element',
  Indicator: 'indicator',
  Job: 'job',
  'Population figure': 'population',
  Territory: 'territory',
  Upload: 'upload',
  User: 'user',
  'Validation rule': 'validation_rule',
  'Value bound': 'value_bound',
} as const satisfies Record<string, EntityKind>;

/**
 * Throws NOT_FOUND naming the entity when the value is missing. `entity` is an {@link EntityKind}; the older
 * English labels (`'Data element'`) are still understood.
 */
export function found<T>(value: T | undefined | null, entity: EntityKind | keyof typeof entityOfLabel): T {
  if (value === undefined || value === null) {
    const kind: EntityKind =
      entity in entityOfLabel ? entityOfLabel[entity as keyof typeof entityOfLabel] : (entity as EntityKind);
    throw new AppError('NOT_FOUND', { key: 'not_found', params: { entity: kind } });
  }
  return value;
}

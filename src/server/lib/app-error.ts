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

/** Throws NOT_FOUND naming the entity when the value is missing. */
export function found<T>(value: T | undefined | null, entity: string): T {
  if (value === undefined || value === null) throw new AppError('NOT_FOUND', `${entity} not found.`);
  return value;
}

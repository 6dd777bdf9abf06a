import { errorCatalogue, type ErrorCode } from '#shared/errors';

/**
 * An expected failure with a stable code from the catalogue. Services throw it; the HTTP error handler
 * turns it into `{code, message, details}` with the catalogue's status.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? errorCatalogue[code].message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
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

import { useCallback } from 'react';
import { ApiError } from '#web/lib/api-client';
import { useErrorMessage } from '#web/ui/useErrorMessage';

/** The form field a server error names in `details.field` (e.g. `code`, `formula`, `leftSide`), if any. */
export function errorField(error: unknown): string | null {
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || error.details === null)
    return null;
  const field = (error.details as { field?: unknown }).field;
  return typeof field === 'string' ? field : null;
}

/**
 * Returns a function giving the error text to show under a form field when the server's error names that field,
 * so the administrator sees which input to fix (the alert above the form still says what went wrong).
 */
export function useFieldError(error: unknown): (field: string) => string | undefined {
  const describe = useErrorMessage();
  return useCallback(
    (field: string) => {
      if (errorField(error) !== field) return undefined;
      const described = describe(error);
      return described.hint ?? described.message;
    },
    [error, describe],
  );
}

import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCatalogue } from '#shared/errors';
import { ApiError } from '#web/lib/api-client';
import { translateKey } from '#web/lib/i18n';

export type DescribedError = {
  /** The sentence to show: the translated code, else the server's message. */
  message: string;
  /** The server's own message when it says more than the generic text for its code. */
  hint: string | null;
};

/**
 * Returns a function that turns any thrown value into text for the user: the translation of a known
 * error code, else the server's message, else a generic one; plus the server's specific wording if any.
 */
export function useErrorMessage(): (error: unknown) => DescribedError {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        // Details that are a record are the message's parameters (a failed job's `{attempts}`, `{name}`).
        const params =
          typeof error.details === 'object' && error.details !== null && !Array.isArray(error.details)
            ? (error.details as Record<string, unknown>)
            : undefined;
        const translated = translateKey(`errors.codes.${error.code}`, params);
        const generic = (errorCatalogue as Record<string, { message: string } | undefined>)[error.code]
          ?.message;
        const isSpecific = Boolean(error.message) && error.message !== generic;
        if (translated) return { message: translated, hint: isSpecific ? error.message : null };
        return { message: error.message || t('errors.unknown'), hint: null };
      }
      if (error instanceof Error && error.message) return { message: error.message, hint: null };
      return { message: t('errors.unknown'), hint: null };
    },
    [t],
  );
}

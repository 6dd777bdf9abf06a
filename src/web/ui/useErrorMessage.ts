import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { hasMessage } from '#shared/messages/catalogue';
import { ApiError } from '#web/lib/api-client';
import { useRenderMessage } from '#web/lib/messages';

export type DescribedError = {
  /** The sentence to show: the code's general sentence in the interface language, else the server's text. */
  message: string;
  /** The specific sentence of this failure, when it says more than the general one. */
  hint: string | null;
};

/**
 * Returns a function that turns any thrown value into text for the user, in the interface language: the
 * general sentence of a known error code, and the server's specific sentence (rendered from the message
 * catalogue, else its English text) as a hint.
 */
export function useErrorMessage(): (error: unknown) => DescribedError {
  const { t } = useTranslation();
  const render = useRenderMessage();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        const generalKey = `error.${error.code}`;
        // Details that are a record are the general message's parameters (a failed job's `{attempts}`, `{name}`).
        const params =
          typeof error.details === 'object' && error.details !== null && !Array.isArray(error.details)
            ? (error.details as Record<string, unknown>)
            : undefined;
        const general = hasMessage(generalKey) ? render({ key: generalKey, params }) : null;
        // Every server error carries its sentence as a message; an error made here (no network) has text only.
        const specific = error.localised
          ? error.localised.key === generalKey
            ? null
            : render(error.localised, error.message)
          : error.message || null;
        if (general) return { message: general, hint: specific };
        return { message: specific ?? (error.message || t('errors.unknown')), hint: null };
      }
      if (error instanceof Error && error.message) return { message: error.message, hint: null };
      return { message: t('errors.unknown'), hint: null };
    },
    [t, render],
  );
}

import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultLocale, toLocale } from '#shared/domain/locale';
import { renderMessage } from '#shared/messages/catalogue';
import { isLocalisedMessage, type Message } from '#shared/messages/message';

/**
 * Returns a function that renders a message of the catalogue (what the server sends as `{key, params}`) in
 * the interface language; a key this page does not know gives the fallback (the server's English text).
 */
export function useRenderMessage(): (message: Message, fallback?: string) => string {
  const { i18n } = useTranslation();
  const locale = toLocale(i18n.resolvedLanguage ?? i18n.language) ?? defaultLocale;
  return useCallback(
    (message: Message, fallback?: string) => renderMessage(message, locale, fallback),
    [locale],
  );
}

/**
 * Returns a function for any object the server explains something with (`{message, localised?}`): the
 * localised sentence when there is one, else the English text.
 */
export function useServerText(): (value: { message: string; localised?: unknown }) => string {
  const render = useRenderMessage();
  return useCallback(
    (value) => (isLocalisedMessage(value.localised) ? render(value.localised, value.message) : value.message),
    [render],
  );
}

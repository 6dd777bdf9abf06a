import { useEffect } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { toLocale, defaultLocale, type Locale } from '#shared/domain/locale';
import { applyLocale, rememberChosenLocale, storeLocale } from '#web/lib/i18n';
import { updatePreferences } from '#web/modules/auth/api/auth.api';
import { useSession, useSetCurrentUser } from '#web/modules/auth/hooks/useSession';

/** The interface language in effect. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return toLocale(i18n.resolvedLanguage ?? i18n.language) ?? defaultLocale;
}

/**
 * Changes the interface language. Signed in, the choice is stored on the server (it follows the user
 * to other browsers); before sign-in it is kept in this browser only.
 */
export function useChangeLanguage() {
  const session = useSession();
  const setCurrentUser = useSetCurrentUser();
  const isSignedIn = Boolean(session.data);
  return useMutation({
    mutationFn: async (locale: Locale) => {
      if (isSignedIn) {
        const user = await updatePreferences({ locale });
        setCurrentUser(user);
      } else {
        rememberChosenLocale(locale);
      }
      storeLocale(locale);
      await applyLocale(locale);
      return locale;
    },
  });
}

/** Keeps i18next on the signed-in user's stored language (after a reload or a sign-in elsewhere). */
export function useApplyUserLocale(): void {
  const { data } = useSession();
  const userLocale = data?.user.locale;
  useEffect(() => {
    if (!userLocale) return;
    storeLocale(userLocale);
    void applyLocale(userLocale);
  }, [userLocale]);
}

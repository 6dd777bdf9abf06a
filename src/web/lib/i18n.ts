import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLocale, locales, toLocale, type Locale } from '#shared/domain/locale';
import en from '#web/locales/en.json';
import ru from '#web/locales/ru.json';
import ky from '#web/locales/ky.json';

/** Every locale file must hold every key of the English one (checked at compile time). */
export const resources = {
  en: { translation: en },
  ru: { translation: ru satisfies typeof en },
  ky: { translation: ky satisfies typeof en },
} as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

const storageKey = 'kuzot.locale';

/** Names of the languages, each in itself, in the order the switcher shows them. */
export const localeNames: Record<Locale, string> = { ky: 'Кыргызча', ru: 'Русский', en: 'English' };

/** The locale chosen before sign-in (or last used on this browser), else the browser's, else the default. */
export function initialLocale(): Locale {
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(storageKey);
  } catch {
    stored = null;
  }
  return toLocale(stored) ?? toLocale(window.navigator.language) ?? defaultLocale;
}

/** Remembers the locale on this browser (used before sign-in). */
export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(storageKey, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

const chosenKey = 'kuzot.locale.chosen';
let chosenHere: Locale | null = null;

/**
 * Remembers that the person picked a language on the sign-in page, so signing in keeps it (and stores it as
 * their interface language) instead of switching to the one stored with their account.
 */
export function rememberChosenLocale(locale: Locale): void {
  chosenHere = locale;
  try {
    window.sessionStorage.setItem(chosenKey, locale);
  } catch {
    // Storage disabled: the choice is kept in memory until the page reloads.
  }
}

/** The language picked on the sign-in page in this tab, if any (cleared once a sign-in has used it). */
export function takeChosenLocale(): { peek: Locale | null; clear: () => void } {
  let stored: string | null = null;
  try {
    stored = window.sessionStorage.getItem(chosenKey);
  } catch {
    stored = null;
  }
  return {
    peek: toLocale(stored) ?? chosenHere,
    clear: () => {
      chosenHere = null;
      try {
        window.sessionStorage.removeItem(chosenKey);
      } catch {
        // nothing to clear
      }
    },
  };
}

/** The locale i18next is currently using, narrowed to a supported one. */
export function currentLocale(): Locale {
  return toLocale(i18next.resolvedLanguage ?? i18next.language) ?? defaultLocale;
}

/** Switches the interface language and the document's `lang` attribute. */
export async function applyLocale(locale: Locale): Promise<void> {
  document.documentElement.lang = locale;
  if (currentLocale() !== locale || i18next.language !== locale) await i18next.changeLanguage(locale);
}

/** Initialises i18next synchronously with the bundled resources. */
export function initI18n(): typeof i18next {
  const lng = initialLocale();
  document.documentElement.lang = lng;
  void i18next.use(initReactI18next).init({
    resources,
    lng,
    supportedLngs: [...locales],
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

/** Translates a key built at run time (e.g. from an error code); null when no locale has it. */
export function translateKey(key: string, options?: Record<string, unknown>): string | null {
  if (!i18next.exists(key)) return null;
  const translate = i18next.t as unknown as (k: string, o?: Record<string, unknown>) => string;
  return translate(key, options);
}

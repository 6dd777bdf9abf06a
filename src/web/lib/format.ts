import type { Locale } from '#shared/domain/locale';
import type { LocalisedName } from '#shared/contracts/common.contract';

const intlLocale: Record<Locale, string> = { ky: 'ky-KG', ru: 'ru-RU', en: 'en-GB' };

/**
 * Some browsers (Chromium's trimmed ICU) carry no Kyrgyz locale data and would silently format in
 * US English. Kyrgyz writes numbers like Russian (6 389 000; 12,5), so Russian rules stand in for
 * numbers, and dates take the numeric 24.11.2026 form, which reads the same in Kyrgyz.
 */
const hasKyrgyzData =
  Intl.NumberFormat.supportedLocalesOf(['ky']).length > 0 &&
  Intl.DateTimeFormat.supportedLocalesOf(['ky']).length > 0;

function numberLocale(locale: Locale): string {
  return locale === 'ky' && !hasKyrgyzData ? 'ru-RU' : intlLocale[locale];
}

function dateFormat(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  if (locale === 'ky' && !hasKyrgyzData) {
    return new Intl.DateTimeFormat('ru-RU', {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
    });
  }
  return new Intl.DateTimeFormat(
    intlLocale[locale],
    withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' },
  );
}

/** Formats an integer or decimal with the locale's grouping (e.g. 6 389 000 in Russian and Kyrgyz). */
export function formatNumber(value: number, locale: Locale, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(numberLocale(locale), options).format(value);
}

/** Formats a timestamp as date and time in the locale. */
export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateFormat(locale, true).format(date);
}

/** Formats a timestamp as a date in the locale. */
export function formatDate(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateFormat(locale, false).format(date);
}

/** Formats a share 0..1 as a percentage. */
export function formatPercent(share: number, locale: Locale): string {
  return new Intl.NumberFormat(numberLocale(locale), { style: 'percent', maximumFractionDigits: 0 }).format(
    share,
  );
}

/** Picks the name in the locale, falling back to Russian then English. */
export function localName(name: LocalisedName, locale: Locale): string {
  return name[locale] || name.ru || name.en;
}

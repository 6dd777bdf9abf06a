import type { Locale } from '#shared/domain/locale';
import type { LocalisedName } from '#shared/contracts/common.contract';

// Numbers, dates and periods are formatted by the one shared formatter: #shared/format/locale-format.

/** Picks the name in the locale, falling back to Russian then English. */
export function localName(name: LocalisedName, locale: Locale): string {
  return name[locale] || name.ru || name.en;
}

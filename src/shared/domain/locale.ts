/** The languages of the interface. Kyrgyz first: it is the state language. */
export const locales = ['ky', 'ru', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'ru';

/** Narrows an arbitrary string (a header, a stored preference) to a supported locale. */
export function toLocale(value: string | null | undefined): Locale | null {
  if (!value) return null;
  const base = value.toLowerCase().slice(0, 2);
  return (locales as readonly string[]).includes(base) ? (base as Locale) : null;
}

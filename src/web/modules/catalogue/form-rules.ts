/** A catalogue code as the server accepts it (formulas refer to it as `#{code}`). */
export const codePattern = /^[a-z][a-z0-9_]*$/;

/** A calendar date `YYYY-MM-DD`, as a date input gives it. */
export const datePattern = /^\d{4}-\d{2}-\d{2}$/;

export function isCatalogueCode(code: string): boolean {
  return code.length <= 64 && codePattern.test(code);
}

/** Matches a search text against the code and the names in every language. */
export function matchesText(item: { code: string; name: Record<string, string> }, text: string): boolean {
  const needle = text.trim().toLocaleLowerCase();
  if (needle === '') return true;
  return [item.code, ...Object.values(item.name)].some((value) => value.toLocaleLowerCase().includes(needle));
}

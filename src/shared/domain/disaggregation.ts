import type { LocalisedName } from '#shared/contracts/common.contract';

/**
 * Disaggregations: the option combinations of a category combination. One home for their keys (the option
 * codes joined by '.', '' for an element without categories) and their names (the option names joined by
 * {@link disaggregationNameSeparator}), used by the entry form, templates, imports and the catalogue pages.
 */

/** Joins option names in a column heading, the same on every page and in every file. */
export const disaggregationNameSeparator = ' / ';

/** The name of the single column of an element without disaggregation. */
export const totalName: LocalisedName = { ky: 'Жалпы', ru: 'Всего', en: 'Total' };

/** A column: its key and its name in each language. */
export type Disaggregation = { key: string; name: LocalisedName };

/** The key of the combination of these options, in category position order. */
export function disaggregationKey(options: ReadonlyArray<{ code: string }>): string {
  return options.map((o) => o.code).join('.');
}

/**
 * Every combination of one option per category (the cross product, in category position and option order),
 * with its key. No categories give one combination of no options, key ''.
 */
export function optionCombinations<O extends { code: string }>(
  categories: ReadonlyArray<readonly O[]>,
): { key: string; options: O[] }[] {
  let combinations: O[][] = [[]];
  for (const options of categories)
    combinations = combinations.flatMap((prefix) => options.map((option) => [...prefix, option]));
  return combinations.map((options) => ({ key: disaggregationKey(options), options }));
}

/** The name of a combination in each language ({@link totalName} for none). */
export function disaggregationName(options: ReadonlyArray<{ name: LocalisedName }>): LocalisedName {
  if (options.length === 0) return totalName;
  const join = (locale: keyof LocalisedName) =>
    options.map((o) => o.name[locale]).join(disaggregationNameSeparator);
  return { ky: join('ky'), ru: join('ru'), en: join('en') };
}

/** The columns of a category combination: every option combination with its key and name. */
export function disaggregationsOf(
  categories: ReadonlyArray<ReadonlyArray<{ code: string; name: LocalisedName }>>,
): Disaggregation[] {
  return optionCombinations(categories).map(({ key, options }) => ({
    key,
    name: disaggregationName(options),
  }));
}

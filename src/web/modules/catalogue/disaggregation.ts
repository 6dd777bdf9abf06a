import type { Category, CategoryCombo, CategoryOption } from '#shared/contracts/catalogue.contract';

/**
 * The option combinations of a category combination, in category position order: each is the list of options,
 * one per category, and its key is their codes joined by '.' (the disaggregation key of a data value; '' for the
 * `default` combination, which has one combination of no options).
 */
export function optionCombinations(
  combo: CategoryCombo,
  categories: readonly Category[],
): { key: string; options: CategoryOption[] }[] {
  const byId = new Map(categories.map((c) => [c.id, c]));
  let combinations: CategoryOption[][] = [[]];
  for (const id of combo.categoryIds) {
    const options = byId.get(id)?.options ?? [];
    combinations = combinations.flatMap((prefix) => options.map((option) => [...prefix, option]));
  }
  return combinations.map((options) => ({ key: options.map((o) => o.code).join('.'), options }));
}

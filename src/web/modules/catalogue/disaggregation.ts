import type { Category, CategoryCombo, CategoryOption } from '#shared/contracts/catalogue.contract';
import { optionCombinations as combinationsOf } from '#shared/domain/disaggregation';

/**
 * The option combinations of a category combination, in category position order: each is the list of options,
 * one per category, and its key is the disaggregation key of a data value ('' for the `default` combination).
 */
export function optionCombinations(
  combo: CategoryCombo,
  categories: readonly Category[],
): { key: string; options: CategoryOption[] }[] {
  const byId = new Map(categories.map((c) => [c.id, c]));
  return combinationsOf(combo.categoryIds.map((id) => byId.get(id)?.options ?? []));
}

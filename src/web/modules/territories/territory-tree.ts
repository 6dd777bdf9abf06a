import type { Territory } from '#shared/contracts/territories.contract';
import type { Locale } from '#shared/domain/locale';
import type { TerritoryLevel } from '#shared/domain/territory-level';

/** Order of siblings: oblasts before cities of republican significance, districts before cities. */
const levelRank: Record<TerritoryLevel, number> = {
  country: 0,
  oblast: 1,
  city_republican: 2,
  district: 3,
  city_oblast: 4,
};

export type TerritoryNode = {
  territory: Territory;
  children: TerritoryNode[];
};

function compareTerritories(locale: Locale) {
  const collator = new Intl.Collator(locale);
  return (a: Territory, b: Territory) =>
    levelRank[a.level] - levelRank[b.level] || collator.compare(a.name[locale], b.name[locale]);
}

/** Siblings in display order: by level (oblasts before cities), then alphabetically in the locale. */
export function sortTerritories(items: Territory[], locale: Locale): Territory[] {
  return [...items].sort(compareTerritories(locale));
}

/** Lower-cased text with Kyrgyz/Russian letters folded so "Ош", "Osh" and "ош" match alike. */
export function normaliseSearch(text: string): string {
  return text
    .toLocaleLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ё/g, 'е')
    .replace(/[‐‑–—\s]+/g, ' ')
    .trim();
}

/** Whether a territory matches the filter by any of its names, spelling variants or codes. */
export function territoryMatches(territory: Territory, query: string): boolean {
  const needle = normaliseSearch(query);
  if (!needle) return true;
  const haystack = [
    territory.name.ky,
    territory.name.ru,
    territory.name.en,
    ...territory.variants,
    territory.code,
    territory.isoCode ?? '',
    territory.adminCenter ?? '',
  ];
  return haystack.some((value) => normaliseSearch(value).includes(needle));
}

/**
 * Builds the hierarchy country → oblasts and cities of republican significance → districts and
 * cities of oblast significance from the flat list. With a filter, keeps the matching territories
 * and their ancestors (so a match is always shown in context).
 */
export function buildTerritoryTree(items: Territory[], locale: Locale, filter = ''): TerritoryNode[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const childrenOf = new Map<string | null, Territory[]>();
  for (const item of items) {
    const parentKey = item.parentId !== null && byId.has(item.parentId) ? item.parentId : null;
    const siblings = childrenOf.get(parentKey) ?? [];
    siblings.push(item);
    childrenOf.set(parentKey, siblings);
  }

  let visible: Set<string> | null = null;
  if (normaliseSearch(filter)) {
    visible = new Set();
    for (const item of items) {
      if (!territoryMatches(item, filter)) continue;
      let current: Territory | undefined = item;
      while (current && !visible.has(current.id)) {
        visible.add(current.id);
        current = current.parentId ? byId.get(current.parentId) : undefined;
      }
    }
  }

  const compare = compareTerritories(locale);
  const build = (parentKey: string | null): TerritoryNode[] =>
    (childrenOf.get(parentKey) ?? [])
      .filter((item) => visible === null || visible.has(item.id))
      .sort(compare)
      .map((territory) => ({ territory, children: build(territory.id) }));
  return build(null);
}

/** Ids of a territory's ancestors, nearest last, using the flat list. */
export function ancestorIds(items: Territory[], id: string): string[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const result: string[] = [];
  let current = byId.get(id);
  while (current?.parentId) {
    result.unshift(current.parentId);
    current = byId.get(current.parentId);
  }
  return result;
}

/** Levels a new child of a territory of the given level may have. */
export function childLevelsOf(level: TerritoryLevel): TerritoryLevel[] {
  if (level === 'country') return ['oblast', 'city_republican'];
  if (level === 'oblast') return ['district', 'city_oblast'];
  return [];
}

/** Years always shown in the population table, even when no figure exists for them. */
export const populationYears = { from: 2015, to: 2025 } as const;

import { territoryLevels } from './territory-level';

/**
 * Where a data element's figures are entered, so that none is counted twice. `leaf`: at territories without
 * children (districts, cities), the default; the figures of the levels above are sums. A territory level
 * (`oblast`, `country`, …): at territories of that level, whose own figure is then used and nothing below
 * them is entered or summed into them; a territory without children outside any territory of that level
 * (Bishkek and Osh beside the oblasts) reports its own figure too, so the country is still complete.
 */
export const reportedLevels = ['leaf', ...territoryLevels] as const;
export type ReportedLevel = (typeof reportedLevels)[number];

export type ReportingNode = { id: string; parentId: string | null; level: string };

/**
 * The territories that report an element of the given level: those of the level, and territories without
 * children that are not below one of the level. Every other territory's figure is a sum of these.
 */
export function reportingTerritoryIds(level: ReportedLevel, all: readonly ReportingNode[]): Set<string> {
  const parents = new Set<string>();
  for (const t of all) if (t.parentId !== null) parents.add(t.parentId);
  if (level === 'leaf') return new Set(all.filter((t) => !parents.has(t.id)).map((t) => t.id));
  const byId = new Map(all.map((t) => [t.id, t]));
  /** Whether a territory is of the level or has an ancestor that is (guarded against cycles). */
  const underLevel = (t: ReportingNode): boolean => {
    const seen = new Set<string>();
    let current: ReportingNode | undefined = t;
    while (current && !seen.has(current.id)) {
      if (current.level === level) return true;
      seen.add(current.id);
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    }
    return false;
  };
  const result = new Set<string>();
  for (const t of all) {
    if (t.level === level) result.add(t.id);
    else if (!parents.has(t.id) && !underLevel(t)) result.add(t.id);
  }
  return result;
}

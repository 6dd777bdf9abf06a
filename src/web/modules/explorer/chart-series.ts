/**
 * Pure helpers of the explorer chart: which points stand alone between gaps (drawn as a dot, since a line
 * needs two neighbours), which parts of the series names every series shares (said once, in the chart's
 * title, so the legend stays short), and which y axis each unit goes on.
 */

/** For each point, whether it has a value but neither neighbour has one (a lone point between gaps). */
export function lonePoints(values: ReadonlyArray<number | null>): boolean[] {
  return values.map(
    (v, i) => v !== null && (values[i - 1] ?? null) === null && (values[i + 1] ?? null) === null,
  );
}

/**
 * Splits the series names (each a list of parts: item, territory, option) into the parts common to all,
 * for the title, and each series' own parts, for the legend. With one series nothing is dropped from it.
 */
export function splitNames(names: ReadonlyArray<readonly string[]>): { common: string[]; own: string[][] } {
  if (names.length <= 1) return { common: [], own: names.map((n) => [...n]) };
  const width = Math.max(...names.map((n) => n.length));
  const shared = Array.from({ length: width }, (_, i) => names.every((n) => n[i] === names[0]?.[i]));
  return {
    common: (names[0] ?? []).filter((_, i) => shared[i]),
    own: names.map((n) => n.filter((_, i) => !shared[i])),
  };
}

/**
 * The y axes for the units of the series: one per unit, at most two (left and right); with more units every
 * series shares one axis named by all of them. Returns each unit's axis index and the axes' names.
 */
export function unitAxes(units: readonly string[]): { axisOf: Map<string, number>; names: string[] } {
  const distinct = [...new Set(units)];
  if (distinct.length <= 2) return { axisOf: new Map(distinct.map((u, i) => [u, i])), names: distinct };
  return { axisOf: new Map(distinct.map((u) => [u, 0])), names: [distinct.join(', ')] };
}

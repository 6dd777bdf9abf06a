import {
  populationFields,
  type Denominator,
  type PopulationField,
  type PopulationFlag,
  type PopulationKind,
} from '#shared/domain/population';

/**
 * The denominator policy (docs/POPULATION.md), as pure rules: which stored figure a year of a territory gets
 * when a file offers several, and which denominator a rate uses for a territory and year. Nothing here is
 * stored: a rate asks at query time, so an official figure entered later replaces an estimate at once.
 */

/** One figure of a population file or the population table, as the policy reads it. */
export type PopulationFigure = {
  code: string;
  year: number;
  kind: PopulationKind;
  flag: PopulationFlag | null;
  isEstimate: boolean;
  total: number | null;
  male: number | null;
  female: number | null;
  minors: number | null;
  youth: number | null;
};

/** Trailing zeros of a count: a figure published in thousands has three, an exact count usually none. */
function roundness(value: number): number {
  let zeros = 0;
  for (let v = value; v > 0 && v % 10 === 0 && zeros < 9; v /= 10) zeros++;
  return zeros;
}

/**
 * Of several figures for one territory and year, the one to keep: a figure with a total before one without,
 * an unflagged one before a flagged one, a 1 January figure before a census-day count, an official one before
 * an estimate, the more exact before the rounded, and then the first in the file. The kept figure takes the
 * age groups its unflagged siblings of the same kind give and it lacks, and their men and women when those add
 * up to its total (a rounded total's split does not describe an exact one).
 */
export function preferredFigure<T extends PopulationFigure>(siblings: readonly T[]): T {
  const ranked = siblings
    .map((figure, order) => ({ figure, order }))
    .sort(
      (a, b) =>
        Number(a.figure.total === null) - Number(b.figure.total === null) ||
        Number(a.figure.flag !== null) - Number(b.figure.flag !== null) ||
        Number(a.figure.kind !== 'jan1') - Number(b.figure.kind !== 'jan1') ||
        Number(a.figure.isEstimate) - Number(b.figure.isEstimate) ||
        roundness(a.figure.total ?? 0) - roundness(b.figure.total ?? 0) ||
        a.order - b.order,
    );
  const first = ranked[0];
  if (!first) throw new Error('preferredFigure needs at least one figure');
  const kept = { ...first.figure };
  for (const { figure } of ranked.slice(1)) {
    if (figure.flag !== null || figure.kind !== kept.kind) continue;
    kept.minors ??= figure.minors;
    kept.youth ??= figure.youth;
    if (
      kept.male === null &&
      kept.female === null &&
      figure.male !== null &&
      figure.female !== null &&
      (kept.total === null || figure.male + figure.female === kept.total)
    ) {
      kept.male = figure.male;
      kept.female = figure.female;
    }
  }
  return kept;
}

/** One stored figure of one field, placed in time. */
export type PopulationPoint = {
  /** The day it refers to, as days since 1970-01-01 (UTC). */
  day: number;
  year: number;
  value: number;
  kind: PopulationKind | 'dated';
  flag: PopulationFlag | null;
  isEstimate: boolean;
};

/** What the policy knows of a territory: its parent and its figures of every field, oldest first. */
export type PopulationHistory = {
  parentId: string | null;
  childIds: readonly string[];
  points: Readonly<Record<PopulationField, readonly PopulationPoint[]>>;
};

export type DenominatorOptions = {
  /** The strict view: official figures (1 January, census day, or the sum of official parts) only. */
  officialOnly: boolean;
};

const dayMs = 86_400_000;
/** 1 January of a year, in days since 1970-01-01. */
export const firstOfJanuary = (year: number): number => Date.UTC(year, 0, 1) / dayMs;
/** A `YYYY-MM-DD` date in days since 1970-01-01. */
export const dayOf = (date: string): number => Date.parse(`${date}T00:00:00Z`) / dayMs;

/** The more serious of two doubts (the first found wins: any doubt is shown). */
const firstFlag = (...flags: Array<PopulationFlag | null>): PopulationFlag | null =>
  flags.find((f) => f !== null) ?? null;

/** How far an estimate may reach from the nearest figure: beyond this a rate would be a guess. */
export const maxEstimateYears = 10;
/** The trend of a territory without a parent to follow is measured over at least this many days. */
const minTrendDays = 180;

/**
 * The denominator lookup of one query: `(territoryId, year, field) → Denominator | null`, memoised. In order:
 * 1. the territory's official figure for the year: 1 January, else the census-day count of that year (a
 *    figure stored as an estimate counts as `stored_estimate`, not official);
 * 2. the sum of its parts, when every part has an official figure (step 1 or 2) for the year;
 *    — the strict view (`officialOnly`) stops here —
 * 3. `interpolated`: linear in time between the nearest figures before and after 1 January;
 * 4. `carried_forward` / `carried_back`: the nearest figure times the parent's growth between that figure's
 *    year and this one (the parent's denominators found by this same policy);
 * 5. `trend`: with no parent's growth to follow (the country), the territory's own growth per day over its
 *    latest (or earliest) figures at least half a year apart, carried to 1 January;
 * 6. `sum_of_estimates`: the sum of its parts when every part has a denominator.
 * Estimates reach at most `maxEstimateYears` from a figure. A flag on any figure used is carried along.
 */
export function denominatorResolver(
  histories: ReadonlyMap<string, PopulationHistory>,
  options: DenominatorOptions,
): (territoryId: string, year: number, field: PopulationField) => Denominator | null {
  const memo = new Map<string, Denominator | null>();
  const official = new Map<string, Denominator | null>();

  const ownOfficial = (points: readonly PopulationPoint[], year: number): Denominator | null => {
    const inYear = points.filter((p) => p.year === year && p.kind !== 'dated');
    const pick = inYear.find((p) => p.kind === 'jan1') ?? inYear.find((p) => p.kind === 'census');
    if (!pick) return null;
    return {
      value: pick.value,
      method: pick.isEstimate ? 'stored_estimate' : pick.kind === 'jan1' ? 'official' : 'census',
      isEstimate: pick.isEstimate,
      flag: pick.flag,
    };
  };

  const sumOf = (
    childIds: readonly string[],
    find: (id: string) => Denominator | null,
  ): { value: number; isEstimate: boolean; flag: PopulationFlag | null } | null => {
    if (childIds.length === 0) return null;
    let value = 0;
    let isEstimate = false;
    let flag: PopulationFlag | null = null;
    for (const id of childIds) {
      const part = find(id);
      if (!part) return null;
      value += part.value;
      isEstimate ||= part.isEstimate;
      flag = firstFlag(flag, part.flag);
    }
    return { value, isEstimate, flag };
  };

  /** Steps 1–2, with stored estimates kept apart so the strict view can refuse them. */
  const officialOf = (
    id: string,
    year: number,
    field: PopulationField,
    depth: number,
  ): Denominator | null => {
    const key = `${id}|${year}|${field}`;
    if (official.has(key)) return official.get(key) ?? null;
    const history = histories.get(id);
    let result: Denominator | null = null;
    if (history) {
      result = ownOfficial(history.points[field], year);
      if (!result && depth < 10) {
        const sum = sumOf(history.childIds, (child) => officialOf(child, year, field, depth + 1));
        if (sum) result = { ...sum, method: sum.isEstimate ? 'sum_of_estimates' : 'sum_of_children' };
      }
    }
    official.set(key, result);
    return result;
  };

  const estimateOf = (
    id: string,
    history: PopulationHistory,
    year: number,
    field: PopulationField,
    depth: number,
  ): Denominator | null => {
    const target = firstOfJanuary(year);
    const points = history.points[field];
    const before = points.filter((p) => p.day <= target).at(-1);
    const after = points.find((p) => p.day > target);
    const near = (p: PopulationPoint) => Math.abs(p.year - year) <= maxEstimateYears;
    if (before && after && near(before) && near(after)) {
      const share = (target - before.day) / (after.day - before.day);
      return {
        value: Math.round(before.value + (after.value - before.value) * share),
        method: 'interpolated',
        isEstimate: true,
        flag: firstFlag(before.flag, after.flag),
      };
    }
    const anchor = before ?? after;
    if (!anchor || !near(anchor)) return null;
    const parentNow = history.parentId ? resolve(history.parentId, year, field, depth + 1) : null;
    const parentThen = history.parentId ? resolve(history.parentId, anchor.year, field, depth + 1) : null;
    if (parentNow && parentThen && parentThen.value > 0) {
      return {
        value: Math.round((anchor.value * parentNow.value) / parentThen.value),
        method: before ? 'carried_forward' : 'carried_back',
        isEstimate: true,
        flag: firstFlag(anchor.flag, parentNow.flag, parentThen.flag),
      };
    }
    // No parent to follow: the territory's own growth per day, over figures at least half a year apart.
    const other = before
      ? points.filter((p) => p.day <= anchor.day - minTrendDays).at(-1)
      : points.find((p) => p.day >= anchor.day + minTrendDays);
    if (!other) return null;
    const perDay = (anchor.value - other.value) / (anchor.day - other.day);
    return {
      value: Math.round(anchor.value + perDay * (target - anchor.day)),
      method: 'trend',
      isEstimate: true,
      flag: firstFlag(anchor.flag, other.flag),
    };
  };

  const resolve = (id: string, year: number, field: PopulationField, depth: number): Denominator | null => {
    const key = `${id}|${year}|${field}`;
    if (memo.has(key)) return memo.get(key) ?? null;
    memo.set(key, null); // a guard against a loop in a broken hierarchy
    const history = histories.get(id);
    let result: Denominator | null = history ? officialOf(id, year, field, depth) : null;
    if (result && options.officialOnly && result.isEstimate) result = null;
    if (!result && history && !options.officialOnly && depth < 10) {
      result = estimateOf(id, history, year, field, depth);
      if (!result) {
        const sum = sumOf(history.childIds, (child) => resolve(child, year, field, depth + 1));
        if (sum) result = { ...sum, isEstimate: true, method: 'sum_of_estimates' };
      }
    }
    memo.set(key, result);
    return result;
  };
  return (territoryId, year, field) => resolve(territoryId, year, field, 0);
}

/** A stored figure as `populationHistories` reads it (a population row). */
export type StoredFigure = {
  territoryId: string;
  year: number;
  kind: PopulationKind;
  referenceDate: string | null;
  flag: PopulationFlag | null;
  isEstimate: boolean;
  total: number | null;
  male: number | null;
  female: number | null;
  minors: number | null;
  youth: number | null;
};

/** Every territory's history for the resolver: its place in the tree and its figures by field, oldest first. */
export function populationHistories(
  territories: ReadonlyArray<{ id: string; parentId: string | null }>,
  figures: readonly StoredFigure[],
  points: ReadonlyArray<{ territoryId: string; referenceDate: string; total: number }>,
): Map<string, PopulationHistory> {
  const fieldValue: Record<PopulationField, (f: StoredFigure) => number | null> = {
    total: (f) => f.total,
    male: (f) => f.male,
    female: (f) => f.female,
    age0to17: (f) => f.minors,
    age14to35: (f) => f.youth,
  };
  const children = new Map<string, string[]>();
  for (const t of territories)
    if (t.parentId !== null) children.set(t.parentId, [...(children.get(t.parentId) ?? []), t.id]);
  const lists = new Map<string, Record<PopulationField, PopulationPoint[]>>();
  const listsOf = (id: string) => {
    let found = lists.get(id);
    if (!found) {
      found = { total: [], male: [], female: [], age0to17: [], age14to35: [] };
      lists.set(id, found);
    }
    return found;
  };
  for (const f of figures) {
    // A census figure without its day counts from 1 July of its year, the middle of the year it stands for.
    const day = f.referenceDate
      ? dayOf(f.referenceDate)
      : f.kind === 'jan1'
        ? firstOfJanuary(f.year)
        : dayOf(`${f.year}-07-01`);
    for (const field of populationFields) {
      const value = fieldValue[field](f);
      if (value !== null)
        listsOf(f.territoryId)[field].push({
          day,
          year: f.year,
          value,
          kind: f.kind,
          flag: f.flag,
          isEstimate: f.isEstimate,
        });
    }
  }
  for (const p of points)
    listsOf(p.territoryId).total.push({
      day: dayOf(p.referenceDate),
      year: Number(p.referenceDate.slice(0, 4)),
      value: p.total,
      kind: 'dated',
      flag: null,
      isEstimate: false,
    });
  const histories = new Map<string, PopulationHistory>();
  for (const t of territories) {
    const own = listsOf(t.id);
    for (const field of populationFields) own[field].sort((a, b) => a.day - b.day);
    histories.set(t.id, { parentId: t.parentId, childIds: children.get(t.id) ?? [], points: own });
  }
  return histories;
}

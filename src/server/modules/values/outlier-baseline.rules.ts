import type { PeriodType } from '#shared/domain/period';

/**
 * Expected values of a series, each predicted only from the values before it (one step ahead): the baseline
 * the outlier checks compare a value with, and whose past errors tell how far usual values stray.
 *
 * Two predictors, both pure and both robust to a few wild values:
 * - Level: the trimmed mean (highest and lowest dropped) of the last `levelWindow` values.
 * - Seasonal (months and quarters): the same level computed on deseasonalised values, times the seasonal index
 *   of the period's month or quarter. The index of a month is the ratio of that month's values to their
 *   years' levels, summed over every earlier year that has the month (a missing year or month only leaves
 *   that year out), with the most extreme year on each side dropped once four or more years are there.
 *   Ratios of sums rather than medians of ratios, so that small counts (0, 1, 2) still give an index.
 */

/** How the predictors look at one period type. */
export type BaselineSettings = {
  /** How many of the most recent values set the level. */
  levelWindow: number;
  /** Fewest earlier values (within the window) to predict at all. */
  minLevelValues: number;
  /** Fewest earlier years with the same month or quarter for a seasonal index. */
  minSeasonalYears: number;
  /** Fewest months (or quarters) a year needs to count for the seasonal indices. */
  minSlotsPerYear: number;
};

/**
 * Defaults per period type: the level over a year of months (from 4 of them), two years of quarters or
 * three years; a seasonal index from the first full earlier year of months (the choice between the two
 * predictors guards against a noisy one) or two years of quarters.
 */
export const baselineSettings: Readonly<Record<PeriodType, BaselineSettings>> = {
  month: { levelWindow: 12, minLevelValues: 4, minSeasonalYears: 1, minSlotsPerYear: 6 },
  quarter: { levelWindow: 8, minLevelValues: 4, minSeasonalYears: 2, minSlotsPerYear: 2 },
  year: { levelWindow: 3, minLevelValues: 3, minSeasonalYears: Infinity, minSlotsPerYear: Infinity },
};

/** A known value of a series, in period order: its year, its month or quarter (slot, 0-based) and value. */
export type BaselinePoint = { year: number; slot: number; value: number };

/** Predictions of one point from the points before it; null where a predictor has too little to go on. */
export type Prediction = {
  /** The trimmed mean of recent values. */
  level: number | null;
  /** The seasonal level times the seasonal index of the point's slot. */
  seasonal: number | null;
  /** The deseasonalised level behind `seasonal` (the average per period over a year). */
  seasonalLevel: number | null;
  /** How many earlier years had the point's slot (0 without a seasonal prediction). */
  seasonalYears: number;
};

/** The mean after dropping the highest and the lowest value (plain mean below 5 values). */
export function trimmedMean(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('the mean of no values is undefined');
  const total = values.reduce((s, v) => s + v, 0);
  if (values.length < 5) return total / values.length;
  return (total - Math.max(...values) - Math.min(...values)) / (values.length - 2);
}

/** One calendar year of a series: each slot's value (NaN when missing) and how many slots have one. */
type YearRow = { values: Float64Array; count: number };

/**
 * Seasonal indices per slot from every complete-enough year before `beforeYear`, and how many years back
 * each one.
 */
function seasonalIndices(
  years: ReadonlyMap<number, YearRow>,
  beforeYear: number,
  slots: number,
  settings: BaselineSettings,
): { index: Float64Array; support: Int32Array } {
  const index = new Float64Array(slots).fill(1);
  const support = new Int32Array(slots);
  const usable: Float64Array[] = [];
  for (const [year, row] of years)
    if (year < beforeYear && row.count >= settings.minSlotsPerYear) usable.push(row.values);
  const levels = new Float64Array(usable.length);
  const ratios = new Float64Array(usable.length);
  const order: number[] = [];
  // Twice: the second pass measures each year's level against the first pass's indices, so a year that
  // lacks its peak months is not taken for a quiet year.
  for (let pass = 0; pass < 2; pass++) {
    usable.forEach((row, y) => {
      let sum = 0;
      let weight = 0;
      for (let slot = 0; slot < slots; slot++) {
        if (Number.isNaN(row[slot]!)) continue;
        sum += row[slot]!;
        weight += index[slot]!;
      }
      levels[y] = weight > 0 ? sum / weight : 0;
    });
    const next = new Float64Array(slots).fill(1);
    let known = 0;
    let total = 0;
    for (let slot = 0; slot < slots; slot++) {
      order.length = 0;
      for (let y = 0; y < usable.length; y++) {
        const value = usable[y]![slot]!;
        if (Number.isNaN(value) || !(levels[y]! > 0)) continue;
        ratios[y] = value / levels[y]!;
        order.push(y);
      }
      support[slot] = order.length;
      if (order.length < settings.minSeasonalYears) continue;
      // With four years or more, the most extreme year on each side is left out.
      let from = 0;
      let to = order.length;
      if (order.length >= 4) {
        order.sort((a, b) => ratios[a]! - ratios[b]!);
        from = 1;
        to = order.length - 1;
      }
      let valueSum = 0;
      let levelSum = 0;
      for (let k = from; k < to; k++) {
        valueSum += usable[order[k]!]![slot]!;
        levelSum += levels[order[k]!]!;
      }
      next[slot] = levelSum > 0 ? valueSum / levelSum : 1;
      known++;
      total += next[slot]!;
    }
    // Indices average 1 over the slots that have one, so the seasonal level stays a level per period.
    const mean = known > 0 ? total / known : 1;
    for (let slot = 0; slot < slots; slot++) index[slot] = mean > 0 ? next[slot]! / mean : 1;
  }
  return { index, support };
}

/** Below this seasonal index a month says too little about the level (values near 0 by season). */
const minIndexForLevel = 0.1;

/**
 * One-step-ahead predictions of every point of a series (known values only, in period order; `slots` is 12
 * for months, 4 for quarters, 1 for years). Each prediction uses only the points before it. O(n²) in the
 * number of points, which for ten years of months is a few thousand steps.
 */
export function predictSeries(
  points: readonly BaselinePoint[],
  slots: number,
  settings: BaselineSettings,
): Prediction[] {
  const years = new Map<number, YearRow>();
  const predictions: Prediction[] = [];
  // Indices come from earlier calendar years only, so they change once a year: computed once per year.
  let indices: ReturnType<typeof seasonalIndices> | null = null;
  let indicesYear: number | null = null;
  for (let j = 0; j < points.length; j++) {
    const recent = points.slice(Math.max(0, j - settings.levelWindow), j);
    const prediction: Prediction = { level: null, seasonal: null, seasonalLevel: null, seasonalYears: 0 };
    if (recent.length >= settings.minLevelValues) {
      prediction.level = trimmedMean(recent.map((p) => p.value));
      if (slots > 1) {
        const targetYear = points[j]!.year;
        if (indicesYear !== targetYear) {
          indices = seasonalIndices(years, targetYear, slots, settings);
          indicesYear = targetYear;
        }
        const { index, support } = indices!;
        const target = points[j]!.slot;
        if (support[target]! >= settings.minSeasonalYears) {
          const deseasonalised = recent
            .filter(
              (p) => index[p.slot]! >= minIndexForLevel && support[p.slot]! >= settings.minSeasonalYears,
            )
            .map((p) => p.value / index[p.slot]!);
          if (deseasonalised.length >= settings.minLevelValues) {
            prediction.seasonalLevel = trimmedMean(deseasonalised);
            prediction.seasonal = prediction.seasonalLevel * index[target]!;
            prediction.seasonalYears = support[target]!;
          }
        }
      }
    }
    predictions.push(prediction);
    const point = points[j]!;
    let row = years.get(point.year);
    if (!row) {
      row = { values: new Float64Array(slots).fill(Number.NaN), count: 0 };
      years.set(point.year, row);
    }
    if (Number.isNaN(row.values[point.slot]!)) row.count++;
    row.values[point.slot] = point.value;
  }
  return predictions;
}

import { comparePeriods, toPeriod, type Period, type PeriodType } from '#shared/domain/period';
import {
  baselineSettings,
  predictSeries,
  type BaselinePoint,
  type Prediction,
} from './outlier-baseline.rules';
import {
  amountErrors,
  countDispersion,
  countTail,
  normalTail,
  normalThreshold,
  robustSpread,
  type PastError,
} from './outlier-tails.rules';

/**
 * Outlier checks of indicator values against their own series, written so that an officer can trust a
 * warning: it fires for values far outside what the series has shown, not for the ordinary noise of small
 * numbers. Full description and the reasons for each threshold: docs/CHECKS.md.
 *
 * Policies (the thresholds can be changed through {@link OutlierOptions}):
 * - The expected value is predicted from earlier values only: the recent level, times the seasonal index of
 *   the month or quarter (every earlier year that has it, gaps allowed) when that predicted the series' own
 *   past better than the level alone (outlier-baseline.rules.ts).
 * - How far usual values stray is learnt from the same predictor's errors over the last three years, so a
 *   lagging trend or a noisy season widens the range instead of raising warnings (outlier-tails.rules.ts).
 * - Counts (integer elements): a negative binomial tail (Poisson unless the series clearly varies more).
 *   Amounts (kg, ha, percentages): beyond the threshold on both the relative and the log scale. Unusual
 *   means a tail probability below 0.1 % on its side (about 3.1 standard deviations).
 * - And the difference must matter: at least 3 recording units (3 for counts, 0.03 for amounts written to
 *   hundredths), and the value at least 1.5 × the expected value, or at most expected / 1.5.
 * - No verdict before 8 earlier values (5 for years) and 4 past prediction errors (3 for years), nor on a
 *   history with only one or two non-zero values. A history of zeros only gives one finding: a value of 3
 *   recording units or more where there has always been none.
 */

/** Integer elements are counts; number and percentage elements are amounts. */
export type OutlierValueKind = 'count' | 'amount';

/** Tuning of the outlier checks; every field has a default in {@link defaultOutlierOptions}. */
export type OutlierOptions = {
  /** A value is unusual when the probability of one at least as far out on its side is below this. */
  tailProbability?: number;
  /**
   * Unusual values must differ from the expected value by at least this many recording units: 1 for counts,
   * the precision values are written with for amounts (0.01 when they all have two decimals at most).
   */
  minUnits?: number;
  /** Unusual values must be at least (1 + this) × the expected value, or at most expected / (1 + this). */
  minRelativeChange?: number;
  /** Fewest non-zero earlier values for a statistical verdict. */
  minNonZero?: number;
  /** The amount offset on the log scale, as a share of the level: small values near 0 are not blown up. */
  amountOffsetShare?: number;
};

/** The defaults of {@link OutlierOptions}. */
export const defaultOutlierOptions: Required<OutlierOptions> = {
  tailProbability: 0.001,
  minUnits: 3,
  minRelativeChange: 0.5,
  minNonZero: 3,
  amountOffsetShare: 0.1,
};

/** How much of a series each period type needs before a verdict, and how far back errors are learnt. */
type HistorySettings = { minHistory: number; minErrors: number; errorWindow: number; slots: number };
const historySettings: Readonly<Record<PeriodType, HistorySettings>> = {
  month: { minHistory: 8, minErrors: 4, errorWindow: 36, slots: 12 },
  quarter: { minHistory: 8, minErrors: 4, errorWindow: 12, slots: 4 },
  year: { minHistory: 5, minErrors: 3, errorWindow: 10, slots: 1 },
};

/** What a verdict rests on. */
export type OutlierMethod =
  'seasonal' | 'level' | 'always-none' | 'sparse-history' | 'insufficient-history' | 'no-value';

/** What was found: a value much higher or lower than usual, or a value where there has always been none. */
export type OutlierFinding = 'higher' | 'lower' | 'first-value';

/** The verdict on one value, with its reasons as data for the API and the entry form. */
export type OutlierVerdict = {
  period: string;
  value: number | null;
  kind: OutlierValueKind;
  isOutlier: boolean;
  /** What was found when `isOutlier`; null otherwise. */
  finding: OutlierFinding | null;
  method: OutlierMethod;
  /** The expected value (null without a verdict). */
  expected: number | null;
  /** The range of values that would not have been unusual (null without a verdict). */
  usualLow: number | null;
  usualHigh: number | null;
  /** The probability of a value at least this far out on its side, under the model (null without one). */
  probability: number | null;
  /** The same as a standard normal deviate, signed (+ above, − below the expected value). */
  score: number | null;
  /** Earlier values the verdict rests on. */
  historySize: number;
  /** Earlier years with the same month or quarter behind a seasonal expected value; 0 otherwise. */
  seasonalYears: number;
  /** The month (1–12) or quarter (1–4) of the period; null for years. */
  slot: number | null;
  periodType: PeriodType;
  tailProbability: number;
};

/** One point of a series: a period id and its value, `null` when it is missing. */
export type SeriesPoint = { period: string; value: number | null };

type Known = { id: string; period: Period; value: number };

const slotOf = (p: Period): number => (p.type === 'month' ? p.month : p.type === 'quarter' ? p.quarter : 0);

type Context = {
  kind: OutlierValueKind;
  options: Required<OutlierOptions>;
  history: HistorySettings;
  points: Known[];
  predictions: Prediction[];
  /** The recording unit of the values before each point (see {@link recordingUnit}). */
  units: number[];
};

/** The squared error of one prediction, clipped at 9 (3 deviations), comparable across series. */
function comparableLoss(kind: OutlierValueKind, value: number, expected: number, offset: number): number {
  const z =
    kind === 'count'
      ? (value - expected) / Math.sqrt(Math.max(expected, 0.5))
      : amountErrors(value, expected, offset).log / 0.25;
  return Math.min(9, z * z);
}

/** The log-scale offset of amounts: a share of the level, and never below the recording unit. */
const offsetOf = (c: Context, p: Prediction, seasonal: boolean, unit: number) =>
  Math.max(unit, c.options.amountOffsetShare * Math.max(0, (seasonal ? p.seasonalLevel : p.level) ?? 0));

/**
 * Whether the seasonal prediction did better than the level alone over the error window before `t` (both
 * must have predicted at least `minErrors` of the same points).
 */
function seasonalIsBetter(c: Context, t: number): boolean {
  if (c.predictions[t]!.seasonal === null) return false;
  let seasonalLoss = 0;
  let levelLoss = 0;
  let compared = 0;
  for (let j = Math.max(0, t - c.history.errorWindow); j < t; j++) {
    const p = c.predictions[j]!;
    if (p.seasonal === null || p.level === null) continue;
    const value = c.points[j]!.value;
    seasonalLoss += comparableLoss(c.kind, value, p.seasonal, offsetOf(c, p, true, c.units[t]!));
    levelLoss += comparableLoss(c.kind, value, p.level, offsetOf(c, p, false, c.units[t]!));
    compared++;
  }
  return compared >= c.history.minErrors && seasonalLoss < levelLoss;
}

/** Errors of one predictor over the window before `t`: (value, expected, offset) where it predicted. */
function pastErrors(c: Context, t: number, seasonal: boolean): Array<PastError & { offset: number }> {
  const errors: Array<PastError & { offset: number }> = [];
  for (let j = Math.max(0, t - c.history.errorWindow); j < t; j++) {
    const p = c.predictions[j]!;
    const expected = seasonal ? p.seasonal : p.level;
    if (expected === null) continue;
    errors.push({ value: c.points[j]!.value, expected, offset: offsetOf(c, p, seasonal, c.units[t]!) });
  }
  return errors;
}

/** Rounds an expected value or a range bound for people: whole counts, three significant digits otherwise. */
export function roundForReading(x: number, kind: OutlierValueKind): number {
  if (kind === 'count') return Math.round(x);
  if (x === 0 || !Number.isFinite(x)) return x;
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(x))));
  return Number(x.toFixed(Math.min(digits, 6)));
}

type Judged = Pick<
  OutlierVerdict,
  'isOutlier' | 'finding' | 'expected' | 'usualLow' | 'usualHigh' | 'probability' | 'score'
>;

function judgeCount(c: Context, value: number, expected: number, errors: readonly PastError[]): Judged {
  const o = c.options;
  const dispersion = countDispersion(errors);
  const tail = countTail(value, expected, dispersion, o.tailProbability);
  // The smallest count that would be flagged high, and the largest flagged low, with the material floors.
  const firstHigh = Math.max(
    tail.usualHigh + 1,
    Math.ceil(Math.max(expected + o.minUnits, expected * (1 + o.minRelativeChange)) - 1e-9),
  );
  const lastLow = Math.min(
    tail.usualLow - 1,
    Math.floor(Math.min(expected - o.minUnits, expected / (1 + o.minRelativeChange)) + 1e-9),
  );
  const higher = value >= firstHigh;
  const lower = value <= lastLow;
  const probability = value >= expected ? tail.upper : tail.lower;
  const deviate = probability > 0 ? normalThreshold(Math.min(0.5, probability)) : Infinity;
  return {
    isOutlier: higher || lower,
    finding: higher ? 'higher' : lower ? 'lower' : null,
    expected,
    usualLow: Math.max(0, lastLow + 1),
    usualHigh: firstHigh - 1,
    probability,
    score: value >= expected ? deviate : -deviate,
  };
}

/**
 * Amounts: unusual only when unusual on both the relative and the log scale, each against the spread of its
 * own past errors. Whether an amount's noise is additive (symmetric) or multiplicative (skewed, as seizures
 * often are) is not known in advance; requiring both keeps either kind from raising warnings in its long tail.
 */
function judgeAmount(
  c: Context,
  value: number,
  expected: number,
  offset: number,
  unit: number,
  errors: ReadonlyArray<PastError & { offset: number }>,
): Judged {
  const o = c.options;
  const past = errors.map((e) => amountErrors(e.value, e.expected, e.offset));
  const relativeSpread = robustSpread(past.map((e) => e.relative));
  const logSpread = robustSpread(past.map((e) => e.log));
  const limit = normalThreshold(o.tailProbability);
  const now = amountErrors(value, expected, offset);
  const relativeScore = now.relative / relativeSpread;
  const logScore = now.log / logSpread;
  const score = Math.sign(logScore) * Math.min(Math.abs(relativeScore), Math.abs(logScore));
  const base = Math.max(0, expected) + offset;
  const highBound = Math.max(
    base * Math.exp(limit * logSpread) - offset,
    expected + limit * relativeSpread * base,
    expected * (1 + o.minRelativeChange),
    expected + o.minUnits * unit,
  );
  const lowBound = Math.min(
    base * Math.exp(-limit * logSpread) - offset,
    expected - limit * relativeSpread * base,
    expected / (1 + o.minRelativeChange),
    expected - o.minUnits * unit,
  );
  const higher = value > highBound;
  const lower = value < lowBound;
  return {
    isOutlier: higher || lower,
    finding: higher ? 'higher' : lower ? 'lower' : null,
    expected,
    usualLow: Math.max(0, lowBound),
    usualHigh: highBound,
    probability: normalTail(score),
    score,
  };
}

const noFindings: Judged = {
  isOutlier: false,
  finding: null,
  expected: null,
  usualLow: null,
  usualHigh: null,
  probability: null,
  score: null,
};

/** The verdict on point `t` of the context. */
function verdictAt(c: Context, t: number, nonZeroBefore: number): OutlierVerdict {
  const point = c.points[t]!;
  const base = {
    period: point.id,
    value: point.value,
    kind: c.kind,
    historySize: t,
    seasonalYears: 0,
    slot: point.period.type === 'year' ? null : slotOf(point.period),
    periodType: point.period.type,
    tailProbability: c.options.tailProbability,
  };
  if (t < c.history.minHistory) return { ...base, ...noFindings, method: 'insufficient-history' };
  if (nonZeroBefore === 0) {
    const floor = c.options.minUnits * c.units[t]!;
    const isOutlier = point.value >= floor;
    return {
      ...base,
      ...noFindings,
      method: 'always-none',
      isOutlier,
      finding: isOutlier ? 'first-value' : null,
      expected: 0,
    };
  }
  if (nonZeroBefore < c.options.minNonZero) return { ...base, ...noFindings, method: 'sparse-history' };
  const seasonal = seasonalIsBetter(c, t);
  const prediction = c.predictions[t]!;
  const predicted = seasonal ? prediction.seasonal : prediction.level;
  const errors = pastErrors(c, t, seasonal);
  if (predicted === null || errors.length < c.history.minErrors)
    return { ...base, ...noFindings, method: 'insufficient-history' };
  const method = seasonal ? 'seasonal' : 'level';
  const seasonalYears = seasonal ? prediction.seasonalYears : 0;
  if (c.kind === 'count') {
    // A level of 0 from a window of zeros would make any count impossible: half a count over the window.
    const expected = Math.max(predicted, 0.5 / baselineSettings[point.period.type].levelWindow);
    return { ...base, seasonalYears, method, ...judgeCount(c, point.value, expected, errors) };
  }
  const unit = c.units[t]!;
  const offset = offsetOf(c, prediction, seasonal, unit);
  const judged = judgeAmount(c, point.value, predicted, offset, unit, errors);
  return { ...base, seasonalYears, method, ...judged };
}

/** Powers of ten a recording unit can be, coarsest first. */
const unitCandidates = [1000, 100, 10, 1, 0.1, 0.01, 0.001, 0.0001, 0.00001, 0.000001];

/**
 * The recording unit of one value: the coarsest power of ten (1000 down to 0.000001) it is a whole multiple
 * of; Infinity for 0, which fits any unit. Values finer than a millionth count as written to a millionth.
 */
export function recordingUnit(value: number): number {
  if (value === 0) return Infinity;
  for (const unit of unitCandidates) {
    const units = Math.abs(value) / unit;
    if (Math.abs(units - Math.round(units)) <= 1e-6 * Math.max(1, units)) return unit;
  }
  return unitCandidates[unitCandidates.length - 1]!;
}

/** For each point, the recording unit of the values before it: the finest unit any of them needs (1 at first). */
function unitsBefore(values: readonly number[]): number[] {
  let finest = Infinity;
  return values.map((value) => {
    const before = Number.isFinite(finest) ? finest : 1;
    finest = Math.min(finest, recordingUnit(value));
    return before;
  });
}

/** Known points of one period type, in period order. */
function knownPoints(series: readonly SeriesPoint[], type: PeriodType): Known[] {
  const points: Known[] = [];
  for (const point of series) {
    if (point.value === null || !Number.isFinite(point.value)) continue;
    const period = toPeriod(point.period);
    if (period.type === type) points.push({ id: point.period, period, value: point.value });
  }
  return points.sort((a, b) => comparePeriods(a.period, b.period));
}

/**
 * The verdict on every known value of a series (any order, one point per period, nulls skipped; points of
 * another period type than `type` are ignored), each judged against the values before it only. Keyed by
 * period id. Throws a RangeError on an invalid period id.
 */
export function outlierVerdicts(
  series: readonly SeriesPoint[],
  type: PeriodType,
  kind: OutlierValueKind,
  options?: OutlierOptions,
): Map<string, OutlierVerdict> {
  const points = knownPoints(series, type);
  const history = historySettings[type];
  const baseline: BaselinePoint[] = points.map((p) => ({
    year: p.period.year,
    slot: type === 'year' ? 0 : slotOf(p.period) - 1,
    value: p.value,
  }));
  const context: Context = {
    kind,
    options: { ...defaultOutlierOptions, ...options },
    history,
    points,
    predictions: predictSeries(baseline, history.slots, baselineSettings[type]),
    units: kind === 'count' ? points.map(() => 1) : unitsBefore(points.map((p) => p.value)),
  };
  const verdicts = new Map<string, OutlierVerdict>();
  let nonZero = 0;
  points.forEach((point, t) => {
    verdicts.set(point.id, verdictAt(context, t, nonZero));
    if (point.value !== 0) nonZero++;
  });
  return verdicts;
}

/**
 * The verdict on the value of `period` in a series, judged against the values before it (see
 * {@link outlierVerdicts}); `no-value` when the period has none.
 */
export function outlierVerdict(
  series: readonly SeriesPoint[],
  period: string,
  kind: OutlierValueKind,
  options?: OutlierOptions,
): OutlierVerdict {
  const target = toPeriod(period);
  const before = series.filter((p) => comparePeriods(toPeriod(p.period), target) <= 0);
  const verdict = outlierVerdicts(before, target.type, kind, options).get(period);
  if (verdict) return verdict;
  return {
    period,
    value: null,
    kind,
    ...noFindings,
    method: 'no-value',
    historySize: 0,
    seasonalYears: 0,
    slot: target.type === 'year' ? null : slotOf(target),
    periodType: target.type,
    tailProbability: options?.tailProbability ?? defaultOutlierOptions.tailProbability,
  };
}

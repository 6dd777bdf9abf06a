import { comparePeriods, formatPeriod, minPeriodYear, toPeriod, type Period } from '#shared/domain/period';

/**
 * Robust outlier checks for indicator values: median and MAD instead of mean and standard deviation, so that
 * one earlier spike does not hide the next, and a seasonal variant for monthly (and quarterly) series that
 * compares a value with the same month of earlier years.
 *
 * Policies (each can be changed through {@link OutlierOptions}):
 * - A value is an outlier when its robust z-score, |value − median| / (1.4826 × MAD), exceeds 3.5 (Iglewicz and
 *   Hoaglin's modified z-score cut-off).
 * - No verdict before 6 earlier values: the result is `insufficient-history` and never an outlier.
 * - MAD = 0 (more than half the history equals the median): the spread falls back to the mean absolute
 *   deviation from the median × 1.2533. If that is 0 too, the history is constant: a different value is an
 *   outlier only when at least 12 values agree on the constant, and its score is `null` (infinite).
 * - Seasonal: with the same month in at least 3 of the previous 10 years, the expected value is the median of
 *   those months times the recent level (the median, over the last 12 values, of each value's ratio to its own
 *   month's median in other years); the spread is the MAD of those ratios over the last 24 values.
 *   Otherwise the plain check runs on the last 24 values.
 */

/** Scales a MAD to estimate the standard deviation of normal data (1 / Φ⁻¹(3/4)). */
export const madToSigma = 1.4826;
/** Scales a mean absolute deviation to estimate the standard deviation of normal data (√(π/2)). */
export const meanAbsoluteDeviationToSigma = 1.2533;

/** Tuning of the outlier checks; every field has a default in {@link defaultOutlierOptions}. */
export type OutlierOptions = {
  /** A value is an outlier when its |robust z| is strictly greater than this. */
  threshold?: number;
  /** Fewest earlier values (or seasonal ratios) needed before any verdict. */
  minHistory?: number;
  /** Fewest identical earlier values needed to flag a different value when the history has no spread. */
  minConstantHistory?: number;
  /** How many of the most recent earlier values the plain check (and the seasonal spread) looks at. */
  window?: number;
  /** Fewest earlier years with a value for the same month (or quarter) to use the seasonal method. */
  minSeasonalYears?: number;
  /** How many earlier years the seasonal method looks back at most. */
  maxSeasonalYears?: number;
  /** How many of the most recent values set the seasonal level factor. */
  levelWindow?: number;
};

/** The defaults of {@link OutlierOptions}. */
export const defaultOutlierOptions: Required<OutlierOptions> = {
  threshold: 3.5,
  minHistory: 6,
  minConstantHistory: 12,
  window: 24,
  minSeasonalYears: 3,
  maxSeasonalYears: 10,
  levelWindow: 12,
};

/** Which comparison produced a verdict. */
export type OutlierMethod = 'robust-z' | 'seasonal' | 'insufficient-history' | 'no-value';

/** Which spread the score was divided by: the scaled MAD, its mean-absolute-deviation fallback, or none. */
export type SpreadMethod = 'mad' | 'mean-absolute-deviation' | 'none';

/** The verdict on one value, with its reasons as data for the entry form and the API. */
export type OutlierCheck = {
  isOutlier: boolean;
  /** Robust z-score (signed); `null` when it cannot be computed (too little history, or no spread at all). */
  score: number | null;
  /** The centre the value was compared with: the median of the history, or the seasonal baseline. */
  median: number | null;
  /**
   * The MAD of the history scaled by 1.4826, in the value's unit (0 when most values are equal). For the
   * seasonal method: the scaled MAD of the recent ratios to their seasonal medians, times the seasonal median.
   */
  mad: number | null;
  /** The spread the score was divided by, in the value's unit: the scaled MAD or its fallback. */
  scale: number | null;
  method: OutlierMethod;
  spread: SpreadMethod | null;
  /** How many earlier values (or, for the seasonal method, ratios) the verdict rests on. */
  historySize: number;
  threshold: number;
  /** One English sentence with the numbers, e.g. "120 is 5.2 robust deviations above the median 40 …". */
  reason: string;
};

/** The centre and spread of a history, as used by {@link robustZ}. */
export type RobustSpread = {
  median: number;
  /** MAD × 1.4826. */
  mad: number;
  /** The divisor of the z-score: the scaled MAD, else the scaled mean absolute deviation, else 0. */
  scale: number;
  spread: SpreadMethod;
};

const requireValues = (values: readonly number[], what: string) => {
  if (values.length === 0) throw new RangeError(`the ${what} of no values is undefined`);
};

/** The median of the values (the mean of the two middle ones for an even count). Throws on an empty list. */
export function median(values: readonly number[]): number {
  requireValues(values, 'median');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The median absolute deviation from the median, scaled by 1.4826 so that for normal data it estimates the
 * standard deviation. Throws on an empty list.
 */
export function mad(values: readonly number[]): number {
  requireValues(values, 'MAD');
  const centre = median(values);
  return madToSigma * median(values.map((v) => Math.abs(v - centre)));
}

/**
 * The mean absolute deviation from the median, scaled by 1.2533 to estimate the standard deviation of normal
 * data: the fallback spread when the MAD is 0. Throws on an empty list.
 */
export function meanAbsoluteDeviation(values: readonly number[]): number {
  requireValues(values, 'mean absolute deviation');
  const centre = median(values);
  const total = values.reduce((sum, v) => sum + Math.abs(v - centre), 0);
  return (meanAbsoluteDeviationToSigma * total) / values.length;
}

/** The median and the spread of a history, choosing the MAD or its fallback (see the module policies). */
export function robustSpread(history: readonly number[]): RobustSpread {
  const centre = median(history);
  const scaledMad = mad(history);
  if (scaledMad > 0) return { median: centre, mad: scaledMad, scale: scaledMad, spread: 'mad' };
  const meanAd = meanAbsoluteDeviation(history);
  if (meanAd > 0) return { median: centre, mad: 0, scale: meanAd, spread: 'mean-absolute-deviation' };
  return { median: centre, mad: 0, scale: 0, spread: 'none' };
}

/**
 * The robust z-score of a value against a history: (value − median) / spread, the spread being the scaled
 * MAD or its fallback. For a constant history it is 0 for the constant and ±Infinity for anything else.
 * Unchanged when a constant is added to every number, or every number is multiplied by a positive factor.
 * Throws on an empty history.
 */
export function robustZ(value: number, history: readonly number[]): number {
  const { median: centre, scale } = robustSpread(history);
  if (scale > 0) return (value - centre) / scale;
  if (value === centre) return 0;
  return value > centre ? Infinity : -Infinity;
}

/** Numbers in reasons: integers as they are, others to two decimals (three significant digits below 1). */
const show = (x: number): string => {
  if (Number.isInteger(x)) return String(x);
  return String(Math.abs(x) < 1 ? Number(x.toPrecision(3)) : Number(x.toFixed(2)));
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const resolve = (options: OutlierOptions | undefined): Required<OutlierOptions> => ({
  ...defaultOutlierOptions,
  ...options,
});

const insufficient = (size: number, o: Required<OutlierOptions>): OutlierCheck => ({
  isOutlier: false,
  score: null,
  median: null,
  mad: null,
  scale: null,
  method: 'insufficient-history',
  spread: null,
  historySize: size,
  threshold: o.threshold,
  reason: `Only ${plural(size, 'earlier value', 'earlier values')}; at least ${o.minHistory} are needed to judge outliers`,
});

type Verdict = { value: number; centre: RobustSpread; size: number; method: 'robust-z' | 'seasonal' };

/** How a reason names the centre: "the median" plus "of the last 24 values". */
type Wording = { centreName: string; context: string };

/** Shared by both methods: the threshold, the constant-history rule and the sentence. */
const judge = (
  { value, centre, size, method }: Verdict,
  o: Required<OutlierOptions>,
  { centreName, context }: Wording,
): OutlierCheck => {
  const base = {
    median: centre.median,
    mad: centre.mad,
    scale: centre.scale,
    method,
    spread: centre.spread,
    historySize: size,
    threshold: o.threshold,
  };
  const compared = `${centreName} ${show(centre.median)} ${context}`;
  if (centre.spread === 'none' && value !== centre.median) {
    const isOutlier = size >= o.minConstantHistory;
    const reason = isOutlier
      ? `${show(value)} differs from ${compared}, and the ${size} earlier values did not vary`
      : `${show(value)} differs from ${compared}, but ${size} earlier values without variation are too few to call it an outlier (${o.minConstantHistory} needed)`;
    return { ...base, isOutlier, score: null, reason };
  }
  const score = centre.scale > 0 ? (value - centre.median) / centre.scale : 0;
  const isOutlier = Math.abs(score) > o.threshold;
  const fallback =
    centre.spread === 'mean-absolute-deviation'
      ? ' (spread from the mean absolute deviation, as most values equal the median)'
      : '';
  const reason =
    score === 0
      ? `${show(value)} equals ${compared}`
      : `${show(value)} is ${Math.abs(score).toFixed(1)} robust deviations ${score > 0 ? 'above' : 'below'} ${compared}${fallback}; the threshold is ${o.threshold}`;
  return { ...base, isOutlier, score, reason };
};

/**
 * Judges a value against its earlier values (finite numbers in any order; the caller chooses the window) with the robust
 * z-score. Never flags with fewer than `minHistory` values; see the module policies for a constant history.
 */
export function robustOutlier(
  value: number,
  history: readonly number[],
  options?: OutlierOptions,
): OutlierCheck {
  const o = resolve(options);
  if (history.length < o.minHistory) return insufficient(history.length, o);
  return judge({ value, centre: robustSpread(history), size: history.length, method: 'robust-z' }, o, {
    centreName: 'the median',
    context: `of the last ${history.length} values`,
  });
}

/** One point of a series: a period id and its value, `null` when it is missing. */
export type SeriesPoint = { period: string; value: number | null };

type Known = { period: Period; value: number };

/** The month (1–12) or quarter (1–4) within the year; years have a single slot. */
const slotOf = (p: Period): number => (p.type === 'month' ? p.month : p.type === 'quarter' ? p.quarter : 0);

type SeasonalCentre = {
  centre: RobustSpread;
  size: number;
  seasonalMedian: number;
  level: number;
  years: number;
};

/** The seasonal baseline and spread, or null when the series cannot support the seasonal method. */
const seasonalCentre = (
  target: Period,
  prior: readonly Known[],
  recent: readonly Known[],
  o: Required<OutlierOptions>,
): SeasonalCentre | null => {
  const firstYear = Math.max(minPeriodYear, target.year - o.maxSeasonalYears);
  const bySlot = new Map<number, Known[]>();
  for (const point of prior) {
    if (point.period.year < firstYear) continue;
    const slot = slotOf(point.period);
    bySlot.set(slot, [...(bySlot.get(slot) ?? []), point]);
  }
  const sameSlot = (bySlot.get(slotOf(target)) ?? []).map((p) => p.value);
  if (sameSlot.length < o.minSeasonalYears) return null;
  const seasonalMedian = median(sameSlot);
  // Ratios need a positive baseline; a month that is usually zero is judged by the plain check.
  if (!(seasonalMedian > 0)) return null;
  const ratios: number[] = [];
  for (const point of recent) {
    const others = (bySlot.get(slotOf(point.period)) ?? [])
      .filter((p) => p.period.year !== point.period.year)
      .map((p) => p.value);
    if (others.length < o.minSeasonalYears - 1) continue;
    const reference = median(others);
    if (reference > 0) ratios.push(point.value / reference);
  }
  if (ratios.length < o.minHistory) return null;
  const level = median(ratios.slice(-o.levelWindow));
  const spread = robustSpread(ratios);
  return {
    centre: {
      median: seasonalMedian * level,
      mad: seasonalMedian * spread.mad,
      scale: seasonalMedian * spread.scale,
      spread: spread.spread,
    },
    size: ratios.length,
    seasonalMedian,
    level,
    years: sameSlot.length,
  };
};

/**
 * Judges the value of `period` in a series (any order, one point per period, nulls skipped; points of
 * another period type are ignored) against the values before it. For months and quarters with the same
 * month in at least `minSeasonalYears` earlier years, it uses the seasonal method, so a December that is
 * always high is not flagged; otherwise it runs {@link robustOutlier} on the last `window` values. A period
 * without a value gives `no-value`. Throws a RangeError on an invalid period id.
 */
export function seasonalOutlier(
  series: readonly SeriesPoint[],
  period: string,
  options?: OutlierOptions,
): OutlierCheck {
  const o = resolve(options);
  const target = toPeriod(period);
  const points: Known[] = [];
  for (const point of series) {
    const parsed = toPeriod(point.period);
    if (point.value === null || !Number.isFinite(point.value) || parsed.type !== target.type) continue;
    points.push({ period: parsed, value: point.value });
  }
  const current = points.find((p) => comparePeriods(p.period, target) === 0);
  if (!current) {
    return {
      isOutlier: false,
      score: null,
      median: null,
      mad: null,
      scale: null,
      method: 'no-value',
      spread: null,
      historySize: 0,
      threshold: o.threshold,
      reason: `There is no value for ${formatPeriod(target)}`,
    };
  }
  const prior = points
    .filter((p) => comparePeriods(p.period, target) < 0)
    .sort((a, b) => comparePeriods(a.period, b.period));
  const recent = prior.slice(-o.window);
  const seasonal = target.type === 'year' ? null : seasonalCentre(target, prior, recent, o);
  if (seasonal) {
    return judge(
      { value: current.value, centre: seasonal.centre, size: seasonal.size, method: 'seasonal' },
      o,
      {
        centreName: 'the seasonal baseline',
        context: `(the median ${show(seasonal.seasonalMedian)} of the same ${target.type} in ${seasonal.years} earlier years times the recent level ${show(seasonal.level)})`,
      },
    );
  }
  return robustOutlier(
    current.value,
    recent.map((p) => p.value),
    o,
  );
}

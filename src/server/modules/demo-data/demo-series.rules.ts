import { comparePeriods, toPeriod, type Period } from '#shared/domain/period';

/**
 * Synthetic demo series for `kuzot seed --demo`: a level with a compound yearly trend, monthly seasonality,
 * Poisson or relative normal noise, a few planted outliers and a few missing reports. Pure and deterministic:
 * the same input always gives the same series, on every machine, with no `Math.random`.
 *
 * Policies:
 * - Each period draws from its own random stream, seeded from the series seed and the period id, so a value
 *   does not depend on which other periods were asked for (2015–2020 is a prefix of 2015–2025), as long as
 *   the earliest period (the origin of the trend) is the same.
 * - Per period, in this order: missing (probability `missingRate`; a missing period is never an outlier),
 *   planted outlier (probability `outlierRate` of the reported periods), then the noise.
 * - A planted outlier multiplies (or, with even odds, divides) the expected value by a factor drawn
 *   uniformly from `outlierFactor` before the noise is drawn, so it is a draw from a shifted distribution.
 * - Values are never negative: normal noise is cut at 0. Integer series are rounded to whole numbers,
 *   number series to `decimals` places.
 * - The data are invented. Nothing here estimates a real situation; callers must mark them as synthetic.
 */

/** A source of uniform random numbers in [0, 1). */
export type Rng = { next: () => number };

/** Noise around the expected value: Poisson for counts, or normal with a standard deviation relative to it. */
export type DemoNoise = 'poisson' | { relativeSd: number };

/** The shapes offered by {@link defaultSeasonality}. */
export const seasonalityKinds = ['flat', 'cannabis-harvest', 'eradication'] as const;
/** A named monthly profile: `'flat' | 'cannabis-harvest' | 'eradication'`. */
export type SeasonalityKind = (typeof seasonalityKinds)[number];

/** What {@link generateDemoSeries} generates. */
export type GenerateDemoSeriesInput = {
  /** Any text or number; texts (and numbers that are not 32-bit unsigned integers) are hashed with {@link hashSeed}. */
  seed: string | number;
  /** Period ids (`2015-01`, `2015Q1`, `2015`) of one type, no duplicates; the output keeps this order. */
  periods: readonly string[];
  /** The expected value per period at the earliest period, before seasonality; finite and ≥ 0. */
  baseLevel: number;
  /** Relative change per year, compounded monthly (−0.03 = 3 % less each year); greater than −1. */
  trendPerYear: number;
  /**
   * Twelve monthly multipliers (January first), or `null` for none. They are rescaled to average exactly 1,
   * so `baseLevel` stays the yearly mean. Quarters use the mean of their months; years are not seasonal.
   */
  seasonality: readonly number[] | null;
  /** `'poisson'` for counts; `{ relativeSd }` (e.g. 0.2) for amounts such as kilograms. */
  noise: DemoNoise;
  /** Probability, 0–1, that a reported period is a planted outlier (e.g. 0.01). */
  outlierRate: number;
  /** The range of the outlier factor, `1 ≤ min ≤ max` (e.g. ×3–×6); an outlier goes up or down with even odds. */
  outlierFactor: { min: number; max: number };
  /** Probability, 0–1, that a period is not reported at all (e.g. 0.02). */
  missingRate: number;
  valueType: 'integer' | 'number';
  /** Decimal places of `'number'` values; 2 unless told. Ignored for integers. */
  decimals?: number;
};

/** One generated period. */
export type DemoPoint = {
  period: string;
  /** `null` exactly when `isMissing`. */
  value: number | null;
  /** The noiseless expected value (trend × seasonality), before any planted outlier factor. */
  expected: number;
  isPlantedOutlier: boolean;
  /** The factor applied to the expected value of a planted outlier (> 1 up, < 1 down); `null` otherwise. */
  plantedFactor: number | null;
  isMissing: boolean;
};

const uint32 = 0x1_0000_0000;

/**
 * A 32-bit seed from a text: FNV-1a over its UTF-16 code units, then MurmurHash3's finaliser so that texts
 * that differ by one character give unrelated seeds. Stable across runs and platforms.
 */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A seed as given to the generator: 32-bit unsigned integers as they are, anything else hashed. */
const toSeed = (seed: string | number): number =>
  typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed < uint32
    ? seed
    : hashSeed(String(seed));

/**
 * A seeded generator of uniform numbers in [0, 1) (sfc32, its 128-bit state filled from the seed by
 * splitmix32). The same seed always gives the same sequence; it is not for cryptography. The seed is taken
 * modulo 2³² (non-integers are truncated).
 */
export function createRng(seed: number): Rng {
  let s = Math.trunc(seed) >>> 0;
  const splitmix = () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / uint32;
  };
  for (let i = 0; i < 12; i++) next();
  return { next };
}

/**
 * A standard normal draw (mean 0, sd 1) by the Box–Muller transform; uses two uniforms and keeps one
 * result, so each call consumes exactly two numbers from `rng`.
 */
export function normal(rng: Rng): number {
  const u1 = 1 - rng.next(); // in (0, 1], so the logarithm is finite
  const u2 = rng.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Below this mean, {@link poisson} is exact (Knuth); from it on, the normal approximation is used. */
export const poissonExactLimit = 30;

/**
 * A Poisson draw with mean `lambda` (finite, ≥ 0; a RangeError otherwise): Knuth's product of uniforms
 * below {@link poissonExactLimit}, where it is exact and cheap, and above it the normal approximation
 * round(λ + √λ·z), cut at 0, whose error at λ ≥ 30 is far below what demo data can show. Always a
 * non-negative integer.
 */
export function poisson(rng: Rng, lambda: number): number {
  if (!Number.isFinite(lambda) || lambda < 0) {
    throw new RangeError(`lambda must be a finite number ≥ 0, got ${lambda}`);
  }
  if (lambda === 0) return 0;
  if (lambda < poissonExactLimit) {
    const limit = Math.exp(-lambda);
    let k = 0;
    let product = rng.next();
    while (product > limit) {
      k++;
      product *= rng.next();
    }
    return k;
  }
  return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal(rng)));
}

/**
 * Raw monthly shapes, January first, rescaled to average 1 below. Illustrative, synthetic shapes chosen to
 * make demo charts look lived-in; they are NOT estimates of real patterns in Kyrgyzstan or anywhere else.
 */
const rawSeasonality: Record<SeasonalityKind, readonly number[]> = {
  flat: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  // Seizures of cannabis-type drugs: quiet in winter, rising through summer, peaking at the late-summer and
  // autumn harvest (August–October).
  'cannabis-harvest': [0.7, 0.65, 0.75, 0.85, 0.95, 1.05, 1.2, 1.45, 1.6, 1.4, 0.95, 0.8],
  // Eradication of wild and cultivated plants (hectares, plants destroyed): field work from late spring to
  // early autumn, peaking in July–September, next to nothing in winter.
  eradication: [0.05, 0.05, 0.1, 0.3, 0.8, 1.6, 2.3, 2.5, 2.2, 1.2, 0.3, 0.05],
};

/**
 * Twelve monthly multipliers (January first) averaging exactly 1 for a kind of demo series: `'flat'` (all 1),
 * `'cannabis-harvest'` (peak August–October) and `'eradication'` (peak July–September, near 0 in winter).
 * Illustrative synthetic shapes for demo data, not estimates of real seasonal patterns. A new array on each
 * call.
 */
export function defaultSeasonality(kind: SeasonalityKind): number[] {
  return normaliseSeasonality(rawSeasonality[kind]);
}

/** Rescales twelve non-negative multipliers with a positive sum to average 1; a RangeError otherwise. */
const normaliseSeasonality = (profile: readonly number[]): number[] => {
  if (profile.length !== 12)
    throw new RangeError(`seasonality needs 12 monthly multipliers, got ${profile.length}`);
  if (profile.some((m) => !Number.isFinite(m) || m < 0)) {
    throw new RangeError('seasonality multipliers must be finite numbers ≥ 0');
  }
  const mean = profile.reduce((sum, m) => sum + m, 0) / 12;
  if (!(mean > 0)) throw new RangeError('seasonality multipliers must not all be 0');
  return profile.map((m) => m / mean);
};

/** Index of the period's first month counted from January of year 0. */
const monthIndex = (p: Period): number =>
  p.year * 12 + (p.type === 'month' ? p.month - 1 : p.type === 'quarter' ? (p.quarter - 1) * 3 : 0);

/** The seasonal multiplier of a period: its month's, the mean of a quarter's three, 1 for a year. */
const seasonOf = (p: Period, profile: readonly number[] | null): number => {
  if (!profile || p.type === 'year') return 1;
  if (p.type === 'month') return profile[p.month - 1]!;
  const first = (p.quarter - 1) * 3;
  return (profile[first]! + profile[first + 1]! + profile[first + 2]!) / 3;
};

const requireRate = (rate: number, what: string) => {
  if (!(rate >= 0 && rate <= 1)) throw new RangeError(`${what} must be between 0 and 1, got ${rate}`);
};

/** Checks the input and returns the parsed periods and normalised seasonality; a RangeError on bad input. */
const validate = (input: GenerateDemoSeriesInput) => {
  const { baseLevel, trendPerYear, noise, outlierFactor, decimals = 2 } = input;
  if (!(Number.isFinite(baseLevel) && baseLevel >= 0)) {
    throw new RangeError(`baseLevel must be a finite number ≥ 0, got ${baseLevel}`);
  }
  if (!(Number.isFinite(trendPerYear) && trendPerYear > -1)) {
    throw new RangeError(`trendPerYear must be a finite number greater than −1, got ${trendPerYear}`);
  }
  if (noise !== 'poisson' && !(Number.isFinite(noise.relativeSd) && noise.relativeSd >= 0)) {
    throw new RangeError(`noise.relativeSd must be a finite number ≥ 0, got ${noise.relativeSd}`);
  }
  requireRate(input.outlierRate, 'outlierRate');
  requireRate(input.missingRate, 'missingRate');
  if (!(
    outlierFactor.min >= 1 &&
    outlierFactor.max >= outlierFactor.min &&
    Number.isFinite(outlierFactor.max)
  )) {
    throw new RangeError(
      `outlierFactor must satisfy 1 ≤ min ≤ max < ∞, got ${outlierFactor.min}–${outlierFactor.max}`,
    );
  }
  if (!(Number.isInteger(decimals) && decimals >= 0 && decimals <= 10)) {
    throw new RangeError(`decimals must be an integer from 0 to 10, got ${decimals}`);
  }
  const periods = input.periods.map((id) => toPeriod(id));
  const seen = new Set<string>();
  for (const id of input.periods) {
    if (seen.has(id)) throw new RangeError(`period ${id} is listed twice`);
    seen.add(id);
  }
  if (periods.some((p) => p.type !== periods[0]!.type)) {
    throw new RangeError('all periods of a demo series must have the same type');
  }
  const profile = input.seasonality === null ? null : normaliseSeasonality(input.seasonality);
  return { periods, profile, decimals };
};

/**
 * Generates a synthetic series over `periods` (see the module policies): expected value = `baseLevel` ×
 * (1 + `trendPerYear`)^(years since the earliest period) × the period's seasonal multiplier, then missing
 * reports, planted outliers and noise. Guarantees: one point per period in the input order; `value` is
 * `null` exactly for missing points; values are finite and never negative, whole numbers for `'integer'`;
 * the same input always gives the same output. Throws a RangeError on invalid input.
 */
export function generateDemoSeries(input: GenerateDemoSeriesInput): DemoPoint[] {
  const { periods, profile, decimals } = validate(input);
  if (periods.length === 0) return [];
  const seed = toSeed(input.seed);
  const origin = monthIndex(periods.reduce((min, p) => (comparePeriods(p, min) < 0 ? p : min)));
  const growth = 1 + input.trendPerYear;
  const scale = 10 ** decimals;
  const { noise, outlierFactor } = input;

  return periods.map((period, i): DemoPoint => {
    const id = input.periods[i]!;
    const rng = createRng(hashSeed(`${seed}:${id}`));
    const expected =
      input.baseLevel * growth ** ((monthIndex(period) - origin) / 12) * seasonOf(period, profile);
    const isMissing = rng.next() < input.missingRate;
    const isPlantedOutlier = !isMissing && rng.next() < input.outlierRate;
    if (isMissing) {
      return { period: id, value: null, expected, isPlantedOutlier, plantedFactor: null, isMissing };
    }
    let plantedFactor: number | null = null;
    if (isPlantedOutlier) {
      const isUp = rng.next() < 0.5;
      const factor = outlierFactor.min + (outlierFactor.max - outlierFactor.min) * rng.next();
      plantedFactor = isUp ? factor : 1 / factor;
    }
    const mean = expected * (plantedFactor ?? 1);
    const noisy =
      noise === 'poisson' ? poisson(rng, mean) : Math.max(0, mean * (1 + noise.relativeSd * normal(rng)));
    const value = input.valueType === 'integer' ? Math.round(noisy) : Math.round(noisy * scale) / scale;
    return { period: id, value, expected, isPlantedOutlier, plantedFactor, isMissing };
  });
}

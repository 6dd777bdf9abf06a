import negativeBinomialCdf from '@stdlib/stats-base-dists-negative-binomial-cdf';
import negativeBinomialQuantile from '@stdlib/stats-base-dists-negative-binomial-quantile';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import poissonCdf from '@stdlib/stats-base-dists-poisson-cdf';
import poissonQuantile from '@stdlib/stats-base-dists-poisson-quantile';

/**
 * How far a value may stray from its expected value before it is unusual: the tail probabilities of a count
 * model (Poisson, or negative binomial when the series varies more than Poisson), the spread of amounts on a
 * log scale, and the spread estimated from a series' own past prediction errors, robust to earlier outliers.
 */

/** A past prediction and what came: the material of the spread estimates. */
export type PastError = { value: number; expected: number };

/** Standardised past errors are clipped at this many standard deviations in the spread estimates. */
export const clipAt = 2.5;

const clipDensity = Math.exp(-(clipAt * clipAt) / 2) / Math.sqrt(2 * Math.PI);
const clipInside = 2 * normalCdf(clipAt, 0, 1) - 1;

/** E[min(Z², c²)] for a standard normal Z and c = {@link clipAt}: what clipped squared errors average. */
const clippedSquareMean = clipInside - 2 * clipAt * clipDensity + clipAt * clipAt * (1 - clipInside);

/** The standard deviation of min(Z², c²): how much their average over n errors varies (divided by √n). */
const clippedSquareSd = Math.sqrt(
  3 * clipInside -
    2 * clipDensity * (clipAt ** 3 + 3 * clipAt) +
    clipAt ** 4 * (1 - clipInside) -
    clippedSquareMean ** 2,
);

/** How many standard errors above Poisson the errors must be before a count series counts as over-dispersed. */
export const overdispersionEvidence = 2;

/**
 * The mean of squared errors divided by their variances, each clipped at {@link clipAt}²: decreasing in the
 * variances, and moved by at most clipAt² / n by any single wild error.
 */
function meanClippedSquare(errors: readonly number[], variance: (i: number) => number): number {
  let total = 0;
  for (let i = 0; i < errors.length; i++) {
    const v = variance(i);
    total += v > 0 ? Math.min(clipAt * clipAt, (errors[i]! * errors[i]!) / v) : clipAt * clipAt;
  }
  return total / errors.length;
}

/**
 * The root of a decreasing function of one non-negative parameter between `low` and `high`, by bisection on
 * the log scale (parameters here span many orders of magnitude).
 */
function solveDecreasing(f: (x: number) => number, low: number, high: number): number {
  if (f(low) <= 0) return low;
  if (f(high) >= 0) return high;
  // 36 halvings of a range of up to 15 orders of magnitude: within a part in a million, ample for a spread.
  for (let i = 0; i < 36; i++) {
    const mid = Math.sqrt(low * high);
    if (f(mid) > 0) low = mid;
    else high = mid;
  }
  return Math.sqrt(low * high);
}

/**
 * The negative binomial's extra dispersion 1/k (variance = μ + μ²/k) from past one-step prediction errors:
 * the value at which the errors, standardised and clipped at {@link clipAt}, average what clipped normal
 * deviates average (Huber's "proposal 2" scale, here for a count's variance). A series that varies more
 * than Poisson, or whose season the predictor missed, gets a wider range; one earlier outlier moves it
 * little. 0 means Poisson, which is kept unless the errors are clearly wider than Poisson allows
 * ({@link overdispersionEvidence} standard errors): a count series is never taken to vary less.
 */
export function countDispersion(past: readonly PastError[]): number {
  const usable = past.filter((e) => e.expected > 0);
  if (usable.length === 0) return 0;
  const errors = usable.map((e) => e.value - e.expected);
  const excess = (dispersion: number) =>
    meanClippedSquare(errors, (i) => {
      const mu = usable[i]!.expected;
      return mu + dispersion * mu * mu;
    }) - clippedSquareMean;
  // Poisson unless the errors are clearly wider: noise alone makes the clipped mean wander by about
  // clippedSquareSd / √n, and a spurious dispersion would hide the next real outlier.
  if (excess(0) <= (overdispersionEvidence * clippedSquareSd) / Math.sqrt(errors.length)) return 0;
  return solveDecreasing(excess, 1e-9, 1e6);
}

/** The two tails of a count and the range of counts that are not unusual at a tail probability. */
export type CountTail = {
  /** P(X ≥ value): small when the value is unusually high. */
  upper: number;
  /** P(X ≤ value): small when the value is unusually low. */
  lower: number;
  /** The lowest and highest counts whose tail probabilities are at least the threshold. */
  usualLow: number;
  usualHigh: number;
};

/**
 * Tails of an observed count under a negative binomial with mean `expected` (> 0) and extra dispersion
 * `dispersion` (0 = Poisson), and the usual range at tail probability `alpha` on each side.
 */
export function countTail(value: number, expected: number, dispersion: number, alpha: number): CountTail {
  const poisson = dispersion <= 1e-9;
  const size = poisson ? 0 : 1 / dispersion;
  const success = poisson ? 0 : size / (size + expected);
  const cdf = (x: number) =>
    x < 0 ? 0 : poisson ? poissonCdf(x, expected) : negativeBinomialCdf(x, size, success);
  const quantile = (q: number) =>
    poisson ? poissonQuantile(q, expected) : negativeBinomialQuantile(q, size, success);
  // The highest usual count h has P(X ≥ h) ≥ alpha, i.e. cdf(h − 1) ≤ 1 − alpha; the lowest l has cdf(l) ≥ alpha.
  let usualHigh = quantile(1 - alpha);
  while (usualHigh > 0 && cdf(usualHigh - 1) > 1 - alpha) usualHigh--;
  while (cdf(usualHigh) <= 1 - alpha) usualHigh++;
  let usualLow = quantile(alpha);
  while (usualLow > 0 && cdf(usualLow - 1) >= alpha) usualLow--;
  return {
    upper: value <= 0 ? 1 : Math.max(0, 1 - cdf(value - 1)),
    lower: cdf(value),
    usualLow,
    usualHigh,
  };
}

/**
 * The error of an amount against its expected value on two scales: relative ((value − expected) / base) and
 * logarithmic (ln(value + offset) − ln(expected + offset)), where base = expected + offset and the offset
 * keeps values near 0 from weighing more than they matter.
 */
export function amountErrors(
  value: number,
  expected: number,
  offset: number,
): { relative: number; log: number } {
  const base = Math.max(0, expected) + offset;
  return {
    relative: (value - Math.max(0, expected)) / base,
    log: Math.log((Math.max(0, value) + offset) / base),
  };
}

/** The smallest spread of amount errors: 2 %, so that a series that never changed still allows small changes. */
export const minAmountSpread = 0.02;

/**
 * The standard deviation of errors by the same clipped estimate as {@link countDispersion} (robust to a few
 * wild errors, yet using every error's size), at least {@link minAmountSpread}; infinite without errors.
 */
export function robustSpread(errors: readonly number[]): number {
  if (errors.length === 0) return Infinity;
  const excess = (spread: number) => meanClippedSquare(errors, () => spread * spread) - clippedSquareMean;
  return Math.max(minAmountSpread, solveDecreasing(excess, 1e-6, 1e6));
}

/** The standard normal deviate beyond which one side's tail holds probability `alpha`. */
export const normalThreshold = (alpha: number): number => normalQuantile(1 - alpha, 0, 1);

/** The probability that a standard normal deviate lies at least |z| out on its own side. */
export const normalTail = (z: number): number => normalCdf(-Math.abs(z), 0, 1);

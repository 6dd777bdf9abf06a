import { deadlineOf } from '#shared/domain/deadline';
import {
  formatPeriod,
  periodEnd,
  periodOfDate,
  periodsBetween,
  previousPeriod,
  shiftPeriod,
  toPeriod,
  type IsoDate,
  type PeriodType,
} from '#shared/domain/period';
import {
  createRng,
  defaultSeasonality,
  generateDemoSeries,
  hashSeed,
  type DemoNoise,
  type DemoPoint,
  type SeasonalityKind,
} from './demo-series.rules';

/**
 * What `kuzot seed --demo` generates, as pure functions: which series exist (element × reporting territory ×
 * disaggregation), how big each one is, and which reports are approved. The service only loads the
 * catalogue and territories and writes the rows.
 *
 * Policies:
 * - Levels are a synthetic rate per 100,000 inhabitants per period (per element, below) × the territory's
 *   population ÷ 100,000 × the disaggregation option's share. The rates are invented to make charts look
 *   lived-in; they are NOT estimates of the real situation in Kyrgyzstan.
 * - A territory without any population figure gets {@link defaultDemoPopulation} as a modest level for
 *   scaling only; that number is never written anywhere as a population.
 * - Every series is seeded from hashSeed(element code | territory code | disaggregation), so the same
 *   catalogue and territories give the same values on every machine and every run.
 * - The full cross product is generated: with the default catalogue and the 56 reporting territories it is
 *   about 0.5 million values, well within what the embedded database takes, so no disaggregation is
 *   thinned out.
 */

/** The first year of demo data; the last month is the last complete one (see {@link lastCompleteMonth}). */
export const demoFirstYear = 2015;

/**
 * The last complete month before a day (`2026-12-07` → `2026-11`): demo series end there, so "last 12
 * months" and the completeness window have data whenever the demo is seeded.
 */
export function lastCompleteMonth(today: IsoDate): string {
  return formatPeriod(previousPeriod(periodOfDate(today, 'month')));
}

/** The population used to scale a territory that has no population figure (never stored). */
export const defaultDemoPopulation = 60_000;

/** How one element's demo series look: a synthetic level per 100,000 inhabitants per period and its shape. */
export type DemoProfile = {
  ratePer100k: number;
  trendPerYear: number;
  seasonality: SeasonalityKind;
  /** Stocks (people registered, prisoners) barely move from one month to the next and are rarely missing. */
  isStock?: boolean;
};

/**
 * Profiles of the shipped data elements. Invented, round figures chosen for plausible-looking charts;
 * unknown elements get {@link fallbackProfile}.
 */
export const demoProfiles: Readonly<Record<string, DemoProfile>> = {
  crimes_total: { ratePer100k: 38, trendPerYear: -0.01, seasonality: 'flat' },
  drug_crimes: { ratePer100k: 2.2, trendPerYear: 0.02, seasonality: 'cannabis-harvest' },
  drug_offence_prosecuted: { ratePer100k: 1.6, trendPerYear: 0.01, seasonality: 'cannabis-harvest' },
  crimes_under_intoxication: { ratePer100k: 0.8, trendPerYear: -0.02, seasonality: 'flat' },
  acute_poisonings: { ratePer100k: 1.1, trendPerYear: 0.04, seasonality: 'flat' },
  acute_poisonings_minors: { ratePer100k: 0.12, trendPerYear: 0.05, seasonality: 'flat' },
  drug_induced_deaths: { ratePer100k: 0.15, trendPerYear: 0.02, seasonality: 'flat' },
  first_diagnoses: { ratePer100k: 1.2, trendPerYear: 0.01, seasonality: 'flat' },
  persons_under_observation: { ratePer100k: 130, trendPerYear: -0.02, seasonality: 'flat', isStock: true },
  students_tested: { ratePer100k: 650, trendPerYear: 0.06, seasonality: 'flat' },
  students_at_risk: { ratePer100k: 22, trendPerYear: 0.03, seasonality: 'flat' },
  drugs_seized_kg: { ratePer100k: 18, trendPerYear: -0.01, seasonality: 'cannabis-harvest' },
  customs_seized_kg: { ratePer100k: 2, trendPerYear: 0.01, seasonality: 'cannabis-harvest' },
  border_seized_kg: { ratePer100k: 3, trendPerYear: 0, seasonality: 'cannabis-harvest' },
  plants_destroyed: { ratePer100k: 2500, trendPerYear: -0.03, seasonality: 'eradication' },
  area_eradicated_ha: { ratePer100k: 6, trendPerYear: -0.03, seasonality: 'eradication' },
  labs_dismantled: { ratePer100k: 0.03, trendPerYear: 0.08, seasonality: 'flat' },
  prevention_events: { ratePer100k: 3, trendPerYear: 0.05, seasonality: 'flat' },
  prevention_participants: { ratePer100k: 160, trendPerYear: 0.05, seasonality: 'flat' },
  prisoners_drug_offences: { ratePer100k: 22, trendPerYear: 0.01, seasonality: 'flat', isStock: true },
};

export const fallbackProfile: DemoProfile = { ratePer100k: 5, trendPerYear: 0, seasonality: 'flat' };

/**
 * Shares of disaggregation options (within their category; they need not sum to 1, they are rescaled), and
 * extra yearly trend per option (synthetic drugs rising, heroin falling). Options not listed share equally.
 */
const optionShares: Readonly<Record<string, number>> = {
  cannabis: 0.55,
  heroin: 0.14,
  opium: 0.07,
  synthetic: 0.16,
  cocaine: 0.01,
  other: 0.07,
  male: 0.85,
  female: 0.15,
  age_0_17: 0.08,
  age_18_29: 0.37,
  age_30_plus: 0.55,
};
const optionTrends: Readonly<Record<string, number>> = { synthetic: 0.09, heroin: -0.07, opium: -0.04 };

/** A category of the element's combination: its option codes in display order. */
export type DemoCategory = { code: string; options: readonly string[] };

/** One disaggregation of an element: its key (option codes joined by '.') and its share of the total. */
export type DemoCombo = { key: string; share: number; trendShift: number; isCannabis: boolean };

/**
 * Every option combination of the categories in position order, with its share of the element's total
 * (the product of each option's share in its category) and its extra trend. One combination with key ''
 * and share 1 for an element without categories.
 */
export function demoCombos(categories: readonly DemoCategory[]): DemoCombo[] {
  let combos: DemoCombo[] = [{ key: '', share: 1, trendShift: 0, isCannabis: false }];
  for (const category of categories) {
    if (category.options.length === 0) return [];
    const raw = category.options.map((o) => optionShares[o] ?? 1);
    const known = category.options.every((o) => optionShares[o] !== undefined);
    const weights = known ? raw : category.options.map(() => 1);
    const sum = weights.reduce((s, w) => s + w, 0);
    combos = combos.flatMap((c) =>
      category.options.map((option, i) => ({
        key: c.key === '' ? option : `${c.key}.${option}`,
        share: (c.share * weights[i]!) / sum,
        trendShift: c.trendShift + (optionTrends[option] ?? 0),
        isCannabis: c.isCannabis || option === 'cannabis',
      })),
    );
  }
  return combos;
}

/**
 * The periods of demo data for a period type: from January of the first year to the last month
 * (`YYYY-MM`), keeping only periods that end within it (a quarter or year still running has no data yet).
 */
export function demoPeriods(type: PeriodType, fromYear: number, lastMonth: string): string[] {
  const last = periodEnd(toPeriod(lastMonth));
  const first = type === 'month' ? `${fromYear}-01` : type === 'quarter' ? `${fromYear}Q1` : `${fromYear}`;
  const final = periodOfDate(last, type);
  const lastWhole = periodEnd(final) <= last ? final : previousPeriod(final);
  return periodsBetween(toPeriod(first), lastWhole)
    .filter((p) => periodEnd(p) <= last)
    .map(formatPeriod);
}

/** The population that scales a territory's level: its figure, or the modest default when it has none. */
export const scalingPopulation = (population: number | null): number =>
  population !== null && population > 0 ? population : defaultDemoPopulation;

/** What a series of one element in one territory and one disaggregation is generated from. */
export type DemoSeriesSpec = {
  elementCode: string;
  valueType: 'integer' | 'number' | 'percentage';
  territoryCode: string;
  /** The territory's population, or null when unknown (then {@link defaultDemoPopulation} scales it). */
  population: number | null;
  combo: DemoCombo;
  periods: readonly string[];
};

/** The seed of one series: the same element, territory and disaggregation always give the same values. */
export const demoSeriesSeed = (elementCode: string, territoryCode: string, disaggregation: string): number =>
  hashSeed(`${elementCode}|${territoryCode}|${disaggregation}`);

/**
 * Every period of one series as {@link generateDemoSeries} makes it, with what was planted (missing reports,
 * outliers and their expected values): the element's synthetic rate scaled by population and the
 * combination's share, a per-territory level and trend jitter (seeded by element and territory, so the
 * combinations of one territory move together), then trend, seasonality, noise, planted outliers and missing
 * reports. The outlier bench measures the checks against the planted flags.
 */
export function demoSeriesPoints(spec: DemoSeriesSpec): DemoPoint[] {
  const profile = demoProfiles[spec.elementCode] ?? fallbackProfile;
  const local = createRng(hashSeed(`${spec.elementCode}|${spec.territoryCode}`));
  const levelJitter = 0.6 + local.next();
  const trendJitter = (local.next() - 0.5) * 0.04;
  const baseLevel =
    ((profile.ratePer100k * scalingPopulation(spec.population)) / 100_000) * spec.combo.share * levelJitter;
  const isInteger = spec.valueType === 'integer';
  const seasonality =
    profile.seasonality === 'cannabis-harvest' && spec.combo.key !== '' && !spec.combo.isCannabis
      ? 'flat' // only cannabis follows the harvest; other substances are seized all year round
      : profile.seasonality;
  const noise: DemoNoise = isInteger ? 'poisson' : { relativeSd: profile.isStock ? 0.03 : 0.25 };
  return generateDemoSeries({
    seed: demoSeriesSeed(spec.elementCode, spec.territoryCode, spec.combo.key),
    periods: spec.periods,
    baseLevel,
    trendPerYear: Math.max(-0.5, profile.trendPerYear + spec.combo.trendShift + trendJitter),
    seasonality: seasonality === 'flat' ? null : defaultSeasonality(seasonality),
    noise,
    outlierRate: profile.isStock ? 0.003 : 0.01,
    outlierFactor: { min: 3, max: 6 },
    missingRate: profile.isStock ? 0.005 : 0.02,
    valueType: isInteger ? 'integer' : 'number',
    decimals: 2,
  });
}

/** The reported values of one series (missing reports left out): {@link demoSeriesPoints} as stored. */
export function demoSeriesValues(spec: DemoSeriesSpec): Array<{ period: string; value: number }> {
  return demoSeriesPoints(spec).flatMap((p) =>
    p.value === null ? [] : [{ period: p.period, value: p.value }],
  );
}

/** The number of periods of demo data per element for the years asked: an upper bound of its values. */
export function estimateDemoValues(
  elements: ReadonlyArray<{ periodType: PeriodType; comboCount: number }>,
  territoryCount: number,
  range: { fromYear: number; lastMonth: string },
): number {
  return elements.reduce(
    (sum, e) =>
      sum + e.comboCount * territoryCount * demoPeriods(e.periodType, range.fromYear, range.lastMonth).length,
    0,
  );
}

/** How many months before the last demo month reports stop being approved (the recent ones await review). */
export const demoMonthsAwaitingReview = 4;

/** Share of demo submissions made after their deadline. */
export const demoLateShare = 0.15;

/** What happened to one demo report: its state and when it was submitted and decided (ISO timestamps). */
export type DemoApproval = {
  status: 'approved' | 'submitted';
  submittedAt: string;
  decidedAt: string | null;
};

const dayMs = 24 * 60 * 60 * 1000;
const addDays = (date: IsoDate, days: number): number => Date.parse(`${date}T00:00:00Z`) + days * dayMs;

/**
 * The approval story of a demo report (agency × territory × period), or `null` when it is still a draft.
 * Stable: every choice is a hash of agency, territory and period.
 *
 * - "Now" is the first day after the last demo month (`lastMonth`), not the clock, so a seeding with the
 *   same `lastMonth` gives the same rows; nothing is submitted or decided after it.
 * - Submission: {@link demoLateShare} of reports come 1–25 days after their deadline (`daysAfterEnd` after
 *   the period ends); the rest on a day from the period's last day to the deadline; in office hours
 *   (09:00–18:00 in Bishkek, UTC+6).
 * - Periods ending at least {@link demoMonthsAwaitingReview} months before `lastMonth` ends are approved
 *   1–10 days after submission. Later ones are submitted (about half) or draft; one not yet submitted by
 *   "now" is a draft, one approved after "now" stays submitted.
 */
export function demoApproval(input: {
  agencyCode: string;
  territoryCode: string;
  period: string;
  lastMonth: string;
  daysAfterEnd: number;
}): DemoApproval | null {
  const period = toPeriod(input.period);
  const rng = createRng(hashSeed(`approval|${input.agencyCode}|${input.territoryCode}|${input.period}`));
  const now = addDays(periodEnd(toPeriod(input.lastMonth)), 1);
  const approvedUntil = periodEnd(shiftPeriod(toPeriod(input.lastMonth), -demoMonthsAwaitingReview));
  const isReviewed = periodEnd(period) <= approvedUntil;
  const staysDraft = rng.next() < 0.5;
  if (!isReviewed && staysDraft) return null;

  const officeTime = (3 + rng.next() * 9) * 60 * 60 * 1000;
  const deadline = deadlineOf(period, { daysAfterPeriodEnd: input.daysAfterEnd });
  const isLate = rng.next() < demoLateShare;
  const day = isLate
    ? addDays(deadline, 1 + Math.floor(rng.next() * 25))
    : addDays(periodEnd(period), Math.floor(rng.next() * (input.daysAfterEnd + 1)));
  const submitted = day + officeTime;
  if (submitted >= now) return null;
  const decided = submitted + (1 + Math.floor(rng.next() * 10)) * dayMs;
  if (!isReviewed || decided >= now)
    return { status: 'submitted', submittedAt: new Date(submitted).toISOString(), decidedAt: null };
  return {
    status: 'approved',
    submittedAt: new Date(submitted).toISOString(),
    decidedAt: new Date(decided).toISOString(),
  };
}

/**
 * Population as formulas and denominators see it: the one home of the population codes a formula may use
 * (`#{population.total}`), of the kinds and doubts a figure carries, and of the ways a denominator is found.
 * The policy itself (which figure or estimate a year gets) is in territories/population-policy.rules.ts.
 */

/** The figures of a population row. */
export const populationFields = ['total', 'male', 'female', 'age0to17', 'age14to35'] as const;
export type PopulationField = (typeof populationFields)[number];

/** Formula codes of population figures, mapped to the figure they read. */
export const populationCodeFields = {
  'population.total': 'total',
  'population.male': 'male',
  'population.female': 'female',
  'population.age_0_17': 'age0to17',
  'population.age_14_35': 'age14to35',
} as const satisfies Record<string, PopulationField>;
export type PopulationCode = keyof typeof populationCodeFields;

/** Every population code a formula may refer to, besides data elements and indicators. */
export const populationCodes = Object.keys(populationCodeFields) as PopulationCode[];

/** The population figure a formula code reads, or undefined for any other code. */
export const populationFieldOf = (code: string): PopulationField | undefined =>
  Object.hasOwn(populationCodeFields, code) ? populationCodeFields[code as PopulationCode] : undefined;

/** A resident population on 1 January of its year, or a count on a census day. */
export const populationKinds = ['jan1', 'census'] as const;
export type PopulationKind = (typeof populationKinds)[number];

/**
 * A doubt about a figure: `conflict` (another source gives another figure for the same unit and date),
 * `doubtful` (probably not the resident population), `unverified` (its origin could not be traced).
 * A flagged figure is used when nothing better exists, and every rate on it says so.
 */
export const populationFlags = ['conflict', 'doubtful', 'unverified'] as const;
export type PopulationFlag = (typeof populationFlags)[number];

/**
 * How a year's denominator was found. `official` (the 1 January figure), `census` (the census-day count, for
 * its year) and `sum_of_children` (every part has an official figure) are official; the others are estimates:
 * `stored_estimate` (a figure entered as an estimate), `interpolated` (between two official figures),
 * `carried_forward` / `carried_back` (the nearest figure moved with the parent territory's growth), `trend`
 * (the territory's own latest growth, where no parent can lend one), `sum_of_estimates` (parts, some estimated).
 */
export const denominatorMethods = [
  'official',
  'census',
  'sum_of_children',
  'stored_estimate',
  'interpolated',
  'carried_forward',
  'carried_back',
  'trend',
  'sum_of_estimates',
] as const;
export type DenominatorMethod = (typeof denominatorMethods)[number];

/** What a rate's denominator rests on (without the figure itself). */
export type DenominatorInfo = {
  method: DenominatorMethod;
  isEstimate: boolean;
  flag: PopulationFlag | null;
};

/** A year's denominator: the figure and what it rests on. */
export type Denominator = DenominatorInfo & { value: number };

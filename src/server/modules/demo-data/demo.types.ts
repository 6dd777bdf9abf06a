import { Type, type Static } from 'typebox';
import type { DataElement } from '#shared/contracts/catalogue.contract';
import type { JobSpec } from '#server/jobs/job-definition';
import type { DemoCombo } from './demo.rules';

/** What part of the demo data to generate; everything when empty. Reduced scopes keep tests fast. */
export const demoScopeSchema = Type.Object(
  {
    /** Only the first N reporting territories (by code). */
    territoryLimit: Type.Optional(Type.Integer({ minimum: 1 })),
    /** First year (default 2015); not after the last month's year. */
    yearsFrom: Type.Optional(Type.Integer({ minimum: 2015, maximum: 9999 })),
    /** Last month, `YYYY-MM` (default: the last complete month before today); not after that default. */
    lastMonth: Type.Optional(Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' })),
  },
  { additionalProperties: false },
);
export type DemoScope = Static<typeof demoScopeSchema>;

/** Fills the database with demonstration data in the background (queued on the first start). */
export const demoSeedJob = {
  name: 'data.seed-demo',
  version: 1,
  payloadSchema: demoScopeSchema,
  maxAttempts: 2,
} satisfies JobSpec;

/** What a demo seeding did. */
export type DemoSeedSummary = {
  elements: number;
  territories: number;
  /** Territories scaled with the default level because they have no population figure. */
  territoriesWithoutPopulation: number;
  /** Values the full scope would have without missing reports (an upper bound). */
  estimatedValues: number;
  valuesAdded: number;
  approvalsAdded: number;
  ms: number;
};

/** Progress of a seeding, after each data element. */
export type DemoSeedProgress = { done: number; total: number; element: string };

/** A shipped data element as the demo seeds it: its catalogue facts and every disaggregation with its share. */
export type DemoPlanElement = Pick<DataElement, 'id' | 'code' | 'agencyId' | 'valueType' | 'periodType'> & {
  combos: DemoCombo[];
};

/** A reporting territory as the demo seeds it: the population that scales its levels (null: the default). */
export type DemoPlanTerritory = { id: string; code: string; population: number | null };

/**
 * Everything the demo seeding generates from, before any value is made: each series is one element × one
 * territory × one of the element's combinations over the years (see demo.rules.ts). Benches and tests
 * regenerate the same series, planted outliers included, with `demoSeriesPoints`.
 */
export type DemoPlan = {
  /** January of `fromYear` to `lastMonth` (`YYYY-MM`), inclusive. */
  range: { fromYear: number; lastMonth: string };
  elements: DemoPlanElement[];
  territories: DemoPlanTerritory[];
};

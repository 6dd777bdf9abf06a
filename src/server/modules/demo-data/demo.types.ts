import { Type, type Static } from 'typebox';
import type { JobSpec } from '#server/jobs/job-definition';

/** What part of the demo data to generate; everything when empty. Reduced scopes keep tests fast. */
export const demoScopeSchema = Type.Object(
  {
    /** Only the first N reporting territories (by code). */
    territoryLimit: Type.Optional(Type.Integer({ minimum: 1 })),
    /** First year (default 2015). */
    yearsFrom: Type.Optional(Type.Integer({ minimum: 2015, maximum: 2025 })),
    /** Last year (default 2025). */
    yearsTo: Type.Optional(Type.Integer({ minimum: 2015, maximum: 2025 })),
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

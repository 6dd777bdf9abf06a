import { Type, type Static } from 'typebox';
import {
  isoDateTimeSchema,
  localisedMessageSchema,
  localisedNameSchema,
  uuidSchema,
} from './common.contract';
import { territoryLevels } from '../domain/territory-level';
import { populationFlags, populationKinds } from '../domain/population';

export const territoryLevelSchema = Type.Enum([...territoryLevels]);

export const territorySchema = Type.Object(
  {
    id: uuidSchema,
    /** National SOATE (СОАТЕ) code, 14 digits. */
    code: Type.String(),
    /** ISO 3166-2 subdivision code (ISO 3166-1 alpha-2 for the country), where one exists. */
    isoCode: Type.Union([Type.String(), Type.Null()]),
    level: territoryLevelSchema,
    parentId: Type.Union([uuidSchema, Type.Null()]),
    name: localisedNameSchema,
    /** Other spellings people use: transliterations, former names. */
    variants: Type.Array(Type.String()),
    adminCenter: Type.Union([Type.String(), Type.Null()]),
    notes: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type Territory = Static<typeof territorySchema>;

export const territoryListSchema = Type.Object(
  { items: Type.Array(territorySchema) },
  { additionalProperties: false },
);
export type TerritoryList = Static<typeof territoryListSchema>;

export const populationKindSchema = Type.Enum([...populationKinds]);
export const populationFlagSchema = Type.Enum([...populationFlags]);
const referenceDateSchema = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });

export const populationSchema = Type.Object(
  {
    year: Type.Integer(),
    total: Type.Union([Type.Integer(), Type.Null()]),
    male: Type.Union([Type.Integer(), Type.Null()]),
    female: Type.Union([Type.Integer(), Type.Null()]),
    age0to17: Type.Union([Type.Integer(), Type.Null()]),
    age14to35: Type.Union([Type.Integer(), Type.Null()]),
    /** Where the figure comes from; required for every figure. */
    source: Type.String(),
    isEstimate: Type.Boolean(),
    kind: populationKindSchema,
    /** The day the figure refers to (`YYYY-MM-DD`), when known. */
    referenceDate: Type.Union([Type.String(), Type.Null()]),
    flag: Type.Union([populationFlagSchema, Type.Null()]),
    updatedAt: isoDateTimeSchema,
  },
  { additionalProperties: false },
);
export type Population = Static<typeof populationSchema>;

export const territoryDetailSchema = Type.Object(
  {
    territory: territorySchema,
    ancestors: Type.Array(territorySchema),
    children: Type.Array(territorySchema),
    population: Type.Array(populationSchema),
  },
  { additionalProperties: false },
);
export type TerritoryDetail = Static<typeof territoryDetailSchema>;

export const createTerritoryRequestSchema = Type.Object(
  {
    code: Type.String({ pattern: '^[0-9]{8,14}$' }),
    isoCode: Type.Optional(
      Type.Union([Type.String({ pattern: '^[A-Z]{2}(-[A-Z0-9]{1,3})?$' }), Type.Null()]),
    ),
    level: territoryLevelSchema,
    parentId: uuidSchema,
    name: localisedNameSchema,
    variants: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 50 })),
    adminCenter: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    notes: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type CreateTerritoryRequest = Static<typeof createTerritoryRequestSchema>;

export const updateTerritoryRequestSchema = Type.Object(
  {
    isoCode: Type.Optional(
      Type.Union([Type.String({ pattern: '^[A-Z]{2}(-[A-Z0-9]{1,3})?$' }), Type.Null()]),
    ),
    name: Type.Optional(localisedNameSchema),
    variants: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 50 })),
    adminCenter: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    notes: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type UpdateTerritoryRequest = Static<typeof updateTerritoryRequestSchema>;

const countSchema = Type.Union([Type.Integer({ minimum: 0, maximum: 100_000_000 }), Type.Null()]);

export const upsertPopulationRequestSchema = Type.Object(
  {
    total: countSchema,
    male: Type.Optional(countSchema),
    female: Type.Optional(countSchema),
    age0to17: Type.Optional(countSchema),
    age14to35: Type.Optional(countSchema),
    source: Type.String({ minLength: 3, maxLength: 2000 }),
    isEstimate: Type.Optional(Type.Boolean()),
    /** Default `jan1`. */
    kind: Type.Optional(populationKindSchema),
    /** Default 1 January of the year for a `jan1` figure; must fall in the year. */
    referenceDate: Type.Optional(Type.Union([referenceDateSchema, Type.Null()])),
    flag: Type.Optional(Type.Union([populationFlagSchema, Type.Null()])),
  },
  { additionalProperties: false },
);
export type UpsertPopulationRequest = Static<typeof upsertPopulationRequestSchema>;

export const populationYearParamsSchema = Type.Object(
  { id: uuidSchema, year: Type.Integer({ minimum: 1900, maximum: 2100 }) },
  { additionalProperties: false },
);

/** Columns of a population file (CSV or XLSX), in template order. */
export const populationFileColumns = [
  'code',
  'year',
  'total',
  'male',
  'female',
  'age_0_17',
  'age_14_35',
  'source',
  'is_estimate',
  'kind',
  'reference_date',
  'flag',
] as const;

/**
 * Other names of columns, as the shipped reference file (reference-data/kg/kg-population.csv) writes them, and
 * columns that are read past (a name beside the code, for people reading the file).
 */
export const populationFileAliases: Readonly<Record<string, (typeof populationFileColumns)[number]>> = {
  population_total: 'total',
  population_male: 'male',
  population_female: 'female',
};
export const populationFileIgnoredColumns = ['name_en', 'name'] as const;

/** One problem found in an uploaded file: the row (1-based, as a spreadsheet shows it) and the column. */
export const importProblemSchema = Type.Object(
  {
    row: Type.Integer(),
    column: Type.Union([Type.String(), Type.Null()]),
    /** The problem in English; `localised` is the same sentence to render in the reader's language. */
    message: Type.String(),
    localised: localisedMessageSchema,
  },
  { additionalProperties: false },
);
export type ImportProblem = Static<typeof importProblemSchema>;

/** Accepted population import: the rows are valid and a job applies them. */
export const populationImportAcceptedSchema = Type.Object(
  { jobId: uuidSchema, rowCount: Type.Integer() },
  { additionalProperties: false },
);
export type PopulationImportAccepted = Static<typeof populationImportAcceptedSchema>;

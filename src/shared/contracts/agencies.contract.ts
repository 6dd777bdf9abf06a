import { Type, type Static } from 'typebox';
import { localisedNameSchema, uuidSchema } from './common.contract';

export const agencySchema = Type.Object(
  {
    id: uuidSchema,
    code: Type.String(),
    name: localisedNameSchema,
    shortName: localisedNameSchema,
    isActive: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type Agency = Static<typeof agencySchema>;

export const agencyListSchema = Type.Object(
  { items: Type.Array(agencySchema) },
  { additionalProperties: false },
);
export type AgencyList = Static<typeof agencyListSchema>;

export const createAgencyRequestSchema = Type.Object(
  {
    code: Type.String({ minLength: 2, maxLength: 32, pattern: '^[A-Z0-9_]+$' }),
    name: localisedNameSchema,
    shortName: localisedNameSchema,
  },
  { additionalProperties: false },
);
export type CreateAgencyRequest = Static<typeof createAgencyRequestSchema>;

export const updateAgencyRequestSchema = Type.Object(
  {
    name: Type.Optional(localisedNameSchema),
    shortName: Type.Optional(localisedNameSchema),
    isActive: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateAgencyRequest = Static<typeof updateAgencyRequestSchema>;

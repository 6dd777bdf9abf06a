import { Type, type Static } from 'typebox';

/** How many values are stored and how many of them are synthetic demonstration data. */
export const dataValueStatusSchema = Type.Object(
  {
    /** Values with `is_synthetic` (demo data); the interface warns while there are any. */
    syntheticValues: Type.Integer({ minimum: 0 }),
    totalValues: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type DataValueStatus = Static<typeof dataValueStatusSchema>;

/**
 * The catalogue of units a data element or an indicator is measured in. A unit is stored and sent as its
 * code; its name in each language is the message `unit.<code>` (src/shared/messages/unit.messages.ts), so
 * the entry form, the catalogue, the explorer and every export write it in the reader's language.
 * Codes are stable: add new ones at the end, never rename one.
 */
export const unitCodes = [
  'cases',
  'persons',
  'events',
  'plants',
  'laboratories',
  'items',
  'kg',
  'g',
  'tonnes',
  'litres',
  'ha',
  'per_100k',
  'per_1000',
  'percent',
] as const;

/** A unit code from {@link unitCodes}. */
export type UnitCode = (typeof unitCodes)[number];

/** Whether a stored unit is a code of the catalogue (older databases may hold free text an administrator typed). */
export function isUnitCode(value: string): value is UnitCode {
  return (unitCodes as readonly string[]).includes(value);
}

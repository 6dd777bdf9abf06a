import { Type, type Static } from 'typebox';
import { errorCatalogue } from '../errors';
import { locales } from '../domain/locale';
import { roles } from '../domain/access';

/**
 * A sentence for a person as a code of the message catalogue (src/shared/messages) and its parameters; the
 * reader's side renders it in their language. Sent beside the English text wherever the server explains
 * something: errors, problems, checks, audit entries, job failures.
 */
export const localisedMessageSchema = Type.Object(
  {
    key: Type.String({ maxLength: 200 }),
    params: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { $id: 'LocalisedMessage', additionalProperties: false },
);
export type LocalisedMessage = Static<typeof localisedMessageSchema>;

/**
 * The body of every error response: the stable code, the English text (for logs and API clients), the same
 * sentence as a catalogue message to render in the reader's language, and details (fields, problems).
 */
export const errorResponseSchema = Type.Object(
  {
    code: Type.Enum(Object.keys(errorCatalogue)),
    message: Type.String(),
    localised: Type.Optional(localisedMessageSchema),
    details: Type.Optional(Type.Unknown()),
  },
  { $id: 'ErrorResponse', additionalProperties: false },
);
export type ErrorResponse = Static<typeof errorResponseSchema>;

export const uuidSchema = Type.String({ format: 'uuid' });
export const idParamsSchema = Type.Object({ id: uuidSchema }, { additionalProperties: false });
export type IdParams = Static<typeof idParamsSchema>;

export const localeSchema = Type.Enum([...locales]);
export const roleSchema = Type.Enum([...roles]);

/** Localised names: Kyrgyz, Russian, English. */
export const localisedNameSchema = Type.Object(
  {
    ky: Type.String({ minLength: 1, maxLength: 300 }),
    ru: Type.String({ minLength: 1, maxLength: 300 }),
    en: Type.String({ minLength: 1, maxLength: 300 }),
  },
  { additionalProperties: false },
);
export type LocalisedName = Static<typeof localisedNameSchema>;

export const isoDateTimeSchema = Type.String({ format: 'date-time' });

/** Query string for paged lists. */
export const pageQuerySchema = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
);

export const okResponseSchema = Type.Object({ ok: Type.Literal(true) }, { additionalProperties: false });

import { Type, type Static } from 'typebox';
import { isoDateTimeSchema, localisedMessageSchema, offsetSchema, uuidSchema } from './common.contract';

export const auditEntrySchema = Type.Object(
  {
    id: Type.String(),
    at: isoDateTimeSchema,
    actorId: Type.Union([uuidSchema, Type.Null()]),
    actorUsername: Type.Union([Type.String(), Type.Null()]),
    action: Type.String(),
    entityType: Type.String(),
    entityId: Type.Union([Type.String(), Type.Null()]),
    before: Type.Unknown(),
    after: Type.Unknown(),
    requestId: Type.Union([Type.String(), Type.Null()]),
    ip: Type.Union([Type.String(), Type.Null()]),
    /** The actor's short name ("Айгүл Т."), else the username kept with the entry; null for the system. */
    actorName: Type.Union([Type.String(), Type.Null()]),
    /** What happened, as a sentence with names (a catalogue message). */
    sentence: localisedMessageSchema,
    /** Each changed field: its name and readable values before and after (catalogue messages). */
    changes: Type.Array(
      Type.Object(
        {
          field: Type.String(),
          label: Type.Union([localisedMessageSchema, Type.Null()]),
          before: localisedMessageSchema,
          after: localisedMessageSchema,
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type AuditEntry = Static<typeof auditEntrySchema>;

export const auditListSchema = Type.Object(
  { items: Type.Array(auditEntrySchema), total: Type.Integer() },
  { additionalProperties: false },
);
export type AuditList = Static<typeof auditListSchema>;

export const auditQuerySchema = Type.Object(
  {
    actorId: Type.Optional(uuidSchema),
    entityType: Type.Optional(Type.String({ maxLength: 100 })),
    entityId: Type.Optional(Type.String({ maxLength: 100 })),
    action: Type.Optional(Type.String({ maxLength: 100 })),
    from: Type.Optional(isoDateTimeSchema),
    to: Type.Optional(isoDateTimeSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    offset: Type.Optional(offsetSchema),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof auditQuerySchema>;

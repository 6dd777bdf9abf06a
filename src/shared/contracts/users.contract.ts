import { Type, type Static } from 'typebox';
import { isoDateTimeSchema, localeSchema, offsetSchema, roleSchema, uuidSchema } from './common.contract';

export const userSchema = Type.Object(
  {
    id: uuidSchema,
    username: Type.String(),
    displayName: Type.String(),
    email: Type.Union([Type.String(), Type.Null()]),
    role: roleSchema,
    agencyId: Type.Union([uuidSchema, Type.Null()]),
    territoryId: Type.Union([uuidSchema, Type.Null()]),
    locale: localeSchema,
    isDisabled: Type.Boolean(),
    isLocked: Type.Boolean(),
    mustChangePassword: Type.Boolean(),
    lastLoginAt: Type.Union([isoDateTimeSchema, Type.Null()]),
    createdAt: isoDateTimeSchema,
  },
  { additionalProperties: false },
);
export type User = Static<typeof userSchema>;

export const userListSchema = Type.Object(
  { items: Type.Array(userSchema), total: Type.Integer() },
  { additionalProperties: false },
);
export type UserList = Static<typeof userListSchema>;

export const userListQuerySchema = Type.Object(
  {
    search: Type.Optional(Type.String({ maxLength: 100 })),
    role: Type.Optional(roleSchema),
    includeDisabled: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    offset: Type.Optional(offsetSchema),
  },
  { additionalProperties: false },
);
export type UserListQuery = Static<typeof userListQuerySchema>;

export const usernameSchema = Type.String({ minLength: 3, maxLength: 64, pattern: '^[a-zA-Z0-9._-]+$' });

export const createUserRequestSchema = Type.Object(
  {
    username: usernameSchema,
    displayName: Type.String({ minLength: 1, maxLength: 200 }),
    email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 320 }), Type.Null()])),
    role: roleSchema,
    agencyId: Type.Optional(Type.Union([uuidSchema, Type.Null()])),
    territoryId: Type.Optional(Type.Union([uuidSchema, Type.Null()])),
    locale: Type.Optional(localeSchema),
    /** When absent, the server generates one and returns it once. */
    password: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type CreateUserRequest = Static<typeof createUserRequestSchema>;

export const updateUserRequestSchema = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 320 }), Type.Null()])),
    role: Type.Optional(roleSchema),
    agencyId: Type.Optional(Type.Union([uuidSchema, Type.Null()])),
    territoryId: Type.Optional(Type.Union([uuidSchema, Type.Null()])),
    isDisabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateUserRequest = Static<typeof updateUserRequestSchema>;

/** A user together with a password generated for them, shown once. */
export const userWithPasswordSchema = Type.Object(
  { user: userSchema, generatedPassword: Type.Union([Type.String(), Type.Null()]) },
  { additionalProperties: false },
);
export type UserWithPassword = Static<typeof userWithPasswordSchema>;

export const resetPasswordRequestSchema = Type.Object(
  { password: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) },
  { additionalProperties: false },
);
export type ResetPasswordRequest = Static<typeof resetPasswordRequestSchema>;

import { Type, type Static } from 'typebox';
import { localeSchema, roleSchema, uuidSchema } from './common.contract';
import { permissionRoles } from '../domain/access';

export const loginRequestSchema = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
    /** The language the person chose on the sign-in page: it becomes their stored interface language. */
    locale: Type.Optional(localeSchema),
  },
  { additionalProperties: false },
);
export type LoginRequest = Static<typeof loginRequestSchema>;

/** The signed-in user as the client sees it. */
export const currentUserSchema = Type.Object(
  {
    id: uuidSchema,
    username: Type.String(),
    displayName: Type.String(),
    role: roleSchema,
    agencyId: Type.Union([uuidSchema, Type.Null()]),
    territoryId: Type.Union([uuidSchema, Type.Null()]),
    locale: localeSchema,
    mustChangePassword: Type.Boolean(),
    permissions: Type.Array(Type.Enum(Object.keys(permissionRoles))),
  },
  { additionalProperties: false },
);
export type CurrentUser = Static<typeof currentUserSchema>;

/** Returned by sign-in and by GET /auth/session: the user and the CSRF token to send on writes. */
export const sessionResponseSchema = Type.Object(
  {
    user: currentUserSchema,
    csrfToken: Type.String(),
    expiresAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type SessionResponse = Static<typeof sessionResponseSchema>;

export const updatePreferencesRequestSchema = Type.Object(
  { locale: localeSchema },
  { additionalProperties: false },
);
export type UpdatePreferencesRequest = Static<typeof updatePreferencesRequestSchema>;

export const changePasswordRequestSchema = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
    newPassword: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type ChangePasswordRequest = Static<typeof changePasswordRequestSchema>;

/** Header that carries the CSRF token on every state-changing request. */
export const csrfHeaderName = 'x-csrf-token';

import type { CurrentUser } from '#shared/contracts/auth.contract';
import type { User } from '#shared/contracts/users.contract';
import { permissionsOfRole, type Role } from '#shared/domain/access';
import { toLocale, defaultLocale } from '#shared/domain/locale';
import type { AppUserRow } from '#server/db/schema';
import type { SessionUser } from '#server/lib/actor';
import { isAccountLocked } from './auth.rules';

/** The API view of a user. Never includes the password hash. */
export function presentUser(row: AppUserRow, now = new Date()): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    email: row.email,
    role: row.role as Role,
    agencyId: row.agencyId,
    territoryId: row.territoryId,
    locale: toLocale(row.locale) ?? defaultLocale,
    isDisabled: row.isDisabled,
    isLocked: isAccountLocked(row, now),
    mustChangePassword: row.mustChangePassword,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** What the audit log keeps of a user: everything but secrets and login counters. */
export function auditableUser(row: AppUserRow): Record<string, unknown> {
  return {
    username: row.username,
    displayName: row.displayName,
    email: row.email,
    role: row.role,
    agencyId: row.agencyId,
    territoryId: row.territoryId,
    locale: row.locale,
    isDisabled: row.isDisabled,
    mustChangePassword: row.mustChangePassword,
  };
}

export function toSessionUser(row: AppUserRow): SessionUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role as Role,
    agencyId: row.agencyId,
    territoryId: row.territoryId,
    locale: toLocale(row.locale) ?? defaultLocale,
    mustChangePassword: row.mustChangePassword,
  };
}

export function presentCurrentUser(user: SessionUser): CurrentUser {
  return { ...user, permissions: permissionsOfRole(user.role) };
}

import type {
  CreateUserRequest,
  UpdateUserRequest,
  User,
  UserList,
  UserListQuery,
  UserWithPassword,
} from '#shared/contracts/users.contract';
import { optionalScopeOfRole, requiredScopeOfRole, type Role } from '#shared/domain/access';
import { defaultLocale } from '#shared/domain/locale';
import { msg } from '#shared/messages/catalogue';
import { AppError, found } from '#server/lib/app-error';
import { isUniqueViolation } from '#server/lib/pg-errors';
import type { ChangeFeed } from '#server/db/change-feed';
import type { Transactor } from '#server/db/transaction';
import { announcingChanges } from '#server/lib/change-cache';
import type { AuditService } from '../audit/audit.service';
import { passwordProblems, weakPasswordError } from './auth.rules';
import type { Actor } from '#server/lib/actor';
import { generatePassword, hashPassword } from './password';
import { createSessionRepository } from './session.repository';
import { auditableUser, presentUser } from './user.presenter';
import { createUserRepository } from './user.repository';

/** Checks that a scope reference exists; provided by the module that owns the referenced data. */
export type ScopeCheck = {
  agencyExists(id: string): Promise<boolean>;
  territoryExists(id: string): Promise<boolean>;
};

export type UserService = ReturnType<typeof createUserService>;

/** The synthetic accounts that demo reports name as submitter and approver (see `ensureDemoAccounts`). */
export const demoAccounts = [
  { username: 'demo-submitter', displayName: 'Demo submitter (synthetic data)' },
  { username: 'demo-approver', displayName: 'Demo approver (synthetic data)' },
] as const;

/** User administration: the administrator's use cases, shared by the HTTP API and the CLI. */
export function createUserService(deps: {
  tx: Transactor;
  audit: AuditService;
  scopes: ScopeCheck;
  /** Told of every change, so sessions kept in memory (auth.service) never outlive a revoked account. */
  changes: ChangeFeed;
}) {
  const tx = announcingChanges(deps.tx, deps.changes, 'auth');
  const checkPassword = (password: string, username: string) => {
    const problems = passwordProblems(password, username);
    if (problems.length > 0) throw weakPasswordError('password', problems);
  };

  /**
   * Normalises and validates role and scope: a scoped role needs its scope and may carry the optional one
   * that narrows it (see `optionalScopeOfRole`); other roles carry none.
   */
  const resolveScope = async (role: Role, agencyId: string | null, territoryId: string | null) => {
    const needs = requiredScopeOfRole(role);
    const may = optionalScopeOfRole(role);
    const scope = {
      agencyId: needs === 'agency' || may === 'agency' ? agencyId : null,
      territoryId: needs === 'territory' || may === 'territory' ? territoryId : null,
    };
    if (may === 'agency' && scope.agencyId && !(await deps.scopes.agencyExists(scope.agencyId)))
      throw new AppError('VALIDATION_FAILED', msg('reference.agency_missing'), { field: 'agencyId' });
    if (may === 'territory' && scope.territoryId && !(await deps.scopes.territoryExists(scope.territoryId)))
      throw new AppError('VALIDATION_FAILED', msg('reference.territory_missing'), { field: 'territoryId' });
    if (needs === 'agency') {
      if (!scope.agencyId)
        throw new AppError('SCOPE_REQUIRED', msg('user.agency_required'), {
          field: 'agencyId',
        });
      if (!(await deps.scopes.agencyExists(scope.agencyId)))
        throw new AppError('VALIDATION_FAILED', msg('reference.agency_missing'), { field: 'agencyId' });
    }
    if (needs === 'territory') {
      if (!scope.territoryId)
        throw new AppError('SCOPE_REQUIRED', msg('user.territory_required'), {
          field: 'territoryId',
        });
      if (!(await deps.scopes.territoryExists(scope.territoryId)))
        throw new AppError('VALIDATION_FAILED', msg('reference.territory_missing'), { field: 'territoryId' });
    }
    return scope;
  };

  return {
    async list(query: UserListQuery): Promise<UserList> {
      const { rows, total } = await createUserRepository(deps.tx.executor).find({
        search: query.search?.trim() || undefined,
        role: query.role,
        includeDisabled: query.includeDisabled ?? false,
        limit: query.limit ?? 100,
        offset: query.offset ?? 0,
      });
      return { items: rows.map((r) => presentUser(r)), total };
    },

    /** The display names of users by id (one query); ids of deleted users are left out. */
    async displayNamesOf(ids: readonly string[]): Promise<Map<string, string>> {
      const rows = await createUserRepository(deps.tx.executor).displayNames(ids);
      return new Map(rows.map((row) => [row.id, row.displayName]));
    },

    async get(id: string): Promise<User> {
      return presentUser(found(await createUserRepository(deps.tx.executor).findById(id), 'User'));
    },

    /** Creates a user; when no password is given one is generated and returned once. */
    async create(actor: Actor, input: CreateUserRequest): Promise<UserWithPassword> {
      const users = createUserRepository(deps.tx.executor);
      if (await users.findByUsername(input.username))
        throw new AppError('USERNAME_TAKEN', undefined, { field: 'username' });
      const scope = await resolveScope(input.role, input.agencyId ?? null, input.territoryId ?? null);
      const generatedPassword = input.password ? null : generatePassword();
      const password = input.password ?? generatedPassword ?? '';
      checkPassword(password, input.username);
      const passwordHash = await hashPassword(password);
      const row = await tx.run(async (ex) => {
        const created = await createUserRepository(ex)
          .insert({
            username: input.username.trim(),
            displayName: input.displayName,
            email: input.email ?? null,
            role: input.role,
            ...scope,
            locale: input.locale ?? defaultLocale,
            passwordHash,
            // A password someone else chose or generated must be replaced at first sign-in.
            mustChangePassword: true,
          })
          .catch((error: unknown) => {
            // Another request took the username between the check and the insert.
            throw isUniqueViolation(error)
              ? new AppError('USERNAME_TAKEN', undefined, { field: 'username' })
              : error;
          });
        await deps.audit.record(ex, actor, {
          action: 'user.created',
          entityType: 'user',
          entityId: created.id,
          after: auditableUser(created),
        });
        return created;
      });
      return { user: presentUser(row), generatedPassword };
    },

    /** Changes profile, role, scope or the disabled flag. Disabling ends the user's sessions. */
    async update(actor: Actor, id: string, input: UpdateUserRequest): Promise<User> {
      const current = found(await createUserRepository(deps.tx.executor).findById(id), 'User');
      const role = (input.role ?? current.role) as Role;
      if (
        actor.userId === id &&
        (input.isDisabled === true ||
          (input.role && input.role !== 'administrator' && current.role === 'administrator'))
      ) {
        throw new AppError('CANNOT_CHANGE_SELF');
      }
      // A new role starts from the scopes given with it: an old scope is kept only while the role stays.
      const keep = role === current.role;
      const scope = await resolveScope(
        role,
        input.agencyId !== undefined ? input.agencyId : keep ? current.agencyId : null,
        input.territoryId !== undefined ? input.territoryId : keep ? current.territoryId : null,
      );
      const row = await tx.run(async (ex) => {
        const users = createUserRepository(ex);
        const updated = await users.update(id, {
          displayName: input.displayName,
          email: input.email,
          role,
          ...scope,
          isDisabled: input.isDisabled,
        });
        // Checked inside the transaction: the system must always keep one active administrator.
        const wasActiveAdmin = current.role === 'administrator' && !current.isDisabled;
        const isActiveAdmin = updated.role === 'administrator' && !updated.isDisabled;
        if (wasActiveAdmin && !isActiveAdmin && (await users.countAdministrators()) === 0)
          throw new AppError('LAST_ADMINISTRATOR');
        if (updated.isDisabled || updated.role !== current.role)
          await createSessionRepository(ex).deleteForUser(id);
        const action =
          input.isDisabled === true && !current.isDisabled
            ? 'user.disabled'
            : input.isDisabled === false && current.isDisabled
              ? 'user.enabled'
              : 'user.updated';
        await deps.audit.record(ex, actor, {
          action,
          entityType: 'user',
          entityId: id,
          before: auditableUser(current),
          after: auditableUser(updated),
        });
        return updated;
      });
      return presentUser(row);
    },

    /** Sets a new password (generated when not given), unlocks the account and ends its sessions. */
    async resetPassword(actor: Actor, id: string, password?: string): Promise<UserWithPassword> {
      const current = found(await createUserRepository(deps.tx.executor).findById(id), 'User');
      const generatedPassword = password ? null : generatePassword();
      const newPassword = password ?? generatedPassword ?? '';
      checkPassword(newPassword, current.username);
      const passwordHash = await hashPassword(newPassword);
      const row = await tx.run(async (ex) => {
        const updated = await createUserRepository(ex).update(id, {
          passwordHash,
          mustChangePassword: true,
          failedLoginCount: 0,
          lockedUntil: null,
        });
        await createSessionRepository(ex).deleteForUser(id);
        await deps.audit.record(ex, actor, {
          action: 'user.password_reset',
          entityType: 'user',
          entityId: id,
        });
        return updated;
      });
      return { user: presentUser(row), generatedPassword };
    },

    /**
     * On a database with no users, creates the first administrator with a generated password and returns
     * it so start-up can print it once; returns null when users exist. There is never a fixed default.
     */
    /**
     * The two accounts demo data are reported and approved by (`demo-submitter`, `demo-approver`): created
     * once, disabled and with a password nobody was told, so nobody can sign in as them; their names say they
     * are synthetic. Returns their ids.
     */
    async ensureDemoAccounts(actor: Actor): Promise<{ submitterId: string; approverId: string }> {
      const ids: string[] = [];
      for (const account of demoAccounts) {
        const existing = await createUserRepository(deps.tx.executor).findByUsername(account.username);
        if (existing) {
          ids.push(existing.id);
          continue;
        }
        const passwordHash = await hashPassword(generatePassword());
        const created = await tx.run(async (ex) => {
          const row = await createUserRepository(ex).insert({
            ...account,
            email: null,
            role: 'analyst',
            agencyId: null,
            territoryId: null,
            locale: defaultLocale,
            passwordHash,
            isDisabled: true,
            mustChangePassword: true,
          });
          await deps.audit.record(ex, actor, {
            action: 'user.created',
            entityType: 'user',
            entityId: row.id,
            after: auditableUser(row),
          });
          return row;
        });
        ids.push(created.id);
      }
      return { submitterId: ids[0]!, approverId: ids[1]! };
    },

    async ensureFirstAdministrator(actor: Actor): Promise<{ username: string; password: string } | null> {
      if ((await createUserRepository(deps.tx.executor).countAll()) > 0) return null;
      const password = generatePassword();
      const passwordHash = await hashPassword(password);
      try {
        return await tx.run(async (ex) => {
          const users = createUserRepository(ex);
          // Re-check inside the transaction: another process may have just created it.
          if ((await users.countAll()) > 0) return null;
          const created = await users.insert({
            username: 'admin',
            displayName: 'Administrator',
            email: null,
            role: 'administrator',
            agencyId: null,
            territoryId: null,
            locale: defaultLocale,
            passwordHash,
            mustChangePassword: true,
          });
          await deps.audit.record(ex, actor, {
            action: 'user.created',
            entityType: 'user',
            entityId: created.id,
            after: auditableUser(created),
          });
          return { username: created.username, password };
        });
      } catch (error) {
        // Two processes starting together: the other one created the administrator first.
        if (isUniqueViolation(error)) return null;
        throw error;
      }
    },
  };
}

import { createHash } from 'node:crypto';
import type { Locale } from '#shared/domain/locale';
import { msg } from '#shared/messages/catalogue';
import { AppError } from '#server/lib/app-error';
import type { ChangeFeed } from '#server/db/change-feed';
import type { Transactor } from '#server/db/transaction';
import { announcingChanges, createChangeCache } from '#server/lib/change-cache';
import type { AuditService } from '../audit/audit.service';
import {
  afterFailedLogin,
  isAccountLocked,
  passwordProblems,
  weakPasswordError,
  sessionExpiry,
} from './auth.rules';
import type { AppUserRow, UserSessionRow } from '#server/db/schema';
import type { Actor, AuthenticatedSession, SessionUser } from '#server/lib/actor';
import { hashPassword, randomToken, verifyPassword } from './password';
import { createSessionRepository } from './session.repository';
import { toSessionUser } from './user.presenter';
import { createUserRepository } from './user.repository';

export type AuthPolicy = {
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  loginIpLimit: number;
};

export type LoginInput = {
  username: string;
  password: string;
  /** The language chosen on the sign-in page; stored as the user's interface language when it differs. */
  locale?: Locale;
  /** Client address, for the per-address limit and the audit log. */
  ip: string;
  userAgent: string | null;
  requestId: string | null;
};

export type LoginResult = { token: string; session: AuthenticatedSession };

export type AuthService = ReturnType<typeof createAuthService>;

const ipWindowMs = 15 * 60_000;
// Sessions are touched at most this often, so reads do not turn into writes on every request.
const touchIntervalMs = 60_000;

/** SHA-256 of a session token: the database never holds a usable token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Sign-in, sessions and a user's own password and preferences. */
export function createAuthService(deps: {
  tx: Transactor;
  audit: AuditService;
  policy: AuthPolicy;
  /** Changes to users and sessions, so sessions can be kept in memory between requests. */
  changes: ChangeFeed;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  const tx = announcingChanges(deps.tx, deps.changes, 'auth');
  // Sessions by token hash, so an ordinary request reads nothing from the database; any change to a user or a
  // session, here or in another process, empties it (see ChangeFeed for the bound).
  const sessionCache = createChangeCache<string, { session: UserSessionRow; user: AppUserRow }>(
    deps.changes,
    'auth',
    { maxEntries: 10_000 },
  );
  let dummyHash: Promise<string> | null = null;
  const spendPasswordTime = async (password: string) => {
    dummyHash ??= hashPassword(randomToken());
    await verifyPassword(await dummyHash, password);
  };
  const actorFor = (
    user: { id: string; username: string; role: string; agencyId: string | null; territoryId: string | null },
    input: LoginInput,
  ): Actor => ({
    userId: user.id,
    username: user.username,
    role: toSessionUser({ ...user } as Parameters<typeof toSessionUser>[0]).role,
    agencyId: user.agencyId,
    territoryId: user.territoryId,
    requestId: input.requestId,
    ip: input.ip,
  });
  const anonymous = (input: LoginInput): Actor => ({
    userId: null,
    username: input.username.slice(0, 100),
    role: 'system',
    agencyId: null,
    territoryId: null,
    requestId: input.requestId,
    ip: input.ip,
  });

  return {
    /**
     * Signs a user in. Wrong passwords count towards a temporary lock of the account and towards a limit per
     * client address; unknown usernames take as long as known ones, so timing does not reveal accounts.
     */
    async login(input: LoginInput): Promise<LoginResult> {
      const sessions = createSessionRepository(deps.tx.executor);
      const started = now();
      const recent = await sessions.failuresFromIp(input.ip, new Date(started.getTime() - ipWindowMs));
      if (recent.count >= deps.policy.loginIpLimit) {
        // Tried again once the earliest counted failure leaves the window (at the latest, a whole window).
        const freedAt = (recent.earliest?.getTime() ?? started.getTime()) + ipWindowMs;
        throw new AppError('RATE_LIMITED', undefined, {
          retryAfterSeconds: Math.max(1, Math.ceil((freedAt - started.getTime()) / 1000)),
        });
      }

      const user = await createUserRepository(deps.tx.executor).findByUsername(input.username);
      // An unknown user and a locked account answer exactly like a wrong password, after the same work, so
      // neither the answer nor its timing tells whether the account exists or is locked.
      if (!user || isAccountLocked(user, started)) {
        if (user) await verifyPassword(user.passwordHash, input.password);
        else await spendPasswordTime(input.password);
        await tx.run(async (ex) => {
          await createSessionRepository(ex).recordAttempt({
            ip: input.ip,
            username: input.username,
            succeeded: false,
          });
          await deps.audit.record(ex, user ? actorFor(user, input) : anonymous(input), {
            action: 'auth.login_failed',
            entityType: 'user',
            entityId: user?.id ?? null,
            after: user
              ? { reason: 'locked', lockedUntil: user.lockedUntil?.toISOString() ?? null }
              : { reason: 'unknown_user' },
          });
        });
        throw new AppError('INVALID_CREDENTIALS');
      }

      const isValid = await verifyPassword(user.passwordHash, input.password);
      if (!isValid) {
        await tx.run(async (ex) => {
          const users = createUserRepository(ex);
          const fresh = (await users.findByUsernameForUpdate(input.username)) ?? user;
          const next = afterFailedLogin(fresh, now(), {
            maxFailures: deps.policy.loginMaxFailures,
            lockMinutes: deps.policy.loginLockMinutes,
          });
          await users.update(fresh.id, next);
          await createSessionRepository(ex).recordAttempt({
            ip: input.ip,
            username: input.username,
            succeeded: false,
          });
          const locked = next.lockedUntil !== null && isAccountLocked(next, now());
          await deps.audit.record(ex, actorFor(fresh, input), {
            action: locked ? 'auth.account_locked' : 'auth.login_failed',
            entityType: 'user',
            entityId: fresh.id,
            after: { reason: 'wrong_password', lockedUntil: next.lockedUntil?.toISOString() ?? null },
          });
        });
        // The failure that locks the account is told like any other (the audit log records the lock).
        throw new AppError('INVALID_CREDENTIALS');
      }
      if (user.isDisabled) throw new AppError('ACCOUNT_DISABLED');

      const token = randomToken();
      const csrfToken = randomToken();
      const at = now();
      const expiresAt = sessionExpiry(at, at, deps.policy.sessionIdleMinutes, deps.policy.sessionMaxHours);
      const session = await tx.run(async (ex) => {
        const chosenLocale = input.locale !== undefined && input.locale !== user.locale ? input.locale : null;
        const updated = await createUserRepository(ex).update(user.id, {
          failedLoginCount: 0,
          lockedUntil: null,
          lastLoginAt: at,
          ...(chosenLocale ? { locale: chosenLocale } : {}),
        });
        const row = await createSessionRepository(ex).insert({
          tokenHash: hashToken(token),
          userId: user.id,
          csrfToken,
          expiresAt,
          ip: input.ip,
          userAgent: input.userAgent?.slice(0, 500) ?? null,
        });
        await createSessionRepository(ex).recordAttempt({
          ip: input.ip,
          username: input.username,
          succeeded: true,
        });
        await deps.audit.record(ex, actorFor(updated, input), {
          action: 'auth.login',
          entityType: 'user',
          entityId: user.id,
        });
        if (chosenLocale)
          await deps.audit.record(ex, actorFor(updated, input), {
            action: 'user.locale_changed',
            entityType: 'user',
            entityId: user.id,
            before: { locale: user.locale },
            after: { locale: chosenLocale },
          });
        return { sessionId: row.id, csrfToken, expiresAt, user: toSessionUser(updated) };
      });
      return { token, session };
    },

    /** Resolves a session cookie to its user, extending the idle timeout. */
    async authenticate(token: string): Promise<AuthenticatedSession> {
      const tokenHash = hashToken(token);
      const at = now();
      const present = (session: UserSessionRow, user: AppUserRow): AuthenticatedSession => ({
        sessionId: session.id,
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt,
        user: toSessionUser(user),
      });
      const cached = sessionCache.get(tokenHash);
      // An entry past its expiry or due for a touch goes the long way, which reads the session again.
      if (
        cached &&
        cached.session.expiresAt > at &&
        at.getTime() - cached.session.lastSeenAt.getTime() <= touchIntervalMs
      )
        return present(cached.session, cached.user);

      const since = sessionCache.version();
      const sessions = createSessionRepository(deps.tx.executor);
      const found = await sessions.findWithUser(tokenHash);
      if (!found) throw new AppError('UNAUTHENTICATED');
      if (found.session.expiresAt <= at) {
        await sessions.delete(found.session.id);
        throw new AppError('SESSION_EXPIRED');
      }
      if (found.user.isDisabled) {
        await sessions.deleteForUser(found.user.id);
        deps.changes.changedHere('auth');
        throw new AppError('ACCOUNT_DISABLED');
      }
      let session = found.session;
      if (at.getTime() - session.lastSeenAt.getTime() > touchIntervalMs) {
        const expiresAt = sessionExpiry(
          session.createdAt,
          at,
          deps.policy.sessionIdleMinutes,
          deps.policy.sessionMaxHours,
        );
        await sessions.touch(session.id, at, expiresAt);
        session = { ...session, lastSeenAt: at, expiresAt };
      }
      sessionCache.set(tokenHash, { session, user: found.user }, since);
      return present(session, found.user);
    },

    /** Ends one session. */
    async logout(sessionId: string, actor: Actor): Promise<void> {
      await tx.run(async (ex) => {
        await createSessionRepository(ex).delete(sessionId);
        await deps.audit.record(ex, actor, {
          action: 'auth.logout',
          entityType: 'user',
          entityId: actor.userId,
        });
      });
    },

    /** Stores the user's interface language. */
    async updateLocale(actor: Actor, locale: Locale): Promise<SessionUser> {
      if (!actor.userId) throw new AppError('UNAUTHENTICATED');
      const userId = actor.userId;
      return tx.run(async (ex) => {
        const users = createUserRepository(ex);
        const before = await users.findById(userId);
        const updated = await users.update(userId, { locale });
        await deps.audit.record(ex, actor, {
          action: 'user.locale_changed',
          entityType: 'user',
          entityId: userId,
          before: { locale: before?.locale },
          after: { locale },
        });
        return toSessionUser(updated);
      });
    },

    /** Changes the signed-in user's password after checking the current one; other sessions end. */
    async changeOwnPassword(
      actor: Actor,
      sessionId: string,
      currentPassword: string,
      newPassword: string,
    ): Promise<void> {
      if (!actor.userId) throw new AppError('UNAUTHENTICATED');
      const userId = actor.userId;
      const user = await createUserRepository(deps.tx.executor).findById(userId);
      if (!user) throw new AppError('UNAUTHENTICATED');
      if (!(await verifyPassword(user.passwordHash, currentPassword))) {
        // Wrong guesses here count like wrong sign-ins, so a stolen session cannot try passwords without
        // limit; when the account locks, every session of it ends.
        const locked = await tx.run(async (ex) => {
          const next = afterFailedLogin(user, now(), {
            maxFailures: deps.policy.loginMaxFailures,
            lockMinutes: deps.policy.loginLockMinutes,
          });
          await createUserRepository(ex).update(userId, next);
          const isNowLocked = isAccountLocked(next, now());
          if (isNowLocked) await createSessionRepository(ex).deleteForUser(userId);
          await deps.audit.record(ex, actor, {
            action: isNowLocked ? 'auth.account_locked' : 'user.password_change_failed',
            entityType: 'user',
            entityId: userId,
            after: { reason: 'wrong_current_password' },
          });
          return isNowLocked;
        });
        if (locked) throw new AppError('ACCOUNT_LOCKED');
        throw new AppError('INVALID_CREDENTIALS', msg('password.current_wrong'), {
          field: 'currentPassword',
        });
      }
      const problems = passwordProblems(newPassword, user.username);
      if (problems.length > 0) throw weakPasswordError('newPassword', problems);
      const passwordHash = await hashPassword(newPassword);
      await tx.run(async (ex) => {
        await createUserRepository(ex).update(userId, { passwordHash, mustChangePassword: false });
        await createSessionRepository(ex).deleteForUser(userId, { except: sessionId });
        await deps.audit.record(ex, actor, {
          action: 'user.password_changed',
          entityType: 'user',
          entityId: userId,
        });
      });
    },

    /** Removes expired sessions and old sign-in attempts (run by the scheduler). */
    async purgeExpired(): Promise<number> {
      const sessions = createSessionRepository(deps.tx.executor);
      const at = now();
      await sessions.deleteAttemptsBefore(new Date(at.getTime() - 24 * 3_600_000));
      return sessions.deleteExpired(at);
    },
  };
}

import { sql } from 'kysely';
import type { Executor } from '#server/db/transaction';
import type { AppUserRow, UserSessionRow } from '#server/db/schema';

/** All SQL for user_session and login_attempt. */
export function createSessionRepository(db: Executor) {
  return {
    async insert(session: {
      tokenHash: string;
      userId: string;
      csrfToken: string;
      expiresAt: Date;
      ip: string | null;
      userAgent: string | null;
    }): Promise<UserSessionRow> {
      return db.insertInto('userSession').values(session).returningAll().executeTakeFirstOrThrow();
    },

    /** The session with its user, by token hash; expired sessions are returned too so callers can say so. */
    async findWithUser(
      tokenHash: string,
    ): Promise<{ session: UserSessionRow; user: AppUserRow } | undefined> {
      const session = await db
        .selectFrom('userSession')
        .selectAll()
        .where('tokenHash', '=', tokenHash)
        .executeTakeFirst();
      if (!session) return undefined;
      const user = await db
        .selectFrom('appUser')
        .selectAll()
        .where('id', '=', session.userId)
        .executeTakeFirst();
      return user ? { session, user } : undefined;
    },

    async touch(id: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
      await db.updateTable('userSession').set({ lastSeenAt, expiresAt }).where('id', '=', id).execute();
    },

    async delete(id: string): Promise<void> {
      await db.deleteFrom('userSession').where('id', '=', id).execute();
    },

    /** Ends every session of a user, but the one named in `except` if given. */
    async deleteForUser(userId: string, options: { except?: string } = {}): Promise<void> {
      let query = db.deleteFrom('userSession').where('userId', '=', userId);
      if (options.except) query = query.where('id', '<>', options.except);
      await query.execute();
    },

    async deleteExpired(now: Date): Promise<number> {
      const result = await db.deleteFrom('userSession').where('expiresAt', '<', now).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async recordAttempt(attempt: { ip: string; username: string; succeeded: boolean }): Promise<void> {
      await db.insertInto('loginAttempt').values(attempt).execute();
    },

    /** Failed sign-ins from an address since a time: how many, and when the earliest of them was. */
    async failuresFromIp(ip: string, since: Date): Promise<{ count: number; earliest: Date | null }> {
      const row = await db
        .selectFrom('loginAttempt')
        .select([sql<number>`count(*)::int`.as('n'), sql<Date | null>`min(at)`.as('earliest')])
        .where('ip', '=', ip)
        .where('succeeded', '=', false)
        .where('at', '>=', since)
        .executeTakeFirstOrThrow();
      return { count: row.n, earliest: row.earliest };
    },

    async deleteAttemptsBefore(before: Date): Promise<void> {
      await db.deleteFrom('loginAttempt').where('at', '<', before).execute();
    },
  };
}

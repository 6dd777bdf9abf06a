import { sql } from 'kysely';
import type { Executor } from '#server/db/transaction';
import type { AppUserRow } from '#server/db/schema';

export type UserInsert = {
  username: string;
  displayName: string;
  email: string | null;
  role: string;
  agencyId: string | null;
  territoryId: string | null;
  locale: string;
  passwordHash: string;
  mustChangePassword: boolean;
  /** False unless told (demo accounts are created disabled). */
  isDisabled?: boolean;
};

export type UserPatch = Partial<{
  displayName: string;
  email: string | null;
  role: string;
  agencyId: string | null;
  territoryId: string | null;
  locale: string;
  passwordHash: string;
  isDisabled: boolean;
  mustChangePassword: boolean;
  failedLoginCount: number;
  lockedUntil: Date | null;
  lastLoginAt: Date;
}>;

export type UserFilter = {
  search?: string;
  role?: string;
  includeDisabled: boolean;
  limit: number;
  offset: number;
};

/** All SQL for app_user. */
export function createUserRepository(db: Executor) {
  return {
    /** Display names of the given users, in one query. */
    async displayNames(ids: readonly string[]): Promise<Array<{ id: string; displayName: string }>> {
      if (ids.length === 0) return [];
      return db
        .selectFrom('appUser')
        .select(['id', 'displayName'])
        .where('id', 'in', [...ids])
        .execute();
    },

    findById(id: string): Promise<AppUserRow | undefined> {
      return db.selectFrom('appUser').selectAll().where('id', '=', id).executeTakeFirst();
    },

    findByUsername(username: string): Promise<AppUserRow | undefined> {
      return db
        .selectFrom('appUser')
        .selectAll()
        .where(sql`lower(username)`, '=', username.toLowerCase())
        .executeTakeFirst();
    },

    /** Locks the row for the rest of the transaction, so concurrent sign-ins count failures exactly. */
    findByUsernameForUpdate(username: string): Promise<AppUserRow | undefined> {
      return db
        .selectFrom('appUser')
        .selectAll()
        .where(sql`lower(username)`, '=', username.toLowerCase())
        .forUpdate()
        .executeTakeFirst();
    },

    async insert(user: UserInsert): Promise<AppUserRow> {
      return db.insertInto('appUser').values(user).returningAll().executeTakeFirstOrThrow();
    },

    async update(id: string, patch: UserPatch): Promise<AppUserRow> {
      return db
        .updateTable('appUser')
        .set({ ...patch, updatedAt: new Date() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    async find(filter: UserFilter): Promise<{ rows: AppUserRow[]; total: number }> {
      let query = db.selectFrom('appUser');
      if (!filter.includeDisabled) query = query.where('isDisabled', '=', false);
      if (filter.role) query = query.where('role', '=', filter.role);
      if (filter.search) {
        const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        query = query.where((eb) =>
          eb.or([
            eb('username', 'ilike', pattern),
            eb('displayName', 'ilike', pattern),
            eb('email', 'ilike', pattern),
          ]),
        );
      }
      const [rows, count] = await Promise.all([
        query.selectAll().orderBy('username').limit(filter.limit).offset(filter.offset).execute(),
        query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: count.n };
    },

    async countAdministrators(): Promise<number> {
      const row = await db
        .selectFrom('appUser')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('role', '=', 'administrator')
        .where('isDisabled', '=', false)
        .executeTakeFirstOrThrow();
      return row.n;
    },

    async countAll(): Promise<number> {
      const row = await db
        .selectFrom('appUser')
        .select(sql<number>`count(*)::int`.as('n'))
        .executeTakeFirstOrThrow();
      return row.n;
    },
  };
}

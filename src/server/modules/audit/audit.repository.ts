import { sql } from 'kysely';
import type { Executor } from '#server/db/transaction';
import type { AuditLogRow } from '#server/db/schema';

export type AuditInsert = {
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
};

export type AuditFilter = {
  actorId?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
};

// A missing state is SQL NULL, never JSON null, so `before IS NULL` means what it says.
const json = (value: unknown): string | null =>
  value === undefined || value === null ? null : JSON.stringify(value);

/** All SQL for the append-only audit log. There is deliberately no update or delete here. */
export function createAuditRepository(db: Executor) {
  return {
    async insert(entry: AuditInsert): Promise<void> {
      await db
        .insertInto('auditLog')
        .values({ ...entry, before: json(entry.before), after: json(entry.after) })
        .execute();
    },

    async find(filter: AuditFilter): Promise<{ rows: AuditLogRow[]; total: number }> {
      let query = db.selectFrom('auditLog');
      if (filter.actorId) query = query.where('actorId', '=', filter.actorId);
      if (filter.entityType) query = query.where('entityType', '=', filter.entityType);
      if (filter.entityId) query = query.where('entityId', '=', filter.entityId);
      if (filter.action) query = query.where('action', '=', filter.action);
      if (filter.from) query = query.where('at', '>=', filter.from);
      if (filter.to) query = query.where('at', '<', filter.to);
      const [rows, count] = await Promise.all([
        query
          .selectAll()
          .orderBy('at', 'desc')
          .orderBy('id', 'desc')
          .limit(filter.limit)
          .offset(filter.offset)
          .execute(),
        query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: count.n };
    },
  };
}

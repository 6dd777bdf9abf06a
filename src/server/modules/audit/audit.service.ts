import type { AuditList, AuditQuery } from '#shared/contracts/audit.contract';
import type { Executor, Transactor } from '#server/db/transaction';
import type { Actor } from '#server/lib/actor';
import { createAuditRepository } from './audit.repository';
import type { AuditRecord } from './audit.types';

export type AuditService = ReturnType<typeof createAuditService>;

/** Records and lists audit entries. Other services call `record` inside their own transaction. */
export function createAuditService(deps: { tx: Transactor }) {
  return {
    /** Appends an entry on the caller's transaction, so the entry exists exactly when the change does. */
    async record(executor: Executor, actor: Actor, entry: AuditRecord): Promise<void> {
      await createAuditRepository(executor).insert({
        actorId: actor.userId,
        actorUsername: actor.username,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        before: entry.before ?? null,
        after: entry.after ?? null,
        requestId: actor.requestId,
        ip: actor.ip,
      });
    },

    /** Lists entries, newest first, with filters. */
    async list(query: AuditQuery): Promise<AuditList> {
      const { rows, total } = await createAuditRepository(deps.tx.executor).find({
        actorId: query.actorId,
        entityType: query.entityType,
        entityId: query.entityId,
        action: query.action,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      });
      return {
        total,
        items: rows.map((r) => ({
          id: String(r.id),
          at: r.at.toISOString(),
          actorId: r.actorId,
          actorUsername: r.actorUsername,
          action: r.action,
          entityType: r.entityType,
          entityId: r.entityId,
          before: r.before ?? null,
          after: r.after ?? null,
          requestId: r.requestId,
          ip: r.ip,
        })),
      };
    },
  };
}

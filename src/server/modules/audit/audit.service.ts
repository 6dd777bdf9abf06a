import type { AuditList, AuditQuery } from '#shared/contracts/audit.contract';
import type { Executor, Transactor } from '#server/db/transaction';
import type { Actor } from '#server/lib/actor';
import { createAuditRepository } from './audit.repository';
import { actorNameOf, describeAuditEntry, referencedIds, type AuditNames } from './audit.rules';
import type { AuditNameSource, AuditRecord } from './audit.types';

const empty = new Map<string, never>();

export type AuditService = ReturnType<typeof createAuditService>;

/** Records and lists audit entries. Other services call `record` inside their own transaction. */
export function createAuditService(deps: { tx: Transactor; names?: () => AuditNameSource }) {
  /** The names a page refers to: one lookup per kind present on the page, none for a kind it lacks. */
  const namesFor = async (ids: ReturnType<typeof referencedIds>): Promise<AuditNames> => {
    const source = deps.names?.();
    if (!source)
      return {
        users: empty,
        territories: empty,
        agencies: empty,
        elements: empty,
        indicators: empty,
        rules: empty,
      };
    const list = (set: Set<string>) => [...set];
    const [users, territories, agencies, catalogue] = await Promise.all([
      ids.users.size > 0 ? source.users(list(ids.users)) : empty,
      ids.territories.size > 0 ? source.territories(list(ids.territories)) : empty,
      ids.agencies.size > 0 ? source.agencies(list(ids.agencies)) : empty,
      ids.elements.size + ids.indicators.size + ids.rules.size > 0
        ? source.catalogue({
            elements: list(ids.elements),
            indicators: list(ids.indicators),
            rules: list(ids.rules),
          })
        : { elements: empty, indicators: empty, rules: empty },
    ]);
    return { users, territories, agencies, ...catalogue };
  };

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
      const facts = rows.map((r) => ({ ...r, before: r.before ?? null, after: r.after ?? null }));
      const names = await namesFor(referencedIds(facts));
      return {
        total,
        items: facts.map((r) => ({
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
          actorName: actorNameOf(r, names),
          ...describeAuditEntry(r, names, 'system'),
        })),
      };
    },
  };
}

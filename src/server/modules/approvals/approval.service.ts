import { deadlineOf, defaultDeadlinePolicy } from '#shared/domain/deadline';
import type {
  ApprovalActionRequest,
  ApprovalBulkItemResult,
  ApprovalBulkRequest,
  ApprovalBulkResult,
  ApprovalList,
  ApprovalListItem,
  ApprovalListQuery,
  PutReportingDeadlineRequest,
  ReportingDeadline,
  ReportingDeadlineList,
} from '#shared/contracts/approval.contract';
import type { Approval } from '#shared/contracts/data-values.contract';
import { periodTypes, toPeriod, type PeriodType } from '#shared/domain/period';
import type { DataApprovalRow } from '#server/db/schema';
import type { Executor, Transactor } from '#server/db/transaction';
import { msg } from '#shared/messages/catalogue';
import type { Actor } from '#server/lib/actor';
import { AppError } from '#server/lib/app-error';
import type { AgencyService } from '../agencies/agency.service';
import type { AuditService } from '../audit/audit.service';
import type { UserService } from '../auth/user.service';
import type { CatalogueService } from '../indicators/catalogue.service';
import { isOnTime } from './completeness.rules';
import type { TerritoryService } from '../territories/territory.service';
import { createApprovalRepository, type ApprovalKey } from './approval.repository';
import { stepNeedsReason, transition, type ApprovalStep } from './approval.rules';
import { canWrite, scopeOf, type ValueScope } from '#shared/domain/value-scope';

export type ApprovalService = ReturnType<typeof createApprovalService>;

const entityIdOf = (key: ApprovalKey) => `${key.agencyId}/${key.territoryId}/${key.period}`;

/** What the audit log keeps of an approval row: its state, without timestamps of the row itself. */
const auditView = (row: DataApprovalRow | undefined) =>
  row
    ? {
        status: row.status,
        submittedBy: row.submittedBy,
        submittedAt: row.submittedAt?.toISOString() ?? null,
        decidedBy: row.decidedBy,
        decidedAt: row.decidedAt?.toISOString() ?? null,
        reason: row.reason,
      }
    : { status: 'draft' };

/**
 * The approval workflow of what an agency reported for a territory and period: officers submit, analysts
 * approve or return with a reason, approved figures are locked until unlocked with a reason. Every step is
 * audited in the transaction that makes it, with the approval row locked so concurrent steps take turns.
 */
export function createApprovalService(deps: {
  tx: Transactor;
  audit: AuditService;
  agencies: AgencyService;
  territories: TerritoryService;
  catalogue: CatalogueService;
  users: UserService;
}) {
  /** Days after the period end for an agency and period type: the stored setting or the default policy. */
  async function daysAfterEnd(ex: Executor, agencyId: string, type: PeriodType): Promise<number> {
    const stored = await createApprovalRepository(ex).findDeadline(agencyId, type);
    return stored?.daysAfterEnd ?? defaultDeadlinePolicy.daysAfterPeriodEnd;
  }

  async function usernamesOf(ids: ReadonlyArray<string | null>): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const id of new Set(ids)) {
      if (id === null) continue;
      try {
        names.set(id, (await deps.users.get(id)).username);
      } catch {
        // A user removed since keeps their id in the row; show the id rather than fail the list.
        names.set(id, id);
      }
    }
    return names;
  }

  async function present(rows: DataApprovalRow[]): Promise<ApprovalListItem[]> {
    const names = await usernamesOf(rows.flatMap((r) => [r.submittedBy, r.decidedBy]));
    const deadlines = new Map<string, number>();
    for (const row of await createApprovalRepository(deps.tx.executor).listDeadlines())
      deadlines.set(`${row.agencyId}/${row.periodType}`, row.daysAfterEnd);
    return rows.map((row) => {
      const period = toPeriod(row.period);
      const days =
        deadlines.get(`${row.agencyId}/${period.type}`) ?? defaultDeadlinePolicy.daysAfterPeriodEnd;
      const deadline = deadlineOf(period, { daysAfterPeriodEnd: days });
      const submittedAt = row.submittedAt?.toISOString() ?? null;
      return {
        agencyId: row.agencyId,
        territoryId: row.territoryId,
        period: row.period,
        status: row.status,
        submittedAt,
        submittedBy: row.submittedBy === null ? null : (names.get(row.submittedBy) ?? null),
        decidedAt: row.decidedAt?.toISOString() ?? null,
        decidedBy: row.decidedBy === null ? null : (names.get(row.decidedBy) ?? null),
        reason: row.reason,
        deadline,
        updatedAt: row.updatedAt.toISOString(),
        onTime: submittedAt === null ? null : isOnTime(submittedAt, deadline),
      };
    });
  }

  const toApproval = ({ updatedAt: _updatedAt, onTime: _onTime, ...approval }: ApprovalListItem): Approval =>
    approval;

  async function requireKnown(input: ApprovalKey): Promise<void> {
    if (!(await deps.agencies.exists(input.agencyId)))
      throw new AppError('VALIDATION_FAILED', msg('reference.agency_missing'), { field: 'agencyId' });
    if (!(await deps.territories.exists(input.territoryId)))
      throw new AppError('VALIDATION_FAILED', msg('reference.territory_missing'), { field: 'territoryId' });
  }

  /** The actor's write scope (ENTRY's value rules, so entering, importing and submitting agree). */
  async function scopeOfActor(actor: Actor): Promise<ValueScope> {
    return scopeOf(actor, (await deps.territories.list()).items);
  }

  /** Refuses, as OUT_OF_SCOPE, an actor who may not write this agency's figures for this territory. */
  async function requireWriteScope(actor: Actor, key: ApprovalKey): Promise<void> {
    if (!canWrite(await scopeOfActor(actor), key.agencyId, key.territoryId))
      throw new AppError('OUT_OF_SCOPE', undefined, { agencyId: key.agencyId, territoryId: key.territoryId });
  }

  /** Ids of the agency's elements reported for periods of this type (active or not: their values count). */
  async function elementIdsOf(agencyId: string, type: PeriodType): Promise<string[]> {
    const { dataElements } = await deps.catalogue.getCatalogue();
    return dataElements.filter((e) => e.agencyId === agencyId && e.periodType === type).map((e) => e.id);
  }

  async function step(actor: Actor, name: ApprovalStep, input: ApprovalActionRequest): Promise<Approval> {
    const key: ApprovalKey = {
      agencyId: input.agencyId,
      territoryId: input.territoryId,
      period: input.period,
    };
    await requireKnown(key);
    const period = toPeriod(key.period);
    // Read outside the transaction: the catalogue and territory services use the pool, and PGlite has one connection.
    const elementIds = name === 'submit' ? await elementIdsOf(key.agencyId, period.type) : [];
    if (name === 'submit') await requireWriteScope(actor, key);

    const row = await deps.tx.run(async (ex) => {
      const repository = createApprovalRepository(ex);
      const before = await repository.lockForUpdate(key);
      const current = before.status;
      const next = transition(current, name, input.reason);
      if (!next.ok)
        throw new AppError(next.code, next.localised, {
          status: current,
          step: name,
          ...(next.code === 'VALIDATION_FAILED' ? { field: 'reason' } : {}),
        });
      if (name === 'submit' && (await repository.countValues(elementIds, key.territoryId, key.period)) === 0)
        throw new AppError('APPROVAL_STATE_INVALID', msg('approval.nothing_to_submit'), {
          status: current,
          step: name,
          values: 0,
        });
      const now = new Date();
      const after = await repository.update(
        key,
        name === 'submit'
          ? {
              status: next.status,
              reason: null,
              submittedBy: actor.userId,
              submittedAt: now,
              decidedBy: null,
              decidedAt: null,
            }
          : { status: next.status, reason: next.reason, decidedBy: actor.userId, decidedAt: now },
      );
      await deps.audit.record(ex, actor, {
        action: `approval.${name}`,
        entityType: 'data_approval',
        entityId: entityIdOf(key),
        before: {
          ...key,
          ...auditView(current === 'draft' && before.submittedAt === null ? undefined : before),
        },
        after: { ...key, ...auditView(after) },
      });
      return after;
    });
    const [item] = await present([row]);
    if (!item) throw new Error('present() lost the row');
    return toApproval(item);
  }

  return {
    /**
     * The approval state of one (agency, territory, period); a draft when nothing was ever submitted. Scoped
     * like the queue: an officer reads only reports within their own write scope.
     */
    async getApproval(
      actor: Actor,
      agencyId: string,
      territoryId: string,
      period: string,
    ): Promise<Approval> {
      const key = { agencyId, territoryId, period };
      await requireWriteScope(actor, key);
      const row = await createApprovalRepository(deps.tx.executor).find(key);
      if (row) {
        const [item] = await present([row]);
        if (item) return toApproval(item);
      }
      const type = toPeriod(period).type;
      const days = await daysAfterEnd(deps.tx.executor, agencyId, type);
      return {
        ...key,
        status: 'draft',
        submittedAt: null,
        submittedBy: null,
        decidedAt: null,
        decidedBy: null,
        reason: null,
        deadline: deadlineOf(toPeriod(period), { daysAfterPeriodEnd: days }),
      };
    },

    /** The actor's scope over reports (an officer's own write scope), for reports about them. */
    scopeOf: scopeOfActor,

    submit: (actor: Actor, input: ApprovalActionRequest) => step(actor, 'submit', input),
    approve: (actor: Actor, input: ApprovalActionRequest) => step(actor, 'approve', input),
    return: (actor: Actor, input: ApprovalActionRequest) => step(actor, 'return', input),
    unlock: (actor: Actor, input: ApprovalActionRequest) => step(actor, 'unlock', input),

    /**
     * Approves or returns several reports with one request: each item is one ordinary step (its own
     * transaction, state check and audit entry), so one refused item leaves the others done, and the answer
     * says per item what happened. One more audit entry records the request as a whole.
     */
    async bulk(actor: Actor, request: ApprovalBulkRequest): Promise<ApprovalBulkResult> {
      // One reason serves every item: without it every item would fail alike, so refuse the request instead.
      if (stepNeedsReason(request.action) && (request.reason ?? '').trim() === '')
        throw new AppError('VALIDATION_FAILED', msg('request.required'), { field: 'reason' });
      const results: ApprovalBulkItemResult[] = [];
      for (const key of request.items) {
        try {
          const approval = await step(actor, request.action, { ...key, reason: request.reason });
          results.push({ ...key, ok: true, approval, error: null });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          results.push({
            ...key,
            ok: false,
            approval: null,
            error: { code: error.code, message: error.message, localised: error.localised },
          });
        }
      }
      const succeeded = results.filter((r) => r.ok).length;
      await deps.tx.run((ex) =>
        deps.audit.record(ex, actor, {
          action: 'approval.bulk',
          entityType: 'data_approval',
          entityId: null,
          after: {
            action: request.action,
            reason: request.reason ?? null,
            succeeded,
            failed: results.length - succeeded,
            items: results.map((r) => ({
              agencyId: r.agencyId,
              territoryId: r.territoryId,
              period: r.period,
              ok: r.ok,
              ...(r.error ? { code: r.error.code } : {}),
            })),
          },
        }),
      );
      return { succeeded, failed: results.length - succeeded, results };
    },

    /**
     * The queue, most recently changed first. Officers see only their own write scope: an agency officer their
     * agency (and territory subtree), a regional officer their territory subtree (and agency, if any).
     */
    async list(actor: Actor, query: ApprovalListQuery): Promise<ApprovalList> {
      let territoryIds = query.territoryId ? await deps.territories.subtreeIds(query.territoryId) : undefined;
      let agencyId = query.agencyId;
      const scope = await scopeOfActor(actor);
      if (scope.officer) {
        if (scope.agencyId !== null) {
          if (agencyId !== undefined && agencyId !== scope.agencyId) return { total: 0, items: [] };
          agencyId = scope.agencyId;
        }
        const own = scope.territoryIds;
        if (own !== null) territoryIds = (territoryIds ?? [...own]).filter((id) => own.has(id));
      }
      const { rows, total } = await createApprovalRepository(deps.tx.executor).list({
        status: query.status,
        period: query.period,
        periodType: query.periodType,
        agencyId,
        territoryIds,
        sort: query.sort ?? 'updatedAt',
        order: query.order ?? 'desc',
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      });
      return { total, items: await present(rows) };
    },

    /** Every agency × period type with its deadline in days after the period end. */
    async listDeadlines(): Promise<ReportingDeadlineList> {
      const stored = new Map(
        (await createApprovalRepository(deps.tx.executor).listDeadlines()).map((r) => [
          `${r.agencyId}/${r.periodType}`,
          r.daysAfterEnd,
        ]),
      );
      const { items: agencies } = await deps.agencies.list();
      const items: ReportingDeadline[] = agencies.flatMap((agency) =>
        periodTypes.map((periodType) => {
          const days = stored.get(`${agency.id}/${periodType}`);
          return {
            agencyId: agency.id,
            periodType,
            daysAfterEnd: days ?? defaultDeadlinePolicy.daysAfterPeriodEnd,
            isDefault: days === undefined,
          };
        }),
      );
      return { defaultDaysAfterEnd: defaultDeadlinePolicy.daysAfterPeriodEnd, items };
    },

    async putDeadline(actor: Actor, input: PutReportingDeadlineRequest): Promise<ReportingDeadline> {
      if (!(await deps.agencies.exists(input.agencyId)))
        throw new AppError('VALIDATION_FAILED', msg('reference.agency_missing'), { field: 'agencyId' });
      const saved = await deps.tx.run(async (ex) => {
        const repository = createApprovalRepository(ex);
        const before = await repository.findDeadline(input.agencyId, input.periodType);
        const after = await repository.upsertDeadline(input.agencyId, input.periodType, input.daysAfterEnd);
        await deps.audit.record(ex, actor, {
          action: 'reporting_deadline.set',
          entityType: 'reporting_deadline',
          entityId: `${input.agencyId}/${input.periodType}`,
          before: before ? { daysAfterEnd: before.daysAfterEnd } : null,
          after: { daysAfterEnd: after.daysAfterEnd },
        });
        return after;
      });
      return {
        agencyId: saved.agencyId,
        periodType: saved.periodType as PeriodType,
        daysAfterEnd: saved.daysAfterEnd,
        isDefault: false,
      };
    },

    /** Stored deadline settings by `agencyId/periodType`, for the completeness report. */
    async deadlineDays(): Promise<Map<string, number>> {
      return new Map(
        (await createApprovalRepository(deps.tx.executor).listDeadlines()).map((r) => [
          `${r.agencyId}/${r.periodType}`,
          r.daysAfterEnd,
        ]),
      );
    },
  };
}

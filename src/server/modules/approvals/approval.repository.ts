import type { ApprovalSort } from '#shared/contracts/approval.contract';
import type { ApprovalStatus } from '#shared/contracts/data-values.contract';
import { sql } from 'kysely';
import type { Executor } from '#server/db/transaction';
import type { DataApprovalRow, ReportingDeadlineRow } from '#server/db/schema';
import type { PeriodType } from '#shared/domain/period';

export type ApprovalKey = { agencyId: string; territoryId: string; period: string };

export type ApprovalChange = {
  status: ApprovalStatus;
  submittedBy?: string | null;
  submittedAt?: Date | null;
  decidedBy?: string | null;
  decidedAt?: Date | null;
  reason: string | null;
};

export type ApprovalFilter = {
  status?: ApprovalStatus;
  period?: string;
  periodType?: PeriodType;
  agencyId?: string;
  /** Only these territories (a subtree); undefined for all. */
  territoryIds?: readonly string[];
  /** The column ordered by (then period, agency and territory, so pages are stable). */
  sort: ApprovalSort;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
};

const sortColumn = { updatedAt: 'updated_at', submittedAt: 'submitted_at', period: 'period' } as const;
/** Submissions not yet made (a draft row) sort after every made one, whichever the direction. */
const orderSql = { asc: 'asc nulls last', desc: 'desc nulls last' } as const;

/** Period ids of each type, for filtering text ids without parsing them in SQL. */
const periodPatterns: Record<PeriodType, string> = {
  month: '^[0-9]{4}-[0-9]{2}$',
  quarter: '^[0-9]{4}Q[1-4]$',
  year: '^[0-9]{4}$',
};

/** All SQL of approvals and reporting deadlines. */
export function createApprovalRepository(db: Executor) {
  return {
    find(key: ApprovalKey): Promise<DataApprovalRow | undefined> {
      return db
        .selectFrom('dataApproval')
        .selectAll()
        .where('agencyId', '=', key.agencyId)
        .where('territoryId', '=', key.territoryId)
        .where('period', '=', key.period)
        .executeTakeFirst();
    },

    /**
     * Makes sure a row exists (a new one is a draft) and locks it until the transaction ends, so two
     * concurrent steps on the same figures take turns and the second sees the first one's result.
     */
    async lockForUpdate(key: ApprovalKey): Promise<DataApprovalRow> {
      await db
        .insertInto('dataApproval')
        .values({ ...key, status: 'draft' })
        .onConflict((oc) => oc.columns(['agencyId', 'territoryId', 'period']).doNothing())
        .execute();
      return db
        .selectFrom('dataApproval')
        .selectAll()
        .where('agencyId', '=', key.agencyId)
        .where('territoryId', '=', key.territoryId)
        .where('period', '=', key.period)
        .forUpdate()
        .executeTakeFirstOrThrow();
    },

    update(key: ApprovalKey, change: ApprovalChange): Promise<DataApprovalRow> {
      return db
        .updateTable('dataApproval')
        .set({ ...change, updatedAt: sql<Date>`now()` })
        .where('agencyId', '=', key.agencyId)
        .where('territoryId', '=', key.territoryId)
        .where('period', '=', key.period)
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    /** Values stored for these elements in one territory and period. */
    async countValues(elementIds: readonly string[], territoryId: string, period: string): Promise<number> {
      if (elementIds.length === 0) return 0;
      const row = await db
        .selectFrom('dataValue')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('dataElementId', 'in', [...elementIds])
        .where('territoryId', '=', territoryId)
        .where('period', '=', period)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async list(filter: ApprovalFilter): Promise<{ rows: DataApprovalRow[]; total: number }> {
      if (filter.territoryIds?.length === 0) return { rows: [], total: 0 };
      let query = db.selectFrom('dataApproval');
      // A stored draft is a row left by a refused or rolled-back step; it means the same as no row.
      query = filter.status
        ? query.where('status', '=', filter.status)
        : query.where('status', '!=', 'draft');
      if (filter.period) query = query.where('period', '=', filter.period);
      if (filter.periodType) query = query.where(sql<boolean>`period ~ ${periodPatterns[filter.periodType]}`);
      if (filter.agencyId) query = query.where('agencyId', '=', filter.agencyId);
      if (filter.territoryIds) query = query.where('territoryId', 'in', [...filter.territoryIds]);
      const [rows, count] = await Promise.all([
        query
          .selectAll()
          .orderBy(sql`${sql.ref(sortColumn[filter.sort])} ${sql.raw(orderSql[filter.order])}`)
          .orderBy('period', filter.order)
          .orderBy('agencyId')
          .orderBy('territoryId')
          .limit(filter.limit)
          .offset(filter.offset)
          .execute(),
        query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },

    listDeadlines(): Promise<ReportingDeadlineRow[]> {
      return db.selectFrom('reportingDeadline').selectAll().execute();
    },

    findDeadline(agencyId: string, periodType: PeriodType): Promise<ReportingDeadlineRow | undefined> {
      return db
        .selectFrom('reportingDeadline')
        .selectAll()
        .where('agencyId', '=', agencyId)
        .where('periodType', '=', periodType)
        .executeTakeFirst();
    },

    upsertDeadline(
      agencyId: string,
      periodType: PeriodType,
      daysAfterEnd: number,
    ): Promise<ReportingDeadlineRow> {
      return db
        .insertInto('reportingDeadline')
        .values({ agencyId, periodType, daysAfterEnd })
        .onConflict((oc) =>
          oc.columns(['agencyId', 'periodType']).doUpdateSet({ daysAfterEnd, updatedAt: sql<Date>`now()` }),
        )
        .returningAll()
        .executeTakeFirstOrThrow();
    },
  };
}

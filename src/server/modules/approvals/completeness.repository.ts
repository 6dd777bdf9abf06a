import type { ApprovalStatus } from '#shared/contracts/data-values.contract';
import { sql } from 'kysely';
import type { Executor } from '#server/db/transaction';

export type PresentCount = { agencyId: string; territoryId: string; period: string; present: number };
export type SubmissionRow = {
  agencyId: string;
  territoryId: string;
  period: string;
  status: ApprovalStatus;
  submittedAt: Date | null;
};

/**
 * The counting SQL of the completeness report. Values are counted by the database, grouped by territory and
 * period, so the report costs one indexed aggregate per agency however many millions of values are stored.
 */
export function createCompletenessRepository(db: Executor) {
  return {
    /**
     * Values stored per agency, territory and period (only triples that have any), for elements mapped to
     * their agency. One aggregate over all agencies: the elements are joined from an array, so the store is
     * scanned once whatever the number of agencies.
     */
    async countPresent(
      elements: ReadonlyArray<{ elementId: string; agencyId: string }>,
      periods: readonly string[],
      territoryIds?: readonly string[],
    ): Promise<PresentCount[]> {
      if (elements.length === 0 || periods.length === 0 || territoryIds?.length === 0) return [];
      const elementIds = elements.map((e) => e.elementId);
      const agencyIds = elements.map((e) => e.agencyId);
      const territoryFilter = territoryIds
        ? sql`and v.territory_id = any(cast(${[...territoryIds]} as uuid[]))`
        : sql``;
      const { rows } = await sql<{ agencyId: string; territoryId: string; period: string; n: string }>`
        select m.agency_id, v.territory_id, v.period, count(*) as n
        from data_value v
        join unnest(cast(${elementIds} as uuid[]), cast(${agencyIds} as uuid[])) as m(element_id, agency_id)
          on v.data_element_id = m.element_id
        where v.period = any(cast(${[...periods]} as text[])) ${territoryFilter}
        group by m.agency_id, v.territory_id, v.period
      `.execute(db);
      return rows.map((r) => ({
        agencyId: r.agencyId,
        territoryId: r.territoryId,
        period: r.period,
        present: Number(r.n),
      }));
    },

    /** Approval rows of these agencies and periods (a missing row is a draft). */
    listSubmissions(agencyIds: readonly string[], periods: readonly string[]): Promise<SubmissionRow[]> {
      if (agencyIds.length === 0 || periods.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('dataApproval')
        .select(['agencyId', 'territoryId', 'period', 'status', 'submittedAt'])
        .where('agencyId', 'in', [...agencyIds])
        .where('period', 'in', [...periods])
        .execute();
    },
  };
}

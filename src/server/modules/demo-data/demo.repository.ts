import { sql } from 'kysely';
import type { Executor } from '#server/db/transaction';

/** Demo values of one element, as parallel columns (one entry per row) ready for `unnest`. */
export type DemoValueColumns = {
  dataElementId: string;
  periods: string[];
  periodStarts: string[];
  territoryIds: string[];
  disaggregations: string[];
  values: number[];
};

/** Demo approval rows as parallel columns (decidedAt: null while submitted). */
export type DemoApprovalColumns = {
  agencyIds: string[];
  territoryIds: string[];
  periods: string[];
  statuses: string[];
  submittedAts: string[];
  decidedAts: Array<string | null>;
};

/** The synthetic accounts named as submitter and approver of demo reports. */
export type DemoAccounts = { submitterId: string; approverId: string };

/** Rows per statement: big enough to amortise the round trip, small enough for PGlite's message size. */
const chunkSize = 20_000;

const slice = <T>(values: T[], from: number) => values.slice(from, from + chunkSize);

const affected = (result: { numAffectedRows?: bigint }) => Number(result.numAffectedRows ?? 0n);

/** All SQL for demonstration data. */
export function createDemoRepository(db: Executor) {
  return {
    /**
     * Adds demo values that are not there yet (an existing cell, demo or real, is never touched) and returns
     * how many were added. One statement per chunk, the columns passed as arrays and unnested server-side.
     */
    async insertValues(rows: DemoValueColumns): Promise<number> {
      let added = 0;
      for (let from = 0; from < rows.periods.length; from += chunkSize) {
        const periods = slice(rows.periods, from);
        const result = await sql`
          insert into data_value
            (data_element_id, period, territory_id, disaggregation, period_start, value, source, is_synthetic)
          select ${rows.dataElementId}::uuid, r.period, r.territory_id, r.disaggregation, r.period_start,
                 r.value, 'demo', true
          from unnest(cast(${periods} as text[]), cast(${slice(rows.territoryIds, from)} as uuid[]),
                      cast(${slice(rows.disaggregations, from)} as text[]),
                      cast(${slice(rows.periodStarts, from)} as date[]),
                      cast(${slice(rows.values, from)} as double precision[]))
            as r(period, territory_id, disaggregation, period_start, value)
          on conflict do nothing
        `.execute(db);
        added += affected(result);
      }
      return added;
    },

    /**
     * Adds approval rows that are missing (an existing decision is kept), submitted by the demo submitter and
     * decided by the demo approver; returns how many were added.
     */
    async insertApprovals(rows: DemoApprovalColumns, accounts: DemoAccounts): Promise<number> {
      let added = 0;
      for (let from = 0; from < rows.periods.length; from += chunkSize) {
        const result = await sql`
          insert into data_approval
            (agency_id, territory_id, period, status, submitted_by, submitted_at, decided_by, decided_at)
          select r.agency_id, r.territory_id, r.period, r.status, ${accounts.submitterId}::uuid, r.submitted_at,
                 case when r.decided_at is not null then ${accounts.approverId}::uuid end, r.decided_at
          from unnest(cast(${slice(rows.agencyIds, from)} as uuid[]),
                      cast(${slice(rows.territoryIds, from)} as uuid[]),
                      cast(${slice(rows.periods, from)} as text[]), cast(${slice(rows.statuses, from)} as text[]),
                      cast(${slice(rows.submittedAts, from)} as timestamptz[]),
                      cast(${slice(rows.decidedAts, from)} as timestamptz[]))
            as r(agency_id, territory_id, period, status, submitted_at, decided_at)
          on conflict do nothing
        `.execute(db);
        added += affected(result);
      }
      return added;
    },

    /** How many values there are, and how many of them are synthetic. */
    async countValues(): Promise<{ total: number; synthetic: number }> {
      const row = await db
        .selectFrom('dataValue')
        .select((eb) => [
          eb.fn.countAll<number>().as('total'),
          eb.fn.count<number>('dataElementId').filterWhere('isSynthetic', '=', true).as('synthetic'),
        ])
        .executeTakeFirstOrThrow();
      return { total: Number(row.total), synthetic: Number(row.synthetic) };
    },

    /** Whether any value is stored at all (cheaper than counting on a large store). */
    async hasAnyValue(): Promise<boolean> {
      const row = await db.selectFrom('dataValue').select('dataElementId').limit(1).executeTakeFirst();
      return row !== undefined;
    },
  };
}

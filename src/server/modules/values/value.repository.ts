import { sql } from 'kysely';
import type { Executor } from '#server/db/transaction';
import type { DataApprovalRow, DataValueHistoryRow } from '#server/db/schema';

/** A cell's identity. */
export type CellKeyRow = {
  dataElementId: string;
  period: string;
  territoryId: string;
  disaggregation: string;
};

/** A stored value with its annotations, `periodStart` as `YYYY-MM-DD`. */
export type ValueRecord = CellKeyRow & {
  periodStart: string;
  value: number;
  comment: string | null;
  flag: string | null;
  source: string;
  isSynthetic: boolean;
  updatedBy: string | null;
  updatedAt: Date;
};

/** A row to store: everything but the timestamp. */
export type ValueUpsert = CellKeyRow & {
  periodStart: string;
  value: number;
  comment: string | null;
  flag: string | null;
  source: string;
  isSynthetic: boolean;
  updatedBy: string | null;
};

/**
 * One write as the store applies it: value null removes the cell; a comment or flag that is not `given` keeps
 * the stored one. `periodStart` as `YYYY-MM-DD`.
 */
export type CellWrite = CellKeyRow & {
  periodStart: string;
  value: number | null;
  comment: string | null;
  commentGiven: boolean;
  flag: string | null;
  flagGiven: boolean;
};

/** Who writes, and from where: stamped on every stored cell and history row of a batch. */
export type WriteStamp = {
  source: string;
  isSynthetic: boolean;
  userId: string | null;
  username: string | null;
};

/** How many writes of a chunk create, update or delete a cell (the rest leave it as it is). */
export type ChunkCounts = { created: number; updated: number; deleted: number };

/** A changed cell, old → new (value null: no row), as the single-cell save reports it. */
export type ChangedCell = CellKeyRow & {
  existed: boolean;
  oldValue: number | null;
  oldComment: string | null;
  oldFlag: string | null;
  newValue: number | null;
  newComment: string | null;
  newFlag: string | null;
};

/** A point of a cell's series, for outlier checks. */
export type SeriesRecord = { dataElementId: string; disaggregation: string; period: string; value: number };

// Writes per diff-and-apply statement. Few statements matter most on PGlite (in this process, one
// connection); 25,000 rows keep each statement's arrays and working memory modest. Measured: 10,000 to
// 100,000 rows per statement perform alike on both databases.
const applyChunk = 25_000;
// Rows per plain upsert statement (fixtures and tools that write without history).
const writeChunk = 5000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

const valueColumns = [
  'dataElementId',
  'period',
  'territoryId',
  'disaggregation',
  sql<string>`to_char(period_start, 'YYYY-MM-DD')`.as('periodStart'),
  'value',
  'comment',
  'flag',
  'source',
  'isSynthetic',
  'updatedBy',
  'updatedAt',
] as const;

/** All SQL of the data store: values, their history, approval states and deadlines as the store reads them. */
export function createValueRepository(db: Executor) {
  return {
    /**
     * Compares writes with the stored cells and applies the difference, all in the database: one statement
     * per chunk reads the old cells (joined on the key), upserts changed values, deletes cleared ones and logs
     * a history row for each change, so no row travels to the application and back. With `dryRun` it only
     * counts. Duplicate keys must have been refused before. Returns the counts, and the changed cells when
     * `returnChanges` (meant for small batches).
     */
    async applyWrites(
      writes: readonly CellWrite[],
      stamp: WriteStamp,
      options: { dryRun: boolean; returnChanges: boolean },
    ): Promise<ChunkCounts & { changes: ChangedCell[] }> {
      const total: ChunkCounts & { changes: ChangedCell[] } = {
        created: 0,
        updated: 0,
        deleted: 0,
        changes: [],
      };
      for (const part of chunks(writes, applyChunk)) {
        const column = <K extends keyof CellWrite>(key: K) => part.map((r) => r[key]);
        const diff = sql`
          input as (
            select * from unnest(
              cast(${column('dataElementId')} as uuid[]), cast(${column('period')} as text[]),
              cast(${column('territoryId')} as uuid[]), cast(${column('disaggregation')} as text[]),
              cast(${column('periodStart')} as date[]), cast(${column('value')} as double precision[]),
              cast(${column('comment')} as text[]), cast(${column('commentGiven')} as boolean[]),
              cast(${column('flag')} as text[]), cast(${column('flagGiven')} as boolean[]))
              as i(e, p, t, d, ps, v, c, cg, f, fg)
          ),
          diff as (
            select i.e, i.p, i.t, i.d, i.ps, i.v, o.data_element_id is not null as existed,
                   o.value as old_value, o.comment as old_comment, o.flag as old_flag,
                   case when i.v is null then null when i.cg then i.c else o.comment end as new_comment,
                   case when i.v is null then null when i.fg then i.f else o.flag end as new_flag
            from input i
            left join data_value o
              on o.data_element_id = i.e and o.period = i.p and o.territory_id = i.t and o.disaggregation = i.d
          ),
          changed as materialized (
            select * from diff
            where case when v is null then existed
                       else not existed or old_value is distinct from v or old_comment is distinct from new_comment
                            or old_flag is distinct from new_flag end
          )`;
        const writesCte = options.dryRun
          ? sql``
          : sql`,
          upserted as (
            insert into data_value (data_element_id, period, territory_id, disaggregation, period_start, value,
                                    comment, flag, source, is_synthetic, updated_by)
            select e, p, t, d, ps, v, new_comment, new_flag, ${stamp.source}, ${stamp.isSynthetic},
                   cast(${stamp.userId} as uuid)
            from changed where v is not null
            on conflict (data_element_id, period, territory_id, disaggregation) do update set
              value = excluded.value, comment = excluded.comment, flag = excluded.flag, source = excluded.source,
              is_synthetic = excluded.is_synthetic, updated_by = excluded.updated_by, updated_at = now()
          ),
          removed as (
            delete from data_value x using changed c
            where c.v is null and x.data_element_id = c.e and x.period = c.p and x.territory_id = c.t
              and x.disaggregation = c.d
          ),
          logged as (
            insert into data_value_history (data_element_id, period, territory_id, disaggregation, old_value,
                                            new_value, old_comment, new_comment, old_flag, new_flag, source,
                                            changed_by, changed_by_username)
            select e, p, t, d, old_value, v, old_comment, new_comment, old_flag, new_flag, ${stamp.source},
                   cast(${stamp.userId} as uuid), cast(${stamp.username} as text)
            from changed
          )`;
        if (options.returnChanges) {
          const { rows } = await sql<
            ChangedCell & { e: string; p: string; t: string; d: string; v: number | null }
          >`
            with ${diff}${writesCte}
            select e, p, t, d, v, existed, old_value, old_comment, old_flag, new_comment, new_flag from changed
          `.execute(db);
          for (const r of rows) {
            total.changes.push({
              dataElementId: r.e,
              period: r.p,
              territoryId: r.t,
              disaggregation: r.d,
              existed: r.existed,
              oldValue: r.oldValue,
              oldComment: r.oldComment,
              oldFlag: r.oldFlag,
              newValue: r.v,
              newComment: r.newComment,
              newFlag: r.newFlag,
            });
            if (r.v === null) total.deleted++;
            else if (r.existed) total.updated++;
            else total.created++;
          }
          continue;
        }
        const { rows } = await sql<{ created: string; updated: string; deleted: string }>`
          with ${diff}${writesCte}
          select count(*) filter (where v is not null and not existed) as created,
                 count(*) filter (where v is not null and existed) as updated,
                 count(*) filter (where v is null) as deleted
          from changed
        `.execute(db);
        const [counts] = rows;
        total.created += Number(counts?.created ?? 0);
        total.updated += Number(counts?.updated ?? 0);
        total.deleted += Number(counts?.deleted ?? 0);
      }
      return total;
    },

    /** One stored cell with everything the API shows. */
    findCell(key: CellKeyRow): Promise<ValueRecord | undefined> {
      return db
        .selectFrom('dataValue')
        .select(valueColumns)
        .where('dataElementId', '=', key.dataElementId)
        .where('period', '=', key.period)
        .where('territoryId', '=', key.territoryId)
        .where('disaggregation', '=', key.disaggregation)
        .executeTakeFirst();
    },

    /**
     * Inserts or replaces cells. Each statement binds one array per column and unnests them, so a chunk of
     * thousands of rows costs a dozen parameters and one plan instead of a parameter per field.
     */
    async upsertCells(rows: readonly ValueUpsert[]): Promise<void> {
      for (const part of chunks(rows, writeChunk)) {
        const column = <K extends keyof ValueUpsert>(key: K) => part.map((r) => r[key]);
        await sql`
          insert into data_value (data_element_id, period, territory_id, disaggregation, period_start, value,
                                  comment, flag, source, is_synthetic, updated_by)
          select * from unnest(
            cast(${column('dataElementId')} as uuid[]), cast(${column('period')} as text[]),
            cast(${column('territoryId')} as uuid[]), cast(${column('disaggregation')} as text[]),
            cast(${column('periodStart')} as date[]), cast(${column('value')} as double precision[]),
            cast(${column('comment')} as text[]), cast(${column('flag')} as text[]),
            cast(${column('source')} as text[]), cast(${column('isSynthetic')} as boolean[]),
            cast(${column('updatedBy')} as uuid[]))
          on conflict (data_element_id, period, territory_id, disaggregation) do update set
            value = excluded.value, comment = excluded.comment, flag = excluded.flag, source = excluded.source,
            is_synthetic = excluded.is_synthetic, updated_by = excluded.updated_by, updated_at = now()
        `.execute(db);
      }
    },

    /** A cell's changes, newest first. */
    history(key: CellKeyRow): Promise<DataValueHistoryRow[]> {
      return db
        .selectFrom('dataValueHistory')
        .selectAll()
        .where('dataElementId', '=', key.dataElementId)
        .where('period', '=', key.period)
        .where('territoryId', '=', key.territoryId)
        .where('disaggregation', '=', key.disaggregation)
        .orderBy('id', 'desc')
        .execute();
    },

    /** The values of some elements in one territory and period. */
    listValues(elementIds: readonly string[], territoryId: string, period: string): Promise<ValueRecord[]> {
      if (elementIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('dataValue')
        .select(valueColumns)
        .where('dataElementId', 'in', elementIds)
        .where('territoryId', '=', territoryId)
        .where('period', '=', period)
        .orderBy('dataElementId')
        .orderBy('disaggregation')
        .execute();
    },

    /** Values of some elements in one territory whose periods start between two days (both included). */
    listSeries(
      elementIds: readonly string[],
      territoryId: string,
      fromStart: string,
      toStart: string,
    ): Promise<SeriesRecord[]> {
      if (elementIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('dataValue')
        .select(['dataElementId', 'disaggregation', 'period', 'value'])
        .where('dataElementId', 'in', elementIds)
        .where('territoryId', '=', territoryId)
        .where('periodStart', '>=', fromStart)
        .where('periodStart', '<=', toStart)
        .execute();
    },

    /** Each element's total over its disaggregations in one territory and period (elements with values only). */
    async elementTotals(
      elementIds: readonly string[],
      territoryId: string,
      period: string,
    ): Promise<Map<string, number>> {
      if (elementIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('dataValue')
        .select(['dataElementId', sql<number>`sum(value)`.as('total')])
        .where('dataElementId', 'in', elementIds)
        .where('territoryId', '=', territoryId)
        .where('period', '=', period)
        .groupBy('dataElementId')
        .execute();
      return new Map(rows.map((r) => [r.dataElementId, Number(r.total)]));
    },

    /**
     * Approval rows of the given periods and territories (any agency); missing rows mean draft. Share-locked
     * until the transaction ends, so an approval step on these reports waits for the write that checked them.
     */
    listApprovals(periods: readonly string[], territoryIds: readonly string[]): Promise<DataApprovalRow[]> {
      if (periods.length === 0 || territoryIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('dataApproval')
        .selectAll()
        .where('period', 'in', periods)
        .where('territoryId', 'in', territoryIds)
        .forShare()
        .execute();
    },

    findApproval(
      agencyId: string,
      territoryId: string,
      period: string,
    ): Promise<DataApprovalRow | undefined> {
      return db
        .selectFrom('dataApproval')
        .selectAll()
        .where('agencyId', '=', agencyId)
        .where('territoryId', '=', territoryId)
        .where('period', '=', period)
        .executeTakeFirst();
    },

    /** Whether any value of the element is stored (a primary-key index probe). */
    async elementHasValues(dataElementId: string): Promise<boolean> {
      const row = await db
        .selectFrom('dataValue')
        .select(sql<number>`1`.as('one'))
        .where('dataElementId', '=', dataElementId)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** Days after a period's end an agency's report of that period type is due, when set. */
    async findDeadlineDays(agencyId: string, periodType: string): Promise<number | undefined> {
      const row = await db
        .selectFrom('reportingDeadline')
        .select('daysAfterEnd')
        .where('agencyId', '=', agencyId)
        .where('periodType', '=', periodType)
        .executeTakeFirst();
      return row?.daysAfterEnd;
    },
  };
}

export type ValueRepository = ReturnType<typeof createValueRepository>;

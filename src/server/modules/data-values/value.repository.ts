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

/** What a write compares with: the value and its annotations. */
export type StoredRecord = CellKeyRow & { value: number; comment: string | null; flag: string | null };

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

export type HistoryInsert = CellKeyRow & {
  oldValue: number | null;
  newValue: number | null;
  oldComment: string | null;
  newComment: string | null;
  oldFlag: string | null;
  newFlag: string | null;
  source: string;
  changedBy: string | null;
  changedByUsername: string | null;
};

/** A point of a cell's series, for outlier checks. */
export type SeriesRecord = { dataElementId: string; disaggregation: string; period: string; value: number };

// Rows per write statement: large enough to amortise round trips, small enough to keep statements modest.
const writeChunk = 5000;
// Keys per lookup statement: four arrays of this length, bound as four parameters.
const readChunk = 5000;

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

/** The keys as four parallel arrays joined with unnest: one statement finds any number of cells. */
const keyArrays = (keys: readonly CellKeyRow[]) => ({
  elements: keys.map((k) => k.dataElementId),
  periods: keys.map((k) => k.period),
  territories: keys.map((k) => k.territoryId),
  disaggregations: keys.map((k) => k.disaggregation),
});

/** All SQL of the data store: values, their history, approval states and deadlines as the store reads them. */
export function createValueRepository(db: Executor) {
  return {
    /** The stored cells among `keys` (any number; looked up in chunks), with what a write compares. */
    async findCells(keys: readonly CellKeyRow[]): Promise<StoredRecord[]> {
      const found: StoredRecord[] = [];
      for (const part of chunks(keys, readChunk)) {
        const k = keyArrays(part);
        const { rows } = await sql<StoredRecord>`
          select v.data_element_id, v.period, v.territory_id, v.disaggregation, v.value, v.comment, v.flag
          from data_value v
          join unnest(cast(${k.elements} as uuid[]), cast(${k.periods} as text[]),
                      cast(${k.territories} as uuid[]), cast(${k.disaggregations} as text[])) as k(e, p, t, d)
            on v.data_element_id = k.e and v.period = k.p and v.territory_id = k.t and v.disaggregation = k.d
        `.execute(db);
        found.push(...rows);
      }
      return found;
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

    async deleteCells(keys: readonly CellKeyRow[]): Promise<void> {
      for (const part of chunks(keys, readChunk)) {
        const k = keyArrays(part);
        await sql`
          delete from data_value v
          using unnest(cast(${k.elements} as uuid[]), cast(${k.periods} as text[]),
                       cast(${k.territories} as uuid[]), cast(${k.disaggregations} as text[])) as k(e, p, t, d)
          where v.data_element_id = k.e and v.period = k.p and v.territory_id = k.t and v.disaggregation = k.d
        `.execute(db);
      }
    },

    async insertHistory(rows: readonly HistoryInsert[]): Promise<void> {
      for (const part of chunks(rows, writeChunk)) {
        const column = <K extends keyof HistoryInsert>(key: K) => part.map((r) => r[key]);
        await sql`
          insert into data_value_history (data_element_id, period, territory_id, disaggregation, old_value,
                                          new_value, old_comment, new_comment, old_flag, new_flag, source,
                                          changed_by, changed_by_username)
          select * from unnest(
            cast(${column('dataElementId')} as uuid[]), cast(${column('period')} as text[]),
            cast(${column('territoryId')} as uuid[]), cast(${column('disaggregation')} as text[]),
            cast(${column('oldValue')} as double precision[]), cast(${column('newValue')} as double precision[]),
            cast(${column('oldComment')} as text[]), cast(${column('newComment')} as text[]),
            cast(${column('oldFlag')} as text[]), cast(${column('newFlag')} as text[]),
            cast(${column('source')} as text[]), cast(${column('changedBy')} as uuid[]),
            cast(${column('changedByUsername')} as text[]))
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

import { sql, type RawBuilder } from 'kysely';
import type { PeriodType } from '#shared/domain/period';
import type { Executor } from '#server/db/transaction';

/** How one element takes part in a query. */
export type ExplorerElementSpec = {
  id: string;
  agencyId: string;
  /** 1-based position of the split category in the element's combination; 0: not split. */
  optionPosition: number;
  aggregationTerritory: 'sum' | 'average';
  aggregationTime: 'sum' | 'average' | 'last';
  /** Which group of (stored → shown territory) pairs applies: the element's reporting level. */
  reportingGroup: number;
  /** Disaggregation cells a complete total has (1 without disaggregation). */
  cells: number;
  /** Cells a complete figure of one option of the split category has (0 when not split). */
  optionCells: number;
};

/** Which stored values the reader may see. `all`: everything; otherwise approved values plus the scope. */
export type ExplorerVisibility =
  | { kind: 'all' }
  | {
      kind: 'approved-or-scope';
      /** Elements the reader may write (their agency's); empty for "approved only". */
      scopeElementIds: string[];
      /** null: every territory; otherwise the reader's subtree. */
      scopeTerritoryIds: string[] | null;
    };

export type ExplorerAggregateInput = {
  elements: ExplorerElementSpec[];
  /**
   * Triples stored territory → index of the shown territory it counts for → reporting group (same length):
   * only a territory that reports an element of that group counts for it.
   */
  leafIds: string[];
  shownIndexes: number[];
  groups: number[];
  periodType: PeriodType;
  from: string;
  to: string;
  /** Whether any element is split by an option (adds per-option rows beside the totals). */
  split: boolean;
  visibility: ExplorerVisibility;
};

/** One figure, with positions rather than ids so the service can index it cheaply. */
export type ExplorerAggregateRow = {
  /** Position in `elements`. */
  elementIndex: number;
  /** The shown territory's index as given in `shownIndexes`. */
  territoryIndex: number;
  /** The shown period's first month, counted as year × 12 + month − 1. */
  monthIndex: number;
  /** null: the total over all disaggregations. */
  option: string | null;
  /** null: an option with no value in the period the total was taken from ('last' over time). */
  value: number | null;
  /** Stored periods with a value. */
  periodCount: number;
  /** The fewest reporting territories with a value in any of those periods (in the one used, for 'last'). */
  minLeaves: number;
  /** Every value behind the figure has all its disaggregation cells. */
  complete: boolean;
  /** For 'last' over time: the first month (year × 12 + month − 1) of the period used; else null. */
  lastMonthIndex: number | null;
  /** Some value behind the figure is synthetic demonstration data. */
  synthetic: boolean;
};

/**
 * A date's month counted from year 0 (year × 12 + month − 1). date_part, not extract: extract computes in
 * numeric, which costs more on every row of a result.
 */
const monthIndexSql = (date: RawBuilder<unknown>) =>
  sql<number>`(date_part('year', ${date})::int * 12 + date_part('month', ${date})::int - 1)`;

/** The shown period a stored period falls in, as its first day (grouping by a date is cheaper than by text). */
const bucketSql: Record<PeriodType, RawBuilder<string>> = {
  month: sql<string>`date_trunc('month', s2.period_start)::date`,
  quarter: sql<string>`date_trunc('quarter', s2.period_start)::date`,
  year: sql<string>`date_trunc('year', s2.period_start)::date`,
};

/**
 * Stored periods no coarser than the shown type, by the length of their id ('YYYY-MM' 7, 'YYYYQn' 6, 'YYYY' 4).
 * Applied after the first grouping, not in the scan: the planner cannot estimate a filter on length() and
 * would then pick sorts that spill to disk.
 */
const minPeriodLength: Record<PeriodType, number> = { month: 7, quarter: 6, year: 4 };

/**
 * Which stored rows the reader may see. The element's agency is looked up by position in the element arrays
 * rather than by a join, which keeps the planner's row estimate (and so its choice of hash aggregation) right.
 */
function visibilitySql(visibility: ExplorerVisibility, agencyOf: RawBuilder<string>): RawBuilder<boolean> {
  if (visibility.kind === 'all') return sql<boolean>`true`;
  const approved = sql<boolean>`exists (
    select 1 from data_approval a
    where a.agency_id = ${agencyOf} and a.territory_id = dv.territory_id and a.period = dv.period
      and a.status = 'approved')`;
  if (visibility.scopeElementIds.length === 0) return approved;
  const territory =
    visibility.scopeTerritoryIds === null
      ? sql<boolean>`true`
      : sql<boolean>`dv.territory_id = any(${visibility.scopeTerritoryIds}::uuid[])`;
  return sql<boolean>`((dv.data_element_id = any(${visibility.scopeElementIds}::uuid[]) and ${territory}) or ${approved})`;
}

/** All SQL of the data explorer: one aggregate query per request, plus the latest date with data. */
export function createExplorerRepository(db: Executor) {
  return {
    /** The first day of the latest stored period of any of the elements (one index probe per element). */
    async latestPeriodStart(elementIds: readonly string[]): Promise<string | null> {
      if (elementIds.length === 0) return null;
      const { rows } = await sql<{ latest: string | null }>`
        select to_char(max(l.period_start), 'YYYY-MM-DD') as latest
        from unnest(${[...elementIds]}::uuid[]) as e(id)
        cross join lateral (
          select dv.period_start from data_value dv
          where dv.data_element_id = e.id order by dv.period_start desc limit 1
        ) l`.execute(db);
      return rows[0]?.latest ?? null;
    },

    /**
     * Rolls stored values up the territory hierarchy and into the shown periods in one statement:
     *   1. per element, stored territory, stored period (and option): the sum over disaggregations;
     *   2. per shown territory and stored period: the element's territory aggregation over the territories
     *      that report it (a value stored elsewhere is not counted: it would count twice);
     *   3. per shown period: the element's time aggregation over stored periods ('last': the latest period
     *      with a total, and each option from that same period, so the options add up to the total).
     * Each figure carries what is needed to tell whether it lacks an expected part (cells, territories,
     * periods).
     * Reads only the elements' rows in the date range (index data_value_element_start_idx).
     */
    async aggregate(input: ExplorerAggregateInput): Promise<ExplorerAggregateRow[]> {
      if (input.elements.length === 0 || input.leafIds.length === 0) return [];
      // Without the camel-case plugin: it would copy every one of the thousands of rows only to rename
      // columns that are renamed here anyway.
      const { rows } = await aggregateSql(input).execute(db.withoutPlugins());
      return rows.map((r) => ({
        elementIndex: r.element_index,
        territoryIndex: r.territory_index,
        monthIndex: r.month_index,
        option: r.option_code ?? null,
        value: r.value === null ? null : Number(r.value),
        periodCount: r.period_count ?? 1,
        minLeaves: r.min_leaves ?? 1,
        complete: r.complete ?? false,
        lastMonthIndex: r.last_month_index ?? null,
        synthetic: r.synthetic,
      }));
    },
  };
}

/** A row of {@link aggregateSql}, with the database's column names (it runs without the camel-case plugin). */
export type AggregateSqlRow = {
  element_index: number;
  territory_index: number;
  month_index: number;
  /** Absent when nothing is split (null: the total). */
  option_code?: string | null;
  value: number | null;
  /** Absent by month (1: a month is one stored period). */
  period_count?: number;
  /** Absent when every shown territory is fed by itself alone (1). */
  min_leaves?: number;
  /** null: nothing at the period a 'last' figure was taken from. */
  complete: boolean | null;
  /** Present when some element takes the last value over time and periods are grouped. */
  last_month_index?: number | null;
  synthetic: boolean;
};

/** The aggregate statement of {@link createExplorerRepository}'s `aggregate` (exported for EXPLAIN in the bench). */
export function aggregateSql(input: ExplorerAggregateInput) {
  const ids = input.elements.map((e) => e.id);
  // The element's attributes by its position in `ids` (no join: see visibilitySql).
  const at = sql`array_position(${ids}::uuid[], dv.data_element_id)`;
  const agencyOf = sql<string>`(${input.elements.map((e) => e.agencyId)}::uuid[])[${at}]`;
  const optionSql = input.split
    ? // Byte order ("C"): these codes are only grouped, never shown sorted, and C compares fastest.
      // Position 0 (not split) gives '' (split_part refuses 0; null → coalesce).
      sql`coalesce(split_part(dv.disaggregation, '.', nullif((${input.elements.map((e) => e.optionPosition)}::int[])[${at}], 0)), '') collate "C"`
    : sql`''`;
  // Totals (opt null) always; per-option rows too when some element is split (an unsplit one gives '').
  const stage1Group = input.split
    ? sql`grouping sets ((element_id, territory_id, period_start, plen, opt), (element_id, territory_id, period_start, plen))`
    : sql`element_id, territory_id, period_start, plen`;
  const optOut = input.split ? sql`case when grouping(opt) = 1 then null else opt end` : sql`null::text`;
  const averageOverTerritory = input.elements
    .filter((e) => e.aggregationTerritory === 'average')
    .map((e) => e.id);
  const lastOverTime = input.elements.filter((e) => e.aggregationTime === 'last').map((e) => e.id);
  const averageOverTime = input.elements.filter((e) => e.aggregationTime === 'average').map((e) => e.id);
  const byShownPeriod = lastOverTime.length > 0 ? lastByShownPeriod(lastOverTime) : sumByShownPeriod;
  const selectByShownPeriod = sql`
    select array_position(${ids}::uuid[], g.element_id) - 1 as element_index, g.shown_ix as territory_index,
           ${monthIndexSql(sql`g.bucket`)} as month_index,
           g.option_code, g.value, g.period_count, g.min_leaves, g.complete, g.last_month_index, g.synthetic
    from (${byShownPeriod(averageOverTime, bucketSql[input.periodType])}) g`;
  // By month the rows leave out the columns that are constant there (each one costs parsing in the driver
  // for every row): the option when nothing is split, the period count (1), and the leaves when 1.
  const optionColumn = (from: 's1' | 's2') =>
    input.split ? sql`${sql.ref(`${from}.opt`)} as option_code,` : sql``;
  // By month, every stored period that passes the length filter is a month and is its own shown period, so
  // the third stage would group one row per group: skip it (it costs a sort and a pass over every figure).
  const byStoredMonth = sql`
    select array_position(${ids}::uuid[], s2.element_id) - 1 as element_index, s2.shown_ix as territory_index,
           ${monthIndexSql(sql`s2.period_start`)} as month_index,
           ${optionColumn('s2')} s2.value, s2.leaves as min_leaves, s2.complete, s2.synthetic
    from s2`;
  // By month with every shown territory fed by itself alone (districts, cities: nothing stored below them),
  // the second stage would also group one row per group (one stored territory, one month): a figure is the
  // sum over disaggregations, and only the shown territory's index is looked up.
  const oneLeafEach = new Set(input.shownIndexes).size === input.shownIndexes.length;
  // With one reporting group (the usual case: every element reported by territories without children)
  // the group needs no comparison.
  const mapJoin =
    new Set(input.groups).size <= 1
      ? sql`map.leaf_id = s1.territory_id`
      : sql`map.leaf_id = s1.territory_id and map.grp = (${input.elements.map((e) => e.reportingGroup)}::int[])[array_position(${ids}::uuid[], s1.element_id)]`;
  // Whether a stored territory's value for a period has every disaggregation cell it should.
  const cellsOf = sql`(${input.elements.map((e) => e.cells)}::int[])[array_position(${ids}::uuid[], element_id)]`;
  const optionCellsOf = sql`(${input.elements.map((e) => e.optionCells)}::int[])[array_position(${ids}::uuid[], element_id)]`;
  const completeSql = input.split
    ? sql`count(*) >= case when grouping(opt) = 1 then ${cellsOf} else ${optionCellsOf} end`
    : sql`count(*) >= ${cellsOf}`;
  const byStoredMonthAndTerritory = sql`
    select array_position(${ids}::uuid[], s1.element_id) - 1 as element_index, map.shown_ix as territory_index,
           ${monthIndexSql(sql`s1.period_start`)} as month_index,
           ${optionColumn('s1')} s1.value, s1.complete, s1.synthetic
    from s1 join map on ${mapJoin}
    where (s1.opt is null or s1.opt <> '') and s1.plen >= ${minPeriodLength.month}`;
  const last =
    input.periodType !== 'month'
      ? selectByShownPeriod
      : oneLeafEach
        ? byStoredMonthAndTerritory
        : byStoredMonth;
  // Left out when unused: PostgreSQL materialises a CTE named twice (s1, by s2 and by the final select).
  const stage2 =
    last === byStoredMonthAndTerritory
      ? sql``
      : sql`,
    s2 as (
      select s1.element_id, map.shown_ix, s1.period_start, s1.opt,
             case when s1.element_id = any(${averageOverTerritory}::uuid[]) then avg(s1.value)
                  else sum(s1.value) end as value,
             count(*)::int as leaves, bool_and(s1.complete) as complete, bool_or(s1.synthetic) as synthetic
      from s1 join map on ${mapJoin}
      where (s1.opt is null or s1.opt <> '') and s1.plen >= ${minPeriodLength[input.periodType]}
      group by s1.element_id, map.shown_ix, s1.period_start, s1.opt
    )`;
  // Stage 1 without a split reads the totals over disaggregation cells that the database keeps beside the
  // cells (data_value_total, updated in the transaction of every change): one row per figure instead of one
  // per cell. A split needs the cells themselves.
  const stage1 = input.split
    ? sql`
    stored as (
      select dv.data_element_id as element_id, dv.territory_id, dv.period_start, length(dv.period) as plen,
             dv.value, dv.is_synthetic, ${optionSql} as opt
      from data_value dv
      where dv.data_element_id = any(${ids}::uuid[])
        and dv.period_start between ${input.from}::date and ${input.to}::date
        and ${visibilitySql(input.visibility, agencyOf)}
    ),
    s1 as (
      select element_id, territory_id, period_start, plen, ${optOut} as opt, sum(value) as value,
             ${completeSql} as complete, bool_or(is_synthetic) as synthetic
      from stored group by ${stage1Group}
    )`
    : sql`
    s1 as (
      select dv.data_element_id as element_id, dv.territory_id, dv.period_start, length(dv.period) as plen,
             null::text as opt, dv.value::float8 as value,
             dv.cells >= (${input.elements.map((e) => e.cells)}::int[])[${at}] as complete,
             dv.synthetic_cells > 0 as synthetic
      from data_value_total dv
      where dv.data_element_id = any(${ids}::uuid[])
        and dv.period_start between ${input.from}::date and ${input.to}::date
        and ${visibilitySql(input.visibility, agencyOf)}
    )`;
  return sql<AggregateSqlRow>`
    with map(leaf_id, shown_ix, grp) as (
      select * from unnest(${input.leafIds}::uuid[], ${input.shownIndexes}::int[], ${input.groups}::int[])
    ),${stage1}${stage2}
    ${last}
  `;
}

/** Stage 3 when no element takes the last value over time: sum or average over the stored periods. */
function sumByShownPeriod(averageOverTime: readonly string[], bucket: RawBuilder<string>) {
  return sql`
      select s2.element_id, s2.shown_ix, ${bucket} as bucket, s2.opt as option_code,
             case when s2.element_id = any(${averageOverTime}::uuid[]) then avg(s2.value)
                  else sum(s2.value) end as value,
             count(*)::int as period_count, min(s2.leaves)::int as min_leaves, bool_and(s2.complete) as complete,
             null::int as last_month_index, bool_or(s2.synthetic) as synthetic
      from s2
      group by s2.element_id, s2.shown_ix, 3, s2.opt`;
}

/**
 * Stage 3 when some element takes the last value over time. Its figure is the one of the latest stored
 * period that has a total for the shown territory, and each option is taken from that same period (else an
 * option's own latest period could be older than the total's, and the options would not add up to it).
 * The other elements are summed or averaged as in {@link sumByShownPeriod}.
 */
function lastByShownPeriod(lastOverTime: readonly string[]) {
  return (averageOverTime: readonly string[], bucket: RawBuilder<string>) => {
    const isLast = sql`l.element_id = any(${lastOverTime}::uuid[])`;
    const atLast = sql`l.period_start = l.last_start`;
    return sql`
      select l.element_id, l.shown_ix, l.bucket, l.opt as option_code,
             case when l.element_id = any(${averageOverTime}::uuid[]) then avg(l.value)
                  when ${isLast} then max(l.value) filter (where ${atLast})
                  else sum(l.value) end as value,
             count(*)::int as period_count,
             (case when ${isLast} then min(l.leaves) filter (where ${atLast}) else min(l.leaves) end)::int
               as min_leaves,
             case when ${isLast} then bool_and(l.complete) filter (where ${atLast}) else bool_and(l.complete) end
               as complete,
             ${monthIndexSql(sql`max(l.last_start)`)}
               as last_month_index,
             bool_or(l.synthetic) as synthetic
      from (
        select s2.*, ${bucket} as bucket,
               max(s2.period_start) filter (where s2.opt is null)
                 over (partition by s2.element_id, s2.shown_ix, ${bucket}) as last_start
        from s2
      ) l
      group by l.element_id, l.shown_ix, l.bucket, l.opt`;
  };
}

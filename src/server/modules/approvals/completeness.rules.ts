import { deadlineOf, defaultDeadlinePolicy, type DeadlinePolicy } from '#shared/domain/deadline';
import { comparePeriods, parsePeriod, toPeriod } from '#shared/domain/period';

/**
 * Completeness (the share of expected values that are present) and timeliness (the share of expected
 * reports submitted by the deadline), per agency, territory and period. Pure arithmetic: the service
 * counts cells and submissions, these rules turn counts into ratios.
 *
 * Policies:
 * - Nothing expected gives `null`, never 0 % or 100 %: "no data were due" is not a score.
 * - Present values beyond the expected count (values for cells no longer expected) do not lift the ratio
 *   above 1; it is capped.
 * - A deadline is a UTC calendar day; a submission made any time on that day is on time.
 */

const assertCount = (n: number, what: string) => {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
};

/** What {@link expectedCells} multiplies. */
export type ExpectedCellsInput = {
  /** For each data element expected, how many disaggregation option combinations it has (1 when none). */
  optionCombosPerElement: readonly number[];
  /** How many territories report. */
  territories: number;
  /** How many periods are covered. */
  periods: number;
};

/**
 * The number of values expected: Σ(option combinations of each element) × territories × periods. Throws a
 * RangeError on a negative or fractional count, which would otherwise produce a meaningless ratio.
 */
export function expectedCells({ optionCombosPerElement, territories, periods }: ExpectedCellsInput): number {
  optionCombosPerElement.forEach((n) => assertCount(n, 'option combinations'));
  assertCount(territories, 'territories');
  assertCount(periods, 'periods');
  return optionCombosPerElement.reduce((sum, n) => sum + n, 0) * territories * periods;
}

/** Counts of expected and present values. */
export type CompletenessCounts = {
  expected: number;
  /** Values present among the expected ones. */
  present: number;
};

/**
 * The share of expected values that are present, in [0, 1]; `null` when nothing is expected. Present values
 * beyond the expected count are capped. Throws a RangeError on a negative or fractional count.
 */
export function completeness({ expected, present }: CompletenessCounts): number | null {
  assertCount(expected, 'expected');
  assertCount(present, 'present');
  if (expected === 0) return null;
  return Math.min(present, expected) / expected;
}

/** How many expected reports were submitted, on time, late, or not at all, and the on-time share. */
export type Timeliness = {
  expected: number;
  submitted: number;
  onTime: number;
  late: number;
  missing: number;
  /** onTime / expected in [0, 1]; `null` when no report is expected. A missing report counts as not on time. */
  ratio: number | null;
};

const dayMs = 86_400_000;

/** The instant after which a submission is late: midnight UTC after a deadline day, or a deadline instant. */
const isoLike = /^\d{4}-\d{2}-\d{2}(T|$)/;

const lateAfter = (deadline: string): number => {
  const isDay = /^\d{4}-\d{2}-\d{2}$/.test(deadline);
  const time = Date.parse(isDay ? `${deadline}T00:00:00Z` : deadline);
  if (!isoLike.test(deadline) || Number.isNaN(time)) {
    throw new RangeError(`"${deadline}" is not a date or an ISO timestamp`);
  }
  return isDay ? time + dayMs : time;
};

/** Whether a submission made at `submittedAt` (ISO timestamp) meets the deadline (see {@link timeliness}). */
export function isOnTime(submittedAt: string, deadline: string): boolean {
  const time = Date.parse(submittedAt);
  if (!isoLike.test(submittedAt) || Number.isNaN(time))
    throw new RangeError(`"${submittedAt}" is not an ISO timestamp`);
  const limit = lateAfter(deadline);
  return /^\d{4}-\d{2}-\d{2}$/.test(deadline) ? time < limit : time <= limit;
}

/**
 * Counts expected reports (one entry each) as on time, late or missing against a deadline. The deadline is a
 * UTC day `YYYY-MM-DD` (on time until the end of that day, as from {@link deadlineOf}) or an ISO timestamp
 * (on time up to and including that instant). Throws a RangeError on an unreadable date.
 */
export function timeliness(
  submissions: ReadonlyArray<{ submittedAt: string | null }>,
  deadline: string,
): Timeliness {
  lateAfter(deadline);
  let onTime = 0;
  let late = 0;
  for (const { submittedAt } of submissions) {
    if (submittedAt === null) continue;
    if (isOnTime(submittedAt, deadline)) onTime += 1;
    else late += 1;
  }
  const expected = submissions.length;
  return {
    expected,
    submitted: onTime + late,
    onTime,
    late,
    missing: expected - onTime - late,
    ratio: expected === 0 ? null : onTime / expected,
  };
}

/** One expected report: a dataset of one agency for one territory and period. */
export type CompletenessRow = {
  agencyId: string;
  territoryId: string;
  /** A period id such as `2024-03`. */
  period: string;
  /** Values expected in this report (see {@link expectedCells}). */
  expected: number;
  /** Expected values that are present. */
  present: number;
  /** When the report was submitted (ISO timestamp), or `null` if it has not been. */
  submittedAt: string | null;
};

/** What {@link summariseCompleteness} can group by. */
export type CompletenessDimension = 'agency' | 'territory' | 'period';

/** One group of {@link summariseCompleteness}: its key (the grouped dimensions only) and its figures. */
export type CompletenessSummary = {
  key: { agencyId?: string; territoryId?: string; period?: string };
  expected: number;
  present: number;
  /** present / expected, `null` when nothing is expected. */
  completeness: number | null;
  /** Reports in the group, and how they stand against each report's own period deadline. */
  reports: Timeliness;
};

const keyFields = { agency: 'agencyId', territory: 'territoryId', period: 'period' } as const;

const compareKeys = (a: CompletenessSummary['key'], b: CompletenessSummary['key']): number => {
  for (const field of ['agencyId', 'territoryId'] as const) {
    const x = a[field] ?? '';
    const y = b[field] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  if (a.period === undefined || b.period === undefined) return 0;
  const pa = parsePeriod(a.period);
  const pb = parsePeriod(b.period);
  return pa.ok && pb.ok ? comparePeriods(pa.value, pb.value) : a.period < b.period ? -1 : 1;
};

/**
 * Sums rows into one summary per combination of the `groupBy` dimensions (all rows in one group when it is
 * empty), ordered by agency, territory, then period in time order. Present counts are capped at each row's
 * expected count. Each row is one expected report, on time
 * when submitted by {@link deadlineOf} its period under `policy`. Throws a RangeError on an invalid period
 * or count.
 */
export function summariseCompleteness(
  rows: readonly CompletenessRow[],
  groupBy: readonly CompletenessDimension[],
  policy: DeadlinePolicy = defaultDeadlinePolicy,
): CompletenessSummary[] {
  const groups = new Map<string, { key: CompletenessSummary['key']; rows: CompletenessRow[] }>();
  for (const row of rows) {
    const key: CompletenessSummary['key'] = {};
    for (const dimension of groupBy) key[keyFields[dimension]] = row[keyFields[dimension]];
    const id = JSON.stringify([key.agencyId, key.territoryId, key.period]);
    const group = groups.get(id) ?? { key, rows: [] };
    group.rows.push(row);
    groups.set(id, group);
  }
  const summaries = [...groups.values()].map(({ key, rows: groupRows }): CompletenessSummary => {
    let expected = 0;
    let present = 0;
    let onTime = 0;
    let late = 0;
    for (const row of groupRows) {
      assertCount(row.expected, 'expected');
      assertCount(row.present, 'present');
      expected += row.expected;
      present += Math.min(row.present, row.expected);
      const deadline = deadlineOf(toPeriod(row.period), policy);
      if (row.submittedAt === null) continue;
      if (isOnTime(row.submittedAt, deadline)) onTime += 1;
      else late += 1;
    }
    const reports = groupRows.length;
    return {
      key,
      expected,
      present,
      completeness: completeness({ expected, present }),
      reports: {
        expected: reports,
        submitted: onTime + late,
        onTime,
        late,
        missing: reports - onTime - late,
        ratio: reports === 0 ? null : onTime / reports,
      },
    };
  });
  return summaries.sort((a, b) => compareKeys(a.key, b.key));
}

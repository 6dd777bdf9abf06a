import { deadlineOf, defaultDeadlinePolicy } from '#shared/domain/deadline';
import { reportingTerritoryIds, type ReportedLevel } from '#shared/domain/reporting';
import type {
  CompletenessDetail,
  CompletenessDetailList,
  CompletenessDetailQuery,
  CompletenessFigures,
  CompletenessGrouping,
  CompletenessQuery,
  CompletenessReport,
  CompletenessRow,
} from '#shared/contracts/approval.contract';
import type { ApprovalStatus } from '#shared/contracts/data-values.contract';
import { formatPeriod, parsePeriod, periodsBetween, toPeriod, type PeriodType } from '#shared/domain/period';
import type { Transactor } from '#server/db/transaction';
import type { Actor } from '#server/lib/actor';
import { msg } from '#shared/messages/catalogue';
import { AppError } from '#server/lib/app-error';
import type { CatalogueService } from '../indicators/catalogue.service';
import {
  completeness,
  expectedCells,
  isOnTime,
  summariseCompleteness,
  type CompletenessDimension,
  type CompletenessRow as ReportRow,
  type CompletenessSummary,
} from './completeness.rules';
import type { TerritoryService } from '../territories/territory.service';
import type { ApprovalService } from './approval.service';
import { createCompletenessRepository } from './completeness.repository';

export type CompletenessService = ReturnType<typeof createCompletenessService>;

/** The longest range one report covers: 20 years of months. */
export const maxReportPeriods = 240;

/** A query with the actor's territory scope (null: anywhere) applied. */
type ScopedQuery = CompletenessQuery & { within: ReadonlySet<string> | null };

type DetailRow = ReportRow & { status: ApprovalStatus; deadline: string; daysAfterEnd: number };

type Computed = {
  periodType: PeriodType;
  periods: string[];
  territories: number;
  rows: DetailRow[];
};

const fieldOf = { agency: 'agencyId', territory: 'territoryId', period: 'period' } as const;

const figuresOf = (groups: readonly CompletenessSummary[]): CompletenessFigures => {
  let expected = 0;
  let present = 0;
  let reports = 0;
  let submitted = 0;
  let onTime = 0;
  let late = 0;
  for (const g of groups) {
    expected += g.expected;
    present += g.present;
    reports += g.reports.expected;
    submitted += g.reports.submitted;
    onTime += g.reports.onTime;
    late += g.reports.late;
  }
  return {
    expected,
    present,
    completeness: completeness({ expected, present }),
    reports,
    submitted,
    onTime,
    late,
    timeliness: reports === 0 ? null : onTime / reports,
  };
};

/**
 * Completeness (share of expected values present) and timeliness (share of expected reports submitted by the
 * deadline). Expected: for each agency, its active elements of the period type × their option combinations ×
 * the territories that report each element × the periods. Reporting territories are by default those without
 * children (districts and cities), since agencies report at the lowest level and higher levels are sums; an
 * element reported at a named level is expected there instead (#shared/domain/reporting). A report counts as submitted
 * while it is submitted or approved (a returned one is back with the officer), at its latest submission time.
 */
export function createCompletenessService(deps: {
  tx: Transactor;
  catalogue: CatalogueService;
  territories: TerritoryService;
  approvals: ApprovalService;
}) {
  /**
   * Narrows a query to the actor's scope, as the approval queue is: an officer sees only their agency and
   * territory subtree, and asking for another agency or territory is refused.
   */
  async function scoped(actor: Actor, query: CompletenessQuery): Promise<ScopedQuery> {
    const scope = await deps.approvals.scopeOf(actor);
    if (scope.agencyId !== null && query.agencyId !== undefined && query.agencyId !== scope.agencyId)
      throw new AppError('OUT_OF_SCOPE', undefined, { agencyId: query.agencyId });
    if (
      scope.territoryIds !== null &&
      query.territoryId !== undefined &&
      !scope.territoryIds.has(query.territoryId)
    )
      throw new AppError('OUT_OF_SCOPE', undefined, { territoryId: query.territoryId });
    return { ...query, agencyId: scope.agencyId ?? query.agencyId, within: scope.territoryIds };
  }

  async function compute(query: ScopedQuery): Promise<Computed> {
    const from = parsePeriod(query.from);
    const to = parsePeriod(query.to);
    if (!from.ok)
      throw new AppError(
        'VALIDATION_FAILED',
        msg('period.invalid', { text: query.from, reason: from.code }),
        {
          field: 'from',
        },
      );
    if (!to.ok)
      throw new AppError('VALIDATION_FAILED', msg('period.invalid', { text: query.to, reason: to.code }), {
        field: 'to',
      });
    if (from.value.type !== to.value.type)
      throw new AppError('VALIDATION_FAILED', msg('completeness.period_types_differ'), {
        field: 'to',
      });
    const periods = periodsBetween(from.value, to.value).map(formatPeriod);
    if (periods.length === 0)
      throw new AppError('VALIDATION_FAILED', msg('completeness.from_after_to'), { field: 'to' });
    if (periods.length > maxReportPeriods)
      throw new AppError(
        'VALIDATION_FAILED',
        msg('completeness.too_many_periods', { max: maxReportPeriods }),
        {
          field: 'to',
        },
      );
    const periodType = from.value.type;

    const { items: allTerritories } = await deps.territories.list();
    const catalogue = await deps.catalogue.getCatalogue();
    const counted = catalogue.dataElements.filter(
      (e) =>
        e.isActive &&
        e.periodType === periodType &&
        (query.agencyId === undefined || e.agencyId === query.agencyId),
    );
    // Each element is expected where it is reported (#shared/domain/reporting; by default territories
    // without children): the territories of the report are those that report any of them.
    const reportingByLevel = new Map<ReportedLevel, Set<string>>();
    // With no element to count, the territories are still those that report by default.
    for (const level of new Set(counted.length > 0 ? counted.map((e) => e.reportedLevel) : ['leaf' as const]))
      reportingByLevel.set(level, reportingTerritoryIds(level, allTerritories));
    const reportsAt = (level: ReportedLevel, territoryId: string) =>
      reportingByLevel.get(level)?.has(territoryId) ?? false;
    let reporting = allTerritories
      .filter((t) => [...reportingByLevel.values()].some((ids) => ids.has(t.id)))
      .map((t) => t.id);
    if (query.territoryId !== undefined) {
      if (!allTerritories.some((t) => t.id === query.territoryId))
        throw new AppError('VALIDATION_FAILED', msg('reference.territory_missing'), { field: 'territoryId' });
      const subtree = new Set(await deps.territories.subtreeIds(query.territoryId));
      reporting = reporting.filter((id) => subtree.has(id));
    }
    const within = query.within;
    if (within !== null) reporting = reporting.filter((id) => within.has(id));

    const optionCount = new Map(catalogue.categories.map((c) => [c.id, c.options.length]));
    const combosOf = new Map(
      catalogue.categoryCombos.map((combo) => [
        combo.id,
        combo.categoryIds.reduce((product, id) => product * (optionCount.get(id) ?? 0), 1),
      ]),
    );
    const byAgency = new Map<string, { elementIds: string[]; combos: number[]; levels: ReportedLevel[] }>();
    for (const element of counted) {
      const entry = byAgency.get(element.agencyId) ?? { elementIds: [], combos: [], levels: [] };
      entry.elementIds.push(element.id);
      entry.combos.push(combosOf.get(element.categoryComboId) ?? 1);
      entry.levels.push(element.reportedLevel);
      byAgency.set(element.agencyId, entry);
    }

    const repository = createCompletenessRepository(deps.tx.executor);
    const deadlineDays = await deps.approvals.deadlineDays();
    const submissions = new Map(
      (await repository.listSubmissions([...byAgency.keys()], periods)).map((s) => [
        `${s.agencyId}/${s.territoryId}/${s.period}`,
        s,
      ]),
    );
    const reportingSet = new Set(reporting);
    const present = new Map<string, number>();
    const counts = await repository.countPresent(
      [...byAgency].flatMap(([agencyId, { elementIds }]) =>
        elementIds.map((elementId) => ({ elementId, agencyId })),
      ),
      periods,
      query.territoryId !== undefined || within !== null ? reporting : undefined,
    );
    for (const c of counts)
      if (reportingSet.has(c.territoryId))
        present.set(`${c.agencyId}/${c.territoryId}/${c.period}`, c.present);
    const rows: DetailRow[] = [];
    for (const [agencyId, { combos, levels }] of byAgency) {
      // The cells one territory owes in one period: those of the elements it reports.
      const expectedAt = (territoryId: string) =>
        expectedCells({
          optionCombosPerElement: combos.filter((_, i) => reportsAt(levels[i] ?? 'leaf', territoryId)),
          territories: 1,
          periods: 1,
        });
      const daysAfterEnd =
        deadlineDays.get(`${agencyId}/${periodType}`) ?? defaultDeadlinePolicy.daysAfterPeriodEnd;
      // One deadline per period, not per row: there are few periods and many rows.
      const deadlines = new Map(
        periods.map((p) => [p, deadlineOf(toPeriod(p), { daysAfterPeriodEnd: daysAfterEnd })]),
      );
      for (const territoryId of reporting) {
        const expected = expectedAt(territoryId);
        if (expected === 0) continue;
        for (const period of periods) {
          const key = `${agencyId}/${territoryId}/${period}`;
          const submission = submissions.get(key);
          const status = submission?.status ?? 'draft';
          const counted = status === 'submitted' || status === 'approved';
          rows.push({
            agencyId,
            territoryId,
            period,
            expected,
            present: present.get(key) ?? 0,
            submittedAt: counted ? (submission?.submittedAt?.toISOString() ?? null) : null,
            status,
            daysAfterEnd,
            deadline: deadlines.get(period) ?? '',
          });
        }
      }
    }
    return { periodType, periods, territories: reporting.length, rows };
  }

  /**
   * Summaries per agency (each with its own deadline policy), then the summaries of one group key collected
   * across agencies; when grouped by agency each list holds one summary.
   */
  function summarise(rows: readonly DetailRow[], groupBy: CompletenessGrouping): CompletenessSummary[][] {
    const perAgency = new Map<string, DetailRow[]>();
    for (const row of rows) {
      const list = perAgency.get(row.agencyId);
      if (list) list.push(row);
      else perAgency.set(row.agencyId, [row]);
    }
    const dimensions: CompletenessDimension[] = [groupBy];
    const merged = new Map<string, CompletenessSummary[]>();
    for (const agencyRows of perAgency.values()) {
      const first = agencyRows[0];
      if (!first) continue;
      for (const summary of summariseCompleteness(agencyRows, dimensions, {
        daysAfterPeriodEnd: first.daysAfterEnd,
      })) {
        const id = summary.key[fieldOf[groupBy]] ?? '';
        const list = merged.get(id);
        if (list) list.push(summary);
        else merged.set(id, [summary]);
      }
    }
    return [...merged.values()];
  }

  return {
    /** Grouped figures; officers' figures cover only their own scope. */
    async report(actor: Actor, query: CompletenessQuery): Promise<CompletenessReport> {
      const groupBy = query.groupBy ?? 'agency';
      const computed = await compute(await scoped(actor, query));
      const groups = summarise(computed.rows, groupBy);
      const order = new Map<string, number>(computed.periods.map((p, i) => [p, i]));
      const rows: CompletenessRow[] = groups
        .map((summaries) => ({ key: summaries[0]?.key ?? {}, ...figuresOf(summaries) }))
        .sort((a, b) =>
          groupBy === 'period'
            ? (order.get(a.key.period ?? '') ?? 0) - (order.get(b.key.period ?? '') ?? 0)
            : (a.completeness ?? -1) - (b.completeness ?? -1),
        );
      return {
        periodType: computed.periodType,
        periods: computed.periods,
        groupBy,
        territories: computed.territories,
        rows,
        // The groups partition the rows, so the total is the sum of the groups.
        total: figuresOf(groups.flat()),
      };
    },

    /** One row per expected report, by agency, territory and period. */
    async details(actor: Actor, query: CompletenessDetailQuery): Promise<CompletenessDetailList> {
      const { limit = 100, offset = 0, ...filter } = query;
      const { rows } = await compute(await scoped(actor, filter));
      const items: CompletenessDetail[] = rows.slice(offset, offset + limit).map((row) => ({
        agencyId: row.agencyId,
        territoryId: row.territoryId,
        period: row.period,
        expected: row.expected,
        present: row.present,
        completeness: completeness({ expected: row.expected, present: Math.min(row.present, row.expected) }),
        status: row.status,
        submittedAt: row.submittedAt,
        deadline: row.deadline,
        onTime: row.submittedAt === null ? null : isOnTime(row.submittedAt, row.deadline),
      }));
      return { total: rows.length, items };
    },
  };
}

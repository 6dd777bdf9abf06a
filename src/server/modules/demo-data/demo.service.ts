import { reportingTerritoryIds, type ReportedLevel } from '#shared/domain/reporting';
import { performance } from 'node:perf_hooks';
import { defaultDeadlinePolicy } from '#shared/domain/deadline';
import { periodStart, toPeriod, type IsoDate } from '#shared/domain/period';
import { msg } from '#shared/messages/catalogue';
import { AppError } from '#server/lib/app-error';
import type { Catalogue } from '#shared/contracts/catalogue.contract';
import type { Transactor } from '#server/db/transaction';
import { enqueueJob } from '#server/jobs/queue';
import type { Actor } from '#server/lib/actor';
import type { AgencyService } from '../agencies/agency.service';
import type { ApprovalService } from '../approvals/approval.service';
import type { AuditService } from '../audit/audit.service';
import type { UserService } from '../auth/user.service';
import { shippedElementCodes, type CatalogueService } from '../indicators/catalogue.service';
import type { JobService } from '../jobs/job.service';
import type { TerritoryService } from '../territories/territory.service';
import { createDemoRepository, type DemoApprovalColumns, type DemoValueColumns } from './demo.repository';
import {
  demoApproval,
  demoCombos,
  demoFirstYear,
  demoPeriods,
  demoSeriesValues,
  estimateDemoValues,
  lastCompleteMonth,
  type DemoCategory,
} from './demo.rules';
import {
  demoSeedJob,
  type DemoPlan,
  type DemoPlanElement,
  type DemoPlanTerritory,
  type DemoScope,
  type DemoSeedProgress,
  type DemoSeedSummary,
} from './demo.types';

export type DemoService = ReturnType<typeof createDemoService>;

/** The shipped elements with their disaggregation categories, in catalogue order. */
function demoElements(catalogue: Catalogue): DemoPlanElement[] {
  const categories = new Map(catalogue.categories.map((c) => [c.id, c]));
  const combos = new Map(catalogue.categoryCombos.map((c) => [c.id, c]));
  return catalogue.dataElements
    .filter((e) => e.isActive && shippedElementCodes.has(e.code))
    .map((e) => {
      const combo = combos.get(e.categoryComboId);
      const cats: DemoCategory[] = (combo?.categoryIds ?? []).map((id) => {
        const category = categories.get(id);
        return { code: category?.code ?? id, options: category?.options.map((o) => o.code) ?? [] };
      });
      const { id, code, agencyId, valueType, periodType } = e;
      return { id, code, agencyId, valueType, periodType, combos: demoCombos(cats) };
    });
}

/**
 * Demonstration data: synthetic values for every shipped data element, reporting territory (no children),
 * period from January 2015 to the last complete month and disaggregation, marked `source = 'demo'` and
 * `is_synthetic`, plus approvals by two disabled demo accounts with plausible dates, so the approval and
 * completeness screens have content. Adds only what is missing, so running it again adds nothing.
 */
export function createDemoService(deps: {
  tx: Transactor;
  audit: AuditService;
  catalogue: CatalogueService;
  territories: TerritoryService;
  agencies: AgencyService;
  jobs: JobService;
  users: UserService;
  approvals: ApprovalService;
  /** Today's UTC date; the clock unless a test fixes it. */
  today?: () => IsoDate;
}) {
  const today = deps.today ?? (() => new Date().toISOString().slice(0, 10));
  /** The reporting territories in scope (those without children, by code) with a population to scale by. */
  async function reportingTerritories(scope: DemoScope): Promise<DemoPlanTerritory[]> {
    const all = (await deps.territories.list()).items;
    const parents = new Set(all.map((t) => t.parentId).filter((id): id is string => id !== null));
    const leaves = all
      .filter((t) => !parents.has(t.id) && t.level !== 'country')
      .sort((a, b) => a.code.localeCompare(b.code))
      .slice(0, scope.territoryLimit ?? Number.MAX_SAFE_INTEGER);
    const result: DemoPlanTerritory[] = [];
    for (const t of leaves) {
      // The latest known total; the demo trend, not the population series, carries the change over time.
      const figures = (await deps.territories.getDetail(t.id)).population
        .filter((p) => p.total !== null)
        .sort((a, b) => b.year - a.year);
      result.push({ id: t.id, code: t.code, population: figures[0]?.total ?? null });
    }
    return result;
  }

  /** The elements, territories and years a seeding of the scope generates (nothing is written). */
  async function plan(scope: DemoScope = {}): Promise<DemoPlan> {
    const latest = lastCompleteMonth(today());
    const lastMonth = scope.lastMonth ?? latest;
    const fromYear = scope.yearsFrom ?? demoFirstYear;
    // Data for a month still running, or after a range's own end, would be invented future figures.
    if (lastMonth > latest)
      throw new AppError('VALIDATION_FAILED', msg('demo.last_month_future', { latest }), {
        field: 'lastMonth',
      });
    if (fromYear > Number(lastMonth.slice(0, 4)))
      throw new AppError('VALIDATION_FAILED', msg('demo.first_year_after_last', { lastMonth }), {
        field: 'yearsFrom',
      });
    return {
      range: { fromYear, lastMonth },
      elements: demoElements(await deps.catalogue.getCatalogue()),
      territories: await reportingTerritories(scope),
    };
  }

  return {
    plan,

    /** Values stored and how many of them are synthetic (the UI shows a banner while there are any). */
    async status(): Promise<{ syntheticValues: number; totalValues: number }> {
      const counts = await createDemoRepository(deps.tx.executor).countValues();
      return { syntheticValues: counts.synthetic, totalValues: counts.total };
    },

    /** Generates and stores the demo data of the scope; see the module policies in demo.rules.ts. */
    async seed(
      actor: Actor,
      scope: DemoScope = {},
      onProgress?: (progress: DemoSeedProgress) => Promise<void> | void,
    ): Promise<DemoSeedSummary> {
      const began = performance.now();
      const { range, elements, territories } = await plan(scope);
      const agencyCode = new Map((await deps.agencies.list()).items.map((a) => [a.id, a.code]));
      // Demonstration values go only where the write path would accept real ones: the element's reporting
      // territories (all shipped elements are reported by territories without children).
      const levelOf = new Map(
        (await deps.catalogue.getCatalogue()).dataElements.map((e) => [e.id, e.reportedLevel]),
      );
      const allTerritories = (await deps.territories.list()).items;
      const reporting = new Map<ReportedLevel, Set<string>>();
      const reportsAt = (elementId: string, territoryId: string) => {
        const level = levelOf.get(elementId) ?? 'leaf';
        let ids = reporting.get(level);
        if (!ids) {
          ids = reportingTerritoryIds(level, allTerritories);
          reporting.set(level, ids);
        }
        return ids.has(territoryId);
      };
      const estimatedValues = estimateDemoValues(
        elements.map((e) => ({ periodType: e.periodType, comboCount: e.combos.length })),
        territories.length,
        range,
      );
      const approvals = new Map<string, { agencyId: string; territoryId: string; period: string }>();
      let valuesAdded = 0;
      let done = 0;
      await onProgress?.({ done, total: estimatedValues, element: '' });
      for (const element of elements) {
        const periods = demoPeriods(element.periodType, range.fromYear, range.lastMonth);
        const starts = new Map(periods.map((p) => [p, periodStart(toPeriod(p))]));
        const rows: DemoValueColumns = {
          dataElementId: element.id,
          periods: [],
          periodStarts: [],
          territoryIds: [],
          disaggregations: [],
          values: [],
        };
        for (const territory of territories) {
          if (!reportsAt(element.id, territory.id)) continue;
          for (const combo of element.combos) {
            const series = demoSeriesValues({
              elementCode: element.code,
              valueType: element.valueType,
              territoryCode: territory.code,
              population: territory.population,
              combo,
              periods,
            });
            for (const point of series) {
              rows.periods.push(point.period);
              rows.periodStarts.push(starts.get(point.period)!);
              rows.territoryIds.push(territory.id);
              rows.disaggregations.push(combo.key);
              rows.values.push(point.value);
            }
          }
          for (const period of periods) {
            approvals.set(`${element.agencyId}|${territory.id}|${period}`, {
              agencyId: element.agencyId,
              territoryId: territory.id,
              period,
            });
          }
        }
        // One transaction per element: a large but bounded unit, and progress is reported between them
        // (never inside: on the embedded database the transaction holds the only connection).
        valuesAdded += await deps.tx.run((ex) => createDemoRepository(ex).insertValues(rows));
        done += element.combos.length * territories.length * periods.length;
        await onProgress?.({ done, total: estimatedValues, element: element.code });
      }

      const approvalRows: DemoApprovalColumns = {
        agencyIds: [],
        territoryIds: [],
        periods: [],
        statuses: [],
        submittedAts: [],
        decidedAts: [],
      };
      const territoryCode = new Map(territories.map((t) => [t.id, t.code]));
      const deadlineDays = await deps.approvals.deadlineDays();
      const periodTypeOf = (period: string) => toPeriod(period).type;
      for (const a of approvals.values()) {
        const approval = demoApproval({
          agencyCode: agencyCode.get(a.agencyId) ?? a.agencyId,
          territoryCode: territoryCode.get(a.territoryId) ?? a.territoryId,
          period: a.period,
          lastMonth: range.lastMonth,
          daysAfterEnd:
            deadlineDays.get(`${a.agencyId}/${periodTypeOf(a.period)}`) ??
            defaultDeadlinePolicy.daysAfterPeriodEnd,
        });
        if (approval === null) continue;
        approvalRows.agencyIds.push(a.agencyId);
        approvalRows.territoryIds.push(a.territoryId);
        approvalRows.periods.push(a.period);
        approvalRows.statuses.push(approval.status);
        approvalRows.submittedAts.push(approval.submittedAt);
        approvalRows.decidedAts.push(approval.decidedAt);
      }
      const accounts = await deps.users.ensureDemoAccounts(actor);
      const summary: DemoSeedSummary = {
        elements: elements.length,
        territories: territories.length,
        territoriesWithoutPopulation: territories.filter((t) => t.population === null).length,
        estimatedValues,
        valuesAdded,
        approvalsAdded: 0,
        ms: 0,
      };
      summary.approvalsAdded = await deps.tx.run(async (ex) => {
        const added = await createDemoRepository(ex).insertApprovals(approvalRows, accounts);
        // One entry for the whole seeding rather than history per value: these are not anyone's reports.
        await deps.audit.record(ex, actor, {
          action: 'data.demo.seeded',
          entityType: 'data_value',
          entityId: null,
          after: { ...summary, approvalsAdded: added, scope, range },
        });
        return added;
      });
      summary.ms = Math.round(performance.now() - began);
      return summary;
    },

    /**
     * On the first start (no value stored and no demo job ever queued), queues the demo seeding for the
     * worker so the server is ready at once. Returns whether it queued one.
     */
    async queueFirstStartSeed(actor: Actor): Promise<boolean> {
      if (await createDemoRepository(deps.tx.executor).hasAnyValue()) return false;
      if ((await deps.jobs.list({ name: demoSeedJob.name, limit: 1 })).total > 0) return false;
      await deps.tx.run(async (ex) => {
        const jobId = await enqueueJob(ex, demoSeedJob, {}, { createdBy: null });
        await deps.audit.record(ex, actor, {
          action: 'data.demo.queued',
          entityType: 'job',
          entityId: jobId,
        });
      });
      return true;
    },
  };
}

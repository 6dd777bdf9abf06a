import { disaggregationsOf, type Disaggregation } from '#shared/domain/disaggregation';
import { reportingTerritoryIds, type ReportedLevel } from '#shared/domain/reporting';
import type { LocalisedName } from '#shared/contracts/common.contract';
import { canRead, canWrite, isFigureLocked, scopeOf, type ValueScope } from '#shared/domain/value-scope';
import { deadlineOf, defaultDeadlinePolicy } from '#shared/domain/deadline';
import { msg } from '#shared/messages/catalogue';
import type { Catalogue, DataElement } from '#shared/contracts/catalogue.contract';
import type {
  ApprovalStatus,
  CellKey,
  EntryForm,
  EntryFormQuery,
  SaveValueRequest,
  SaveValueResponse,
  ValueCheck,
  ValueFlag,
  ValueHistoryEntry,
} from '#shared/contracts/data-values.contract';
import { parsePeriod, periodStart, toPeriod, type PeriodType } from '#shared/domain/period';
import type { Executor, Transactor } from '#server/db/transaction';
import type { Actor } from '#server/lib/actor';
import { AppError } from '#server/lib/app-error';
import type { AgencyService } from '../agencies/agency.service';
import type { AuditService } from '../audit/audit.service';
import type { CatalogueService } from '../indicators/catalogue.service';
import type { TerritoryService } from '../territories/territory.service';
import { createBoundRepository } from './bound.repository';
import { boundChecks } from './check.rules';
import { formChecks } from './check.service';
import type { ValueWrite, WriteSource, WriteSummary } from './values.types';
import { presentHistoryEntry, presentValue } from './value.presenter';
import { createValueRepository, type CellWrite, type ChangedCell } from './value.repository';
import {
  cellKeyOf,
  checkWrites,
  lastPeriodStartOn,
  normaliseComment,
  type CellChange,
  type ElementFacts,
  type StoredCell,
  type WriteProblem,
} from './value.rules';

export type ValueService = ReturnType<typeof createValueService>;

/** What a batch did, with the checks that now fail for what it wrote. */
export type ApplyResult = WriteSummary & { checks: ValueCheck[] };

// A batch touching more forms than this gets only bound checks: rules and outliers cost queries per form.
const fullCheckForms = 25;
// Enough warnings to act on; an import with more has a systematic problem the first ones show.
const maxBatchChecks = 1000;

/** The catalogue and territories as writes and forms need them, read once per call. */
type Facts = {
  catalogue: Catalogue;
  elements: Map<string, ElementFacts>;
  columns: (element: DataElement) => Disaggregation[];
  territories: Array<{ id: string; parentId: string | null; level: string; name: LocalisedName }>;
  territoryIds: Set<string>;
  /** Whether a territory reports figures of a level (memoised per level). */
  reportsAt: (level: ReportedLevel, territoryId: string) => boolean;
};

const approvalKey = (agencyId: string, territoryId: string, period: string) =>
  `${agencyId}|${territoryId}|${period}`;

/** Writes as the store applies them; period starts are computed once per period. */
function cellWrites(writes: readonly ValueWrite[]): CellWrite[] {
  const starts = new Map<string, string>();
  return writes.map((w) => {
    let start = starts.get(w.period);
    if (start === undefined) {
      start = periodStart(toPeriod(w.period));
      starts.set(w.period, start);
    }
    return {
      dataElementId: w.dataElementId,
      period: w.period,
      territoryId: w.territoryId,
      disaggregation: w.disaggregation,
      periodStart: start,
      value: w.value,
      comment: w.comment === undefined ? null : normaliseComment(w.comment),
      commentGiven: w.comment !== undefined,
      flag: w.flag ?? null,
      flagGiven: w.flag !== undefined,
    };
  });
}

/** A changed cell as the audit entry shows it: old and new state, null for no row. */
function toChange(cell: ChangedCell): CellChange {
  const key = {
    dataElementId: cell.dataElementId,
    period: cell.period,
    territoryId: cell.territoryId,
    disaggregation: cell.disaggregation,
  };
  const state = (value: number | null, comment: string | null, flag: string | null): StoredCell | null =>
    value === null ? null : { ...key, value, comment, flag: flag as ValueFlag | null };
  return {
    key,
    before: cell.existed ? state(cell.oldValue, cell.oldComment, cell.oldFlag) : null,
    after: state(cell.newValue, cell.newComment, cell.newFlag),
  };
}

/** The error a single form save gets for its first problem, the most fundamental kind first. */
function singleRefusal(problems: readonly WriteProblem[]): AppError {
  const order = ['not_found', 'not_reported', 'scope', 'locked', 'invalid'] as const;
  const problem = order.map((kind) => problems.find((p) => p.kind === kind)).find((p) => p !== undefined);
  const details = { field: problem?.column, message: problem?.message };
  const sentence = problem?.localised;
  switch (problem?.kind) {
    case 'not_found':
      return new AppError('NOT_FOUND', sentence, details);
    case 'not_reported':
      return new AppError('NOT_REPORTED_HERE', sentence, details);
    case 'scope':
      return new AppError('OUT_OF_SCOPE', sentence, details);
    case 'locked':
      return new AppError('DATA_LOCKED', sentence, details);
    case 'invalid':
    case undefined:
      return new AppError('VALUE_INVALID', sentence, details);
  }
}

/**
 * The data store: the one write path for the entry form, imports and value sets (validated whole, applied in
 * one transaction, history and audit written beside the change), the entry form itself, and cell history.
 */
export function createValueService(deps: {
  tx: Transactor;
  audit: AuditService;
  agencies: AgencyService;
  catalogue: CatalogueService;
  territories: TerritoryService;
}) {
  // What validation derives from a catalogue, kept per catalogue object: the catalogue service hands out the
  // same object until the catalogue changes, so a cell save does not rebuild it.
  const catalogueFacts = new WeakMap<Catalogue, Pick<Facts, 'elements' | 'columns'>>();

  function factsOf(catalogue: Catalogue): Pick<Facts, 'elements' | 'columns'> {
    const known = catalogueFacts.get(catalogue);
    if (known) return known;
    const categories = new Map(catalogue.categories.map((c) => [c.id, c]));
    const combos = new Map(catalogue.categoryCombos.map((c) => [c.id, c]));
    const columnsByCombo = new Map<string, Disaggregation[]>();
    const columns = (element: DataElement): Disaggregation[] => {
      const cached = columnsByCombo.get(element.categoryComboId);
      if (cached) return cached;
      const combo = combos.get(element.categoryComboId);
      const options = (combo?.categoryIds ?? []).map((id) => categories.get(id)?.options ?? []);
      const result = disaggregationsOf(options);
      columnsByCombo.set(element.categoryComboId, result);
      return result;
    };
    const elements = new Map<string, ElementFacts>(
      catalogue.dataElements.map((e) => [
        e.id,
        {
          id: e.id,
          code: e.code,
          agencyId: e.agencyId,
          valueType: e.valueType,
          periodType: e.periodType,
          isActive: e.isActive,
          disaggregations: new Set(columns(e).map((c) => c.key)),
          reportedLevel: e.reportedLevel,
          allowsNegative: e.allowsNegative,
        },
      ]),
    );
    const result = { elements, columns };
    catalogueFacts.set(catalogue, result);
    return result;
  }

  async function loadFacts(): Promise<Facts> {
    const [catalogue, territoryList] = await Promise.all([
      deps.catalogue.getCatalogue(),
      deps.territories.list(),
    ]);
    const territories = territoryList.items.map((t) => ({
      id: t.id,
      parentId: t.parentId,
      level: t.level,
      name: t.name,
    }));
    const reporting = new Map<ReportedLevel, Set<string>>();
    const reportsAt = (level: ReportedLevel, territoryId: string) => {
      let ids = reporting.get(level);
      if (!ids) {
        ids = reportingTerritoryIds(level, territories);
        reporting.set(level, ids);
      }
      return ids.has(territoryId);
    };
    return {
      catalogue,
      ...factsOf(catalogue),
      territories,
      territoryIds: new Set(territories.map((t) => t.id)),
      reportsAt,
    };
  }

  const scopeFor = (actor: Actor, facts: Facts): ValueScope => scopeOf(actor, facts.territories);

  async function approvalStatus(
    ex: Executor,
    agencyId: string,
    territoryId: string,
    period: string,
  ): Promise<ApprovalStatus> {
    const row = await createValueRepository(ex).findApproval(agencyId, territoryId, period);
    return row?.status ?? 'draft';
  }

  /** The audit entry of an applied batch (a single save records its cell's old and new state). */
  async function auditChanges(
    ex: Executor,
    actor: Actor,
    source: WriteSource,
    changes: readonly CellChange[],
    summary: WriteSummary,
    single: boolean,
  ): Promise<void> {
    const [change] = changes;
    if (single && change) {
      await deps.audit.record(ex, actor, {
        action: 'data.value.saved',
        entityType: 'data_value',
        entityId: cellKeyOf(change.key),
        before: change.before,
        after: change.after,
      });
    } else {
      await deps.audit.record(ex, actor, {
        action: 'data.values.import',
        entityType: 'data_value',
        entityId: null,
        after: {
          source,
          rows: summary.created + summary.updated + summary.deleted + summary.unchanged,
          changed: summary.created + summary.updated + summary.deleted,
          ...summary,
        },
      });
    }
  }

  /** Every refusal of a batch (element, territory, period, type, scope, approval lock), in the batch's order. */
  async function problemsOf(
    ex: Executor,
    facts: Facts,
    scope: ValueScope,
    writes: readonly ValueWrite[],
  ): Promise<WriteProblem[]> {
    const periods = [...new Set(writes.map((w) => w.period))];
    // Only known territories: an unknown id is reported by validation, and must not reach a uuid column.
    const territoryIds = [...new Set(writes.map((w) => w.territoryId))].filter((id) =>
      facts.territoryIds.has(id),
    );
    const names = new Map(facts.territories.map((t) => [t.id, t.name]));
    const statuses = new Map(
      (await createValueRepository(ex).listApprovals(periods, territoryIds)).map((a) => [
        approvalKey(a.agencyId, a.territoryId, a.period),
        a.status,
      ]),
    );
    return checkWrites(writes, {
      scope,
      elements: facts.elements,
      territoryIds: facts.territoryIds,
      statusOf: (agencyId, territoryId, period) =>
        statuses.get(approvalKey(agencyId, territoryId, period)) ?? 'draft',
      reportsAt: facts.reportsAt,
      territoryName: (id) => names.get(id) ?? id,
      lastPeriodStart: lastPeriodStartOn(new Date().toISOString().slice(0, 10)),
    });
  }

  /** Validates every write, then applies them all in one transaction (or reports what would change). */
  async function apply(
    actor: Actor,
    writes: readonly ValueWrite[],
    source: WriteSource,
    mode: { dryRun: boolean; single: boolean },
  ): Promise<{ facts: Facts; summary: WriteSummary; changed: number }> {
    const facts = await loadFacts();
    const scope = scopeFor(actor, facts);
    const work = async (ex: Executor) => {
      const repository = createValueRepository(ex);
      const problems = await problemsOf(ex, facts, scope, writes);
      if (problems.length > 0) {
        if (mode.single) throw singleRefusal(problems);
        throw new AppError('IMPORT_INVALID', msg('value.batch_refused', { count: problems.length }), {
          problems: problems.map(({ row, column, message, localised }) => ({
            row,
            column,
            message,
            localised,
          })),
        });
      }
      // The diff against what is stored, and the write with its history rows, happen in the database.
      const applied = await repository.applyWrites(
        cellWrites(writes),
        { source, isSynthetic: source === 'demo', userId: actor.userId, username: actor.username },
        { dryRun: mode.dryRun, returnChanges: mode.single },
      );
      const changed = applied.created + applied.updated + applied.deleted;
      const summary: WriteSummary = {
        created: applied.created,
        updated: applied.updated,
        deleted: applied.deleted,
        unchanged: writes.length - changed,
      };
      const changes = applied.changes.map(toChange);
      // A form save that changed nothing leaves no trace; an import always does, saying what it changed
      // (0 included), so "the file was loaded and matched what was stored" is on record.
      if (!mode.dryRun && (changed > 0 || !mode.single))
        await auditChanges(ex, actor, source, changes, summary, mode.single);
      return { facts, summary, changed };
    };
    return mode.dryRun ? work(deps.tx.executor) : deps.tx.run(work);
  }

  /** Checks for what a batch wrote: full form checks when it touched few forms, bounds otherwise. */
  async function batchChecks(
    facts: Facts,
    writes: readonly ValueWrite[],
    dryRun: boolean,
  ): Promise<ValueCheck[]> {
    const written = writes.filter((w): w is ValueWrite & { value: number } => w.value !== null);
    if (written.length === 0) return [];
    const forms = new Map<string, { agencyId: string; territoryId: string; period: string }>();
    for (const w of written) {
      const agencyId = facts.elements.get(w.dataElementId)?.agencyId ?? '';
      forms.set(approvalKey(agencyId, w.territoryId, w.period), {
        agencyId,
        territoryId: w.territoryId,
        period: w.period,
      });
      // Past the limit only bounds are checked: no need to list every form of a large import.
      if (forms.size > fullCheckForms) break;
    }
    const checks: ValueCheck[] = [];
    if (!dryRun && forms.size <= fullCheckForms) {
      for (const form of forms.values())
        checks.push(
          ...(await formChecks(deps.tx.executor, deps.territories, { catalogue: facts.catalogue, ...form })),
        );
      return checks.slice(0, maxBatchChecks);
    }
    const bounds = await createBoundRepository(deps.tx.executor).list([
      ...new Set(written.map((w) => w.dataElementId)),
    ]);
    // Bounds grouped by element: most writes of an import have none, and skip the search entirely.
    const boundsOf = new Map<string, typeof bounds>();
    for (const bound of bounds) {
      const known = boundsOf.get(bound.dataElementId);
      if (known) known.push(bound);
      else boundsOf.set(bound.dataElementId, [bound]);
    }
    for (const w of written) {
      const own = boundsOf.get(w.dataElementId);
      if (own === undefined) continue;
      checks.push(...boundChecks([w], own, w.territoryId));
      if (checks.length >= maxBatchChecks) break;
    }
    return checks.slice(0, maxBatchChecks);
  }

  return {
    /**
     * THE write path of the data store, for the entry form, spreadsheet and CSV imports and JSON value sets.
     * Checks every write first (element active, territory, period and its type, disaggregation, value type,
     * the actor's scope, approval locks) and refuses the whole batch as IMPORT_INVALID listing every problem
     * as {row, column, message}; otherwise applies all writes in one transaction: unchanged cells are left
     * alone, value null removes a cell, each change gets a history row, and the batch one audit entry.
     */
    async applyValues(
      actor: Actor,
      writes: readonly ValueWrite[],
      source: WriteSource,
      options: { dryRun?: boolean } = {},
    ): Promise<ApplyResult> {
      const dryRun = options.dryRun ?? false;
      const { facts, summary } = await apply(actor, writes, source, { dryRun, single: false });
      return { ...summary, checks: await batchChecks(facts, writes, dryRun) };
    },

    /**
     * The refusals `applyValues` would give this batch now (elements, territories, periods, types, scope, locks),
     * as a list: empty when it would be accepted. No diff against what is stored and no checks. Imports use it to
     * report problems in their own rows, and to accept a file that a job writes later.
     */
    async checkValues(actor: Actor, writes: readonly ValueWrite[]): Promise<WriteProblem[]> {
      const facts = await loadFacts();
      return problemsOf(deps.tx.executor, facts, scopeFor(actor, facts), writes);
    },

    /** Saves one cell of the entry form; refusals carry NOT_FOUND, OUT_OF_SCOPE, DATA_LOCKED or VALUE_INVALID. */
    async saveValue(actor: Actor, input: SaveValueRequest): Promise<SaveValueResponse> {
      const write: ValueWrite = {
        dataElementId: input.dataElementId,
        territoryId: input.territoryId,
        period: input.period,
        disaggregation: input.disaggregation ?? '',
        value: input.value,
        comment: input.comment,
        flag: input.flag,
      };
      const { facts, changed } = await apply(actor, [write], 'form', { dryRun: false, single: true });
      const agencyId = facts.elements.get(write.dataElementId)?.agencyId ?? '';
      // Both read the committed state; on PostgreSQL they run on separate connections at once.
      const [stored, checks] = await Promise.all([
        createValueRepository(deps.tx.executor).findCell(write),
        formChecks(deps.tx.executor, deps.territories, {
          catalogue: facts.catalogue,
          agencyId,
          territoryId: write.territoryId,
          period: write.period,
        }),
      ]);
      return { value: stored ? presentValue(stored) : null, changed: changed > 0, checks };
    },

    /** Everything the entry grid shows for (agency, territory, period); officers only within their scope. */
    async getEntryForm(actor: Actor, query: EntryFormQuery): Promise<EntryForm> {
      const parsed = parsePeriod(query.period);
      if (!parsed.ok)
        throw new AppError(
          'VALIDATION_FAILED',
          msg('period.invalid', { text: query.period, reason: parsed.code }),
          { field: 'period' },
        );
      if (!(await deps.agencies.exists(query.agencyId)))
        throw new AppError('NOT_FOUND', msg('not_found', { entity: 'agency' }));
      const facts = await loadFacts();
      if (!facts.territoryIds.has(query.territoryId))
        throw new AppError('NOT_FOUND', msg('not_found', { entity: 'territory' }));
      const scope = scopeFor(actor, facts);
      // The code's own sentence: this agency or territory is outside your scope.
      if (!canWrite(scope, query.agencyId, query.territoryId)) throw new AppError('OUT_OF_SCOPE');
      const periodType: PeriodType = parsed.value.type;
      const elements = facts.catalogue.dataElements.filter(
        (e) => e.agencyId === query.agencyId && e.isActive && e.periodType === periodType,
      );
      const repository = createValueRepository(deps.tx.executor);
      const [values, approval, deadlineDays, checks] = await Promise.all([
        repository.listValues(
          elements.map((e) => e.id),
          query.territoryId,
          query.period,
        ),
        repository.findApproval(query.agencyId, query.territoryId, query.period),
        repository.findDeadlineDays(query.agencyId, periodType),
        formChecks(deps.tx.executor, deps.territories, { catalogue: facts.catalogue, ...query }),
      ]);
      const status = approval?.status ?? 'draft';
      return {
        agencyId: query.agencyId,
        territoryId: query.territoryId,
        period: query.period,
        elements: elements.map((e) => ({
          id: e.id,
          code: e.code,
          name: e.name,
          unit: e.unit,
          valueType: e.valueType,
          periodType: e.periodType,
          columns: facts.columns(e).map((c) => ({ disaggregation: c.key, name: c.name })),
        })),
        values: values.map(presentValue),
        checks,
        approval: {
          agencyId: query.agencyId,
          territoryId: query.territoryId,
          period: query.period,
          status,
          submittedAt: approval?.submittedAt?.toISOString() ?? null,
          submittedBy: approval?.submittedBy ?? null,
          decidedAt: approval?.decidedAt?.toISOString() ?? null,
          decidedBy: approval?.decidedBy ?? null,
          reason: approval?.reason ?? null,
          deadline: deadlineOf(parsed.value, {
            daysAfterPeriodEnd: deadlineDays ?? defaultDeadlinePolicy.daysAfterPeriodEnd,
          }),
        },
        editable: !isFigureLocked(scope, status),
      };
    },

    /** A cell's changes, newest first; officers see cells in their scope, and approved ones anywhere. */
    async history(actor: Actor, key: CellKey): Promise<ValueHistoryEntry[]> {
      const facts = await loadFacts();
      const element = facts.elements.get(key.dataElementId);
      if (!element) throw new AppError('NOT_FOUND', msg('not_found', { entity: 'data_element' }));
      if (!facts.territoryIds.has(key.territoryId))
        throw new AppError('NOT_FOUND', msg('not_found', { entity: 'territory' }));
      const scope = scopeFor(actor, facts);
      const status = await approvalStatus(deps.tx.executor, element.agencyId, key.territoryId, key.period);
      if (!canRead(scope, element.agencyId, key.territoryId, status))
        throw new AppError('OUT_OF_SCOPE', msg('value.cell_out_of_scope'));
      const rows = await createValueRepository(deps.tx.executor).history(key);
      return rows.map(presentHistoryEntry);
    },

    /**
     * What an actor may write (and read beyond approved values): agency id null = any agency, territory ids
     * null = anywhere. For the explorer and approvals; pair it with `canWrite`/`canRead` from value.rules.
     */
    async valueScope(actor: Actor): Promise<ValueScope> {
      const territories = (await deps.territories.list()).items;
      return scopeOf(actor, territories);
    },

    /** Whether the element has stored values; the catalogue asks before changing what those values mean. */
    elementHasValues(dataElementId: string): Promise<boolean> {
      return createValueRepository(deps.tx.executor).elementHasValues(dataElementId);
    },
  };
}

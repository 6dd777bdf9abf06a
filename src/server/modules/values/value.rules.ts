import type { ApprovalStatus, ValueFlag } from '#shared/contracts/data-values.contract';
import { canWrite, isFigureLocked, type ValueScope } from '#shared/domain/value-scope';
import { parsePeriod, periodStart, type PeriodType } from '#shared/domain/period';
import type { ReportedLevel } from '#shared/domain/reporting';
import { described, msg } from '#shared/messages/catalogue';
import type { Message } from '#shared/messages/message';
import type { LocalisedMessage, LocalisedName } from '#shared/contracts/common.contract';
import type { ValueWrite, WriteSummary } from './values.types';

/** What validation needs to know of a data element. */
export type ElementFacts = {
  id: string;
  code: string;
  agencyId: string;
  valueType: 'integer' | 'number' | 'percentage';
  periodType: PeriodType;
  isActive: boolean;
  disaggregations: ReadonlySet<string>;
  /** Where the element's figures are entered ('leaf' or a territory level). */
  reportedLevel: ReportedLevel;
  /** Whether a value may be below zero. */
  allowsNegative: boolean;
};

/**
 * Why a write is refused: not found (element, territory), an invalid value or key, out of scope, locked, or
 * a territory where the element is not reported (its figure there is a sum of the territories that report it).
 */
export type WriteProblemKind = 'not_found' | 'invalid' | 'scope' | 'locked' | 'not_reported';

/**
 * One refused write: its position (1-based), the field at fault, the sentence as a catalogue message
 * (`localised`, rendered in the reader's language) and its English rendering (`message`, for logs and API
 * clients).
 */
export type WriteProblem = {
  row: number;
  column: string;
  message: string;
  kind: WriteProblemKind;
  localised: LocalisedMessage;
};

/**
 * The largest size of a stored value. Far above any real count or amount, and small enough that sums of
 * millions of them stay exact in a double and never overflow the database's arithmetic.
 */
export const maxAbsoluteValue = 1e15;

/** What validation looks up; all of it loaded in bulk before the writes are checked. */
export type WriteContext = {
  scope: ValueScope;
  elements: ReadonlyMap<string, ElementFacts>;
  territoryIds: ReadonlySet<string>;
  /** The approval status of (agency, territory, period); missing means draft. */
  statusOf: (agencyId: string, territoryId: string, period: string) => ApprovalStatus;
  /** Whether a territory reports figures of the given level (#shared/domain/reporting). */
  reportsAt: (level: ReportedLevel, territoryId: string) => boolean;
  /** A known territory's name, for messages. */
  territoryName: (territoryId: string) => LocalisedName | string;
  /** The last day a period may start on: the end of next year (no figures are known further ahead). */
  lastPeriodStart: string;
};

/** The last day a stored period may start on, for a write made on `today` (YYYY-MM-DD): 31 December next year. */
export const lastPeriodStartOn = (today: string): string => `${Number(today.slice(0, 4)) + 1}-12-31`;

/** The key of a cell, for maps: element, period, territory, disaggregation. */
export function cellKeyOf(cell: {
  dataElementId: string;
  period: string;
  territoryId: string;
  disaggregation: string;
}): string {
  return `${cell.dataElementId}|${cell.period}|${cell.territoryId}|${cell.disaggregation}`;
}

/** A number as people read it in messages: no exponent for ordinary figures, at most 6 decimals. */
export function showNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
}

/**
 * Checks one write against the catalogue, the territories, the user's scope and the approval state; returns
 * every problem found (none for a good write). `row` is the 1-based position reported back.
 */
export function checkWrite(
  write: ValueWrite,
  row: number,
  context: WriteContext,
  parse: typeof parsePeriod = parsePeriod,
): WriteProblem[] {
  const problems: WriteProblem[] = [];
  const problem = (column: string, kind: WriteProblemKind, message: Message) =>
    problems.push({ row, column, kind, ...described(message) });
  const element = context.elements.get(write.dataElementId);
  if (!element) problem('dataElementId', 'not_found', msg('value.element_unknown'));
  else if (!element.isActive)
    problem('dataElementId', 'invalid', msg('value.element_inactive', { code: element.code }));
  const territoryKnown = context.territoryIds.has(write.territoryId);
  if (!territoryKnown) problem('territoryId', 'not_found', msg('value.territory_unknown'));
  const period = parse(write.period);
  if (!period.ok)
    problem('period', 'invalid', msg('period.invalid', { text: write.period, reason: period.code }));
  else if (element && period.value.type !== element.periodType)
    problem(
      'period',
      'invalid',
      msg('value.period_type_wrong', {
        code: element.code,
        periodType: element.periodType,
        period: write.period,
        given: period.value.type,
      }),
    );
  else if (periodStart(period.value) > context.lastPeriodStart)
    problem(
      'period',
      'invalid',
      msg('value.period_too_late', { period: write.period, last: context.lastPeriodStart }),
    );
  if (element && !element.disaggregations.has(write.disaggregation))
    problem(
      'disaggregation',
      'invalid',
      write.disaggregation === ''
        ? msg('value.disaggregation_missing', {
            code: element.code,
            options: [...element.disaggregations].slice(0, 5).join(', '),
          })
        : msg('value.disaggregation_unknown', { given: write.disaggregation, code: element.code }),
    );
  if (write.value !== null) {
    const value = write.value;
    if (!Number.isFinite(value)) problem('value', 'invalid', msg('value.not_finite'));
    else if (Math.abs(value) > maxAbsoluteValue)
      problem('value', 'invalid', msg('value.too_large', { value: String(value), max: maxAbsoluteValue }));
    else if (element?.valueType === 'integer' && !Number.isInteger(value))
      problem('value', 'invalid', msg('value.not_whole', { code: element.code, value: showNumber(value) }));
    else if (element?.valueType === 'percentage' && (value < 0 || value > 100))
      problem(
        'value',
        'invalid',
        msg('value.not_percentage', { code: element.code, value: showNumber(value) }),
      );
    else if (element && value < 0 && !element.allowsNegative)
      problem('value', 'invalid', msg('value.negative', { code: element.code, value: showNumber(value) }));
  }
  if (element && territoryKnown && !context.reportsAt(element.reportedLevel, write.territoryId))
    problem(
      'territoryId',
      'not_reported',
      msg('value.not_reported_here', {
        code: element.code,
        territory: context.territoryName(write.territoryId),
        level: element.reportedLevel,
      }),
    );
  else if (element && territoryKnown) {
    if (!canWrite(context.scope, element.agencyId, write.territoryId))
      problem(
        'dataElementId',
        'scope',
        context.scope.agencyId !== null && context.scope.agencyId !== element.agencyId
          ? msg('value.other_agency', { code: element.code })
          : msg('value.territory_out_of_scope', { territory: context.territoryName(write.territoryId) }),
      );
    else if (period.ok) {
      const status = context.statusOf(element.agencyId, write.territoryId, write.period);
      if (isFigureLocked(context.scope, status))
        problem(
          'period',
          'locked',
          status === 'approved'
            ? msg('value.approved_locked', { period: write.period })
            : msg('value.submitted_locked', { period: write.period }),
        );
    }
  }
  return problems;
}

/** Checks a batch: every write, plus writes of the same cell twice. */
export function checkWrites(writes: readonly ValueWrite[], context: WriteContext): WriteProblem[] {
  const problems: WriteProblem[] = [];
  const firstRow = new Map<string, number>();
  // A batch repeats few periods many times: each is parsed once.
  const periods = new Map<string, ReturnType<typeof parsePeriod>>();
  const parse = (text: string) => {
    let parsed = periods.get(text);
    if (parsed === undefined) {
      parsed = parsePeriod(text);
      periods.set(text, parsed);
    }
    return parsed;
  };
  writes.forEach((write, index) => {
    const found = checkWrite(write, index + 1, context, parse);
    if (found.length > 0) problems.push(...found);
    const key = cellKeyOf(write);
    const earlier = firstRow.get(key);
    if (earlier === undefined) firstRow.set(key, index + 1);
    else
      problems.push({
        row: index + 1,
        column: 'value',
        kind: 'invalid',
        ...described(msg('value.same_cell_twice', { row: earlier })),
      });
  });
  return problems;
}

/** A stored cell as the write plan sees it. */
export type StoredCell = {
  dataElementId: string;
  period: string;
  territoryId: string;
  disaggregation: string;
  value: number;
  comment: string | null;
  flag: ValueFlag | null;
};

/** One change of a cell: old → new (null for a missing row). */
export type CellChange = {
  key: { dataElementId: string; period: string; territoryId: string; disaggregation: string };
  before: StoredCell | null;
  after: StoredCell | null;
};

/**
 * Turns valid writes into changes against what is stored: a write equal to the stored cell (or clearing a
 * missing one) is unchanged; undefined comment and flag keep the stored ones; value null removes the row.
 * The store applies the same comparison in SQL (value.repository `applyWrites`); keep the two in step.
 */
export function planWrites(
  writes: readonly ValueWrite[],
  stored: ReadonlyMap<string, StoredCell>,
): { changes: CellChange[]; summary: WriteSummary } {
  const summary: WriteSummary = { created: 0, updated: 0, deleted: 0, unchanged: 0 };
  const changes: CellChange[] = [];
  for (const write of writes) {
    const key = {
      dataElementId: write.dataElementId,
      period: write.period,
      territoryId: write.territoryId,
      disaggregation: write.disaggregation,
    };
    const before = stored.get(cellKeyOf(key)) ?? null;
    if (write.value === null) {
      if (before === null) summary.unchanged++;
      else {
        summary.deleted++;
        changes.push({ key, before, after: null });
      }
      continue;
    }
    const after: StoredCell = {
      ...key,
      value: write.value,
      comment: write.comment === undefined ? (before?.comment ?? null) : normaliseComment(write.comment),
      flag: write.flag === undefined ? (before?.flag ?? null) : write.flag,
    };
    if (
      before !== null &&
      before.value === after.value &&
      before.comment === after.comment &&
      before.flag === after.flag
    ) {
      summary.unchanged++;
      continue;
    }
    if (before === null) summary.created++;
    else summary.updated++;
    changes.push({ key, before, after });
  }
  return { changes, summary };
}

/** An empty or blank comment is no comment. */
export function normaliseComment(comment: string | null): string | null {
  const trimmed = comment?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

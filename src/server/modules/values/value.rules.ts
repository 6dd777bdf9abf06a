import type { ApprovalStatus, ValueFlag } from '#shared/contracts/data-values.contract';
import { canWrite, isFigureLocked, type ValueScope } from '#shared/domain/value-scope';
import { parsePeriod, type PeriodType } from '#shared/domain/period';
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
};

/** Why a write is refused: not found (element, territory), an invalid value or key, out of scope, locked. */
export type WriteProblemKind = 'not_found' | 'invalid' | 'scope' | 'locked';

/** One refused write: its position (1-based), the field at fault and an English sentence. */
export type WriteProblem = { row: number; column: string; message: string; kind: WriteProblemKind };

/** What validation looks up; all of it loaded in bulk before the writes are checked. */
export type WriteContext = {
  scope: ValueScope;
  elements: ReadonlyMap<string, ElementFacts>;
  territoryIds: ReadonlySet<string>;
  /** The approval status of (agency, territory, period); missing means draft. */
  statusOf: (agencyId: string, territoryId: string, period: string) => ApprovalStatus;
};

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
  const problem = (column: string, kind: WriteProblemKind, message: string) =>
    problems.push({ row, column, kind, message });
  const element = context.elements.get(write.dataElementId);
  if (!element) problem('dataElementId', 'not_found', 'There is no such data element.');
  else if (!element.isActive)
    problem('dataElementId', 'invalid', `Data element ${element.code} is inactive.`);
  const territoryKnown = context.territoryIds.has(write.territoryId);
  if (!territoryKnown) problem('territoryId', 'not_found', 'There is no such territory.');
  const period = parse(write.period);
  if (!period.ok) problem('period', 'invalid', `The period ${period.message}.`);
  else if (element && period.value.type !== element.periodType)
    problem(
      'period',
      'invalid',
      `${element.code} is reported by ${element.periodType}; ${write.period} is a ${period.value.type}.`,
    );
  if (element && !element.disaggregations.has(write.disaggregation))
    problem(
      'disaggregation',
      'invalid',
      write.disaggregation === ''
        ? `${element.code} needs a disaggregation (one of ${[...element.disaggregations].slice(0, 5).join(', ')}…).`
        : `"${write.disaggregation}" is not a disaggregation of ${element.code}.`,
    );
  if (write.value !== null) {
    const value = write.value;
    if (!Number.isFinite(value)) problem('value', 'invalid', 'The value is not a finite number.');
    else if (element?.valueType === 'integer' && !Number.isInteger(value))
      problem('value', 'invalid', `${element.code} takes whole numbers; ${showNumber(value)} is not one.`);
    else if (element?.valueType === 'percentage' && (value < 0 || value > 100))
      problem('value', 'invalid', `${element.code} is a percentage (0–100); ${showNumber(value)} is not.`);
  }
  if (element && territoryKnown) {
    if (!canWrite(context.scope, element.agencyId, write.territoryId))
      problem(
        'dataElementId',
        'scope',
        context.scope.agencyId !== null && context.scope.agencyId !== element.agencyId
          ? `${element.code} belongs to another agency.`
          : 'The territory is outside your scope.',
      );
    else if (period.ok) {
      const status = context.statusOf(element.agencyId, write.territoryId, write.period);
      if (isFigureLocked(context.scope, status))
        problem(
          'period',
          'locked',
          status === 'approved'
            ? `The figures of ${write.period} are approved and locked.`
            : `The figures of ${write.period} are submitted for approval; they can be changed once returned.`,
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
        message: `The same cell is already set in row ${earlier}.`,
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

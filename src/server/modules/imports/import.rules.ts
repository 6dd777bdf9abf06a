import { disaggregationsOf as columnsOf, type Disaggregation } from '#shared/domain/disaggregation';
import type { Catalogue, DataElement } from '#shared/contracts/catalogue.contract';
import { valueFlags, type ValueFlag } from '#shared/contracts/data-values.contract';
import type { ImportProblem, Territory } from '#shared/contracts/territories.contract';
import { parsePeriod } from '#shared/domain/period';
import { described, msg } from '#shared/messages/catalogue';
import type { Message } from '#shared/messages/message';
import type { ValueWrite } from '../values/values.types';

/** Columns of a flat value file (CSV, XLSX, and the JSON fields by other names). */
export const flatColumns = [
  'data_element',
  'territory',
  'period',
  'disaggregation',
  'value',
  'comment',
  'flag',
] as const;
export type FlatColumn = (typeof flatColumns)[number];
const requiredColumns: readonly FlatColumn[] = ['data_element', 'territory', 'period', 'value'];

/** The fields of a ValueWrite that a problem can name. */
export type WriteField = keyof ValueWrite;

/** Where a write came from: the file row, and the file column of each field, so problems name the file. */
export type WriteOrigin = { row: number; columns: Partial<Record<WriteField, string>> };

/** One column (option combination) of an element's disaggregation. */
export type DisaggregationColumn = Disaggregation;

/** An element as imports need it. */
export type ImportElement = DataElement & { disaggregations: DisaggregationColumn[] };

/**
 * The option combinations of an element's category combination, in category position and option order,
 * keyed by option codes joined by '.'; an element without categories has one column with key ''.
 */
export function disaggregationsOf(element: DataElement, catalogue: Catalogue): DisaggregationColumn[] {
  const combo = catalogue.categoryCombos.find((c) => c.id === element.categoryComboId);
  const categories = (combo?.categoryIds ?? []).map((categoryId) =>
    [...(catalogue.categories.find((c) => c.id === categoryId)?.options ?? [])].sort(
      (a, b) => a.sortOrder - b.sortOrder,
    ),
  );
  return columnsOf(categories);
}

/** Elements by code with their disaggregations, for resolving rows. */
export function importElements(catalogue: Catalogue): Map<string, ImportElement> {
  return new Map(
    catalogue.dataElements.map((e) => [e.code, { ...e, disaggregations: disaggregationsOf(e, catalogue) }]),
  );
}

/** A territory found, or why none was: a catalogue message. */
export type TerritoryMatch = { id: string } | { problem: Message };

const normaliseName = (text: string) => text.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');

/**
 * Finds a territory by SOATE code, ISO 3166-2 code, or exact name (ky, ru, en, or a known variant) in any
 * case. A name that fits several territories (a city and its oblast may share one) is refused, naming the
 * codes to use instead, rather than guessed.
 */
export function territoryResolver(territories: readonly Territory[]): (text: string) => TerritoryMatch {
  const byCode = new Map<string, string>();
  const byName = new Map<string, Set<string>>();
  const codeOf = new Map<string, string>();
  for (const t of territories) {
    codeOf.set(t.id, t.code);
    byCode.set(t.code, t.id);
    if (t.isoCode) byCode.set(t.isoCode.toUpperCase(), t.id);
    for (const name of [t.name.ky, t.name.ru, t.name.en, ...t.variants]) {
      const key = normaliseName(name);
      if (!byName.has(key)) byName.set(key, new Set());
      byName.get(key)?.add(t.id);
    }
  }
  return (text) => {
    const trimmed = text.trim();
    if (trimmed === '') return { problem: msg('import.territory_missing') };
    const coded = byCode.get(trimmed.toUpperCase());
    if (coded) return { id: coded };
    const named = byName.get(normaliseName(trimmed));
    if (named?.size === 1) return { id: [...named][0] as string };
    if (named && named.size > 1) {
      const codes = [...named].map((id) => codeOf.get(id)).join(', ');
      return { problem: msg('import.territory_ambiguous', { text: trimmed, codes }) };
    }
    return /^[\d\s]+$/.test(trimmed)
      ? { problem: msg('import.territory_code_unknown', { code: trimmed }) }
      : { problem: msg('import.territory_unknown', { text: trimmed }) };
  };
}

/**
 * Reads a number as people type it in CSV and spreadsheets: "12", "12.5", "12,5" (decimal comma), "1 234"
 * (spaces as thousands separators). Empty is null (the cell is cleared); anything else is 'invalid'.
 */
export function parseValue(text: string): number | null | 'invalid' {
  const compact = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return null;
  const dotted = /^-?\d+,\d+$/.test(compact) ? compact.replace(',', '.') : compact;
  if (!/^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(dotted)) return 'invalid';
  const value = Number(dotted);
  return Number.isFinite(value) ? value : 'invalid';
}

/**
 * A period as typed: an id (2024, 2024Q1, 2024-03), or the first day of a month that a spreadsheet turned
 * into a date (2024-03-01T00:00:00.000Z), which means that month.
 */
export function normalisePeriodText(text: string): string {
  const trimmed = text.trim();
  const date = /^(\d{4})-(\d{2})-01(T00:00:00(\.000)?Z)?$/.exec(trimmed);
  return date ? `${date[1]}-${date[2]}` : trimmed;
}

/** One value as it arrives, before resolving: codes and texts (or a number, from JSON or spreadsheets). */
export type RawEntry = {
  dataElement: string;
  territory: string;
  period: string;
  disaggregation: string;
  value: string | number | null;
  /** undefined: keep the stored comment. */
  comment?: string | null;
  /** undefined: keep the stored flag. */
  flag?: string | null;
};

export type ResolveContext = {
  elements: ReadonlyMap<string, ImportElement>;
  territory: (text: string) => TerritoryMatch;
};

/** The longest comment a value may carry. */
const maxCommentLength = 2000;

export type Resolved = { writes: ValueWrite[]; origins: WriteOrigin[]; problems: ImportProblem[] };

/**
 * Turns raw entries into writes, collecting every problem (unknown codes, malformed period or value, a
 * period or disaggregation the element does not have, the same cell twice) with its file row and column.
 * Scope, locks and value types are the write path's to check.
 */
export function resolveEntries(
  entries: ReadonlyArray<{ entry: RawEntry; origin: WriteOrigin }>,
  context: ResolveContext,
): Resolved {
  const writes: ValueWrite[] = [];
  const origins: WriteOrigin[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Map<string, number>();
  for (const { entry, origin } of entries) {
    const before = problems.length;
    const problem = (field: WriteField, message: Message) =>
      problems.push({ row: origin.row, column: origin.columns[field] ?? field, ...described(message) });

    const code = entry.dataElement.trim();
    const element = context.elements.get(code);
    if (code === '') problem('dataElementId', msg('import.element_missing'));
    else if (!element) problem('dataElementId', msg('import.element_unknown', { code }));
    else if (!element.isActive) problem('dataElementId', msg('import.element_inactive', { code }));

    const territory = context.territory(entry.territory);
    if ('problem' in territory) problem('territoryId', territory.problem);

    const period = normalisePeriodText(entry.period);
    const parsed = parsePeriod(period);
    if (!parsed.ok) problem('period', msg('period.invalid', { text: period, reason: parsed.code }));
    else if (element && parsed.value.type !== element.periodType)
      problem(
        'period',
        msg('value.period_type_wrong', {
          code,
          periodType: element.periodType,
          period,
          given: parsed.value.type,
        }),
      );

    const disaggregation = entry.disaggregation.trim();
    if (element && !element.disaggregations.some((d) => d.key === disaggregation)) {
      // Only an element without categories has the one key '' (see disaggregationsOf).
      const keys = element.disaggregations.map((d) => d.key);
      const shown = keys.length > 8 ? `${keys.slice(0, 8).join(', ')} …` : keys.join(', ');
      problem(
        'disaggregation',
        disaggregation === ''
          ? msg('import.disaggregation_missing', { code, options: shown })
          : keys.length === 1 && keys[0] === ''
            ? msg('import.not_disaggregated', { given: disaggregation, code })
            : msg('import.disaggregation_unknown', { given: disaggregation, code, options: shown }),
      );
    }

    const value = typeof entry.value === 'string' ? parseValue(entry.value) : entry.value;
    if (value === 'invalid') problem('value', msg('import.value_not_number', { text: String(entry.value) }));

    let flag: ValueFlag | null | undefined;
    if (entry.flag === undefined) flag = undefined;
    else if (entry.flag === null || entry.flag.trim() === '') flag = null;
    else {
      const text = entry.flag.trim().toLowerCase();
      flag = (valueFlags as readonly string[]).includes(text) ? (text as ValueFlag) : undefined;
      if (flag === undefined) problem('flag', msg('import.flag_invalid', { text: entry.flag }));
    }
    const comment =
      entry.comment === undefined ? undefined : entry.comment?.trim() ? entry.comment.trim() : null;
    if (comment && comment.length > maxCommentLength)
      problem('comment', msg('import.comment_too_long', { max: maxCommentLength }));

    if (problems.length > before || !element || 'problem' in territory || value === 'invalid') continue;
    const key = `${element.id}|${territory.id}|${period}|${disaggregation}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problem('value', msg('import.duplicate_cell', { row: first }));
      continue;
    }
    seen.set(key, origin.row);
    writes.push({
      dataElementId: element.id,
      territoryId: territory.id,
      period,
      disaggregation,
      value,
      ...(comment !== undefined ? { comment } : {}),
      ...(flag !== undefined ? { flag } : {}),
    });
    origins.push(origin);
  }
  return { writes, origins, problems };
}

/** Header problems of a flat file: unknown columns and missing required ones, named in row 1. */
export function flatHeaderProblems(headers: readonly string[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const known = new Set<string>(flatColumns);
  for (const header of headers)
    if (!known.has(header))
      problems.push({
        row: 1,
        column: header,
        ...described(msg('import.unknown_column', { column: header, expected: flatColumns.join(', ') })),
      });
  for (const column of requiredColumns)
    if (!headers.includes(column))
      problems.push({ row: 1, column, ...described(msg('import.missing_column', { column })) });
  return problems;
}

const flatColumnOf: Record<WriteField, FlatColumn> = {
  dataElementId: 'data_element',
  territoryId: 'territory',
  period: 'period',
  disaggregation: 'disaggregation',
  value: 'value',
  comment: 'comment',
  flag: 'flag',
};

/** Rows of a flat file (headers already normalised to lower case) as raw entries with their origins. */
export function flatEntries(
  headers: readonly string[],
  rows: ReadonlyArray<{ row: number; cells: Record<string, string> }>,
): Array<{ entry: RawEntry; origin: WriteOrigin }> {
  const has = (column: FlatColumn) => headers.includes(column);
  return rows.map(({ row, cells }) => ({
    entry: {
      dataElement: cells.data_element ?? '',
      territory: cells.territory ?? '',
      period: cells.period ?? '',
      disaggregation: cells.disaggregation ?? '',
      value: cells.value ?? '',
      ...(has('comment') ? { comment: cells.comment ?? '' } : {}),
      ...(has('flag') ? { flag: cells.flag ?? '' } : {}),
    },
    origin: { row, columns: flatColumnOf },
  }));
}

const jsonFieldOf: Record<WriteField, string> = {
  dataElementId: 'dataElement',
  territoryId: 'territory',
  period: 'period',
  disaggregation: 'disaggregation',
  value: 'value',
  comment: 'comment',
  flag: 'flag',
};

/** The values of a JSON value set as raw entries; problems name `values[i].field` (row is i + 1). */
export function jsonEntries(
  values: ReadonlyArray<{
    dataElement: string;
    territory: string;
    period: string;
    disaggregation?: string;
    value: number | null;
    comment?: string | null;
    flag?: string | null;
  }>,
): Array<{ entry: RawEntry; origin: WriteOrigin }> {
  return values.map((v, i) => ({
    entry: {
      dataElement: v.dataElement,
      territory: v.territory,
      period: v.period,
      disaggregation: v.disaggregation ?? '',
      value: v.value,
      ...(v.comment !== undefined ? { comment: v.comment } : {}),
      ...(v.flag !== undefined ? { flag: v.flag } : {}),
    },
    origin: {
      row: i + 1,
      columns: Object.fromEntries(
        Object.entries(jsonFieldOf).map(([field, name]) => [field, `values[${i}].${name}`]),
      ),
    },
  }));
}

/**
 * Renames the problems the write path reports (row = index of the write + 1, column a ValueWrite field or
 * null) to the file's own rows and columns, so the person fixing the file finds the cell.
 */
export function problemsInFile(
  problems: readonly ImportProblem[],
  origins: readonly WriteOrigin[],
): ImportProblem[] {
  return problems.map((p) => {
    const origin = origins[p.row - 1];
    if (!origin) return p;
    const field = p.column as WriteField | null;
    const column =
      field === null
        ? (origin.columns.value ?? null)
        : (origin.columns[field] ?? origin.columns.value ?? field);
    return { row: origin.row, column, message: p.message, localised: p.localised };
  });
}

/** Problems sorted as a person reads a file: by row, then in the order found. */
export function sortProblems(problems: readonly ImportProblem[]): ImportProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.row - b.p.row || a.i - b.i)
    .map(({ p }) => p);
}

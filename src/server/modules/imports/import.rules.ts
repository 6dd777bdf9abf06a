import { disaggregationsOf as columnsOf, type Disaggregation } from '#shared/domain/disaggregation';
import type { Catalogue, DataElement } from '#shared/contracts/catalogue.contract';
import { valueFlags, type ValueFlag } from '#shared/contracts/data-values.contract';
import type { ImportProblem, Territory } from '#shared/contracts/territories.contract';
import { parsePeriod } from '#shared/domain/period';
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

export type TerritoryMatch = { id: string } | { problem: string };

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
    if (trimmed === '') return { problem: 'The territory is missing.' };
    const coded = byCode.get(trimmed.toUpperCase());
    if (coded) return { id: coded };
    const named = byName.get(normaliseName(trimmed));
    if (named?.size === 1) return { id: [...named][0] as string };
    if (named && named.size > 1) {
      const codes = [...named].map((id) => codeOf.get(id)).join(', ');
      return { problem: `"${trimmed}" names several territories; use the SOATE code (${codes}).` };
    }
    return /^[\d\s]+$/.test(trimmed)
      ? { problem: `No territory has the code ${trimmed}.` }
      : { problem: `No territory is called or coded "${trimmed}".` };
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
    const problem = (field: WriteField, message: string) =>
      problems.push({ row: origin.row, column: origin.columns[field] ?? field, message });

    const code = entry.dataElement.trim();
    const element = context.elements.get(code);
    if (code === '') problem('dataElementId', 'The data element is missing.');
    else if (!element) problem('dataElementId', `No data element has the code "${code}".`);
    else if (!element.isActive)
      problem('dataElementId', `The data element "${code}" is no longer collected.`);

    const territory = context.territory(entry.territory);
    if ('problem' in territory) problem('territoryId', territory.problem);

    const period = normalisePeriodText(entry.period);
    const parsed = parsePeriod(period);
    if (!parsed.ok) problem('period', `${parsed.message.charAt(0).toUpperCase()}${parsed.message.slice(1)}.`);
    else if (element && parsed.value.type !== element.periodType)
      problem(
        'period',
        `"${code}" is reported by ${element.periodType}, and ${period} is a ${parsed.value.type}.`,
      );

    const disaggregation = entry.disaggregation.trim();
    if (element && !element.disaggregations.some((d) => d.key === disaggregation)) {
      const keys = element.disaggregations.map((d) => d.key || '(empty)');
      const shown = keys.length > 8 ? `${keys.slice(0, 8).join(', ')} …` : keys.join(', ');
      problem(
        'disaggregation',
        disaggregation === ''
          ? `"${code}" is disaggregated; give one of: ${shown}.`
          : `"${disaggregation}" is not a disaggregation of "${code}"; expected one of: ${shown}.`,
      );
    }

    const value = typeof entry.value === 'string' ? parseValue(entry.value) : entry.value;
    if (value === 'invalid') problem('value', `"${String(entry.value)}" is not a number.`);

    let flag: ValueFlag | null | undefined;
    if (entry.flag === undefined) flag = undefined;
    else if (entry.flag === null || entry.flag.trim() === '') flag = null;
    else {
      const text = entry.flag.trim().toLowerCase();
      flag = (valueFlags as readonly string[]).includes(text) ? (text as ValueFlag) : undefined;
      if (flag === undefined) problem('flag', `"${entry.flag}" is not a flag (${valueFlags.join(' or ')}).`);
    }
    const comment =
      entry.comment === undefined ? undefined : entry.comment?.trim() ? entry.comment.trim() : null;
    if (comment && comment.length > 2000) problem('comment', 'The comment is longer than 2000 characters.');

    if (problems.length > before || !element || 'problem' in territory || value === 'invalid') continue;
    const key = `${element.id}|${territory.id}|${period}|${disaggregation}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problem('value', `Duplicate of row ${first}: the same cell appears twice.`);
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
        message: `Unknown column "${header}". Expected: ${flatColumns.join(', ')}.`,
      });
  for (const column of requiredColumns)
    if (!headers.includes(column)) problems.push({ row: 1, column, message: `Missing column "${column}".` });
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
    return p.localised
      ? { row: origin.row, column, message: p.message, localised: p.localised }
      : { row: origin.row, column, message: p.message };
  });
}

/** Problems sorted as a person reads a file: by row, then in the order found. */
export function sortProblems(problems: readonly ImportProblem[]): ImportProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.row - b.p.row || a.i - b.i)
    .map(({ p }) => p);
}

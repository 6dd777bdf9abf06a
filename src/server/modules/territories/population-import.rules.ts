import {
  populationFileAliases,
  populationFileColumns,
  populationFileIgnoredColumns,
  type ImportProblem,
} from '#shared/contracts/territories.contract';
import {
  populationFlags,
  populationKinds,
  type PopulationFlag,
  type PopulationKind,
} from '#shared/domain/population';
import { preferredFigure } from './population-policy.rules';
import { described, msg } from '#shared/messages/catalogue';
import type { Message } from '#shared/messages/message';

/** Columns of a population file; the contract shares them with the web interface's template help. */
export const populationColumns = populationFileColumns;
const requiredColumns = ['code', 'year', 'total', 'source'] as const;

export type PopulationImportRow = {
  row: number;
  code: string;
  year: number;
  total: number | null;
  male: number | null;
  female: number | null;
  minors: number | null;
  youth: number | null;
  source: string;
  isEstimate: boolean;
  kind: PopulationKind;
  /** `YYYY-MM-DD`; 1 January of the year for a 1 January figure, null for a census figure without a date. */
  referenceDate: string | null;
  flag: PopulationFlag | null;
};

export type PopulationValidation = { rows: PopulationImportRow[]; problems: ImportProblem[] };

type RawRow = { row: number; cells: Record<string, string> };

/** Parses a whole number written with optional thousands separators ("1 068 702", "1,068,702"). */
export function parseCount(text: string): number | 'invalid' | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const compact = trimmed.replace(/[\s\u00a0\u202f]/g, '');
  const withoutThousands = /^\d{1,3}(,\d{3})+$/.test(compact) ? compact.replace(/,/g, '') : compact;
  if (!/^\d+$/.test(withoutThousands)) return 'invalid';
  const value = Number(withoutThousands);
  return Number.isSafeInteger(value) && value <= 100_000_000 ? value : 'invalid';
}

function parseFlag(text: string): boolean | 'invalid' {
  const value = text.trim().toLowerCase();
  if (['', '0', 'no', 'false', 'нет', 'жок'].includes(value)) return false;
  if (['1', 'yes', 'true', 'да', 'ооба'].includes(value)) return true;
  return 'invalid';
}

/** A date `YYYY-MM-DD` that exists and falls in `year`. */
function isDateIn(text: string, year: number): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number(text.slice(0, 4)) !== year) return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}

/**
 * The file's headers and cells under the template's column names: the reference file's names
 * (`population_total`, …) become the template's, and informative columns (`name_en`) are dropped.
 */
export function canonicalPopulationTable(
  headers: readonly string[],
  raw: readonly RawRow[],
): { headers: string[]; rows: RawRow[] } {
  const ignored = new Set<string>(populationFileIgnoredColumns);
  const rename = (header: string) => populationFileAliases[header] ?? header;
  return {
    headers: headers.filter((h) => !ignored.has(h)).map(rename),
    rows: raw.map(({ row, cells }) => ({
      row,
      cells: Object.fromEntries(
        Object.entries(cells)
          .filter(([column]) => !ignored.has(column))
          .map(([column, text]) => [rename(column), text]),
      ),
    })),
  };
}

/**
 * Checks every row of a population file and collects every problem (row and column named) instead of
 * stopping at the first, so the person fixing the file sees them all at once. Rows are returned only
 * when there are no problems at all: an import is all or nothing.
 */
export function validatePopulationRows(
  fileHeaders: readonly string[],
  fileRows: readonly RawRow[],
  knownCodes: ReadonlySet<string>,
): PopulationValidation {
  const { headers, rows: raw } = canonicalPopulationTable(fileHeaders, fileRows);
  // A file in the reference layout (`population_total`, …) keeps every source's figure: several rows of one
  // territory and year are alternatives, and the policy keeps one. In the template's layout a repeat is a
  // mistake in the file.
  const keepsAlternatives = fileHeaders.includes('population_total');
  const problems: ImportProblem[] = [];
  const known = new Set<string>(populationColumns);
  for (const header of headers) {
    if (!known.has(header))
      problems.push({
        row: 1,
        column: header,
        ...described(
          msg('population.unknown_column', { column: header, expected: populationColumns.join(', ') }),
        ),
      });
  }
  for (const column of requiredColumns) {
    if (!headers.includes(column))
      problems.push({ row: 1, column, ...described(msg('population.missing_column', { column })) });
  }
  if (problems.length > 0) return { rows: [], problems };
  if (raw.length === 0)
    return { rows: [], problems: [{ row: 2, column: null, ...described(msg('population.no_rows')) }] };

  const rows: PopulationImportRow[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of raw) {
    const problem = (column: string | null, message: Message) =>
      problems.push({ row, column, ...described(message) });
    if (cells['__extra__']) problem(null, msg('population.extra_cells'));
    const code = (cells.code ?? '').trim();
    if (!/^\d{8,14}$/.test(code)) problem('code', msg('population.code_invalid', { code }));
    else if (!knownCodes.has(code)) problem('code', msg('population.code_unknown', { code }));

    const yearText = (cells.year ?? '').trim();
    const year = Number(yearText);
    if (!/^\d{4}$/.test(yearText) || year < 1900 || year > 2100)
      problem('year', msg('population.year_invalid', { year: yearText }));

    const counts: Record<'total' | 'male' | 'female' | 'minors' | 'youth', number | null> = {
      total: null,
      male: null,
      female: null,
      minors: null,
      youth: null,
    };
    const columnOf = {
      total: 'total',
      male: 'male',
      female: 'female',
      minors: 'age_0_17',
      youth: 'age_14_35',
    } as const;
    for (const key of Object.keys(columnOf) as Array<keyof typeof columnOf>) {
      const text = cells[columnOf[key]] ?? '';
      const value = parseCount(text);
      if (value === 'invalid') problem(columnOf[key], msg('population.count_invalid', { text }));
      else counts[key] = value;
    }
    if (
      Object.values(counts).every((v) => v === null) &&
      !problems.some((p) => p.row === row && p.column !== 'code' && p.column !== 'year')
    ) {
      problem('total', msg('population.row_empty'));
    }
    if (counts.total !== null) {
      if (counts.male !== null && counts.female !== null && counts.male + counts.female !== counts.total) {
        problem(
          'total',
          msg('population.sexes_differ_from_total', {
            sum: counts.male + counts.female,
            total: counts.total,
          }),
        );
      }
      for (const key of ['male', 'female', 'minors', 'youth'] as const) {
        const value = counts[key];
        if (value !== null && value > counts.total)
          problem(
            columnOf[key],
            msg('population.part_exceeds_total', {
              column: msg(`population.column.${columnOf[key]}`),
              value,
              total: counts.total,
            }),
          );
      }
    }
    const source = (cells.source ?? '').trim();
    if (source.length < 3) problem('source', msg('population.source_missing'));
    const isEstimate = parseFlag(cells.is_estimate ?? '');
    if (isEstimate === 'invalid')
      problem('is_estimate', msg('population.flag_invalid', { text: cells.is_estimate ?? '' }));

    const kindText = (cells.kind ?? '').trim();
    const kind = kindText === '' ? 'jan1' : populationKinds.find((k) => k === kindText);
    if (kind === undefined) problem('kind', msg('population.kind_invalid', { text: kindText }));
    const flagText = (cells.flag ?? '').trim();
    const flag = flagText === '' ? null : populationFlags.find((f) => f === flagText);
    if (flag === undefined) problem('flag', msg('population.doubt_invalid', { text: flagText }));
    const dateText = (cells.reference_date ?? '').trim();
    const january = `${yearText}-01-01`;
    if (dateText !== '' && (!isDateIn(dateText, year) || (kind === 'jan1' && dateText !== january)))
      problem('reference_date', msg('population.reference_date_invalid', { text: dateText, year: yearText }));

    const key = `${code}/${yearText}`;
    const first = seen.get(key);
    if (first !== undefined && !keepsAlternatives)
      problem('year', msg('population.duplicate_row', { row: first, code, year: yearText }));
    else if (first === undefined) seen.set(key, row);

    rows.push({
      row,
      code,
      year,
      ...counts,
      source,
      isEstimate: isEstimate === true,
      kind: kind ?? 'jan1',
      referenceDate: dateText !== '' ? dateText : kind === 'census' ? null : january,
      flag: flag ?? null,
    });
  }
  if (problems.length > 0) return { rows: [], problems };
  return { rows: keepsAlternatives ? preferredRows(rows) : rows, problems };
}

/** One row per territory and year, chosen by the denominator policy's preference. */
function preferredRows(rows: readonly PopulationImportRow[]): PopulationImportRow[] {
  const groups = new Map<string, PopulationImportRow[]>();
  for (const row of rows) {
    const key = `${row.code}/${row.year}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()].map((group) => preferredFigure(group));
}

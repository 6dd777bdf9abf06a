import { populationFileColumns, type ImportProblem } from '#shared/contracts/territories.contract';
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

/**
 * Checks every row of a population file and collects every problem (row and column named) instead of
 * stopping at the first, so the person fixing the file sees them all at once. Rows are returned only
 * when there are no problems at all: an import is all or nothing.
 */
export function validatePopulationRows(
  headers: readonly string[],
  raw: readonly RawRow[],
  knownCodes: ReadonlySet<string>,
): PopulationValidation {
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

    const key = `${code}/${yearText}`;
    const first = seen.get(key);
    if (first !== undefined)
      problem('year', msg('population.duplicate_row', { row: first, code, year: yearText }));
    else seen.set(key, row);

    rows.push({ row, code, year, ...counts, source, isEstimate: isEstimate === true });
  }
  return problems.length > 0 ? { rows: [], problems } : { rows, problems };
}

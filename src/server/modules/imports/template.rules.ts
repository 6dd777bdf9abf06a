import { reportingTerritoryIds, type ReportedLevel } from '#shared/domain/reporting';
import type { Territory } from '#shared/contracts/territories.contract';
import type { RawEntry, WriteOrigin } from './import.rules';

/**
 * The Excel template for (agency, period). Layout, per data sheet (one per category combination the
 * agency's elements of that period type use, so every row of a sheet has the same columns):
 *
 *   row 1   title (agency, period)                          locked
 *   row 2   headers: key | element | territory | SOATE | one column per disaggregation   locked
 *   row 3…  one row per element × reporting territory; column A (hidden) holds `element|territory` codes;
 *           only the value cells are unlocked, with a data validation (whole or decimal ≥ 0).
 *
 * A very hidden sheet `kuzot_meta` marks the workbook as a Kuzot template and records the period, the
 * agency and, per data sheet, which column holds which disaggregation, so the upload never depends on the
 * visible (translated) headers.
 */
export const templateMarker = 'kuzot-data-template';
export const templateVersion = 1;
export const metaSheetName = 'kuzot_meta';
export const headerRows = 2;
export const firstValueColumn = 5;

/**
 * The territories a template has rows for, for elements reported at `level`: the reporting territories in
 * scope (by default those without children: districts, cities of oblast significance and the two cities of
 * republican significance), because figures are entered where the element is reported and the totals above
 * are computed from them, never entered. An officer whose scope is a single reporting territory gets just
 * that one. Ordered by SOATE code, which groups districts by oblast.
 */
export function reportingTerritories(
  territories: readonly Territory[],
  scope: ReadonlySet<string> | null,
  level: ReportedLevel = 'leaf',
): Territory[] {
  const reporting = reportingTerritoryIds(level, territories);
  return territories
    .filter((t) => reporting.has(t.id) && (scope === null || scope.has(t.id)))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** A worksheet name Excel accepts (≤ 31 characters, none of []:*?/\) and not yet used. */
export function sheetNameFor(wanted: string, used: ReadonlySet<string>): string {
  // Excel keeps no leading or trailing spaces in sheet names, so none are left after cutting.
  const base =
    wanted
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 28)
      .trim() || 'data';
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()) || name.toLowerCase() === metaSheetName; n++)
    name = `${base.slice(0, 27).trim()} ${n}`;
  return name;
}

/** A data sheet of an uploaded template as read from the workbook. */
export type TemplateSheet = {
  name: string;
  /** The value columns: number, letter and disaggregation key. */
  columns: Array<{ column: number; letter: string; key: string }>;
  /** Data rows: the sheet row, the hidden key (`element|territory` codes) and the value cells' texts. */
  rows: Array<{ row: number; key: string; cells: Record<number, string> }>;
};

/**
 * The cells of a filled template as raw entries. Every value cell is an entry: an empty one clears the
 * value, because the template is handed out filled with the stored values. Problems name the sheet and
 * cell column (e.g. `Drug crimes!E`) with the sheet row.
 */
export function templateEntries(
  period: string,
  sheets: readonly TemplateSheet[],
): Array<{ entry: RawEntry; origin: WriteOrigin }> {
  const entries: Array<{ entry: RawEntry; origin: WriteOrigin }> = [];
  for (const sheet of sheets) {
    for (const { row, key, cells } of sheet.rows) {
      const [dataElement = '', territory = ''] = key.split('|');
      for (const { column, letter, key: disaggregation } of sheet.columns) {
        const at = `${sheet.name}!${letter}`;
        entries.push({
          entry: { dataElement, territory, period, disaggregation, value: cells[column] ?? '' },
          origin: {
            row,
            columns: {
              dataElementId: at,
              territoryId: `${sheet.name}!D`,
              period: at,
              disaggregation: at,
              value: at,
            },
          },
        });
      }
    }
  }
  return entries;
}

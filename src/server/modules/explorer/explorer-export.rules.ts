import type { CsvCell } from '#server/lib/documents/csv-write';
import type { ExplorerDenominator, ExplorerTable } from '#shared/contracts/explorer.contract';
import type { Locale } from '#shared/domain/locale';
import { msg, renderMessage, unitName } from '#shared/messages/catalogue';
import type { Message } from '#shared/messages/message';

/**
 * What an explorer file says besides its table (pure): the query, the data date, the synthetic-data note and
 * the legend of its markers, in the reader's language; and the marker of a value. docs/POPULATION.md describes the markers.
 */

/** The marker after a rate on an estimated `(e)` or flagged `(f)` population figure (both: `(e)(f)`). */
export function markerOf(denominator: ExplorerDenominator | undefined): string {
  if (!denominator) return '';
  return `${denominator.isEstimate ? '(e)' : ''}${denominator.flag ? '(f)' : ''}`;
}

/**
 * A figure of a CSV file: rounded to its item's decimals, a dot, no grouping (a program reads it); a marked
 * figure becomes the text `12.5 (e)`. Cells are escaped by lib/documents/csv-write, the one CSV rule.
 */
export function csvFigure(value: number | null, decimals: number, marker: string): CsvCell {
  if (value === null) return null;
  return marker === '' ? Number(value.toFixed(decimals)) : `${value.toFixed(decimals)} ${marker}`;
}

/** The lines above an exported table, each one text: what was asked, how recent, and how to read it. */
export function exportPreamble(result: ExplorerTable, locale: Locale, exportedAt: Date): string[] {
  const text = (message: Message) => renderMessage(message, locale);
  const lines = [text(msg('explorer.export.title'))];
  lines.push(
    text(
      msg('explorer.export.items', {
        list: result.items.map((i) => `${i.name[locale]} (${unitName(i.unit, locale)})`),
      }),
    ),
    text(msg('explorer.export.territories', { list: result.territories.map((t) => t.name[locale]) })),
  );
  const first = result.periods[0];
  const last = result.periods.at(-1);
  if (first !== undefined && last !== undefined)
    lines.push(text(msg('explorer.export.periods', { from: first, to: last })));
  // The latest period that has a figure: what "up to date" means for this file.
  const withData = new Set(result.cells.filter((c) => c.value !== null).map((c) => c.period));
  const latest = result.periods.filter((p) => withData.has(p)).at(-1);
  lines.push(
    latest === undefined
      ? text(msg('explorer.export.no_data'))
      : text(msg('explorer.export.data_date', { period: latest })),
    text(msg('explorer.export.exported_at', { moment: exportedAt.toISOString() })),
  );
  if (result.approvedOnly) lines.push(text(msg('explorer.export.approved_only')));
  if (result.officialPopulationOnly === true) lines.push(text(msg('explorer.export.population_strict')));
  if (result.containsSynthetic) lines.push(text(msg('explorer.export.synthetic')));
  const methods = new Set<string>();
  const doubts = new Set<string>();
  for (const cell of result.cells)
    for (const denominator of [cell.denominator, cell.lastYearDenominator]) {
      if (!denominator) continue;
      if (denominator.isEstimate) methods.add(denominator.method);
      if (denominator.flag) doubts.add(denominator.flag);
    }
  if (methods.size > 0)
    lines.push(
      text(
        msg('explorer.export.legend_estimate', {
          methods: [...methods].map((m) => ({ key: `population.method.${m}` })),
        }),
      ),
    );
  if (doubts.size > 0)
    lines.push(
      text(
        msg('explorer.export.legend_flag', {
          doubts: [...doubts].map((d) => ({ key: `population.doubt.${d}` })),
        }),
      ),
    );
  return lines;
}

import type { ExplorerDenominator, ExplorerResult } from '#shared/contracts/explorer.contract';
import type { Locale } from '#shared/domain/locale';
import { msg, renderMessage, unitName } from '#shared/messages/catalogue';
import type { Message } from '#shared/messages/message';

/**
 * What an explorer file says besides its table (pure): the query, the data date, the synthetic-data note and
 * the legend of its markers, in the reader's language; the marker of a value; and the one escaping rule of
 * CSV cells. docs/POPULATION.md describes the markers.
 */

/** The marker after a rate on an estimated `(e)` or flagged `(f)` population figure (both: `(e)(f)`). */
export function markerOf(denominator: ExplorerDenominator | undefined): string {
  if (!denominator) return '';
  return `${denominator.isEstimate ? '(e)' : ''}${denominator.flag ? '(f)' : ''}`;
}

/**
 * A text cell of a CSV file: quoted when it holds a delimiter, quote or line break, and neutralised when a
 * spreadsheet would read it as a formula (= + - @, tab, carriage return first): an apostrophe goes before
 * it, so a territory or item named "=HYPERLINK(…)" stays text. Only text goes through here; figures are
 * written by `csvNumber`.
 */
export function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",;\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A figure of a CSV file: its item's decimals, a dot, no grouping (a program reads it); then its marker. */
export function csvNumber(value: number | null, decimals: number, marker: string): string {
  if (value === null) return '';
  const text = value.toFixed(decimals);
  return marker === '' ? text : `${text} ${marker}`;
}

/** The lines above an exported table, each one text: what was asked, how recent, and how to read it. */
export function exportPreamble(result: ExplorerResult, locale: Locale, exportedAt: Date): string[] {
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

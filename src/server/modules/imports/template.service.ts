import { msg } from '#shared/messages/catalogue';
import { scopeOf } from '#shared/domain/value-scope';
import type ExcelJS from 'exceljs';
import type { DataElement } from '#shared/contracts/catalogue.contract';
import type { Territory } from '#shared/contracts/territories.contract';
import type { ReportedLevel } from '#shared/domain/reporting';
import type { Locale } from '#shared/domain/locale';
import { parsePeriod } from '#shared/domain/period';
import type { Transactor } from '#server/db/transaction';
import type { Actor } from '#server/lib/actor';
import { AppError } from '#server/lib/app-error';
import { looksLikeZip, openArchive } from '#server/lib/documents/archive';
import { newWorkbook, workbookBuffer, xlsxContentType } from '#server/lib/documents/xlsx-write';
import type { AgencyService } from '../agencies/agency.service';
import type { CatalogueService } from '../indicators/catalogue.service';
import type { TerritoryService } from '../territories/territory.service';
import { importElements, type ImportElement } from './import.rules';
import { isTemplateArchive } from './template-file';
import { createTemplateRepository } from './template.repository';
import {
  firstValueColumn,
  headerRows,
  metaSheetName,
  reportingTerritories,
  sheetNameFor,
  templateMarker,
  templateVersion,
} from './template.rules';

export type TemplateService = ReturnType<typeof createTemplateService>;

export type TemplateFile = { filename: string; contentType: string; data: Buffer };

const labels: Record<
  Locale,
  { element: string; territory: string; code: string; total: string; hint: string }
> = {
  en: {
    element: 'Data element',
    territory: 'Territory',
    code: 'SOATE',
    total: 'Value',
    hint: 'Enter a number of at least 0; leave empty for no value.',
  },
  ru: {
    element: 'Элемент данных',
    territory: 'Территория',
    code: 'СОАТЕ',
    total: 'Значение',
    hint: 'Введите число не меньше 0; оставьте пустым, если значения нет.',
  },
  ky: {
    element: 'Маалымат элементи',
    territory: 'Аймак',
    code: 'СОАТЕ',
    total: 'Маани',
    hint: '0дөн кем эмес сан жазыңыз; маани жок болсо, бош калтырыңыз.',
  },
};

function validationOf(valueType: DataElement['valueType'], hint: string): ExcelJS.DataValidation {
  const common = { allowBlank: true, showErrorMessage: true, error: hint, errorTitle: 'Kuzot' };
  if (valueType === 'integer')
    return { ...common, type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] };
  if (valueType === 'percentage')
    return { ...common, type: 'decimal', operator: 'between', formulae: [0, 100] };
  return { ...common, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] };
}

/** Excel templates of an agency's figures for a period: made filled with the stored values, and read back. */
export function createTemplateService(deps: {
  tx: Transactor;
  catalogue: CatalogueService;
  territories: TerritoryService;
  agencies: AgencyService;
}) {
  /** Territory ids the actor may write, or null for all; refuses another agency for a bound officer. */
  async function scopeFor(actor: Actor, agencyId: string): Promise<ReadonlySet<string> | null> {
    const scope = scopeOf(actor, (await deps.territories.list()).items);
    if (scope.agencyId !== null && scope.agencyId !== agencyId)
      throw new AppError('OUT_OF_SCOPE', msg('template.other_agency'), { field: 'agencyId' });
    return scope.territoryIds;
  }

  return {
    /** An .xlsx for (agency, period): the territories in the actor's scope × the agency's elements. */
    async build(
      actor: Actor,
      query: { agencyId: string; period: string; locale: Locale },
    ): Promise<TemplateFile> {
      const parsed = parsePeriod(query.period);
      if (!parsed.ok)
        throw new AppError(
          'VALIDATION_FAILED',
          msg('period.invalid', { text: query.period, reason: parsed.code }),
          { field: 'period' },
        );
      const agency = (await deps.agencies.list()).items.find((a) => a.id === query.agencyId);
      if (!agency) throw new AppError('NOT_FOUND', msg('reference.agency_missing'), { field: 'agencyId' });
      const scope = await scopeFor(actor, agency.id);
      const catalogue = await deps.catalogue.getCatalogue();
      const elements = [...importElements(catalogue).values()].filter(
        (e) => e.agencyId === agency.id && e.isActive && e.periodType === parsed.value.type,
      );
      if (elements.length === 0)
        throw new AppError(
          'VALIDATION_FAILED',
          msg('template.nothing_for_period_type', { agency: agency.name, periodType: parsed.value.type }),
          { field: 'period' },
        );
      // Rows per element at the territories it is reported at (within the scope).
      const allTerritories = (await deps.territories.list()).items;
      const levelOf = new Map(catalogue.dataElements.map((e) => [e.id, e.reportedLevel]));
      const byLevel = new Map<ReportedLevel, Territory[]>();
      const territoriesOf = (elementId: string): Territory[] => {
        const level = levelOf.get(elementId) ?? 'leaf';
        let found = byLevel.get(level);
        if (!found) {
          found = reportingTerritories(allTerritories, scope, level);
          byLevel.set(level, found);
        }
        return found;
      };
      const stored = await createTemplateRepository(deps.tx.executor).listValues(
        elements.map((e) => e.id),
        [...new Set(elements.flatMap((e) => territoriesOf(e.id).map((t) => t.id)))],
        query.period,
      );
      const valueOf = new Map(
        stored.map((v) => [`${v.dataElementId}|${v.territoryId}|${v.disaggregation}`, v.value]),
      );
      const text = labels[query.locale];
      const groups = new Map<string, ImportElement[]>();
      for (const e of elements) groups.set(e.categoryComboId, [...(groups.get(e.categoryComboId) ?? []), e]);

      const workbook = newWorkbook();
      workbook.title = `${agency.shortName[query.locale]} ${query.period}`;
      const meta = workbook.addWorksheet(metaSheetName, { state: 'veryHidden' });
      meta.addRow([templateMarker, templateVersion]);
      meta.addRow(['period', query.period]);
      meta.addRow(['agency', agency.id]);
      const used = new Set<string>();
      for (const [comboId, group] of groups) {
        const combo = catalogue.categoryCombos.find((c) => c.id === comboId);
        const name = sheetNameFor(
          group.length === 1 || !combo ? (group[0]?.name[query.locale] ?? 'data') : combo.name[query.locale],
          used,
        );
        used.add(name.toLowerCase());
        const sheet = workbook.addWorksheet(name, {
          views: [{ state: 'frozen', xSplit: firstValueColumn - 1, ySplit: headerRows }],
        });
        const columns = group[0]?.disaggregations ?? [];
        sheet.addRow([`${agency.name[query.locale]} · ${query.period}`]).font = { bold: true, size: 13 };
        const header = sheet.addRow([
          'key',
          text.element,
          text.territory,
          text.code,
          ...columns.map((c) => c.name[query.locale] || text.total),
        ]);
        header.font = { bold: true };
        header.alignment = { wrapText: true, vertical: 'top' };
        columns.forEach((c, i) => meta.addRow(['sheet', name, firstValueColumn + i, c.key]));
        for (const element of group)
          for (const territory of territoriesOf(element.id)) {
            const row = sheet.addRow([
              `${element.code}|${territory.code}`,
              element.name[query.locale],
              territory.name[query.locale],
              territory.code,
              ...columns.map((c) => valueOf.get(`${element.id}|${territory.id}|${c.key}`) ?? null),
            ]);
            columns.forEach((_, i) => {
              const cell = row.getCell(firstValueColumn + i);
              cell.protection = { locked: false };
              cell.dataValidation = validationOf(element.valueType, text.hint);
              cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8DC' } };
            });
          }
        sheet.getColumn(1).hidden = true;
        sheet.getColumn(2).width = 40;
        sheet.getColumn(3).width = 28;
        sheet.getColumn(4).width = 16;
        columns.forEach((_, i) => {
          sheet.getColumn(firstValueColumn + i).width = 14;
        });
        // No password: protection keeps the layout from being changed by accident; every upload is checked
        // in full on the server anyway.
        await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
      }
      return {
        filename: `kuzot-${agency.code}-${query.period}.xlsx`,
        contentType: xlsxContentType,
        data: await workbookBuffer(workbook),
      };
    },

    /** Stored values of one period as `element|territory|disaggregation` → value, for the given cells. */
    async storedValues(
      cells: ReadonlyArray<{ dataElementId: string; territoryId: string }>,
      period: string,
    ): Promise<Map<string, number>> {
      const rows = await createTemplateRepository(deps.tx.executor).listValues(
        [...new Set(cells.map((c) => c.dataElementId))],
        [...new Set(cells.map((c) => c.territoryId))],
        period,
      );
      return new Map(rows.map((v) => [`${v.dataElementId}|${v.territoryId}|${v.disaggregation}`, v.value]));
    },

    /**
     * Whether an upload is a Kuzot template (it has the very hidden marker sheet). The workbook is opened
     * through `openArchive` first, so a zip bomb is refused (413) before anything parses it.
     */
    async isTemplate(data: Buffer): Promise<boolean> {
      return looksLikeZip(data) && isTemplateArchive(await openArchive(data));
    },
  };
}

import { periodStart, toPeriod } from '#shared/domain/period';
import type { DataElement } from '#shared/contracts/catalogue.contract';
import { systemActor } from '#server/lib/actor';
import { uniqueName } from '#server/test/factories';
import type { TestApp } from '#server/test/test-app';
import { createValueRepository } from '../values/value.repository';

const name = { ky: 'Сыноо', ru: 'Тест', en: 'Test' };

/** A new agency of its own, so counts in a test are not mixed with the default catalogue's. */
export async function buildAgency(t: TestApp): Promise<string> {
  const code = uniqueName('A').replace(/\W/g, '_').toUpperCase();
  const agency = await t.container.services.agencies.create(systemActor('test'), {
    code,
    name,
    shortName: name,
  });
  return agency.id;
}

/** A monthly integer element of the agency, undisaggregated or by a default combination (e.g. `sex_age`). */
export async function buildElement(
  t: TestApp,
  agencyId: string,
  comboCode = 'default',
): Promise<DataElement> {
  const catalogue = await t.container.services.catalogue.getCatalogue();
  const combo = catalogue.categoryCombos.find((c) => c.code === comboCode);
  if (!combo) throw new Error(`no combination ${comboCode}`);
  return t.container.services.catalogue.createDataElement(systemActor('test'), {
    code: uniqueName('e').replace(/\W/g, '_').toLowerCase(),
    name,
    agencyId,
    unit: 'cases',
    valueType: 'integer',
    periodType: 'month',
    categoryComboId: combo.id,
    aggregationTime: 'sum',
    aggregationTerritory: 'sum',
    direction: 'neutral',
  });
}

/** Stores values directly (no checks, no history): the data a test needs, not a write under test. */
export async function storeValues(
  t: TestApp,
  cells: ReadonlyArray<{
    dataElementId: string;
    territoryId: string;
    period: string;
    disaggregation?: string;
  }>,
): Promise<void> {
  await createValueRepository(t.container.database.db).upsertCells(
    cells.map((c) => ({
      dataElementId: c.dataElementId,
      territoryId: c.territoryId,
      period: c.period,
      disaggregation: c.disaggregation ?? '',
      periodStart: periodStart(toPeriod(c.period)),
      value: 1,
      comment: null,
      flag: null,
      source: 'api',
      isSynthetic: false,
      updatedBy: null,
    })),
  );
}

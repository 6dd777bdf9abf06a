import type { ReportedLevel } from '#shared/domain/reporting';
import type { DataElement, Indicator } from '#shared/contracts/catalogue.contract';
import type { Territory } from '#shared/contracts/territories.contract';
import { systemActor } from '#server/lib/actor';
import { uniqueName } from '#server/test/factories';
import type { TestApp } from '#server/test/test-app';
import type { ValueWrite } from '../values/values.types';

const name = { ky: 'Сыноо', ru: 'Тест', en: 'Test' };
const code = (prefix: string) => uniqueName(prefix).replace(/\W/g, '_').toLowerCase();

/** A new agency, so a test's elements and approvals are its own. */
export async function buildExplorerAgency(t: TestApp): Promise<string> {
  const agencyCode = uniqueName('X').replace(/\W/g, '_').toUpperCase();
  const agency = await t.container.services.agencies.create(systemActor('test'), {
    code: agencyCode,
    name,
    shortName: name,
  });
  return agency.id;
}

/** A monthly element of the agency; aggregation and combination as given (default: summed, undisaggregated). */
export async function buildExplorerElement(
  t: TestApp,
  agencyId: string,
  options: {
    combo?: string;
    time?: 'sum' | 'average' | 'last';
    territory?: 'sum' | 'average';
    reportedLevel?: ReportedLevel;
  } = {},
): Promise<DataElement> {
  const catalogue = await t.container.services.catalogue.getCatalogue();
  const combo = catalogue.categoryCombos.find((c) => c.code === (options.combo ?? 'default'));
  if (!combo) throw new Error(`no combination ${options.combo ?? 'default'}`);
  return t.container.services.catalogue.createDataElement(systemActor('test'), {
    code: code('ex'),
    name,
    agencyId,
    unit: 'cases',
    valueType: 'integer',
    periodType: 'month',
    categoryComboId: combo.id,
    aggregationTime: options.time ?? 'sum',
    aggregationTerritory: options.territory ?? 'sum',
    reportedLevel: options.reportedLevel ?? 'leaf',
    direction: 'neutral',
  });
}

/** A derived indicator with one formula version valid from 2000-01-01. */
export async function buildExplorerIndicator(t: TestApp, formula: string): Promise<Indicator> {
  return t.container.services.catalogue.createIndicator(systemActor('test'), {
    code: code('xi'),
    name,
    unit: 'per_100k',
    direction: 'neutral',
    decimals: 2,
    formula,
    validFrom: '2000-01-01',
  });
}

/** Writes values through the real write path (ENTRY's applyValues), as the system. */
export async function writeValues(
  t: TestApp,
  writes: ReadonlyArray<Omit<ValueWrite, 'disaggregation'> & { disaggregation?: string }>,
): Promise<void> {
  await t.container.services.values.applyValues(
    systemActor('test'),
    writes.map((w) => ({ ...w, disaggregation: w.disaggregation ?? '' })),
    'api',
  );
}

/** An oblast with at least three children, and those children in code order. */
export async function oblastWithDistricts(
  t: TestApp,
): Promise<{ oblast: Territory; districts: Territory[] }> {
  const all = (await t.container.services.territories.list()).items;
  for (const oblast of all.filter((x) => x.level === 'oblast')) {
    const districts = all.filter((x) => x.parentId === oblast.id);
    if (districts.length >= 3) return { oblast, districts };
  }
  throw new Error('no oblast with three districts in the reference data');
}

import type { Catalogue } from '#shared/contracts/catalogue.contract';
import type { ValueCheck } from '#shared/contracts/data-values.contract';
import { periodStart, toPeriod } from '#shared/domain/period';
import type { Executor } from '#server/db/transaction';
import { evaluate, parseFormula } from '#shared/domain/formula';
import { populationFieldOf } from '#shared/domain/population';
import type { TerritoryService } from '../territories/territory.service';
import { createBoundRepository } from './bound.repository';
import { boundChecks, outlierChecks, ruleChecks, ruleReferences, type CheckedCell } from './check.rules';
import { createValueRepository } from './value.repository';

/** Where the checks of one form come from: the catalogue, and the store on `executor`. */
export type FormCheckInput = {
  catalogue: Catalogue;
  agencyId: string;
  territoryId: string;
  period: string;
};

/**
 * Computes every check of one entry form (agency, territory, period) from what is stored: bounds of each
 * value, validation rules over element totals that involve the form's elements, and outliers of each value
 * against every earlier value of its series (the seasonal baseline uses every year available). The history
 * of all the form's cells comes in one query.
 */
export async function formChecks(
  executor: Executor,
  territories: TerritoryService,
  { catalogue, agencyId, territoryId, period }: FormCheckInput,
): Promise<ValueCheck[]> {
  const target = toPeriod(period);
  const formElements = catalogue.dataElements.filter(
    (e) => e.agencyId === agencyId && e.isActive && e.periodType === target.type,
  );
  if (formElements.length === 0) return [];
  const ids = formElements.map((e) => e.id);
  // The series up to and including the period also gives the form's own values: one query for both.
  const [history, bounds, ruleFailures] = await Promise.all([
    createValueRepository(executor).listSeries(ids, territoryId, null, periodStart(target)),
    createBoundRepository(executor).list(ids),
    rulesOf(executor, territories, { catalogue, agencyId, territoryId, period }),
  ]);
  const cells: CheckedCell[] = history
    .filter((v) => v.period === period)
    .map((v) => ({ dataElementId: v.dataElementId, disaggregation: v.disaggregation, value: v.value }))
    .sort(
      (a, b) =>
        a.dataElementId.localeCompare(b.dataElementId) || a.disaggregation.localeCompare(b.disaggregation),
    );
  const checks = [...boundChecks(cells, bounds, territoryId), ...ruleFailures];
  const series = new Map<string, Array<{ period: string; value: number }>>();
  for (const point of history) {
    const key = `${point.dataElementId}|${point.disaggregation}`;
    const known = series.get(key);
    if (known) known.push({ period: point.period, value: point.value });
    else series.set(key, [{ period: point.period, value: point.value }]);
  }
  const kinds = new Map(
    formElements.map((e) => [e.id, e.valueType === 'integer' ? 'count' : 'amount'] as const),
  );
  checks.push(
    ...outlierChecks(
      cells,
      period,
      (cell) => series.get(`${cell.dataElementId}|${cell.disaggregation}`) ?? [],
      (cell) => kinds.get(cell.dataElementId) ?? 'amount',
    ),
  );
  return checks;
}

/** The failing validation rules of the form's period type that refer to at least one of its elements. */
async function rulesOf(
  executor: Executor,
  territories: TerritoryService,
  { catalogue, agencyId, territoryId, period }: FormCheckInput,
): Promise<ValueCheck[]> {
  const target = toPeriod(period);
  const byCode = new Map(catalogue.dataElements.map((e) => [e.code, e]));
  const formCodes = new Set(
    catalogue.dataElements
      .filter((e) => e.agencyId === agencyId && e.isActive && e.periodType === target.type)
      .map((e) => e.code),
  );
  const rules = catalogue.validationRules
    .filter((r) => r.isActive && r.periodType === target.type)
    .map((r) => ({ rule: r, references: ruleReferences(r) }))
    .filter(({ references }) => references.some((code) => formCodes.has(code)));
  if (rules.length === 0) return [];

  const indicators = new Map(catalogue.indicators.map((i) => [i.code, i]));
  const referenced = new Set(rules.flatMap((r) => r.references));
  const elementIds = [...referenced].flatMap((code) => {
    const element = byCode.get(code);
    return element ? [element.id] : [];
  });
  // Indicators in rules are rare; their inputs are loaded lazily below only if they appear.
  const needsMore = [...referenced].some((code) => indicators.has(code));
  const totals = await createValueRepository(executor).elementTotals(
    needsMore ? catalogue.dataElements.map((e) => e.id) : elementIds,
    territoryId,
    period,
  );
  const needsPopulation = [...referenced].some((code) => populationFieldOf(code) !== undefined);
  // The explorer's denominators (docs/POPULATION.md), so a check and a rate use the same population.
  const denominatorOf = needsPopulation
    ? await territories.denominators({ officialOnly: false })
    : () => null;
  const start = periodStart(target);

  const lookup = (code: string, depth = 0): number | null => {
    const element = byCode.get(code);
    if (element) return totals.get(element.id) ?? null;
    const field = populationFieldOf(code);
    if (field) return denominatorOf(territoryId, target.year, field)?.value ?? null;
    const indicator = indicators.get(code);
    // The catalogue refuses cycles; the depth guard only keeps a corrupted catalogue from looping.
    if (!indicator || depth > 20) return null;
    const version = indicator.versions.find(
      (v) => v.validFrom <= start && (v.validTo === null || v.validTo >= start),
    );
    const parsed = version ? parseFormula(version.formula) : null;
    return parsed?.ok ? evaluate(parsed.value, (c) => lookup(c, depth + 1)) : null;
  };

  return ruleChecks(
    rules.map(({ rule }) => rule),
    (code) => lookup(code),
    (rule) => {
      const match = rules.find((r) => r.rule.code === rule.code);
      const code = match?.references.find((c) => formCodes.has(c)) ?? '';
      return byCode.get(code)?.id ?? '';
    },
  );
}

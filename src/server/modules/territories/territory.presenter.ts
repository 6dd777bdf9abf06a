import type { Population, Territory } from '#shared/contracts/territories.contract';
import type { TerritoryLevel } from '#shared/domain/territory-level';
import type { PopulationRow, TerritoryRow } from '#server/db/schema';

export function presentTerritory(row: TerritoryRow): Territory {
  return {
    id: row.id,
    code: row.code,
    isoCode: row.isoCode,
    level: row.level as TerritoryLevel,
    parentId: row.parentId,
    name: { ky: row.nameKy, ru: row.nameRu, en: row.nameEn },
    variants: row.variants,
    adminCenter: row.adminCenter,
    notes: row.notes,
  };
}

export function presentPopulation(row: PopulationRow): Population {
  return {
    year: row.year,
    total: row.total,
    male: row.male,
    female: row.female,
    age0to17: row.minors,
    age14to35: row.youth,
    source: row.source,
    isEstimate: row.isEstimate,
    kind: row.kind,
    referenceDate: row.referenceDate,
    flag: row.flag,
    updatedAt: row.updatedAt.toISOString(),
  };
}

import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { territoryLevels, type TerritoryLevel } from '#shared/domain/territory-level';

/** A territory as the shipped reference file describes it. */
export type ReferenceTerritory = {
  level: TerritoryLevel;
  code: string;
  isoCode: string | null;
  parentCode: string | null;
  name: { ky: string; ru: string; en: string };
  adminCenter: string | null;
  notes: string | null;
  variants: string[];
};

/** A population file in the import layout: checked by the same rules as an administrator's file. */
export type ReferencePopulationTable = {
  headers: string[];
  rows: Array<{ row: number; cells: Record<string, string> }>;
};

/** The national population at a date other than 1 January. */
export type ReferencePopulationPoint = { code: string; referenceDate: string; total: number; source: string };

export type ReferenceData = {
  territories: ReferenceTerritory[];
  population: ReferencePopulationTable;
  populationPoints: ReferencePopulationPoint[];
};

async function readCsv(file: string): Promise<Array<Record<string, string>>> {
  const text = await fs.readFile(file, 'utf8');
  return parse<Record<string, string>>(text, { columns: true, bom: true, skip_empty_lines: true });
}

const orNull = (v: string | undefined) => (v && v.trim() !== '' ? v.trim() : null);

async function readOptionalCsv(file: string): Promise<Array<Record<string, string>>> {
  return readCsv(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
}

/**
 * Reads the Kyrgyz reference data shipped in reference-data/kg (sources in SOURCES.md there): territories
 * with SOATE and ISO codes, spelling variants, and population figures. Throws naming the file and row on
 * anything malformed, since a broken shipped file is a bug to fix, not data to guess around.
 */
export async function readReferenceData(dir: string): Promise<ReferenceData> {
  const territoryRows = await readCsv(path.join(dir, 'kg-territories.csv'));
  const variantRows = await readOptionalCsv(path.join(dir, 'kg-territory-variants.csv'));
  const variants = new Map<string, string[]>();
  for (const row of variantRows) {
    const code = row.code ?? '';
    variants.set(code, [...(variants.get(code) ?? []), (row.variant ?? '').trim()].filter(Boolean));
  }
  const territories = territoryRows.map((row, i): ReferenceTerritory => {
    const level = row.level as TerritoryLevel;
    if (!territoryLevels.includes(level) || !/^\d{14}$/.test(row.code_soate ?? '')) {
      throw new Error(`kg-territories.csv row ${i + 2}: bad level or SOATE code`);
    }
    return {
      level,
      code: row.code_soate ?? '',
      isoCode: orNull(row.iso_3166_2),
      parentCode: orNull(row.parent_code),
      name: { ky: row.name_ky ?? '', ru: row.name_ru ?? '', en: row.name_en ?? '' },
      adminCenter: orNull(row.admin_center_en),
      notes: orNull(row.notes),
      variants: variants.get(row.code_soate ?? '') ?? [],
    };
  });
  const populationRows = await readCsv(path.join(dir, 'kg-population.csv'));
  const population: ReferencePopulationTable = {
    headers: Object.keys(populationRows[0] ?? {}),
    rows: populationRows.map((cells, i) => ({ row: i + 2, cells })),
  };
  const file = 'kg-population-national-2024-2025.csv';
  const populationPoints = (await readOptionalCsv(path.join(dir, file))).map(
    (row, i): ReferencePopulationPoint => {
      const total = Number(row.population_total);
      const date = row.reference_date ?? '';
      if (!Number.isSafeInteger(total) || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !row.source || !row.code)
        throw new Error(`${file} row ${i + 2}: bad code, date, total or missing source`);
      return { code: row.code, referenceDate: date, total, source: row.source };
    },
  );
  return { territories, population, populationPoints };
}

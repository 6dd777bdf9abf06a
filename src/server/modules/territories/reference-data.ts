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

export type ReferencePopulation = {
  code: string;
  year: number;
  total: number | null;
  male: number | null;
  female: number | null;
  source: string;
};

export type ReferenceData = { territories: ReferenceTerritory[]; population: ReferencePopulation[] };

async function readCsv(file: string): Promise<Array<Record<string, string>>> {
  const text = await fs.readFile(file, 'utf8');
  return parse<Record<string, string>>(text, { columns: true, bom: true, skip_empty_lines: true });
}

const orNull = (v: string | undefined) => (v && v.trim() !== '' ? v.trim() : null);
const countOrNull = (v: string | undefined) => (v && v.trim() !== '' ? Number(v) : null);

/**
 * Reads the Kyrgyz reference data shipped in reference-data/kg (sources in SOURCES.md there): territories
 * with SOATE and ISO codes, spelling variants, and population figures. Throws naming the file and row on
 * anything malformed, since a broken shipped file is a bug to fix, not data to guess around.
 */
export async function readReferenceData(dir: string): Promise<ReferenceData> {
  const territoryRows = await readCsv(path.join(dir, 'kg-territories.csv'));
  const variantRows = await readCsv(path.join(dir, 'kg-territory-variants.csv')).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    },
  );
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
  const population = (await readCsv(path.join(dir, 'kg-population.csv'))).map(
    (row, i): ReferencePopulation => {
      const year = Number(row.year);
      const total = countOrNull(row.population_total);
      if (!Number.isInteger(year) || (total !== null && !Number.isInteger(total)) || !row.source) {
        throw new Error(`kg-population.csv row ${i + 2}: bad year, total or missing source`);
      }
      return {
        code: row.code ?? '',
        year,
        total,
        male: countOrNull(row.population_male),
        female: countOrNull(row.population_female),
        source: row.source,
      };
    },
  );
  return { territories, population };
}

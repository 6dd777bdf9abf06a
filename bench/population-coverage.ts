import type { TerritoryLevel } from '#shared/domain/territory-level';
import { systemActor } from '#server/lib/actor';
import { startBenchApp } from './harness';
import { explorerTable } from '#shared/domain/explorer-series';

// How much of "drug crimes per 100,000" 2021–2025 the explorer can fill, by level: every reporting territory
// gets a drug-crimes count for every month, so a rate cell is empty only for want of a population figure.
// Prints filled / all cells per level, with the denominator policy (default) and with official figures only.
// Run: npx tsx bench/population-coverage.ts

const levels: Record<string, readonly TerritoryLevel[]> = {
  districts: ['district'],
  oblasts: ['oblast'],
  cities: ['city_republican', 'city_oblast'],
  country: ['country'],
};

async function main(): Promise<void> {
  const b = await startBenchApp('pglite');
  try {
    const services = b.container.services;
    const actor = systemActor('bench');
    const territories = (await services.territories.list()).items;
    const parents = new Set(territories.map((t) => t.parentId));
    const reporting = territories.filter((t) => !parents.has(t.id));
    const element = (await services.catalogue.getCatalogue()).dataElements.find(
      (e) => e.code === 'drug_crimes',
    );
    if (!element) throw new Error('no drug_crimes element');
    const writes = [];
    for (const t of reporting)
      for (let year = 2021; year <= 2025; year++)
        for (let month = 1; month <= 12; month++)
          writes.push({
            dataElementId: element.id,
            territoryId: t.id,
            period: `${year}-${String(month).padStart(2, '0')}`,
            disaggregation: 'cannabis',
            value: 1,
          });
    await services.values.applyValues(actor, writes, 'api');
    const lines: string[] = [];
    for (const strict of [false, true]) {
      for (const [name, wanted] of Object.entries(levels)) {
        const ids = territories.filter((t) => wanted.includes(t.level)).map((t) => t.id);
        const result = explorerTable(
          await services.explorer.query(actor, {
            items: ['drug_crime_rate'],
            territories: { ids, mode: 'selected' },
            periods: { type: 'year', from: '2021', to: '2025' },
            officialPopulationOnly: strict,
          }),
        );
        const filled = result.cells.filter((c) => c.value !== null).length;
        const byYear = [2021, 2022, 2023, 2024, 2025].map(
          (y) => result.cells.filter((c) => c.period === String(y) && c.value !== null).length,
        );
        const estimated = result.cells.filter((c) => c.denominator?.isEstimate).length;
        const flagged = result.cells.filter((c) => c.denominator?.flag).length;
        lines.push(
          `${strict ? 'official only' : 'policy'}\t${name}\t${filled}/${result.cells.length}\tby year ${byYear.join(' ')} of ${ids.length}\testimated ${estimated}, flagged ${flagged}`,
        );
      }
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await b.close();
  }
}

await main();

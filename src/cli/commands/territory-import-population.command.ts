import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { CliRuntime } from '../cli-runtime';
import { CliError } from '../cli-error';
import { createProgressBar } from '../progress';

const contentTypes: Record<string, string> = {
  '.csv': 'text/csv',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * `kuzot territory import-population FILE`: validates a population file (.csv or .xlsx) and applies it in
 * one transaction, at once rather than through the job queue. A file with problems lists every one and
 * imports nothing.
 */
export function registerTerritoryImportPopulationCommand(territory: Command, runtime: CliRuntime): void {
  territory
    .command('import-population <file>')
    .description('import population figures from a .csv or .xlsx file (all rows or none)')
    .action(async (file: string) => {
      const contentType = contentTypes[path.extname(file).toLowerCase()];
      if (!contentType) throw new CliError(`${file}: expected a .csv or .xlsx file.`);
      const data = await fs.readFile(file).catch((error: NodeJS.ErrnoException) => {
        throw new CliError(`${file}: cannot read the file (${error.code ?? error.message}).`);
      });
      await runtime.withContainer('boot', async (container) => {
        const bar = createProgressBar(runtime.stderr, 'Importing');
        try {
          const summary = await container.services.territories.importPopulationFile(
            runtime.actor(),
            { filename: path.basename(file), contentType, data },
            (fraction) => {
              bar.update(Math.round(fraction * 100), 100);
              return Promise.resolve();
            },
          );
          bar.finish();
          runtime.print(
            `Imported ${summary.rowCount} row(s): ${summary.inserted} added, ${summary.updated} changed, ${summary.unchanged} unchanged.`,
          );
        } finally {
          bar.finish();
        }
      });
    });
}

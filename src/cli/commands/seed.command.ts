import type { Command } from 'commander';
import type { CliRuntime } from '../cli-runtime';

/**
 * `kuzot seed [--demo]`: loads missing reference data (territories, population), the default agencies and
 * the default indicator catalogue, and creates the first administrator on a database without users. Idempotent.
 */
export function registerSeedCommand(program: Command, runtime: CliRuntime): void {
  program
    .command('seed')
    .description(
      'load reference data, default agencies and catalogue; create the first administrator if there are no users',
    )
    .option('--demo', 'also load demonstration data')
    .action(async (options: { demo?: boolean }) => {
      // Boot without its own seeding, so the rows below are counted and audited as this CLI user's.
      await runtime.withContainer(
        'boot',
        async (container) => {
          const actor = runtime.actor();
          const agencies = await container.services.agencies.seedDefaults(actor);
          const catalogue = await container.services.catalogue.seedDefaults(actor);
          const reference = await container.services.territories.loadReferenceData(actor);
          runtime.print(
            `Agencies added: ${agencies}`,
            `Catalogue items added: ${catalogue}`,
            `Territories added: ${reference.territories}`,
            `Population figures added: ${reference.population}`,
          );
        },
        { seedReference: false },
      );
      if (options.demo)
        runtime.print('No demo data yet: demonstration indicator data arrives with the indicators module.');
    });
}

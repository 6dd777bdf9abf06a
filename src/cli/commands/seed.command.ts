import { InvalidArgumentError, type Command } from 'commander';
import type { DemoScope } from '#server/modules/demo-data/demo.types';
import type { CliRuntime } from '../cli-runtime';
import { createProgressBar } from '../progress';

/** A whole number within bounds, for the demo scope options. */
const wholeNumber = (min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
  return n;
};

/** A month `YYYY-MM`, for `--demo-to` (the service refuses one after the last complete month). */
const month = (value: string) => {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) throw new InvalidArgumentError('expected a month as YYYY-MM');
  return value;
};

/**
 * Fills January 2015 to the last complete month with synthetic demonstration values; what exists already is
 * kept, so it is idempotent.
 */
async function seedDemo(runtime: CliRuntime, scope: DemoScope): Promise<void> {
  await runtime.withContainer('open', async (container) => {
    const bar = createProgressBar(runtime.stderr, 'Demo data');
    let announced = false;
    try {
      const summary = await container.services.demo.seed(runtime.actor(), scope, (p) => {
        if (!announced) {
          announced = true;
          runtime.stderr.write(`Generating up to ${p.total} synthetic values…\n`);
        }
        bar.update(p.done, p.total, p.element);
      });
      bar.finish();
      runtime.print(
        `Demo values added: ${summary.valuesAdded} (of at most ${summary.estimatedValues}: ${summary.elements} data elements, ${summary.territories} territories; some reports are missing on purpose)`,
        `Demo approvals added: ${summary.approvalsAdded}`,
        `Territories scaled with a default level for lack of population figures: ${summary.territoriesWithoutPopulation}`,
        `Took ${(summary.ms / 1000).toFixed(1)} s. These figures are synthetic: never use them for decisions.`,
      );
    } finally {
      bar.finish();
    }
  });
}

/**
 * `kuzot seed [--demo]`: loads missing reference data (territories, population), the default agencies and
 * the default indicator catalogue, and creates the first administrator on a database without users. With
 * `--demo`, also synthetic demonstration values for 2015–2025. Idempotent.
 */
export function registerSeedCommand(program: Command, runtime: CliRuntime): void {
  program
    .command('seed')
    .description(
      'load reference data, default agencies and catalogue; create the first administrator if there are no users',
    )
    .option(
      '--demo',
      'also load synthetic demonstration data (2015 to the last complete month, all reporting territories)',
    )
    .option(
      '--demo-territories <n>',
      'demo data for the first N reporting territories only',
      wholeNumber(1, 10_000),
    )
    .option('--demo-from <year>', 'demo data from this year on (default 2015)', wholeNumber(2015, 9999))
    .option(
      '--demo-to <month>',
      'demo data up to this month, YYYY-MM (default: the last complete month; for reproducible runs)',
      month,
    )
    .action(
      async (options: { demo?: boolean; demoTerritories?: number; demoFrom?: number; demoTo?: string }) => {
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
          await seedDemo(runtime, {
            ...(options.demoTerritories !== undefined ? { territoryLimit: options.demoTerritories } : {}),
            ...(options.demoFrom !== undefined ? { yearsFrom: options.demoFrom } : {}),
            ...(options.demoTo !== undefined ? { lastMonth: options.demoTo } : {}),
          });
      },
    );
}

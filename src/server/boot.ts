import type { Config } from './config';
import { createContainer, type Container } from './container';
import type { DatabaseHandle } from './db/database';
import { migrateToLatest } from './db/migrator';
import { openConfiguredDatabase } from './db/open-database';
import { withStartupLock } from './db/startup-lock';
import { systemActor } from './lib/actor';

export type FirstAdministrator = { username: string; password: string } | null;

export type Booted = { container: Container; firstAdministrator: FirstAdministrator; migrated: string[] };

/**
 * Opens the database, migrates it, loads missing reference data and creates the first administrator on an
 * empty database. Every step is idempotent, so it runs on every start and in several processes at once.
 */
export async function boot(
  config: Config,
  options: { database?: DatabaseHandle; referenceDataDir?: string } = {},
): Promise<Booted> {
  const database = options.database ?? (await openConfiguredDatabase(config));
  try {
    const container = createContainer(config, database, { referenceDataDir: options.referenceDataDir });
    const actor = systemActor('system:first-start');
    return await withStartupLock(database, async () => {
      const migrated = await migrateToLatest(database.db);
      if (config.seedReference) {
        await container.services.agencies.seedDefaults(actor);
        await container.services.catalogue.seedDefaults(actor);
        await container.services.territories.loadReferenceData(actor);
      }
      for (const schedule of container.systemSchedules) await container.tx.run((ex) => schedule.register(ex));
      const firstAdministrator = await container.services.users.ensureFirstAdministrator(actor);
      return { container, firstAdministrator, migrated };
    });
  } catch (error) {
    if (!options.database) await database.close();
    throw error;
  }
}

import path from 'node:path';
import type { Config } from '#server/config';
import { openPglite, openPostgres, type DatabaseHandle } from './database';

/** Opens the database the configuration names: a PostgreSQL server, or PGlite in the data directory. */
export function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  if (config.databaseUrl) return Promise.resolve(openPostgres(config.databaseUrl, config.databasePoolSize));
  return openPglite(path.join(config.dataDir, 'pglite'));
}

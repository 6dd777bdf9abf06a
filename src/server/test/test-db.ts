import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { testDatabaseUrl } from '#server/config';
import { openPglite, openPostgres, type DatabaseHandle } from '#server/db/database';
import { migrateToLatest } from '#server/db/migrator';

export type TestDatabase = { handle: DatabaseHandle; url: string | null; cleanup(): Promise<void> };

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on the
 * PostgreSQL server named by KUZOT_TEST_DATABASE_URL, dropped again by `cleanup`. Each run is isolated.
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = testDatabaseUrl();
  let handle: DatabaseHandle;
  let url: string | null = null;
  let drop: (() => Promise<void>) | null = null;
  if (serverUrl) {
    const name = `kuzot_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const parsed = new URL(serverUrl);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    handle = openPostgres(url, 5);
    drop = async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
  } else {
    handle = await openPglite('memory://');
  }
  if (options.migrate !== false) await migrateToLatest(handle.db);
  return {
    handle,
    url,
    async cleanup() {
      await handle.close();
      await drop?.();
    },
  };
}

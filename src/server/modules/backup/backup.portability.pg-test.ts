import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boot } from '#server/boot';
import { loadConfig, testDatabaseUrl } from '#server/config';
import { createContainer } from '#server/container';
import { openPglite, type DatabaseHandle } from '#server/db/database';
import { migrateToLatest } from '#server/db/migrator';
import { systemActor } from '#server/lib/actor';
import { createTestDatabase, type TestDatabase } from '#server/test/test-db';
import { populate, restoredStats, statsOfAllTables } from './backup-test-support';

const actor = systemActor('test:portability');
const config = loadConfig({ KUZOT_LOG_LEVEL: 'silent' });

// Needs both engines, so it runs with `npm run test:pg` (a *.pg-test.ts file), never skipped.
describe('backups move between PGlite and a PostgreSQL server', () => {
  let server: TestDatabase;
  let pglite: DatabaseHandle;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuzot-portability-'));
    if (!testDatabaseUrl()) throw new Error('this test needs KUZOT_TEST_DATABASE_URL (npm run test:pg)');
    server = await createTestDatabase({ migrate: false });
    pglite = await openPglite('memory://');
  });

  afterAll(async () => {
    await pglite?.close();
    await server?.cleanup();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('restores a PGlite backup onto PostgreSQL, and that one back onto a fresh PGlite', async () => {
    const { container: fromPglite } = await boot(config, { database: pglite });
    await populate(fromPglite);
    const original = await statsOfAllTables(pglite.db);
    const first = path.join(dir, 'from-pglite.gz');
    await fromPglite.services.backup.createBackup(actor, { file: first });

    const { container: onServer } = await boot(config, { database: server.handle });
    await onServer.services.backup.restoreBackup(actor, { file: first });
    expect(await restoredStats(server.handle.db)).toEqual(original);

    const second = path.join(dir, 'from-server.gz');
    await onServer.services.backup.createBackup(actor, { file: second });
    const fresh = await openPglite('memory://');
    try {
      await migrateToLatest(fresh.db);
      await createContainer(config, fresh).services.backup.restoreBackup(actor, { file: second });
      const { audit_log: auditOnServer, ...restOnServer } = await statsOfAllTables(server.handle.db);
      const { audit_log: auditOnFresh, ...restOnFresh } = await statsOfAllTables(fresh.db);
      expect(restOnFresh).toEqual(restOnServer);
      // The server's log gained the "backed up" entry after the snapshot; the fresh copy one "restored".
      expect(auditOnFresh?.rowCount).toBe(auditOnServer?.rowCount);
      expect(restOnFresh).toEqual(
        Object.fromEntries(Object.entries(original).filter(([name]) => name !== 'audit_log')),
      );
    } finally {
      await fresh.close();
    }
  });
});

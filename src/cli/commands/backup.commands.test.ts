import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoredStats, statsOfAllTables } from '#server/modules/backup/backup-test-support';
import type { TableStats } from '#server/modules/backup/backup.types';
import { migrations } from '#server/db/migrations/index';
import { createCliHarness, type CliHarness } from '../test/cli-harness';

const migrationNames = Object.keys(migrations).sort();
const latestMigration = migrationNames.at(-1) ?? '';

describe('kuzot migrate, seed, backup and restore', () => {
  let cli: CliHarness;
  let file: string;
  let atBackup: Record<string, TableStats>;
  beforeAll(async () => {
    cli = await createCliHarness();
    file = path.join(cli.dir, 'kuzot.backup.gz');
  });
  afterAll(async () => {
    await cli?.cleanup();
  });

  it('migrates and lists what it applied, then reports the schema up to date', async () => {
    expect(await cli.run('migrate')).toMatchObject({
      code: 0,
      stdout: `Applied ${migrationNames.length} migration(s):\n${migrationNames.map((m) => `  ${m}\n`).join('')}`,
    });
    expect(await cli.run('migrate')).toMatchObject({
      code: 0,
      stdout: 'The database schema is up to date; no migration applied.\n',
    });
  });

  it('seeds reference data and the first administrator once', async () => {
    const first = await cli.run('seed');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/First administrator[\s\S]*username: admin\n {2}password: \S+/);
    expect(first.stdout).toMatch(
      /Agencies added: [1-9]\d*\nCatalogue items added: [1-9]\d*\nTerritories added: [1-9]\d*\nPopulation figures added: [1-9]\d*\n/,
    );
    // A reduced demo scope keeps this fast; seed.command.test.ts covers demo data itself.
    const again = await cli.run('seed', '--demo', '--demo-territories', '1', '--demo-from', '2025');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(
      /^Agencies added: 0\nCatalogue items added: 0\nTerritories added: 0\nPopulation figures added: 0\nDemo values added: [1-9]\d* /,
    );
  });

  it('writes a backup with progress and refuses to overwrite it without --force', async () => {
    expect(
      (await cli.run('user', 'add', '--username', 'keeper', '--display-name', 'Keeper', '--role', 'analyst'))
        .code,
    ).toBe(0);
    atBackup = await cli.inspect((c) => statsOfAllTables(c.database.db));
    const r = await cli.run('backup', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Backup written to .*kuzot\.backup\.gz: \d+ tables, \d+ rows, \d+ KiB \(schema: (\w+)\)\.\n$/,
    );
    expect(r.stdout).toContain(`(schema: ${latestMigration}).`);
    expect(Number(/: (\d+) tables/.exec(r.stdout)?.[1])).toBe(Object.keys(atBackup).length);
    expect(r.stderr).toContain('Backing up: 100%');
    expect(await cli.run('backup', file)).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^CONFLICT: .* already exists/),
    });
    expect((await cli.run('backup', path.join(cli.dir, 'second.gz'))).code).toBe(0);
    expect((await cli.run('backup', path.join(cli.dir, 'second.gz'), '--force')).code).toBe(0);
  });

  it('restores the backup over later changes, exactly', async () => {
    expect(
      (await cli.run('user', 'add', '--username', 'intruder', '--display-name', 'Later', '--role', 'viewer'))
        .code,
    ).toBe(0);
    const r = await cli.run('restore', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Restored \d+ tables, \d+ rows from the backup of \d{4}-\d\d-\d\dT/);
    expect(r.stderr).toContain('Checking file: 100%');
    expect(r.stderr).toContain('Restoring: 100%');
    expect(await cli.inspect((c) => restoredStats(c.database.db))).toEqual(atBackup);
    const users = await cli.run('user', 'list');
    expect(users.stdout).toContain('keeper');
    expect(users.stdout).not.toContain('intruder');
  });

  it('refuses a truncated backup and changes nothing', async () => {
    const before = await cli.inspect((c) => statsOfAllTables(c.database.db));
    const truncated = path.join(cli.dir, 'truncated.gz');
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(truncated, bytes.subarray(0, bytes.length - 100));
    const r = await cli.run('restore', truncated);
    expect(r).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(
        /^FILE_UNREADABLE: .*truncated\.gz cannot be restored: the file is truncated\./m,
      ),
    });
    expect(await cli.inspect((c) => statsOfAllTables(c.database.db))).toEqual(before);
  });

  it('restores into a fresh, empty database', async () => {
    const fresh = await createCliHarness();
    try {
      expect((await fresh.run('restore', file)).code).toBe(0);
      expect(await fresh.inspect((c) => restoredStats(c.database.db))).toEqual(atBackup);
    } finally {
      await fresh.cleanup();
    }
  });
});

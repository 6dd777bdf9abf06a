import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '#server/config';
import { createContainer, type Container } from '#server/container';
import { systemActor } from '#server/lib/actor';
import { createTestApp, type TestApp } from '#server/test/test-app';
import { createTestDatabase, type TestDatabase } from '#server/test/test-db';
import { createTableChecksum } from './backup-checksum';
import {
  populate,
  restoredStats,
  rewriteBackup,
  sequenceStates,
  statsOfAllTables,
} from './backup-test-support';
import type { BackupHeader, TableStats } from './backup.types';

const actor = systemActor('test:backup');

describe('backup and restore', () => {
  let source: TestApp;
  let target: TestDatabase;
  let targetContainer: Container;
  let dir: string;
  let file: string;
  let atBackup: Record<string, TableStats>;
  let sequencesAtBackup: Record<string, { lastValue: number; isCalled: boolean }>;

  beforeAll(async () => {
    source = await createTestApp();
    await populate(source.container);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuzot-backup-'));
    file = path.join(dir, 'kuzot.backup.gz');
    atBackup = await statsOfAllTables(source.container.database.db);
    sequencesAtBackup = await sequenceStates(source.container.database.db);
    await source.container.services.backup.createBackup(actor, { file });
    target = await createTestDatabase();
    targetContainer = createContainer(loadConfig({ KUZOT_LOG_LEVEL: 'silent' }), target.handle);
  });

  afterAll(async () => {
    await source?.close();
    await target?.cleanup();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const readHeader = async (backup: string): Promise<BackupHeader> => {
    let header: BackupHeader | null = null;
    await rewriteBackup(backup, path.join(dir, 'scratch.gz'), (lines) => {
      header = JSON.parse(lines[0] ?? '') as BackupHeader;
      return lines;
    });
    if (!header) throw new Error('no header');
    return header;
  };

  it('writes every table with counts and checksums of the database at backup time', async () => {
    const header = await readHeader(file);
    expect(
      Object.fromEntries(header.tables.map((t) => [t.name, { rowCount: t.rowCount, checksum: t.checksum }])),
    ).toEqual(atBackup);
    expect(header.tables.map((t) => t.name).indexOf('territory')).toBeLessThan(
      header.tables.map((t) => t.name).indexOf('app_user'),
    );
    expect(Object.keys(atBackup).every((name) => header.tables.some((t) => t.name === name))).toBe(true);
    expect(atBackup.upload?.rowCount).toBe(1);
    expect(atBackup.user_session?.rowCount).toBe(1);
    const audit = await source.container.services.audit.list({ action: 'database.backed_up' });
    expect(audit.items).toHaveLength(1);
  });

  it('writes the backup readable by its owner only (it holds password hashes), also over a wider file', async () => {
    expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('600');
    const wide = path.join(dir, 'wide.gz');
    fs.writeFileSync(wide, 'old', { mode: 0o644 });
    await source.container.services.backup.createBackup(actor, { file: wide, overwrite: true });
    expect((fs.statSync(wide).mode & 0o777).toString(8)).toBe('600');
  });

  it('restores into a fresh database exactly, audit log and sequences included', async () => {
    const summary = await targetContainer.services.backup.restoreBackup(actor, { file });
    expect(summary.rows).toBe(Object.values(atBackup).reduce((n, t) => n + t.rowCount, 0));
    expect(await restoredStats(target.handle.db)).toEqual(atBackup);
    const sequences = await sequenceStates(target.handle.db);
    expect({ ...sequences, 'audit_log.id': sequencesAtBackup['audit_log.id'] }).toEqual(sequencesAtBackup);
    expect(sequences['audit_log.id']?.lastValue).toBe(
      (sequencesAtBackup['audit_log.id']?.lastValue ?? 0) + 1,
    );
    const restores = await targetContainer.services.audit.list({ action: 'database.restored' });
    expect(restores.items).toHaveLength(1);
    expect(restores.items[0]?.actorUsername).toBe('test:backup');
    const login = await targetContainer.services.auth.login({
      username: 'officer',
      password: 'Kq7-first-secret-9',
      ip: '10.9.9.9',
      userAgent: null,
      requestId: null,
    });
    expect(login.session.user.username).toBe('officer');
  });

  it('restores over changed data, undoing the changes', async () => {
    await populate(source.container).catch(() => undefined);
    await source.container.services.users.create(actor, {
      username: 'later',
      displayName: 'Later',
      role: 'viewer',
      password: 'Kq7-third-secret-9',
    });
    expect(await restoredStats(source.container.database.db)).not.toEqual(atBackup);
    await source.container.services.backup.restoreBackup(actor, { file });
    expect(await restoredStats(source.container.database.db)).toEqual(atBackup);
  });

  it('keeps the audit log append-only outside a restore', async () => {
    const db = target.handle.db;
    await expect(sql`UPDATE audit_log SET action = 'forged'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log CASCADE`.execute(db)).rejects.toThrow(/append-only/);
  });

  it('refuses files that are not complete Kuzot backups and changes nothing', async () => {
    const before = await statsOfAllTables(target.handle.db);
    const bytes = fs.readFileSync(file);
    const cases: Array<[string, (name: string) => Promise<void> | void, RegExp]> = [
      ['missing', () => undefined, /does not exist/],
      ['plain text', (f) => fs.writeFileSync(f, 'hello'), /not a Kuzot backup/],
      [
        'foreign gzip',
        (f) => fs.writeFileSync(f, zlib.gzipSync('{"format":"other"}\n')),
        /not a Kuzot backup/,
      ],
      ['truncated', (f) => fs.writeFileSync(f, bytes.subarray(0, Math.floor(bytes.length / 2))), /truncated/],
      [
        'damaged',
        (f) => {
          const copy = Buffer.from(bytes);
          for (let i = 200; i < 260; i++) copy[i] = (copy[i] ?? 0) ^ 0xff;
          fs.writeFileSync(f, copy);
        },
        /cannot be restored/,
      ],
      [
        'without end marker',
        (f) => rewriteBackup(file, f, (lines) => lines.slice(0, -1)),
        /truncated \(no end marker\)/,
      ],
      [
        'missing rows',
        (f) => rewriteBackup(file, f, (lines) => lines.filter((l) => !l.startsWith('{"table":"population"'))),
        /rows of table population/,
      ],
      [
        'edited row',
        (f) =>
          rewriteBackup(file, f, (lines) =>
            lines.map((l) => (l.startsWith('{"table":"agency"') ? l.replace(',MIA,', ',MIX,') : l)),
          ),
        /agency do not match its checksum/,
      ],
    ];
    for (const [name, make, message] of cases) {
      const damaged = path.join(dir, `${name.replace(/ /g, '-')}.gz`);
      await make(damaged);
      await expect(
        targetContainer.services.backup.restoreBackup(actor, { file: damaged }),
        name,
      ).rejects.toMatchObject({ code: 'FILE_UNREADABLE', message });
    }
    expect(await statsOfAllTables(target.handle.db)).toEqual(before);
  });

  it('rolls everything back when a restored table does not come out equal to the backup', async () => {
    const before = await statsOfAllTables(target.handle.db);
    const forged = path.join(dir, 'non-canonical.gz');
    // An upper-case uuid is valid input but reads back in lower case: the file's own checksum matches,
    // the database's does not, so the mismatch is found only after the rows are in.
    await rewriteBackup(file, forged, (lines) => {
      const header = JSON.parse(lines[0] ?? '') as BackupHeader;
      const agencyLine = lines.findIndex((l) => l.startsWith('{"table":"agency"'));
      const chunk = JSON.parse(lines[agencyLine] ?? '') as { table: string; rows: string[] };
      chunk.rows = chunk.rows.map((r, i) => (i === 0 ? `(${r.slice(1, 37).toUpperCase()}${r.slice(37)}` : r));
      const checksum = createTableChecksum();
      for (const r of chunk.rows) checksum.add(r);
      const table = header.tables.find((t) => t.name === 'agency');
      if (table) table.checksum = checksum.digest();
      return lines.map((l, i) =>
        i === 0 ? JSON.stringify(header) : i === agencyLine ? JSON.stringify(chunk) : l,
      );
    });
    await expect(
      targetContainer.services.backup.restoreBackup(actor, { file: forged }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/table agency differs/),
      details: { reason: 'checksum_mismatch', table: 'agency' },
    });
    expect(await statsOfAllTables(target.handle.db)).toEqual(before);
  });

  it('refuses a backup taken on another schema', async () => {
    const newer = path.join(dir, 'newer.gz');
    await rewriteBackup(file, newer, (lines) => {
      const header = JSON.parse(lines[0] ?? '') as BackupHeader;
      header.migrations.push('209901010000_from_the_future');
      return [JSON.stringify(header), ...lines.slice(1)];
    });
    await expect(targetContainer.services.backup.restoreBackup(actor, { file: newer })).rejects.toMatchObject(
      {
        code: 'CONFLICT',
        message: expect.stringMatching(/newer Kuzot.*209901010000_from_the_future/),
      },
    );
  });

  it('does not overwrite an existing file unless asked, and leaves no partial file', async () => {
    const existing = path.join(dir, 'existing.gz');
    fs.writeFileSync(existing, 'keep me');
    await expect(
      source.container.services.backup.createBackup(actor, { file: existing }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(fs.readFileSync(existing, 'utf8')).toBe('keep me');
    await source.container.services.backup.createBackup(actor, { file: existing, overwrite: true });
    expect(fs.readFileSync(existing).subarray(0, 2).toString('hex')).toBe('1f8b');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });
});

import fs from 'node:fs';
import zlib from 'node:zlib';
import type { Container } from '#server/container';
import type { Executor } from '#server/db/transaction';
import { createJobRepository } from '#server/jobs/job.repository';
import { systemActor } from '#server/lib/actor';
import { createTableChecksum } from './backup-checksum';
import { createBackupRepository } from './backup.repository';
import type { TableStats } from './backup.types';

/** Helpers for the backup tests (not used by the application). */

/** Row count and checksum of every table, by name. */
export async function statsOfAllTables(db: Executor): Promise<Record<string, TableStats>> {
  return db.transaction().execute(async (trx) => {
    const repository = createBackupRepository(trx);
    await repository.beginSnapshot();
    const result: Record<string, TableStats> = {};
    for (const table of await repository.listTables())
      result[table.name] = await repository.tableStats(table.name);
    return result;
  });
}

/** Every sequence's state, by table.column. */
export async function sequenceStates(
  db: Executor,
): Promise<Record<string, { lastValue: number; isCalled: boolean }>> {
  const repository = createBackupRepository(db);
  const result: Record<string, { lastValue: number; isCalled: boolean }> = {};
  for (const s of await repository.listSequences())
    result[`${s.table}.${s.column}`] = await repository.readSequence(s.sequence);
  return result;
}

/**
 * Fills a booted database with one of everything: users and a session, a failed sign-in, population
 * figures, an upload with a queued job, a job with a fractional progress, and audit entries.
 */
export async function populate(container: Container): Promise<void> {
  const actor = systemActor('test:populate');
  const { users, territories, agencies } = container.services;
  const agency = (await agencies.list()).items[0];
  const oblast = (await territories.list()).items.find((t) => t.level === 'oblast');
  if (!agency || !oblast) throw new Error('reference data missing');
  await users.create(actor, {
    username: 'officer',
    displayName: 'Officer «Ж»',
    role: 'agency_officer',
    agencyId: agency.id,
    password: 'Kq7-first-secret-9',
  });
  await users.create(actor, {
    username: 'regional',
    displayName: 'Regional',
    role: 'regional_officer',
    territoryId: oblast.id,
    email: 'r@example.kg',
    password: 'Kq7-second-secret-9',
  });
  await container.services.auth.login({
    username: 'officer',
    password: 'Kq7-first-secret-9',
    ip: '10.0.0.1',
    userAgent: 'test "agent", (x)',
    requestId: null,
  });
  await container.services.auth
    .login({ username: 'officer', password: 'wrong', ip: '10.0.0.2', userAgent: null, requestId: null })
    .catch(() => undefined);
  await territories.upsertPopulation(actor, oblast.id, 2030, {
    total: 1000,
    male: 400,
    female: 600,
    age0to17: 100,
    age14to35: null,
    source: 'test; with | pipes\nand a newline',
    isEstimate: true,
  });
  const csv = `code,year,total,source\n${oblast.code},2031,1234,csv test\n`;
  await territories.startPopulationImport(actor, {
    filename: 'p.csv',
    contentType: 'text/csv',
    data: Buffer.from(csv),
  });
  const jobs = createJobRepository(container.database.db);
  for (const job of (await jobs.find({ limit: 10, offset: 0 })).rows) {
    await jobs.setProgress(job.id, 0.1);
    const claimed = await jobs.claimNext('backup-test', [job.name], new Date());
    if (!claimed) continue;
    await jobs.finish(claimed.id, 'backup-test', {
      status: 'failed',
      result: null,
      error: { code: 'JOB_FAILED', params: { note: 'stopped by test; "quoted"' } },
      now: new Date(),
    });
  }
}

/** Rewrites a backup file line by line (to simulate tampering). */
export async function rewriteBackup(
  from: string,
  to: string,
  edit: (lines: string[]) => string[],
): Promise<void> {
  const lines = zlib
    .gunzipSync(fs.readFileSync(from))
    .toString('utf8')
    .split('\n')
    .filter((l) => l !== '');
  fs.writeFileSync(to, zlib.gzipSync(`${edit(lines).join('\n')}\n`));
}

/** Checksum of the audit log without the entries restores appended (restores add one entry each). */
export async function auditStatsWithoutRestores(db: Executor): Promise<TableStats> {
  return db.transaction().execute(async (trx) => {
    const repository = createBackupRepository(trx);
    await repository.beginSnapshot();
    const checksum = createTableChecksum();
    await repository.openRows('audit_log');
    for (
      let rows = await repository.fetchRows(500);
      rows.length > 0;
      rows = await repository.fetchRows(500)
    ) {
      for (const row of rows) if (!row.includes(',database.restored,database,')) checksum.add(row);
    }
    await repository.closeRows();
    return { rowCount: checksum.rowCount, checksum: checksum.digest() };
  });
}

/** Stats of every table, with the audit log counted without restore entries. */
export async function restoredStats(db: Executor): Promise<Record<string, TableStats>> {
  return { ...(await statsOfAllTables(db)), audit_log: await auditStatsWithoutRestores(db) };
}

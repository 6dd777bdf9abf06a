import path from 'node:path';
import type { Executor, Transactor } from '#server/db/transaction';
import type { Actor } from '#server/lib/actor';
import { AppError } from '#server/lib/app-error';
import type { AuditService } from '../audit/audit.service';
import { openArchiveWriter, readArchiveLines } from './backup-archive';
import { createTableChecksum } from './backup-checksum';
import { createBackupRepository } from './backup.repository';
import {
  compareMigrations,
  describeMigrationMismatch,
  isSelfReferencing,
  nextFetchSize,
  orderByDependencies,
  parseBodyLine,
  parseHeaderLine,
  sequenceState,
  structureProblems,
} from './backup.rules';
import {
  backupFormat,
  backupFormatVersion,
  type BackupHeader,
  type BackupProgress,
  type BackupSummary,
  type RestoreSummary,
  type TableInfo,
} from './backup.types';

export type BackupService = ReturnType<typeof createBackupService>;

export type CreateBackupInput = {
  /** Where to write the backup (gzip'd JSON lines). */
  file: string;
  /** Replace an existing file; otherwise an existing file is refused with CONFLICT. */
  overwrite?: boolean;
  onProgress?: (progress: BackupProgress) => void;
};

export type RestoreBackupInput = {
  /** A file written by `createBackup`, on this or any other Kuzot database of the same schema. */
  file: string;
  onProgress?: (progress: BackupProgress) => void;
};

const unreadable = (file: string, reason: string) =>
  new AppError('FILE_UNREADABLE', `${file} cannot be restored: ${reason}.`, { file, reason });

/** Reads the header, the first line. */
async function readHeader(file: string): Promise<BackupHeader> {
  for await (const line of readArchiveLines(file)) {
    const header = parseHeaderLine(line);
    if (!header.ok) throw unreadable(file, header.message);
    return header.value;
  }
  throw unreadable(file, 'the file is empty');
}

/**
 * Walks the whole file: every table's chunks in header order, row counts and checksums as the header
 * states them, and the end marker last. `onChunk` sees each verified table's rows; nothing is trusted
 * before the end marker, so a caller that writes must do so in a transaction it can roll back.
 */
async function walkBackup(
  file: string,
  onChunk: (table: string, rows: string[]) => Promise<void>,
): Promise<BackupHeader> {
  let header: BackupHeader | null = null;
  let index = -1;
  let checksum = createTableChecksum();
  let ended = false;
  const closeTable = () => {
    const table = header?.tables[index];
    if (!table) return;
    if (checksum.rowCount !== table.rowCount)
      throw unreadable(
        file,
        `table ${table.name} has ${checksum.rowCount} rows, the header says ${table.rowCount}`,
      );
    if (checksum.digest() !== table.checksum)
      throw unreadable(file, `the rows of table ${table.name} do not match its checksum`);
  };
  for await (const line of readArchiveLines(file)) {
    if (!header) {
      const parsed = parseHeaderLine(line);
      if (!parsed.ok) throw unreadable(file, parsed.message);
      header = parsed.value;
      continue;
    }
    if (ended) throw unreadable(file, 'there is data after the end marker');
    const parsed = parseBodyLine(line);
    if (!parsed.ok) throw unreadable(file, parsed.message);
    if ('end' in parsed.value) {
      closeTable();
      for (const table of header.tables.slice(index + 1))
        if (table.rowCount > 0) throw unreadable(file, `the rows of table ${table.name} are missing`);
      ended = true;
      continue;
    }
    const chunk = parsed.value;
    if (chunk.table !== header.tables[index]?.name) {
      closeTable();
      const next = header.tables.findIndex((t, i) => i > index && t.name === chunk.table);
      if (next < 0) throw unreadable(file, `rows of table ${chunk.table} are out of order or unknown`);
      for (const skipped of header.tables.slice(index + 1, next))
        if (skipped.rowCount > 0) throw unreadable(file, `the rows of table ${skipped.name} are missing`);
      index = next;
      checksum = createTableChecksum();
    }
    for (const row of chunk.rows) checksum.add(row);
    await onChunk(chunk.table, chunk.rows);
  }
  if (!header) throw unreadable(file, 'the file is empty');
  if (!ended) throw unreadable(file, 'the file is truncated (no end marker)');
  return header;
}

/** Refuses a backup whose schema differs from the target's: migrations first, then tables and columns. */
async function checkCompatible(executor: Executor, file: string, header: BackupHeader): Promise<TableInfo[]> {
  const repository = createBackupRepository(executor);
  const comparison = compareMigrations(header.migrations, await repository.listMigrations());
  if (!comparison.same) {
    throw new AppError('CONFLICT', describeMigrationMismatch(comparison), {
      file,
      reason: 'schema_mismatch',
      ...comparison,
    });
  }
  const target = await repository.listTables();
  const problems = structureProblems(header.tables, target);
  if (problems.length > 0) {
    throw new AppError('CONFLICT', `The backup does not fit this database: ${problems.join('; ')}.`, {
      file,
      reason: 'schema_mismatch',
      problems,
    });
  }
  return target;
}

/**
 * Backup and restore of the whole database. A backup is a consistent snapshot of every table with row
 * counts and checksums; a restore replaces every table with it in one transaction and proves the result
 * equal to the backup before committing. Both work the same on PGlite and on a PostgreSQL server, and a
 * backup from one restores onto the other.
 */
export function createBackupService(deps: { tx: Transactor; audit: AuditService }) {
  return {
    /**
     * Writes a backup of every table, taken in one read-only REPEATABLE READ transaction so it is consistent
     * even while others write. The rows written are re-checksummed against the database's own checksum of
     * the snapshot. The file appears only when complete. The backup is recorded in the audit log.
     */
    async createBackup(actor: Actor, input: CreateBackupInput): Promise<BackupSummary> {
      const file = path.resolve(input.file);
      const writer = await openArchiveWriter(file, { overwrite: input.overwrite ?? false });
      try {
        const header = await deps.tx.run(async (ex) => {
          const repository = createBackupRepository(ex);
          await repository.beginSnapshot();
          const tables = orderByDependencies(await repository.listTables());
          const sequences = [];
          for (const s of await repository.listSequences())
            sequences.push({
              table: s.table,
              column: s.column,
              ...(await repository.readSequence(s.sequence)),
            });
          const header: BackupHeader = {
            format: backupFormat,
            formatVersion: backupFormatVersion,
            createdAt: new Date().toISOString(),
            serverVersion: await repository.serverVersion(),
            migrations: await repository.listMigrations(),
            tables: [],
            sequences,
          };
          for (const table of tables) {
            const stats = await repository.tableStats(table.name);
            header.tables.push({
              name: table.name,
              columns: table.columns.map((c) => ({ name: c.name, type: c.type })),
              ...stats,
            });
          }
          await writer.writeLine(header);
          const total = header.tables.reduce((n, t) => n + t.rowCount, 0);
          let done = 0;
          input.onProgress?.({ phase: 'backup', done, total, table: null });
          for (const table of header.tables) {
            const checksum = createTableChecksum();
            await repository.openRows(table.name);
            for (let size = nextFetchSize(0, 0); ;) {
              const rows = await repository.fetchRows(size);
              if (rows.length === 0) break;
              for (const row of rows) checksum.add(row);
              await writer.writeLine({ table: table.name, rows });
              done += rows.length;
              input.onProgress?.({ phase: 'backup', done, total, table: table.name });
              size = nextFetchSize(
                rows.length,
                rows.reduce((n, r) => n + r.length, 0),
              );
            }
            await repository.closeRows();
            if (checksum.rowCount !== table.rowCount || checksum.digest() !== table.checksum) {
              throw new Error(`Backup of table ${table.name} does not match its snapshot checksum`);
            }
          }
          await writer.writeLine({ end: true, tableCount: header.tables.length, rowCount: total });
          return header;
        });
        await writer.finish();
        const rows = header.tables.reduce((n, t) => n + t.rowCount, 0);
        await deps.tx.run((ex) =>
          deps.audit.record(ex, actor, {
            action: 'database.backed_up',
            entityType: 'database',
            entityId: null,
            after: { file, tables: header.tables.length, rows },
          }),
        );
        return {
          file,
          tables: header.tables.length,
          rows,
          bytes: writer.bytes,
          migrations: header.migrations,
        };
      } catch (error) {
        await writer.abort();
        throw error;
      }
    },

    /**
     * Replaces the whole database with a backup. Refuses, changing nothing, a file that is not a Kuzot
     * backup, is truncated or damaged, or was taken on a different schema (migrate the target first).
     * Then, in one transaction: empties every table, loads the rows, sets every sequence, recomputes every
     * table's checksum and compares it with the backup's; any difference rolls back everything. The audit
     * log is restored with the rest, and one entry recording the restore is appended after the check.
     */
    async restoreBackup(actor: Actor, input: RestoreBackupInput): Promise<RestoreSummary> {
      const file = path.resolve(input.file);
      const header = await readHeader(file);
      await checkCompatible(deps.tx.executor, file, header);
      const total = header.tables.reduce((n, t) => n + t.rowCount, 0);
      let done = 0;
      input.onProgress?.({ phase: 'verify', done, total, table: null });
      await walkBackup(file, async (table, rows) => {
        done += rows.length;
        input.onProgress?.({ phase: 'verify', done, total, table });
      });

      await deps.tx.run(async (ex) => {
        const repository = createBackupRepository(ex);
        await repository.beginRestore();
        const target = new Map((await checkCompatible(ex, file, header)).map((t) => [t.name, t]));
        await repository.truncate([...target.keys()]);
        done = 0;
        input.onProgress?.({ phase: 'restore', done, total, table: null });
        // A table that references itself goes in with one statement; others chunk by chunk.
        let held: { table: TableInfo; rows: string[] } | null = null;
        const flush = async () => {
          if (held) await repository.insertRows(held.table, held.rows);
          held = null;
        };
        await walkBackup(file, async (name, rows) => {
          const table = target.get(name);
          if (!table) throw unreadable(file, `table ${name} is not in this database`);
          if (held && held.table.name !== name) await flush();
          if (isSelfReferencing(table)) {
            held ??= { table, rows: [] };
            held.rows.push(...rows);
          } else {
            await repository.insertRows(table, rows);
          }
          done += rows.length;
          input.onProgress?.({ phase: 'restore', done, total, table: name });
        });
        await flush();
        for (const s of await repository.listSequences()) {
          const saved = header.sequences.find((b) => b.table === s.table && b.column === s.column);
          const state = sequenceState(saved, await repository.maxValue(s.table, s.column));
          await repository.setSequence(s.sequence, state.value, state.isCalled);
        }
        for (const table of header.tables) {
          const stats = await repository.tableStats(table.name);
          if (stats.rowCount !== table.rowCount || stats.checksum !== table.checksum) {
            throw new AppError(
              'CONFLICT',
              `The restored table ${table.name} differs from the backup; nothing was restored.`,
              {
                file,
                reason: 'checksum_mismatch',
                table: table.name,
                expected: { rowCount: table.rowCount, checksum: table.checksum },
                actual: stats,
              },
            );
          }
        }
        await repository.endAuditMaintenance();
        await deps.audit.record(ex, actor, {
          action: 'database.restored',
          entityType: 'database',
          entityId: null,
          after: { file, backupCreatedAt: header.createdAt, tables: header.tables.length, rows: total },
        });
      });
      return {
        file,
        createdAt: header.createdAt,
        tables: header.tables.length,
        rows: total,
        migrations: header.migrations,
      };
    },
  };
}

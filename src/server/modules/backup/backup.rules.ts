import { Value } from 'typebox/value';
import {
  backupChunkSchema,
  backupEndSchema,
  backupFormat,
  backupFormatVersion,
  backupHeaderSchema,
  type BackupChunk,
  type BackupEnd,
  type BackupHeader,
  type BackupSequence,
  type BackupTable,
  type TableInfo,
} from './backup.types';

/** Pure rules of backup and restore: file structure, schema compatibility, ordering, sequences. */

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const parseJson = (line: string): Parsed<unknown> => {
  try {
    return { ok: true, value: JSON.parse(line) as unknown };
  } catch {
    return { ok: false, message: 'a line is not valid JSON' };
  }
};

/** Reads the header line, telling "not a Kuzot backup" apart from "made by a newer Kuzot". */
export function parseHeaderLine(line: string | undefined): Parsed<BackupHeader> {
  if (line === undefined || line.trim() === '') return { ok: false, message: 'the file is empty' };
  const json = parseJson(line);
  if (!json.ok) return { ok: false, message: 'it is not a Kuzot backup (the first line is not JSON)' };
  const value = json.value as Record<string, unknown> | null;
  if (typeof value !== 'object' || value === null || value.format !== backupFormat) {
    return { ok: false, message: 'it is not a Kuzot backup' };
  }
  if (typeof value.formatVersion === 'number' && value.formatVersion > backupFormatVersion) {
    return {
      ok: false,
      message: `it was made by a newer Kuzot (backup format ${value.formatVersion}; this version reads ${backupFormatVersion})`,
    };
  }
  if (!Value.Check(backupHeaderSchema, value)) return { ok: false, message: 'its header is damaged' };
  return { ok: true, value };
}

/** Reads a line after the header: a chunk of rows or the end marker. */
export function parseBodyLine(line: string): Parsed<BackupChunk | BackupEnd> {
  const json = parseJson(line);
  if (!json.ok) return json;
  if (Value.Check(backupChunkSchema, json.value) || Value.Check(backupEndSchema, json.value))
    return { ok: true, value: json.value };
  return { ok: false, message: 'a line has an unexpected shape' };
}

/**
 * Orders tables so every table comes after the tables its foreign keys reference (self-references are
 * allowed; such a table is loaded in one statement). Ties go by name, so the order is stable. Throws when
 * two different tables reference each other, which a table-by-table load cannot satisfy.
 */
export function orderByDependencies(tables: readonly TableInfo[]): TableInfo[] {
  const remaining = new Map(tables.map((t) => [t.name, t]));
  const ordered: TableInfo[] = [];
  while (remaining.size > 0) {
    const ready = [...remaining.values()]
      .filter((t) => t.references.every((r) => r === t.name || !remaining.has(r)))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (ready.length === 0) {
      throw new Error(
        `Tables reference each other in a cycle (${[...remaining.keys()].sort().join(', ')}); backup cannot order them.`,
      );
    }
    for (const table of ready) {
      ordered.push(table);
      remaining.delete(table.name);
    }
  }
  return ordered;
}

/** Whether a table has a foreign key to itself (its rows must go in with one statement). */
export function isSelfReferencing(table: TableInfo): boolean {
  return table.references.includes(table.name);
}

export type MigrationComparison =
  | { same: true }
  | {
      same: false;
      direction: 'newer' | 'older' | 'different';
      missingOnTarget: string[];
      missingInBackup: string[];
    };

/** Compares the backup's migrations with the target's: a restore needs exactly the same schema. */
export function compareMigrations(backup: readonly string[], target: readonly string[]): MigrationComparison {
  const missingOnTarget = backup.filter((m) => !target.includes(m));
  const missingInBackup = target.filter((m) => !backup.includes(m));
  if (missingOnTarget.length === 0 && missingInBackup.length === 0) return { same: true };
  const direction =
    missingInBackup.length === 0 ? 'newer' : missingOnTarget.length === 0 ? 'older' : 'different';
  return { same: false, direction, missingOnTarget, missingInBackup };
}

/** A sentence explaining a migration mismatch to an operator. */
export function describeMigrationMismatch(comparison: Exclude<MigrationComparison, { same: true }>): string {
  switch (comparison.direction) {
    case 'newer':
      return `The backup is from a newer Kuzot (it has migrations this database lacks: ${comparison.missingOnTarget.join(', ')}). Upgrade Kuzot, then restore.`;
    case 'older':
      return `The backup is from an older Kuzot (this database has migrations the backup lacks: ${comparison.missingInBackup.join(', ')}). Restore it with the Kuzot version that made it, then upgrade.`;
    case 'different':
      return `The backup and this database have different migrations (only in the backup: ${comparison.missingOnTarget.join(', ')}; only here: ${comparison.missingInBackup.join(', ')}).`;
  }
}

/**
 * Problems that stop a restore before it starts: tables or columns that differ between the backup and the
 * target, or a backup table order that would load a row before the row it references.
 */
export function structureProblems(backup: readonly BackupTable[], target: readonly TableInfo[]): string[] {
  const problems: string[] = [];
  const targetByName = new Map(target.map((t) => [t.name, t]));
  const backupNames = new Set(backup.map((t) => t.name));
  for (const t of target) if (!backupNames.has(t.name)) problems.push(`table ${t.name} is not in the backup`);
  const loaded = new Set<string>();
  for (const table of backup) {
    const here = targetByName.get(table.name);
    if (!here) {
      problems.push(`table ${table.name} does not exist in this database`);
      continue;
    }
    const want = here.columns.map((c) => `${c.name} ${c.type}`).join(', ');
    const have = table.columns.map((c) => `${c.name} ${c.type}`).join(', ');
    if (want !== have)
      problems.push(`table ${table.name} has columns (${have}) in the backup but (${want}) here`);
    const early = here.references.filter((r) => r !== table.name && !loaded.has(r));
    if (early.length > 0) problems.push(`table ${table.name} comes before ${early.join(', ')} in the backup`);
    loaded.add(table.name);
  }
  return problems;
}

/**
 * The state to give a sequence after a restore: the backup's, unless rows hold a larger value (which would
 * make the next insert collide). `setval(seq, value, isCalled)`; value 1 uncalled is a fresh sequence.
 */
export function sequenceState(
  saved: BackupSequence | undefined,
  maxInTable: number | null,
): { value: number; isCalled: boolean } {
  const max = maxInTable ?? 0;
  if (saved && (saved.isCalled ? saved.lastValue : saved.lastValue - 1) >= max) {
    return { value: saved.lastValue, isCalled: saved.isCalled };
  }
  return max >= 1 ? { value: max, isCalled: true } : { value: 1, isCalled: false };
}

/** How many rows to fetch next so a chunk stays near `targetBytes` (rows vary from bytes to megabytes). */
export function nextFetchSize(
  rows: number,
  bytes: number,
  options = { targetBytes: 2 * 1024 * 1024, min: 1, max: 2_000 },
): number {
  if (rows === 0 || bytes === 0) return options.max;
  const size = Math.floor(options.targetBytes / (bytes / rows));
  return Math.min(options.max, Math.max(options.min, size));
}

import { describe, expect, it } from 'vitest';
import {
  compareMigrations,
  describeMigrationMismatch,
  nextFetchSize,
  orderByDependencies,
  parseBodyLine,
  parseHeaderLine,
  sequenceState,
  structureProblems,
} from './backup.rules';
import type { BackupHeader, TableInfo } from './backup.types';

const table = (name: string, references: string[] = [], columns = ['id uuid']): TableInfo => ({
  name,
  references,
  columns: columns.map((c) => ({
    name: c.split(' ')[0] ?? '',
    type: c.split(' ').slice(1).join(' '),
    isGenerated: false,
  })),
});

const header: BackupHeader = {
  format: 'kuzot-backup',
  formatVersion: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  serverVersion: 'PostgreSQL 15',
  migrations: ['a'],
  tables: [],
  sequences: [],
};

describe('backup rules', () => {
  it('orders tables after the tables they reference, allowing self-references', () => {
    const ordered = orderByDependencies([
      table('user', ['agency', 'territory']),
      table('territory', ['territory']),
      table('agency'),
      table('audit', ['user']),
    ]);
    expect(ordered.map((t) => t.name)).toEqual(['agency', 'territory', 'user', 'audit']);
  });

  it('refuses a cycle between different tables', () => {
    expect(() => orderByDependencies([table('a', ['b']), table('b', ['a']), table('c')])).toThrow(/a, b/);
  });

  it('tells a newer, older or different schema apart', () => {
    expect(compareMigrations(['1', '2'], ['1', '2'])).toEqual({ same: true });
    const newer = compareMigrations(['1', '2', '3'], ['1', '2']);
    expect(newer).toMatchObject({ same: false, direction: 'newer', missingOnTarget: ['3'] });
    if (!newer.same) expect(describeMigrationMismatch(newer)).toMatch(/newer Kuzot.*Upgrade/);
    expect(compareMigrations(['1'], ['1', '2'])).toMatchObject({
      direction: 'older',
      missingInBackup: ['2'],
    });
    expect(compareMigrations(['1', 'x'], ['1', 'y'])).toMatchObject({ direction: 'different' });
  });

  it('lists structural differences and bad load order', () => {
    const target = [table('agency'), table('user', ['agency'], ['id uuid', 'name text'])];
    const backupTables = (tables: TableInfo[]) =>
      tables.map((t) => ({
        name: t.name,
        columns: t.columns.map((c) => ({ name: c.name, type: c.type })),
        rowCount: 0,
        checksum: '0'.repeat(32),
      }));
    expect(structureProblems(backupTables(target), target)).toEqual([]);
    expect(
      structureProblems(
        backupTables([table('user', [], ['id uuid', 'name varchar']), table('agency'), table('extra')]),
        target,
      ),
    ).toEqual([
      'table user has columns (id uuid, name varchar) in the backup but (id uuid, name text) here',
      'table user comes before agency in the backup',
      'table extra does not exist in this database',
    ]);
    expect(structureProblems(backupTables([table('agency')]), target)).toEqual([
      'table user is not in the backup',
    ]);
  });

  it('keeps the backup sequence state unless rows hold a larger value', () => {
    expect(sequenceState({ table: 't', column: 'id', lastValue: 10, isCalled: true }, 7)).toEqual({
      value: 10,
      isCalled: true,
    });
    expect(sequenceState({ table: 't', column: 'id', lastValue: 1, isCalled: false }, null)).toEqual({
      value: 1,
      isCalled: false,
    });
    expect(sequenceState({ table: 't', column: 'id', lastValue: 5, isCalled: true }, 9)).toEqual({
      value: 9,
      isCalled: true,
    });
    expect(sequenceState(undefined, null)).toEqual({ value: 1, isCalled: false });
    expect(sequenceState(undefined, 3)).toEqual({ value: 3, isCalled: true });
  });

  it('parses the header and tells a foreign or newer file apart from a damaged one', () => {
    expect(parseHeaderLine(JSON.stringify(header))).toEqual({ ok: true, value: header });
    expect(parseHeaderLine('hello')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not a Kuzot backup/),
    });
    expect(parseHeaderLine('{"format":"other"}')).toMatchObject({
      ok: false,
      message: 'it is not a Kuzot backup',
    });
    expect(parseHeaderLine(JSON.stringify({ ...header, formatVersion: 2 }))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/newer Kuzot/),
    });
    expect(parseHeaderLine(JSON.stringify({ ...header, tables: 'x' }))).toMatchObject({
      ok: false,
      message: 'its header is damaged',
    });
    expect(parseHeaderLine(undefined)).toMatchObject({ ok: false });
  });

  it('accepts row chunks and the end marker only', () => {
    expect(parseBodyLine('{"table":"a","rows":["(1)"]}')).toMatchObject({ ok: true });
    expect(parseBodyLine('{"end":true,"tableCount":1,"rowCount":1}')).toMatchObject({ ok: true });
    expect(parseBodyLine('{"table":"a","rows":[1]}')).toMatchObject({ ok: false });
    expect(parseBodyLine('{"table":"a","ro')).toMatchObject({ ok: false });
  });

  it('sizes fetches to keep chunks near the target size', () => {
    expect(nextFetchSize(0, 0)).toBe(2000);
    expect(nextFetchSize(10, 100 * 1024 * 1024)).toBe(1);
    expect(nextFetchSize(10, 10 * 1024 * 1024)).toBe(2);
    expect(nextFetchSize(100, 100 * 1024)).toBe(2000);
    expect(nextFetchSize(100, 100 * 4096)).toBe(512);
  });
});

import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '#server/test/test-db';

/**
 * schema.ts is kept by hand beside the migrations. This test reads its text (types do not exist at run
 * time) and checks it against the migrated database: the same tables, the same columns, and nullability
 * and defaults that agree.
 */
type DeclaredColumn = { name: string; type: string };

const source = fs.readFileSync(new URL('./schema.ts', import.meta.url), 'utf8');
const snake = (camel: string) => camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function typeBody(name: string): string {
  const match = new RegExp(`export type ${name} = \\{([\\s\\S]*?)\\n\\};`).exec(source);
  if (!match?.[1]) throw new Error(`schema.ts has no object type ${name}`);
  return match[1].replace(/\/\*\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
}

function fieldsOf(body: string): DeclaredColumn[] {
  return [...body.matchAll(/^\s*(\w+):\s*([^;]+);/gm)].map((m) => ({
    name: m[1] ?? '',
    type: (m[2] ?? '').trim(),
  }));
}

const declaredTables = new Map(
  fieldsOf(typeBody('Database')).map(({ name, type }) => [
    snake(name),
    fieldsOf(typeBody(type)).map((c) => ({ ...c, name: snake(c.name) })),
  ]),
);

type DbColumn = { tableName: string; columnName: string; isNullable: string; columnDefault: string | null };

describe('db/schema.ts against the migrated database', () => {
  let database: TestDatabase;
  let columns: DbColumn[];

  beforeAll(async () => {
    database = await createTestDatabase();
    const result = await sql<DbColumn>`
      select table_name, column_name, is_nullable, column_default
      from information_schema.columns
      where table_schema = current_schema() and table_name not like 'kysely_%'
      order by table_name, ordinal_position
    `.execute(database.handle.db);
    columns = result.rows;
  });

  afterAll(async () => {
    await database.cleanup();
  });

  it('reads the schema file (sanity check of this test)', () => {
    expect(declaredTables.size).toBeGreaterThanOrEqual(9);
    expect(declaredTables.get('app_user')?.map((c) => c.name)).toContain('password_hash');
  });

  it('declares every table of the database, and every declared table exists', () => {
    const inDatabase = [...new Set(columns.map((c) => c.tableName))].sort();
    expect([...declaredTables.keys()].sort()).toEqual(inDatabase);
  });

  it.each([...declaredTables.keys()])('%s: the same columns in both', (table) => {
    const declared = (declaredTables.get(table) ?? []).map((c) => c.name).sort();
    const actual = columns
      .filter((c) => c.tableName === table)
      .map((c) => c.columnName)
      .sort();
    expect(declared).toEqual(actual);
  });

  it.each([...declaredTables.keys()])(
    '%s: nullable exactly where the type allows null, defaults where it says Generated',
    (table) => {
      const problems: string[] = [];
      for (const column of declaredTables.get(table) ?? []) {
        const actual = columns.find((c) => c.tableName === table && c.columnName === column.name);
        if (!actual) continue;
        // Json is ColumnType<unknown, …>: its nullability is not spelled out, so it is not compared.
        if (column.type !== 'Json') {
          const allowsNull = /\bnull\b/.test(column.type);
          if (allowsNull !== (actual.isNullable === 'YES'))
            problems.push(`${column.name}: type ${column.type}, database nullable ${actual.isNullable}`);
        }
        if (column.type.startsWith('Generated<') && actual.columnDefault === null)
          problems.push(`${column.name}: Generated but no default`);
      }
      expect(problems).toEqual([]);
    },
  );
});

import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '#server/db/transaction';
import type { ColumnInfo, SequenceInfo, TableInfo, TableStats } from './backup.types';

/** Kysely's own bookkeeping; the target's migrations are compared, never restored. */
// data_value_total is derived: the database rebuilds it as a restore writes data_value back.
const excludedTables = ['kysely_migration', 'kysely_migration_lock', 'data_value_total'];
const cursor = sql.id('kuzot_backup_rows');

/** The text of a whole row. `r.*` is always the row, even when a column happens to be named `r`. */
const rowText = sql`(r.*)::text`;

/**
 * All SQL of backup and restore. Table, column and sequence names come only from the catalogue and are
 * quoted as identifiers; row data travels as parameters. Every method runs on the executor it is given:
 * the service passes its one transaction (PGlite has a single connection, so nothing may use another).
 */
export function createBackupRepository(db: Executor) {
  const run = async <R>(query: RawBuilder<R>): Promise<R[]> => (await query.execute(db)).rows;

  /** Output settings that make row texts identical on every PostgreSQL version and configuration. */
  const useCanonicalOutput = async () => {
    await run(sql`SET LOCAL TimeZone = 'UTC'`);
    await run(sql`SET LOCAL DateStyle = 'ISO, YMD'`);
    await run(sql`SET LOCAL IntervalStyle = 'postgres'`);
    await run(sql`SET LOCAL bytea_output = 'hex'`);
    await run(sql`SET LOCAL extra_float_digits = 1`);
  };

  return {
    /** Makes the current transaction a read-only snapshot (must run first in the transaction). */
    async beginSnapshot(): Promise<void> {
      await run(sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`);
      await useCanonicalOutput();
    },

    /** Prepares the current transaction to replace every table, the append-only audit log included. */
    async beginRestore(): Promise<void> {
      await useCanonicalOutput();
      await run(sql`SELECT set_config('kuzot.audit_maintenance', 'on', true)`);
    },

    /** Ends audit-log maintenance early, so entries written after the load are ordinary appends. */
    async endAuditMaintenance(): Promise<void> {
      await run(sql`SELECT set_config('kuzot.audit_maintenance', 'off', true)`);
    },

    async serverVersion(): Promise<string> {
      const [row] = await run(sql<{ version: string }>`SELECT version() AS version`);
      return row?.version ?? 'unknown';
    },

    async listMigrations(): Promise<string[]> {
      const rows = await run(sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`);
      return rows.map((r) => r.name);
    },

    /** Base tables of the current schema with their columns (in order) and referenced tables. */
    async listTables(): Promise<TableInfo[]> {
      const tables = await run(sql<{ name: string }>`
        SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind = 'r' AND NOT (c.relname = ANY(${excludedTables}::text[]))
        ORDER BY c.relname`);
      const columns = await run(sql<{ tableName: string } & ColumnInfo>`
        SELECT c.relname AS table_name, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
               a.attgenerated <> '' AS is_generated
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY c.relname, a.attnum`);
      const references = await run(sql<{ tableName: string; referenced: string }>`
        SELECT DISTINCT c.relname AS table_name, r.relname AS referenced
        FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE k.contype = 'f' AND n.nspname = current_schema()`);
      return tables.map(({ name }) => ({
        name,
        columns: columns
          .filter((c) => c.tableName === name)
          .map((c) => ({ name: c.name, type: c.type, isGenerated: c.isGenerated })),
        references: references.filter((r) => r.tableName === name).map((r) => r.referenced),
      }));
    },

    /** Sequences owned by columns of the current schema (serial and identity). */
    async listSequences(): Promise<SequenceInfo[]> {
      return run(sql<SequenceInfo>`
        SELECT s.relname AS sequence, t.relname AS table, a.attname AS column
        FROM pg_depend d
        JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
        JOIN pg_namespace n ON n.oid = s.relnamespace
        JOIN pg_class t ON t.oid = d.refobjid
        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
        WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
          AND d.deptype IN ('a', 'i') AND n.nspname = current_schema()
        ORDER BY t.relname, a.attname`);
    },

    async readSequence(sequence: string): Promise<{ lastValue: number; isCalled: boolean }> {
      const [row] = await run(
        sql<{
          lastValue: number;
          isCalled: boolean;
        }>`SELECT last_value, is_called FROM ${sql.table(sequence)}`,
      );
      if (!row) throw new Error(`Sequence ${sequence} returned no state`);
      return row;
    },

    /** Row count and checksum of a table, as backup-checksum.ts computes them from row texts. */
    async tableStats(table: string): Promise<TableStats> {
      const [row] = await run(sql<TableStats>`
        SELECT count(*) AS row_count,
               md5(coalesce(string_agg(md5(${rowText}), '|' ORDER BY md5(${rowText}) COLLATE "C"), '')) AS checksum
        FROM ${sql.table(table)} AS r`);
      if (!row) throw new Error(`No statistics for ${table}`);
      return { rowCount: Number(row.rowCount), checksum: row.checksum };
    },

    /** Opens a cursor over a table's row texts; read it with `fetchRows`, then `closeRows`. */
    async openRows(table: string): Promise<void> {
      await run(
        sql`DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT ${rowText} AS row_text FROM ${sql.table(table)} AS r`,
      );
    },

    async fetchRows(count: number): Promise<string[]> {
      const rows = await run(
        sql<{ rowText: string }>`FETCH FORWARD ${sql.lit(Math.max(1, Math.trunc(count)))} FROM ${cursor}`,
      );
      return rows.map((r) => r.rowText);
    },

    async closeRows(): Promise<void> {
      await run(sql`CLOSE ${cursor}`);
    },

    /** Empties every listed table in one statement (foreign keys between them allow nothing else). */
    async truncate(tables: readonly string[]): Promise<void> {
      if (tables.length === 0) return;
      await run(sql`TRUNCATE ${sql.join(tables.map((t) => sql.table(t)))}`);
    },

    /**
     * Inserts rows given as row texts in one statement, so foreign keys between them (a table referencing
     * itself) are checked only once all are in. Generated columns are left to the database.
     */
    async insertRows(table: TableInfo, rows: readonly string[]): Promise<void> {
      if (rows.length === 0) return;
      const columns = table.columns.filter((c) => !c.isGenerated).map((c) => c.name);
      await run(sql`
        INSERT INTO ${sql.table(table.name)} (${sql.join(columns.map((c) => sql.id(c)))}) OVERRIDING SYSTEM VALUE
        SELECT ${sql.join(columns.map((c) => sql.id('r', c)))}
        FROM unnest(CAST(${rows} AS text[])::${sql.table(table.name)}[]) AS r`);
    },

    async maxValue(table: string, column: string): Promise<number | null> {
      const [row] = await run(
        sql<{
          value: number | null;
        }>`SELECT max(${sql.id(column)})::bigint AS value FROM ${sql.table(table)}`,
      );
      return row?.value ?? null;
    },

    async setSequence(sequence: string, value: number, isCalled: boolean): Promise<void> {
      await run(
        sql`SELECT setval(format('%I.%I', current_schema(), ${sequence}::text)::regclass, ${value}::bigint, ${isCalled}::boolean)`,
      );
    },
  };
}

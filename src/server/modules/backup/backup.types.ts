import { Type, type Static } from 'typebox';

/**
 * The backup file: gzip'd JSON lines. Line 1 is the header; then chunks of rows, table by table in
 * foreign-key order; the last line is the end marker. A row is PostgreSQL's text form of the whole row
 * (`(r.*)::text` under UTC and ISO output settings), which round-trips every column type exactly and reads
 * the same on PGlite and on a PostgreSQL server.
 */
export const backupFormat = 'kuzot-backup';
export const backupFormatVersion = 1;

const backupColumnSchema = Type.Object(
  { name: Type.String(), type: Type.String() },
  { additionalProperties: false },
);

export const backupTableSchema = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    /** Column names and types, in table order (row text is positional). */
    columns: Type.Array(backupColumnSchema),
    rowCount: Type.Integer({ minimum: 0 }),
    /** md5 over the sorted md5 of every row text, joined by "|" (see backup-checksum.ts). */
    checksum: Type.String({ pattern: '^[0-9a-f]{32}$' }),
  },
  { additionalProperties: false },
);
export type BackupTable = Static<typeof backupTableSchema>;

export const backupSequenceSchema = Type.Object(
  { table: Type.String(), column: Type.String(), lastValue: Type.Integer(), isCalled: Type.Boolean() },
  { additionalProperties: false },
);
export type BackupSequence = Static<typeof backupSequenceSchema>;

export const backupHeaderSchema = Type.Object(
  {
    format: Type.Literal(backupFormat),
    formatVersion: Type.Literal(backupFormatVersion),
    createdAt: Type.String(),
    /** `version()` of the database the backup was taken on (information only). */
    serverVersion: Type.String(),
    /** Applied migrations, by name, in order. A backup restores only onto exactly this schema. */
    migrations: Type.Array(Type.String()),
    /** Tables in the order their rows follow (referenced tables first). */
    tables: Type.Array(backupTableSchema),
    sequences: Type.Array(backupSequenceSchema),
  },
  { additionalProperties: false },
);
export type BackupHeader = Static<typeof backupHeaderSchema>;

export const backupChunkSchema = Type.Object(
  { table: Type.String(), rows: Type.Array(Type.String()) },
  { additionalProperties: false },
);
export type BackupChunk = Static<typeof backupChunkSchema>;

export const backupEndSchema = Type.Object(
  { end: Type.Literal(true), tableCount: Type.Integer(), rowCount: Type.Integer() },
  { additionalProperties: false },
);
export type BackupEnd = Static<typeof backupEndSchema>;

/** A column as the catalogue describes it. Generated columns are not inserted on restore. */
export type ColumnInfo = { name: string; type: string; isGenerated: boolean };

/** A base table of the current schema with the tables its foreign keys reference. */
export type TableInfo = { name: string; columns: ColumnInfo[]; references: string[] };

/** A sequence owned by a column (serial or identity). */
export type SequenceInfo = { sequence: string; table: string; column: string };

export type TableStats = { rowCount: number; checksum: string };

/** Progress of a backup or restore: `done` of `total` rows in the current phase. */
export type BackupProgress = {
  phase: 'backup' | 'verify' | 'restore';
  done: number;
  total: number;
  table: string | null;
};

export type BackupSummary = {
  file: string;
  tables: number;
  rows: number;
  bytes: number;
  migrations: string[];
};

export type RestoreSummary = {
  file: string;
  createdAt: string;
  tables: number;
  rows: number;
  migrations: string[];
};

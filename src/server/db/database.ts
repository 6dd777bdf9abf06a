import fs from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { changeChannel, createChangeFeed, type ChangeFeed, type ChangeListener } from './change-feed';
import type { Database } from './schema';

/** Which engine a connection runs on. The SQL and the code path are the same; only the driver differs. */
export type DatabaseKind = 'pglite' | 'postgres';

export type DatabaseHandle = {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** The embedded instance, present only in PGlite mode (needed for data-directory backups). */
  pglite: PGlite | null;
  /** Changes to what processes cache (users, sessions, territories), heard from the database. */
  changes: ChangeFeed;
  close(): Promise<void>;
};

// Numeric and bigint columns come back as strings by default; counts we read are small, so parse them.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

function wrap(
  pool: pg.Pool,
  kind: DatabaseKind,
  pglite: PGlite | null,
  listen: ChangeListener,
): DatabaseHandle {
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
  });
  const changes = createChangeFeed(listen);
  return {
    db,
    kind,
    pglite,
    changes,
    async close() {
      await changes.close();
      await db.destroy();
      if (pglite && !pglite.closed) await pglite.close();
    },
  };
}

/**
 * Opens PGlite in `dataDir` (or in memory for `memory://`) and reaches it through node-postgres, so the
 * rest of the code sees exactly the driver it sees on a PostgreSQL server.
 */
export async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  if (dataDir !== 'memory://') await fs.mkdir(path.dirname(dataDir), { recursive: true });
  const pglite = await PGlite.create(dataDir === 'memory://' ? undefined : dataDir);
  return openPgliteInstance(pglite);
}

/** Wraps an already created PGlite instance (tests load a pre-migrated snapshot this way). */
export function openPgliteInstance(pglite: PGlite): DatabaseHandle {
  // Each pooled client gets a fresh adapter connection on the same PGlite, so a client the pool drops
  // (after an error) is replaced instead of reusing a closed connection. PGlite serves one connection,
  // hence one client; idle clients are never closed.
  class PgliteClient extends pg.Client {
    constructor() {
      super(createPgConfig(pglite));
    }
  }
  const pool = new pg.Pool({ max: 1, idleTimeoutMillis: 0, Client: PgliteClient });
  // A client dropped mid-transaction leaves it open inside PGlite (a server rolls back on disconnect), so
  // each new client first rolls back whatever the previous one left. The client's query queue runs this
  // before any query of the caller's.
  pool.on('connect', (client) => {
    client.query('ROLLBACK').catch(() => undefined);
  });
  // One process owns the data directory, and PGlite hands notifications to its own listeners.
  const listen: ChangeListener = async (onMessage) => ({
    close: await pglite.listen(changeChannel, onMessage),
  });
  return wrap(pool, 'pglite', pglite, listen);
}

/** Opens a pool on a PostgreSQL server. */
export function openPostgres(url: string, poolSize: number): DatabaseHandle {
  // JIT off for our sessions: our statements are short (the explorer's aggregate runs in tens of
  // milliseconds), but once the planner's cost estimate of a multi-element pivot passes jit_above_cost,
  // compiling it took longer than running it (+70 to +300 ms measured on the 5 M-value bench). Sent as a
  // start-up option, so it needs no extra round trip; PGlite (opened above) has no JIT and never sees it.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: '-c jit=off' });
  // An idle connection can be closed by the server (restart, failover, an administrator). pg then drops the
  // client from the pool and the next query opens a new one; without a listener the 'error' event would
  // crash the process instead.
  pool.on('error', (error) => {
    process.emitWarning(`PostgreSQL closed an idle connection: ${error.message}`);
  });
  return wrap(pool, 'postgres', null, postgresListener(url));
}

/**
 * Listens on a connection of its own (a pooled one would be handed to other queries). Keep-alive probes make
 * a silently dropped connection end in an error rather than in a listener that hears nothing.
 */
function postgresListener(url: string): ChangeListener {
  return async (onMessage, onLost) => {
    const client = new pg.Client({
      connectionString: url,
      keepAlive: true,
      keepAliveInitialDelayMillis: 5_000,
    });
    let closing = false;
    let lost = false;
    const lose = (error: Error) => {
      if (closing || lost) return;
      lost = true;
      void client.end().catch(() => undefined);
      onLost(error);
    };
    client.on('error', lose);
    client.on('end', () => lose(new Error('the listening connection ended')));
    client.on('notification', (message) => onMessage(message.payload ?? ''));
    try {
      await client.connect();
      await client.query(`LISTEN ${changeChannel}`);
    } catch (error) {
      closing = true;
      await client.end().catch(() => undefined);
      throw error;
    }
    return {
      async close() {
        closing = true;
        await client.end().catch(() => undefined);
      },
    };
  };
}

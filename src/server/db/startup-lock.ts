import { sql } from 'kysely';
import type { DatabaseHandle } from './database';

// An arbitrary constant naming Kuzot's start-up work among PostgreSQL advisory locks.
const startupLockKey = 4_170_000_001;

/**
 * Runs start-up work (migrations, reference data, first administrator) while holding a PostgreSQL advisory
 * lock, so processes started together on one server do it one after the other instead of racing. The lock
 * is held on a connection of its own; the work uses the pool. PGlite serves one process, needs no lock and
 * has a single connection, so there the work simply runs.
 */
export async function withStartupLock<T>(database: DatabaseHandle, work: () => Promise<T>): Promise<T> {
  if (database.kind === 'pglite') return work();
  return database.db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${startupLockKey})`.execute(connection);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${startupLockKey})`.execute(connection);
    }
  });
}

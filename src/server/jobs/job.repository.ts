import { sql } from 'kysely';
import type { Executor } from '#server/db/transaction';
import type { JobRow } from '#server/db/schema';

export type JobInsert = {
  name: string;
  version: number;
  payload: unknown;
  maxAttempts: number;
  runAt?: Date;
  createdBy: string | null;
};

/** All SQL for the job table (the queue). */
export function createJobRepository(db: Executor) {
  return {
    async insert(job: JobInsert): Promise<JobRow> {
      return db
        .insertInto('job')
        .values({ ...job, payload: JSON.stringify(job.payload ?? {}) })
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    /**
     * Claims the next due job for a worker. FOR UPDATE SKIP LOCKED lets several workers on one PostgreSQL
     * server claim different jobs without waiting on each other.
     */
    async claimNext(workerId: string, names: readonly string[], now: Date): Promise<JobRow | undefined> {
      if (names.length === 0) return undefined;
      return db
        .updateTable('job')
        .set((eb) => ({
          status: 'running',
          lockedBy: workerId,
          lockedAt: now,
          startedAt: now,
          attempts: eb('attempts', '+', 1),
          updatedAt: now,
        }))
        .where('id', '=', (eb) =>
          eb
            .selectFrom('job')
            .select('id')
            .where('status', '=', 'queued')
            // The database's clock, the one that set run_at: a JavaScript Date has only milliseconds, so a job
            // queued a few microseconds earlier could otherwise look due in the future and be skipped.
            .where('runAt', '<=', sql<Date>`now()`)
            .where('name', 'in', names)
            .orderBy('runAt')
            .limit(1)
            .forUpdate()
            .skipLocked(),
        )
        .returningAll()
        .executeTakeFirst();
    },

    async finish(
      id: string,
      patch: { status: string; result?: unknown; lastError?: string | null; runAt?: Date; now: Date },
    ): Promise<void> {
      await db
        .updateTable('job')
        .set({
          status: patch.status,
          result: patch.result === undefined ? undefined : JSON.stringify(patch.result),
          lastError: patch.lastError,
          runAt: patch.runAt,
          finishedAt: patch.status === 'queued' ? null : patch.now,
          lockedBy: null,
          lockedAt: null,
          updatedAt: patch.now,
        })
        .where('id', '=', id)
        .execute();
    },

    async setProgress(id: string, progress: number): Promise<void> {
      await db.updateTable('job').set({ progress, updatedAt: new Date() }).where('id', '=', id).execute();
    },

    /** Puts back jobs whose worker vanished (crashed process) so another worker resumes them. */
    async requeueStale(lockedBefore: Date, now: Date): Promise<number> {
      const result = await db
        .updateTable('job')
        .set({ status: 'queued', lockedBy: null, lockedAt: null, updatedAt: now })
        .where('status', '=', 'running')
        .where('lockedAt', '<', lockedBefore)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    /** Keeps a running job's lock fresh while its handler works. */
    async heartbeat(id: string, workerId: string, now: Date): Promise<void> {
      await db
        .updateTable('job')
        .set({ lockedAt: now })
        .where('id', '=', id)
        .where('lockedBy', '=', workerId)
        .execute();
    },

    findById(id: string): Promise<JobRow | undefined> {
      return db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async find(filter: {
      status?: string;
      name?: string;
      limit: number;
      offset: number;
    }): Promise<{ rows: JobRow[]; total: number }> {
      let query = db.selectFrom('job');
      if (filter.status) query = query.where('status', '=', filter.status);
      if (filter.name) query = query.where('name', '=', filter.name);
      const [rows, count] = await Promise.all([
        query.selectAll().orderBy('createdAt', 'desc').limit(filter.limit).offset(filter.offset).execute(),
        query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: count.n };
    },

    async countByStatus(): Promise<Array<{ status: string; n: number }>> {
      return db
        .selectFrom('job')
        .select(['status', sql<number>`count(*)::int`.as('n')])
        .groupBy('status')
        .execute();
    },
  };
}

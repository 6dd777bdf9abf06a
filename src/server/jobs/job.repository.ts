import type { JobStatus } from '#shared/contracts/jobs.contract';
import { sql } from 'kysely';
import type { Executor } from '#server/db/transaction';
import type { JobRow } from '#server/db/schema';
import type { JobError } from './job.rules';

export type JobInsert = {
  name: string;
  version: number;
  payload: unknown;
  maxAttempts: number;
  runAt?: Date;
  createdBy: string | null;
  dedupeKey?: string | null;
};

/** The statuses during which a de-duplication key is taken (the partial unique index's predicate). */
const activeStatuses = ['queued', 'running'] as const;

/** All SQL for the job table (the queue). */
export function createJobRepository(db: Executor) {
  const values = (job: JobInsert) => ({
    name: job.name,
    version: job.version,
    payload: JSON.stringify(job.payload ?? {}),
    maxAttempts: job.maxAttempts,
    runAt: job.runAt,
    createdBy: job.createdBy,
    dedupeKey: job.dedupeKey ?? null,
  });
  return {
    async insert(job: JobInsert): Promise<JobRow> {
      return db.insertInto('job').values(values(job)).returningAll().executeTakeFirstOrThrow();
    },

    /**
     * Inserts the job unless one with its de-duplication key is queued or running; undefined then. The
     * partial unique index decides: a concurrent insert of the same key waits for the first to commit and
     * then does nothing, so two callers never both insert.
     */
    async insertUnlessActive(job: JobInsert & { dedupeKey: string }): Promise<JobRow | undefined> {
      return db
        .insertInto('job')
        .values(values(job))
        .onConflict((oc) =>
          oc
            .column('dedupeKey')
            .where('dedupeKey', 'is not', null)
            .where('status', 'in', activeStatuses)
            .doNothing(),
        )
        .returningAll()
        .executeTakeFirst();
    },

    /** The queued or running job holding a de-duplication key, if any. */
    findActiveByKey(dedupeKey: string): Promise<JobRow | undefined> {
      return db
        .selectFrom('job')
        .selectAll()
        .where('dedupeKey', '=', dedupeKey)
        .where('status', 'in', activeStatuses)
        .executeTakeFirst();
    },

    /**
     * Claims the next due job for a worker; the claim counts as an attempt, so a run that kills its
     * process still uses one up. FOR UPDATE SKIP LOCKED lets several workers on one PostgreSQL server claim
     * different jobs without waiting on each other.
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

    /**
     * Ends a run. Only the worker holding the lock may: a run whose lock was taken away (its worker was
     * thought dead and the job was handed to another) changes nothing. Returns whether it applied.
     */
    async finish(
      id: string,
      workerId: string,
      patch: { status: JobStatus; result?: unknown; error: JobError | null; runAt?: Date; now: Date },
    ): Promise<boolean> {
      const result = await db
        .updateTable('job')
        .set({
          status: patch.status,
          result: patch.result === undefined ? undefined : JSON.stringify(patch.result),
          error: patch.error === null ? null : JSON.stringify(patch.error),
          runAt: patch.runAt,
          finishedAt: patch.status === 'queued' ? null : patch.now,
          lockedBy: null,
          lockedAt: null,
          updatedAt: patch.now,
        })
        .where('id', '=', id)
        .where('lockedBy', '=', workerId)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async setProgress(id: string, progress: number): Promise<void> {
      await db.updateTable('job').set({ progress, updatedAt: new Date() }).where('id', '=', id).execute();
    },

    /** Running jobs whose lock is older than the given time: their worker stopped without finishing them. */
    findStale(lockedBefore: Date): Promise<Array<Pick<JobRow, 'id' | 'name' | 'attempts' | 'maxAttempts'>>> {
      return db
        .selectFrom('job')
        .select(['id', 'name', 'attempts', 'maxAttempts'])
        .where('status', '=', 'running')
        .where('lockedAt', '<', lockedBefore)
        .execute();
    },

    /**
     * Ends the run of an abandoned job (requeued, or dead when its attempts are used up), provided it is
     * still running under a lock older than `lockedBefore`: a worker that picked it up meanwhile keeps it.
     */
    async releaseStale(
      id: string,
      lockedBefore: Date,
      patch: { status: 'queued' | 'dead'; runAt?: Date; error: JobError; now: Date },
    ): Promise<boolean> {
      const result = await db
        .updateTable('job')
        .set({
          status: patch.status,
          runAt: patch.runAt,
          error: JSON.stringify(patch.error),
          finishedAt: patch.status === 'dead' ? patch.now : null,
          lockedBy: null,
          lockedAt: null,
          updatedAt: patch.now,
        })
        .where('id', '=', id)
        .where('status', '=', 'running')
        .where('lockedAt', '<', lockedBefore)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
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
      status?: JobStatus;
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

    async countByStatus(): Promise<Array<{ status: JobStatus; n: number }>> {
      return db
        .selectFrom('job')
        .select(['status', sql<number>`count(*)::int`.as('n')])
        .groupBy('status')
        .execute();
    },
  };
}

import type { JobStatus } from '#shared/contracts/jobs.contract';
import { sql } from 'kysely';
import type { Executor } from '#server/db/transaction';
import type { JobScheduleRow } from '#server/db/schema';

export type ScheduleWrite = {
  name: string;
  jobName: string;
  jobVersion: number;
  maxAttempts: number;
  payload: unknown;
  cron: string | null;
  intervalSeconds: number | null;
  timezone: string;
  enabled: boolean;
  nextRunAt: Date | null;
};

/** A schedule with the state of the job it last queued, for administrators. */
export type ScheduleWithLastJob = JobScheduleRow & {
  lastJobStatus: JobStatus | null;
  lastJobError: unknown;
};

/** All SQL for the job_schedule table. */
export function createScheduleRepository(db: Executor) {
  return {
    /** The database's clock: inside a transaction, the time the transaction started. */
    async now(): Promise<Date> {
      const row = await sql<{ now: Date }>`SELECT now() AS now`.execute(db);
      const now = row.rows[0]?.now;
      if (!now) throw new Error('The database did not tell the time');
      return now;
    },

    /** Locks and returns the schedule; use inside a transaction. */
    findByNameForUpdate(name: string): Promise<JobScheduleRow | undefined> {
      return db.selectFrom('jobSchedule').selectAll().where('name', '=', name).forUpdate().executeTakeFirst();
    },

    findById(id: string): Promise<JobScheduleRow | undefined> {
      return db.selectFrom('jobSchedule').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** Inserts the schedule unless one with its name exists (then undefined: update that one instead). */
    insertIfAbsent(schedule: ScheduleWrite): Promise<JobScheduleRow | undefined> {
      return db
        .insertInto('jobSchedule')
        .values({ ...schedule, payload: JSON.stringify(schedule.payload ?? {}) })
        .onConflict((oc) => oc.column('name').doNothing())
        .returningAll()
        .executeTakeFirst();
    },

    async update(id: string, schedule: ScheduleWrite, now: Date): Promise<JobScheduleRow> {
      return db
        .updateTable('jobSchedule')
        .set({ ...schedule, payload: JSON.stringify(schedule.payload ?? {}), updatedAt: now })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    async setEnabled(id: string, enabled: boolean, nextRunAt: Date | null, now: Date): Promise<void> {
      await db
        .updateTable('jobSchedule')
        .set({ enabled, nextRunAt, updatedAt: now })
        .where('id', '=', id)
        .execute();
    },

    async deleteByName(name: string): Promise<boolean> {
      const result = await db.deleteFrom('jobSchedule').where('name', '=', name).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    /**
     * Locks the enabled schedules due at `now` (at most `limit`), skipping rows another scheduler holds:
     * that one is enqueueing them, and once it commits their next run is in the future.
     */
    lockDue(now: Date, limit: number): Promise<JobScheduleRow[]> {
      return db
        .selectFrom('jobSchedule')
        .selectAll()
        .where('enabled', '=', true)
        .where('nextRunAt', '<=', now)
        .orderBy('nextRunAt')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute();
    },

    /** Records a run: the job it queued, and when the next one is due (unchanged when not given). */
    async recordRun(id: string, run: { jobId: string; at: Date; nextRunAt?: Date }): Promise<void> {
      await db
        .updateTable('jobSchedule')
        .set({ lastJobId: run.jobId, lastRunAt: run.at, nextRunAt: run.nextRunAt, updatedAt: run.at })
        .where('id', '=', id)
        .execute();
    },

    async list(): Promise<ScheduleWithLastJob[]> {
      return db
        .selectFrom('jobSchedule')
        .leftJoin('job', 'job.id', 'jobSchedule.lastJobId')
        .selectAll('jobSchedule')
        .select(['job.status as lastJobStatus', 'job.error as lastJobError'])
        .orderBy('jobSchedule.name')
        .execute();
    },
  };
}

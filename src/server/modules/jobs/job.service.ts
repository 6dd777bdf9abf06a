import type { Job, JobError, JobList, JobListQuery } from '#shared/contracts/jobs.contract';
import type { Transactor } from '#server/db/transaction';
import type { JobRow } from '#server/db/schema';
import { createJobRepository } from '#server/jobs/job.repository';
import { found } from '#server/lib/app-error';

export type JobService = ReturnType<typeof createJobService>;

/** A job row as the API shows it. */
export function presentJob(row: JobRow): Job {
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    status: row.status,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    runAt: row.runAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    error: (row.error ?? null) as JobError | null,
    progress: row.progress,
    result: row.result ?? null,
    createdBy: row.createdBy,
  };
}

/** Administrators' view of background jobs. */
export function createJobService(deps: { tx: Transactor }) {
  return {
    async list(query: JobListQuery): Promise<JobList> {
      const { rows, total } = await createJobRepository(deps.tx.executor).find({
        status: query.status,
        name: query.name,
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      });
      return { items: rows.map(presentJob), total };
    },
    async get(id: string): Promise<Job> {
      return presentJob(found(await createJobRepository(deps.tx.executor).findById(id), 'Job'));
    },
    countByStatus() {
      return createJobRepository(deps.tx.executor).countByStatus();
    },
  };
}

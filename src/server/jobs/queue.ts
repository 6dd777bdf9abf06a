import type { Static, TSchema } from 'typebox';
import { Value } from 'typebox/value';
import type { Executor } from '#server/db/transaction';
import { createJobRepository, type JobInsert } from './job.repository';
import type { JobSpec } from './job-definition';

export type EnqueueOptions = { createdBy: string | null; runAt?: Date };

function jobInsert<S extends TSchema>(
  definition: JobSpec<S>,
  payload: Static<S>,
  options: EnqueueOptions,
): JobInsert {
  if (!Value.Check(definition.payloadSchema, payload)) {
    throw new Error(`Invalid payload for job ${definition.name}`);
  }
  return {
    name: definition.name,
    version: definition.version,
    payload,
    maxAttempts: definition.maxAttempts,
    runAt: options.runAt,
    createdBy: options.createdBy,
  };
}

/**
 * Adds a job on the given executor: pass the use case's transaction so the job exists exactly when the
 * data it works on does.
 */
export async function enqueueJob<S extends TSchema>(
  executor: Executor,
  definition: JobSpec<S>,
  payload: Static<S>,
  options: EnqueueOptions,
): Promise<string> {
  const row = await createJobRepository(executor).insert(jobInsert(definition, payload, options));
  return row.id;
}

/**
 * Adds a job unless one with the same de-duplication key is queued or running, in which case that job is
 * returned (`isNew: false`) and nothing is added. Safe against concurrent callers on several processes: the
 * database's partial unique index lets only one of them insert. Keys are free again once the job ends, so
 * "fetch source 7" can be queued again after the previous fetch finished.
 */
export async function enqueueJobOnce<S extends TSchema>(
  executor: Executor,
  definition: JobSpec<S>,
  payload: Static<S>,
  options: EnqueueOptions & { dedupeKey: string },
): Promise<{ id: string; isNew: boolean }> {
  return insertJobOnce(executor, {
    ...jobInsert(definition, payload, options),
    dedupeKey: options.dedupeKey,
  });
}

/**
 * `enqueueJobOnce` for a job whose payload was checked earlier (a schedule's, when it was registered).
 * The holder of the key can end between the insert and the read; then the key is free and it tries again.
 */
export async function insertJobOnce(
  executor: Executor,
  insert: JobInsert & { dedupeKey: string },
): Promise<{ id: string; isNew: boolean }> {
  const jobs = createJobRepository(executor);
  for (let attempt = 0; attempt < 5; attempt++) {
    const inserted = await jobs.insertUnlessActive(insert);
    if (inserted) return { id: inserted.id, isNew: true };
    const holder = await jobs.findActiveByKey(insert.dedupeKey);
    if (holder) return { id: holder.id, isNew: false };
  }
  throw new Error(`Could not enqueue ${insert.name} with key ${insert.dedupeKey}`);
}

import type { Static, TSchema } from 'typebox';
import { Value } from 'typebox/value';
import type { Executor } from '#server/db/transaction';
import { createJobRepository } from './job.repository';
import type { JobSpec } from './job-definition';

export type EnqueueOptions = { createdBy: string | null; runAt?: Date };

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
  if (!Value.Check(definition.payloadSchema, payload)) {
    throw new Error(`Invalid payload for job ${definition.name}`);
  }
  const row = await createJobRepository(executor).insert({
    name: definition.name,
    version: definition.version,
    payload,
    maxAttempts: definition.maxAttempts,
    runAt: options.runAt,
    createdBy: options.createdBy,
  });
  return row.id;
}

import type { TSchema, Static } from 'typebox';
import type { CpuTask } from '#server/lib/cpu-pool';

/** What a handler gets besides its payload. */
export type JobContext = {
  jobId: string;
  /** Which attempt this is, from 1; a claim counts, so a run cut short by a dying process counts too. */
  attempt: number;
  /** Reports progress from 0 to 1, shown to administrators. */
  reportProgress(fraction: number): Promise<void>;
  /**
   * Runs the job's CPU-heavy part (a pure function declared with `defineCpuTask` and listed in
   * src/server/cpu-tasks.ts) on the worker-thread pool, so the API, heartbeats and other jobs keep running.
   */
  runCpuTask<I, O>(task: CpuTask<I, O>, input: I): Promise<O>;
};

/**
 * A job's identity and payload schema (JobSpec) plus its handler (JobDefinition): a named, versioned job with a validated payload. Definitions live in the module that owns the work
 * (`<x>.jobs.ts`); the handler calls that module's service. A payload that fails its schema is never run.
 */
export type JobSpec<S extends TSchema = TSchema> = {
  name: string;
  version: number;
  payloadSchema: S;
  /** Attempts before the job is dead; every claim is one, whether it ended in an error or a dead process. */
  maxAttempts: number;
};

export type JobDefinition<S extends TSchema = TSchema> = JobSpec<S> & {
  handle(payload: Static<S>, context: JobContext): Promise<unknown>;
};

/** Declares a job definition with its payload type inferred from the schema. */
export function defineJob<S extends TSchema>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}

import type { TSchema, Static } from 'typebox';

/** What a handler gets besides its payload. */
export type JobContext = {
  jobId: string;
  attempt: number;
  /** Reports progress from 0 to 1, shown to administrators. */
  reportProgress(fraction: number): Promise<void>;
};

/**
 * A job's identity and payload schema (JobSpec) plus its handler (JobDefinition): a named, versioned job with a validated payload. Definitions live in the module that owns the work
 * (`<x>.jobs.ts`); the handler calls that module's service. A payload that fails its schema is never run.
 */
export type JobSpec<S extends TSchema = TSchema> = {
  name: string;
  version: number;
  payloadSchema: S;
  maxAttempts: number;
};

export type JobDefinition<S extends TSchema = TSchema> = JobSpec<S> & {
  handle(payload: Static<S>, context: JobContext): Promise<unknown>;
};

/** Declares a job definition with its payload type inferred from the schema. */
export function defineJob<S extends TSchema>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}

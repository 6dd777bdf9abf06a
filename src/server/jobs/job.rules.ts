import type { ErrorCode } from '#shared/errors';
import { AppError } from '#server/lib/app-error';

/** Pure rules of the job runner. */

/** Delay before retry number `attempt` (1-based): 5 s, 10 s, 20 s … capped at 10 minutes. */
export function retryDelayMs(attempt: number, baseMs = 5_000, maxMs = 600_000): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempt - 1), maxMs);
}

export type FailureOutcome = { status: 'queued'; runAt: Date } | { status: 'failed' } | { status: 'dead' };

/**
 * What happens to a job whose handler threw: an expected (permanent) failure ends it at once; otherwise it
 * retries with backoff until its attempts run out, and then it is dead.
 */
export function outcomeOfFailure(input: {
  attempt: number;
  maxAttempts: number;
  isPermanent: boolean;
  now: Date;
}): FailureOutcome {
  if (input.isPermanent) return { status: 'failed' };
  if (input.attempt >= input.maxAttempts) return { status: 'dead' };
  return { status: 'queued', runAt: new Date(input.now.getTime() + retryDelayMs(input.attempt)) };
}

/** A job's failure as stored and shown: a catalogued code with its parameters. */
export type JobError = { code: ErrorCode; params: Record<string, unknown> };

/**
 * The catalogued form of what a handler threw. An AppError keeps its code, its details becoming the
 * parameters; anything else (a database error, a bug) becomes JOB_FAILED, its text left to the server log.
 */
export function jobErrorOf(error: unknown): JobError {
  if (!(error instanceof AppError)) return { code: 'JOB_FAILED', params: {} };
  const details = error.details;
  const isRecord = typeof details === 'object' && details !== null && !Array.isArray(details);
  return {
    code: error.code,
    params: isRecord ? (details as Record<string, unknown>) : details == null ? {} : { details },
  };
}

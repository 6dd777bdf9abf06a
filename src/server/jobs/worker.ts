import type { JobStatus } from '#shared/contracts/jobs.contract';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import { Value } from 'typebox/value';
import type { JobRow } from '#server/db/schema';
import type { Executor } from '#server/db/transaction';
import { AppError } from '#server/lib/app-error';
import type { CpuPool } from '#server/lib/cpu-pool';
import { createJobRepository } from './job.repository';
import type { JobDefinition } from './job-definition';
import { jobErrorOf, outcomeOfFailure, type JobError } from './job.rules';

export type Worker = {
  readonly id: string;
  start(): void;
  /** Stops claiming and waits for the jobs in hand to finish. */
  stop(): Promise<void>;
  /** Runs due jobs until none is left; for tests and the CLI. Returns how many ran. */
  drain(): Promise<number>;
};

export type WorkerOptions = {
  executor: Executor;
  definitions: readonly JobDefinition[];
  pollMs: number;
  logger: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
  /** The pool that runs jobs' CPU-heavy parts off the event loop (`JobContext.runCpuTask`). */
  cpu: CpuPool;
  /**
   * Jobs run at once (default 1). Each running job may hold a database connection, so keep it below the
   * pool size; the embedded database has a single connection and stays at 1.
   */
  concurrency?: number;
  /** A running job whose lock is older than this is considered abandoned and runs again. */
  staleAfterMs?: number;
  /**
   * Treat every running job as abandoned at start, without waiting for its lock to go stale: right with
   * the embedded database, which one process at a time opens, so nobody else can be running a job.
   */
  recoverAllAtStart?: boolean;
  onJobFinished?: (name: string, status: string) => void;
};

/** Polls the job table and runs registered handlers, up to `concurrency` jobs at a time. */
export function createWorker(options: WorkerOptions): Worker {
  const id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const byName = new Map(options.definitions.map((d) => [d.name, d]));
  const names = [...byName.keys()];
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const staleAfterMs = options.staleAfterMs ?? 5 * 60_000;
  const jobs = createJobRepository(options.executor);
  const inFlight = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | null = null;
  let isPolling = false;
  let isStopping = false;
  let recoverAll = options.recoverAllAtStart ?? false;
  let filling: Promise<number> | null = null;
  let fillAgain = false;

  const finish = async (
    job: JobRow,
    status: JobStatus,
    extra: { result?: unknown; error: JobError | null; runAt?: Date },
  ) => {
    const applied = await jobs.finish(job.id, id, { status, ...extra, now: new Date() });
    if (applied) options.onJobFinished?.(job.name, status);
    else options.logger.warn({ jobId: job.id, job: job.name }, 'job was taken over before it finished');
  };

  /**
   * Puts abandoned jobs back in the queue, with the same backoff as a failed attempt, or ends them as
   * dead once their attempts are used up: a job that kills its process cannot come back forever.
   */
  const recoverStale = async () => {
    const now = new Date();
    const lockedBefore = recoverAll ? new Date(now.getTime() + 1000) : new Date(now.getTime() - staleAfterMs);
    recoverAll = false;
    for (const job of await jobs.findStale(lockedBefore)) {
      const outcome = outcomeOfFailure({
        attempt: job.attempts,
        maxAttempts: job.maxAttempts,
        isPermanent: false,
        now,
      });
      const status = outcome.status === 'queued' ? 'queued' : 'dead';
      const released = await jobs.releaseStale(job.id, lockedBefore, {
        status,
        runAt: outcome.status === 'queued' ? outcome.runAt : undefined,
        error: { code: 'JOB_INTERRUPTED', params: { attempts: job.attempts } },
        now,
      });
      if (!released) continue;
      options.logger.warn(
        { jobId: job.id, job: job.name, attempts: job.attempts, outcome: status },
        'job abandoned by a stopped worker',
      );
      if (status === 'dead') options.onJobFinished?.(job.name, status);
    }
  };

  const execute = async (job: JobRow): Promise<void> => {
    const definition = byName.get(job.name);
    if (!definition || definition.version !== job.version) {
      await finish(job, 'failed', {
        error: { code: 'JOB_UNKNOWN', params: { name: job.name, version: job.version } },
      });
      return;
    }
    if (!Value.Check(definition.payloadSchema, job.payload)) {
      await finish(job, 'failed', {
        error: { code: 'JOB_PAYLOAD_INVALID', params: { name: job.name, version: job.version } },
      });
      return;
    }
    const heartbeat = setInterval(
      () => {
        jobs
          .heartbeat(job.id, id, new Date())
          .catch((error: unknown) => options.logger.warn({ err: error }, 'job heartbeat failed'));
      },
      Math.max(1000, staleAfterMs / 4),
    );
    try {
      const result = await definition.handle(job.payload, {
        jobId: job.id,
        attempt: job.attempts,
        reportProgress: (fraction) => jobs.setProgress(job.id, Math.min(1, Math.max(0, fraction))),
        runCpuTask: (task, input) => options.cpu.run(task, input),
      });
      await finish(job, 'succeeded', { result: result ?? null, error: null });
      options.logger.info({ jobId: job.id, job: job.name }, 'job succeeded');
    } catch (error) {
      const stored = jobErrorOf(error);
      const outcome = outcomeOfFailure({
        attempt: job.attempts,
        maxAttempts: job.maxAttempts,
        isPermanent: error instanceof AppError,
        now: new Date(),
      });
      // The raw cause (database text, stack) is logged here and nowhere else; the job keeps the code.
      options.logger.warn(
        { jobId: job.id, job: job.name, attempt: job.attempts, outcome: outcome.status, err: error },
        'job failed',
      );
      await finish(job, outcome.status, {
        error: stored,
        runAt: outcome.status === 'queued' ? outcome.runAt : undefined,
      });
    } finally {
      clearInterval(heartbeat);
    }
  };

  /** Recovers abandoned jobs, then claims and starts due ones while a slot is free; how many it started. */
  const fillOnce = async (): Promise<number> => {
    await recoverStale();
    let started = 0;
    while (!isStopping && inFlight.size < concurrency) {
      const job = await jobs.claimNext(id, names, new Date());
      if (!job) break;
      started++;
      const run: Promise<void> = execute(job)
        .catch((error: unknown) => options.logger.error({ err: error, jobId: job.id }, 'job run failed'))
        .finally(() => {
          inFlight.delete(run);
          if (isPolling) wake();
        });
      inFlight.add(run);
    }
    return started;
  };

  /** One filler at a time; a request while it runs makes it look once more before it returns. */
  const fill = (): Promise<number> => {
    if (filling) {
      fillAgain = true;
      return filling;
    }
    filling = (async () => {
      let started = 0;
      do {
        fillAgain = false;
        started += await fillOnce();
      } while (fillAgain && !isStopping);
      return started;
    })().finally(() => {
      filling = null;
    });
    return filling;
  };

  const wake = () => {
    fill().catch((error: unknown) => options.logger.error({ err: error }, 'job worker poll failed'));
  };

  const schedule = () => {
    if (!isPolling) return;
    timer = setTimeout(() => {
      timer = null;
      fill()
        .catch((error: unknown) => options.logger.error({ err: error }, 'job worker poll failed'))
        .finally(schedule);
    }, options.pollMs);
  };

  return {
    id,
    start() {
      if (isPolling) return;
      isPolling = true;
      isStopping = false;
      schedule();
    },
    async stop() {
      isPolling = false;
      isStopping = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (filling) await filling.catch(() => 0);
      await Promise.all(inFlight);
    },
    async drain() {
      let count = 0;
      for (;;) {
        const started = await fill();
        count += started;
        if (inFlight.size === 0 && started === 0) return count;
        if (inFlight.size > 0) await Promise.race(inFlight);
      }
    },
  };
}

import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import { Value } from 'typebox/value';
import type { Executor } from '#server/db/transaction';
import { msg, renderMessage } from '#shared/messages/catalogue';
import { AppError } from '#server/lib/app-error';
import { createJobRepository } from './job.repository';
import type { JobDefinition } from './job-definition';
import { outcomeOfFailure } from './job.rules';

export type Worker = {
  readonly id: string;
  start(): void;
  /** Stops polling and waits for the job in hand to finish. */
  stop(): Promise<void>;
  /** Runs due jobs until none is left; for tests and the CLI. Returns how many ran. */
  drain(): Promise<number>;
};

export type WorkerOptions = {
  executor: Executor;
  definitions: readonly JobDefinition[];
  pollMs: number;
  logger: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
  /** A running job whose lock is older than this is considered abandoned and runs again. */
  staleAfterMs?: number;
  onJobFinished?: (name: string, status: string) => void;
};

/** Polls the job table and runs registered handlers one job at a time. */
export function createWorker(options: WorkerOptions): Worker {
  const id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const byName = new Map(options.definitions.map((d) => [d.name, d]));
  const names = [...byName.keys()];
  const staleAfterMs = options.staleAfterMs ?? 5 * 60_000;
  const jobs = createJobRepository(options.executor);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopped = true;

  const runOne = async (): Promise<boolean> => {
    const now = new Date();
    await jobs.requeueStale(new Date(now.getTime() - staleAfterMs), now);
    const job = await jobs.claimNext(id, names, now);
    if (!job) return false;
    const definition = byName.get(job.name);
    const finish = async (
      status: string,
      extra: { result?: unknown; lastError?: string | null; runAt?: Date },
    ) => {
      await jobs.finish(job.id, { status, ...extra, now: new Date() });
      options.onJobFinished?.(job.name, status);
    };
    if (
      !definition ||
      definition.version !== job.version ||
      !Value.Check(definition.payloadSchema, job.payload)
    ) {
      const failure = msg('job.failure.no_handler', { name: job.name, version: job.version });
      await finish('failed', { lastError: renderMessage(failure, 'en'), result: { localised: failure } });
      return true;
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
      });
      await finish('succeeded', { result: result ?? null, lastError: null });
      options.logger.info({ jobId: job.id, job: job.name }, 'job succeeded');
    } catch (error) {
      const isPermanent = error instanceof AppError;
      const outcome = outcomeOfFailure({
        attempt: job.attempts,
        maxAttempts: job.maxAttempts,
        isPermanent,
        now: new Date(),
      });
      const message = error instanceof Error ? error.message : String(error);
      const result =
        error instanceof AppError
          ? {
              code: error.code,
              message: error.message,
              localised: error.localised,
              details: error.details ?? null,
            }
          : undefined;
      await finish(outcome.status, {
        lastError: message,
        runAt: outcome.status === 'queued' ? outcome.runAt : undefined,
        result,
      });
      options.logger.warn(
        { jobId: job.id, job: job.name, outcome: outcome.status, err: error },
        'job failed',
      );
    } finally {
      clearInterval(heartbeat);
    }
    return true;
  };

  const tick = async () => {
    if (stopped) return;
    try {
      while (!stopped && (await runOne())) {
        // keep going while there is due work
      }
    } catch (error) {
      options.logger.error({ err: error }, 'job worker poll failed');
    }
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().finally(() => {
        running = null;
        schedule();
      });
    }, options.pollMs);
  };

  return {
    id,
    start() {
      if (!stopped) return;
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (running) await running;
    },
    async drain() {
      let count = 0;
      while (await runOne()) count++;
      return count;
    },
  };
}

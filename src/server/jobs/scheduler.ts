import type { FastifyBaseLogger } from 'fastify';
import type { Transactor } from '#server/db/transaction';
import { enqueueDueSchedules } from './schedules';

export type Scheduler = {
  start(): void;
  /** Stops polling and waits for a step in progress. */
  stop(): Promise<void>;
  /** One step: queues the due schedules' jobs; returns how many it queued. For tests and the CLI. */
  tick(): Promise<number>;
};

/**
 * The scheduler role: every `pollMs` it queues the jobs of due schedules (job_schedule) in one transaction.
 * Any number of processes may run it against one database; each run is queued once.
 */
export function createScheduler(options: {
  tx: Transactor;
  pollMs: number;
  logger: Pick<FastifyBaseLogger, 'warn' | 'info'>;
}): Scheduler {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let isPolling = false;

  const tick = () => options.tx.run((executor) => enqueueDueSchedules(executor));

  const schedule = () => {
    if (!isPolling) return;
    timer = setTimeout(() => {
      timer = null;
      running = tick()
        .then((queued) => {
          if (queued > 0) options.logger.info({ queued }, 'scheduled jobs queued');
        })
        .catch((error: unknown) => options.logger.warn({ err: error }, 'scheduler step failed'))
        .finally(() => {
          running = null;
          schedule();
        });
    }, options.pollMs);
    timer.unref();
  };

  return {
    start() {
      if (isPolling) return;
      isPolling = true;
      schedule();
    },
    async stop() {
      isPolling = false;
      if (timer) clearTimeout(timer);
      timer = null;
      if (running) await running;
    },
    tick,
  };
}

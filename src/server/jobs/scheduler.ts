import type { FastifyBaseLogger } from 'fastify';

export type ScheduledTask = { name: string; everyMs: number; run(): Promise<unknown> };

/**
 * Runs periodic housekeeping tasks in this process. Tasks must be safe to run in several processes at once,
 * since every process started with the scheduler role runs them.
 */
export function createScheduler(tasks: readonly ScheduledTask[], logger: Pick<FastifyBaseLogger, 'warn'>) {
  const timers: NodeJS.Timeout[] = [];
  return {
    start() {
      for (const task of tasks) {
        const timer = setInterval(() => {
          task
            .run()
            .catch((error: unknown) => logger.warn({ err: error, task: task.name }, 'scheduled task failed'));
        }, task.everyMs);
        timer.unref();
        timers.push(timer);
      }
    },
    stop() {
      for (const timer of timers) clearInterval(timer);
      timers.length = 0;
    },
  };
}

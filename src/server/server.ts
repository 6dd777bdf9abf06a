import type { Config } from './config';
import type { DatabaseHandle } from './db/database';
import { lockDataDir, type DataDirLock } from './db/data-dir-lock';
import { buildApp } from './http/app';
import type { TypedApp } from './http/typed';
import { createScheduler } from './jobs/scheduler';
import { createWorker, type Worker } from './jobs/worker';
import { boot, type FirstAdministrator } from './boot';
import type { Container } from './container';
import { systemActor } from './lib/actor';

export type RunningServer = {
  app: TypedApp | null;
  url: string | null;
  container: Container;
  worker: Worker | null;
  firstAdministrator: FirstAdministrator;
  /** Whether this start queued the demonstration data (first start of an empty database, KUZOT_DEMO_DATA). */
  demoDataQueued: boolean;
  stop(): Promise<void>;
};

export const appVersion = '0.1.0';

/**
 * Starts the roles this process runs: the HTTP API, the job worker and the scheduler. With the embedded
 * database they always run together in one process.
 */
export async function startServer(
  config: Config,
  options: { database?: DatabaseHandle; referenceDataDir?: string; logger?: boolean } = {},
): Promise<RunningServer> {
  let lock: DataDirLock | null = null;
  if (!config.databaseUrl && !options.database) lock = lockDataDir(config.dataDir);
  try {
    const { container, firstAdministrator } = await boot(config, options);
    // Queued, not run: the worker fills it in the background so the server is ready at once.
    const demoDataQueued =
      config.demoData &&
      (await container.services.demo.queueFirstStartSeed(systemActor('system:first-start')));
    const app = config.roles.api
      ? await buildApp(container, {
          version: appVersion,
          ...(options.logger === false ? { logger: false } : {}),
        })
      : null;
    let url: string | null = null;
    if (app) url = await app.listen({ port: config.port, host: config.host });
    const worker = config.roles.worker
      ? createWorker({
          executor: container.database.db,
          definitions: container.jobDefinitions,
          pollMs: config.jobPollMs,
          concurrency: config.jobConcurrency,
          cpu: container.cpu,
          // One process at a time opens the embedded database: a job still marked running is abandoned.
          recoverAllAtStart: config.databaseUrl === null,
          logger: app?.log ?? console,
          onJobFinished: (job, status) => container.metrics.jobsFinished.inc({ job, status }),
        })
      : null;
    worker?.start();
    const scheduler = config.roles.scheduler
      ? createScheduler({ tx: container.tx, pollMs: config.schedulePollMs, logger: app?.log ?? console })
      : null;
    scheduler?.start();
    let stopped = false;
    return {
      app,
      url,
      container,
      worker,
      firstAdministrator,
      demoDataQueued,
      async stop() {
        if (stopped) return;
        stopped = true;
        await scheduler?.stop();
        await worker?.stop();
        await app?.close();
        await container.cpu.close();
        if (!options.database) await container.database.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

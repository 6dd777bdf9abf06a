// A worker process whose only job kills the process that runs it, for the test that restarts it until the
// job gives up (src/server/jobs/worker.crash.pg-test.ts), on the PostgreSQL database KUZOT_CRASH_TEST_DATABASE_URL. Each start is a restart after a crash: it recovers the abandoned
// run, lets its backoff pass, and claims the job again. Exits 0 when nothing is left to run.
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { openPostgres } from '#server/db/database';
import { defineJob } from '#server/jobs/job-definition';
import { createWorker } from '#server/jobs/worker';
import { cpuTasksEntry, createCpuPool } from '#server/lib/cpu-pool';

/** The job the test queues; its handler ends the process the way a crash or the OOM killer would. */
export const processKillerJob = {
  name: 'test.kill-own-process',
  version: 1,
  payloadSchema: Type.Object({}),
  maxAttempts: 3,
};

async function main(): Promise<void> {
  const handle = openPostgres(process.env.KUZOT_CRASH_TEST_DATABASE_URL ?? '', 2);
  const cpu = createCpuPool({ entry: cpuTasksEntry, threads: 1 });
  const killer = defineJob({
    ...processKillerJob,
    handle: async (_payload, context) => {
      process.stdout.write(`running attempt ${context.attempt}\n`);
      process.kill(process.pid, 'SIGKILL');
    },
  });
  const worker = createWorker({
    executor: handle.db,
    definitions: [killer],
    pollMs: 60_000,
    cpu,
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    recoverAllAtStart: true,
  });
  await worker.drain();
  // As if the retry backoff had passed before this restart.
  await sql`update job set run_at = now() where status = 'queued'`.execute(handle.db);
  const ran = await worker.drain();
  process.stdout.write(`drained ${ran}\n`);
  await cpu.close();
  await handle.close();
}

// Runs only as a script, not when the test imports the job's spec from here.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();

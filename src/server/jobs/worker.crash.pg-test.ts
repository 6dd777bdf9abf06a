import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processKillerJob } from '#server/test/crashing-worker';
import { createTestDatabase, type TestDatabase } from '#server/test/test-db';
import { createJobRepository } from './job.repository';
import { enqueueJob } from './queue';

type Exit = { code: number | null; signal: NodeJS.Signals | null; output: string };

function runWorkerProcess(env: Record<string, string>): Promise<Exit> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/test/crashing-worker.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, output })));
}

// Issue 7 item 15: a job that kills the process running it was picked up after every restart, forever.
// Here real processes die (SIGKILL from the handler) and are started again on the same database.
// On a PostgreSQL server (npm run test:pg); worker.test.ts covers the same recovery rule on PGlite in-process.
describe('a job that kills its process', () => {
  let database: TestDatabase;
  let jobId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    if (!database.url) throw new Error('this test needs KUZOT_TEST_DATABASE_URL (npm run test:pg)');
    jobId = await enqueueJob(database.handle.db, processKillerJob, {}, { createdBy: null });
  });

  afterAll(async () => {
    await database.cleanup();
  });

  it('runs it once per restart until its attempts are used up, then ends it as dead', async () => {
    const env = { KUZOT_CRASH_TEST_DATABASE_URL: database.url ?? '' };
    const exits: Exit[] = [];
    for (let start = 0; start < 6; start++) {
      const exit = await runWorkerProcess(env);
      exits.push(exit);
      if (exit.code === 0) break;
    }
    expect(exits.map((e) => e.signal ?? e.code)).toEqual(['SIGKILL', 'SIGKILL', 'SIGKILL', 0]);
    expect(exits.map((e) => /running attempt (\d+)/.exec(e.output)?.[1] ?? null)).toEqual([
      '1',
      '2',
      '3',
      null,
    ]);
    expect(exits[3]?.output).toContain('drained 0');
    expect(await createJobRepository(database.handle.db).findById(jobId)).toMatchObject({
      status: 'dead',
      attempts: 3,
      maxAttempts: 3,
      lockedBy: null,
      error: { code: 'JOB_INTERRUPTED', params: { attempts: 3 } },
    });
  }, 300_000); // four process starts, each compiled by tsx: generous on a busy two-core machine
});

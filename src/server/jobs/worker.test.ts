import { sql } from 'kysely';
import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobRow } from '#server/db/schema';
import { AppError } from '#server/lib/app-error';
import { silentLogger } from '#server/test/factories';
import { createTestDatabase, type TestDatabase } from '#server/test/test-db';
import { defineJob, type JobDefinition } from './job-definition';
import { createJobRepository } from './job.repository';
import { retryDelayMs } from './job.rules';
import { enqueueJob } from './queue';
import { createWorker } from './worker';

const payloadSchema = Type.Object({ label: Type.String() });

describe('job worker', () => {
  let database: TestDatabase;
  const calls: Array<{ label: string; attempt: number }> = [];
  const finished: string[] = [];

  const flaky = defineJob({
    name: 'test.flaky',
    version: 1,
    payloadSchema,
    maxAttempts: 3,
    handle: async (payload, context) => {
      calls.push({ label: payload.label, attempt: context.attempt });
      throw new Error(`flaky failure ${context.attempt}`);
    },
  });
  const refusing = defineJob({
    name: 'test.refusing',
    version: 1,
    payloadSchema,
    maxAttempts: 5,
    handle: async (payload) => {
      calls.push({ label: payload.label, attempt: 0 });
      throw new AppError('IMPORT_INVALID', 'The file has 1 problem(s).', {
        problems: [{ row: 2, column: 'total', message: 'bad' }],
      });
    },
  });
  const working = defineJob({
    name: 'test.working',
    version: 2,
    payloadSchema,
    maxAttempts: 1,
    handle: async (payload, context) => {
      await context.reportProgress(0.5);
      await context.reportProgress(7);
      return { echoed: payload.label, jobId: context.jobId };
    },
  });
  const definitions = [flaky, refusing, working] as unknown as JobDefinition[];

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database.cleanup();
  });

  const worker = () =>
    createWorker({
      executor: database.handle.db,
      definitions,
      pollMs: 60_000,
      logger: silentLogger,
      onJobFinished: (name, status) => finished.push(`${name}:${status}`),
    });
  const jobOf = async (id: string): Promise<JobRow> => {
    const row = await createJobRepository(database.handle.db).findById(id);
    if (!row) throw new Error('job vanished');
    return row;
  };
  /** Makes a job that waits for its retry due now, as if the backoff had passed. */
  const makeDue = (id: string) =>
    sql`update job set run_at = now() - interval '1 second' where id = ${id}`.execute(database.handle.db);

  it('runs a job and stores its result and progress, clamped to 0..1', async () => {
    const id = await enqueueJob(database.handle.db, working, { label: 'hello' }, { createdBy: null });
    expect(await worker().drain()).toBe(1);
    const job = await jobOf(id);
    expect(job).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      progress: 1,
      result: { echoed: 'hello', jobId: id },
      lastError: null,
      lockedBy: null,
    });
    expect(job.finishedAt).not.toBeNull();
    expect(finished).toContain('test.working:succeeded');
  });

  it('retries a failing job with growing backoff, then marks it dead', async () => {
    const id = await enqueueJob(database.handle.db, flaky, { label: 'flaky' }, { createdBy: null });
    const w = worker();

    const firstRunAt = Date.now();
    expect(await w.drain()).toBe(1);
    let job = await jobOf(id);
    expect(job).toMatchObject({
      status: 'queued',
      attempts: 1,
      lastError: 'flaky failure 1',
      lockedBy: null,
      finishedAt: null,
    });
    expect(job.runAt.getTime()).toBeGreaterThanOrEqual(firstRunAt + retryDelayMs(1));
    // Not due yet: the worker leaves it alone.
    expect(await w.drain()).toBe(0);

    await makeDue(id);
    const secondRunAt = Date.now();
    expect(await w.drain()).toBe(1);
    job = await jobOf(id);
    expect(job).toMatchObject({ status: 'queued', attempts: 2, lastError: 'flaky failure 2' });
    expect(job.runAt.getTime()).toBeGreaterThanOrEqual(secondRunAt + retryDelayMs(2));

    await makeDue(id);
    expect(await w.drain()).toBe(1);
    job = await jobOf(id);
    expect(job).toMatchObject({ status: 'dead', attempts: 3, lastError: 'flaky failure 3' });
    expect(job.finishedAt).not.toBeNull();
    expect(calls.filter((c) => c.label === 'flaky').map((c) => c.attempt)).toEqual([1, 2, 3]);

    await makeDue(id);
    expect(await w.drain()).toBe(0);
    expect(finished.filter((f) => f.startsWith('test.flaky'))).toEqual([
      'test.flaky:queued',
      'test.flaky:queued',
      'test.flaky:dead',
    ]);
  });

  it('fails a job whose handler throws an AppError at once, without retrying, keeping the error', async () => {
    const id = await enqueueJob(database.handle.db, refusing, { label: 'refusing' }, { createdBy: null });
    expect(await worker().drain()).toBe(1);
    const job = await jobOf(id);
    expect(job).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'The file has 1 problem(s).',
      result: { code: 'IMPORT_INVALID', details: { problems: [{ row: 2, column: 'total' }] } },
    });
    await makeDue(id);
    expect(await worker().drain()).toBe(0);
    expect(calls.filter((c) => c.label === 'refusing')).toHaveLength(1);
  });

  it('fails a job whose payload or version does not match its definition, without running it', async () => {
    const jobs = createJobRepository(database.handle.db);
    const badPayload = await jobs.insert({
      name: 'test.working',
      version: 2,
      payload: { label: 42 },
      maxAttempts: 1,
      createdBy: null,
    });
    const oldVersion = await jobs.insert({
      name: 'test.working',
      version: 1,
      payload: { label: 'x' },
      maxAttempts: 1,
      createdBy: null,
    });
    expect(await worker().drain()).toBe(2);
    for (const id of [badPayload.id, oldVersion.id]) {
      const job = await jobOf(id);
      expect(job.status).toBe('failed');
      expect(job.lastError).toContain('No handler for test.working');
    }
  });

  it('refuses to queue a payload that does not match the schema', async () => {
    await expect(
      enqueueJob(database.handle.db, working, { label: 5 } as unknown as { label: string }, {
        createdBy: null,
      }),
    ).rejects.toThrow('Invalid payload');
  });

  it('leaves jobs it has no definition for to other workers, and picks up abandoned ones', async () => {
    const jobs = createJobRepository(database.handle.db);
    const foreign = await jobs.insert({
      name: 'other.module-job',
      version: 1,
      payload: {},
      maxAttempts: 1,
      createdBy: null,
    });
    const abandoned = await enqueueJob(
      database.handle.db,
      working,
      { label: 'abandoned' },
      { createdBy: null },
    );
    await sql`update job set status = 'running', locked_by = 'crashed-worker', locked_at = now() - interval '1 hour' where id = ${abandoned}`.execute(
      database.handle.db,
    );
    expect(await worker().drain()).toBe(1);
    expect((await jobOf(foreign.id)).status).toBe('queued');
    expect(await jobOf(abandoned)).toMatchObject({ status: 'succeeded', result: { echoed: 'abandoned' } });
  });
});

import { sql } from 'kysely';
import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobRow } from '#server/db/schema';
import { AppError } from '#server/lib/app-error';
import { cpuTasksEntry, createCpuPool } from '#server/lib/cpu-pool';
import { createTestDatabase, type TestDatabase } from '#server/test/test-db';
import { defineJob, type JobDefinition } from './job-definition';
import { createJobRepository } from './job.repository';
import { retryDelayMs } from './job.rules';
import { enqueueJob, enqueueJobOnce } from './queue';
import { createWorker } from './worker';

const payloadSchema = Type.Object({ label: Type.String() });

/** A logger that keeps what it was given, to show where raw error text goes. */
function recordingLogger() {
  const lines: Array<{ level: string; data: unknown; message: string }> = [];
  const at = (level: string) => (data: unknown, message?: string) => {
    lines.push({ level, data, message: message ?? '' });
  };
  return { lines, logger: { info: at('info'), warn: at('warn'), error: at('error') } };
}

describe('job worker', () => {
  let database: TestDatabase;
  const cpu = createCpuPool({ entry: cpuTasksEntry, threads: 1 });
  const calls: Array<{ label: string; attempt: number }> = [];
  const finished: string[] = [];
  const log = recordingLogger();

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
  const querying = defineJob({
    name: 'test.querying',
    version: 1,
    payloadSchema,
    maxAttempts: 1,
    // A real database error, whose text names the table: it must reach the log and nothing else.
    handle: async () => sql`select * from no_such_table_for_jobs`.execute(database.handle.db),
  });
  const definitions = [flaky, refusing, working, querying] as unknown as JobDefinition[];

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await cpu.close();
    await database.cleanup();
  });

  const worker = () =>
    createWorker({
      executor: database.handle.db,
      definitions,
      pollMs: 60_000,
      cpu,
      logger: log.logger,
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
      error: null,
      lockedBy: null,
    });
    expect(job.finishedAt).not.toBeNull();
    expect(finished).toContain('test.working:succeeded');
  });

  it('retries a failing job with growing backoff, then marks it dead, keeping a catalogued error', async () => {
    const id = await enqueueJob(database.handle.db, flaky, { label: 'flaky' }, { createdBy: null });
    const w = worker();

    const firstRunAt = Date.now();
    expect(await w.drain()).toBe(1);
    let job = await jobOf(id);
    expect(job).toMatchObject({
      status: 'queued',
      attempts: 1,
      error: { code: 'JOB_FAILED', params: {} },
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
    expect(job).toMatchObject({ status: 'queued', attempts: 2, error: { code: 'JOB_FAILED' } });
    expect(job.runAt.getTime()).toBeGreaterThanOrEqual(secondRunAt + retryDelayMs(2));

    await makeDue(id);
    expect(await w.drain()).toBe(1);
    job = await jobOf(id);
    expect(job).toMatchObject({ status: 'dead', attempts: 3, error: { code: 'JOB_FAILED', params: {} } });
    expect(job.finishedAt).not.toBeNull();
    expect(calls.filter((c) => c.label === 'flaky').map((c) => c.attempt)).toEqual([1, 2, 3]);

    await makeDue(id);
    expect(await w.drain()).toBe(0);
    expect(finished.filter((f) => f.startsWith('test.flaky'))).toEqual([
      'test.flaky:queued',
      'test.flaky:queued',
      'test.flaky:dead',
    ]);
    // The raw text went to the log, with the job's id, and is stored nowhere.
    expect(JSON.stringify(job)).not.toContain('flaky failure');
    const logged = log.lines.filter((l) => l.message === 'job failed' && JSON.stringify(l.data).includes(id));
    expect(logged.map((l) => String((l.data as { err: Error }).err.message))).toEqual([
      'flaky failure 1',
      'flaky failure 2',
      'flaky failure 3',
    ]);
  });

  it('keeps database error text out of the job and in the log', async () => {
    const id = await enqueueJob(database.handle.db, querying, { label: 'db' }, { createdBy: null });
    expect(await worker().drain()).toBe(1);
    const job = await jobOf(id);
    expect(job).toMatchObject({ status: 'dead', error: { code: 'JOB_FAILED', params: {} }, result: null });
    expect(JSON.stringify(job)).not.toContain('no_such_table_for_jobs');
    const logged = log.lines.find((l) => l.message === 'job failed' && JSON.stringify(l.data).includes(id));
    expect(String((logged?.data as { err: Error }).err.message)).toContain('no_such_table_for_jobs');
  });

  it('fails a job whose handler throws an AppError at once, keeping its code and details as parameters', async () => {
    const id = await enqueueJob(database.handle.db, refusing, { label: 'refusing' }, { createdBy: null });
    expect(await worker().drain()).toBe(1);
    const job = await jobOf(id);
    expect(job).toMatchObject({
      status: 'failed',
      attempts: 1,
      result: null,
      error: {
        code: 'IMPORT_INVALID',
        params: { problems: [{ row: 2, column: 'total', message: 'bad' }] },
      },
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
    expect(await jobOf(badPayload.id)).toMatchObject({
      status: 'failed',
      error: { code: 'JOB_PAYLOAD_INVALID', params: { name: 'test.working', version: 2 } },
    });
    expect(await jobOf(oldVersion.id)).toMatchObject({
      status: 'failed',
      error: { code: 'JOB_UNKNOWN', params: { name: 'test.working', version: 1 } },
    });
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
    // The abandoned run counted as an attempt (its claim): put back with backoff, like a failure.
    expect(await worker().drain()).toBe(0);
    expect(await jobOf(abandoned)).toMatchObject({
      status: 'queued',
      lockedBy: null,
      error: { code: 'JOB_INTERRUPTED', params: { attempts: 0 } },
    });
    await makeDue(abandoned);
    expect(await worker().drain()).toBe(1);
    expect((await jobOf(foreign.id)).status).toBe('queued');
    expect(await jobOf(abandoned)).toMatchObject({
      status: 'succeeded',
      result: { echoed: 'abandoned' },
      error: null,
    });
  });

  it('ends a job as dead when the processes running it died as often as it may be attempted', async () => {
    const id = await enqueueJob(database.handle.db, flaky, { label: 'killer' }, { createdBy: null });
    // Three claims by workers that died mid-run: attempts 3 of 3.
    await sql`update job set status = 'running', attempts = 3, locked_by = 'dead-worker', locked_at = now() - interval '1 hour' where id = ${id}`.execute(
      database.handle.db,
    );
    expect(await worker().drain()).toBe(0);
    const job = await jobOf(id);
    expect(job).toMatchObject({
      status: 'dead',
      attempts: 3,
      lockedBy: null,
      error: { code: 'JOB_INTERRUPTED', params: { attempts: 3 } },
    });
    expect(job.finishedAt).not.toBeNull();
    expect(calls.filter((c) => c.label === 'killer')).toHaveLength(0);
    expect(finished).toContain('test.flaky:dead');
  });

  it('recovers every running job at once when told no other process can hold one', async () => {
    const id = await enqueueJob(database.handle.db, flaky, { label: 'restart' }, { createdBy: null });
    // Locked a moment ago by a process that no longer exists (the embedded database's previous run).
    await sql`update job set status = 'running', attempts = 1, locked_by = 'previous-run', locked_at = now(), run_at = now() - interval '1 hour' where id = ${id}`.execute(
      database.handle.db,
    );
    expect(await worker().drain()).toBe(0);
    expect((await jobOf(id)).status).toBe('running');
    const restarted = createWorker({
      executor: database.handle.db,
      definitions,
      pollMs: 60_000,
      cpu,
      logger: log.logger,
      recoverAllAtStart: true,
    });
    expect(await restarted.drain()).toBe(0);
    expect(await jobOf(id)).toMatchObject({ status: 'queued', error: { code: 'JOB_INTERRUPTED' } });
  });

  it('does not let a worker that lost its job overwrite the run of the worker that took it over', async () => {
    const id = await enqueueJob(database.handle.db, working, { label: 'taken' }, { createdBy: null });
    const jobs = createJobRepository(database.handle.db);
    const first = await jobs.claimNext('slow-worker', ['test.working'], new Date());
    expect(first?.id).toBe(id);
    await sql`update job set locked_by = 'new-owner' where id = ${id}`.execute(database.handle.db);
    expect(await jobs.finish(id, 'slow-worker', { status: 'succeeded', error: null, now: new Date() })).toBe(
      false,
    );
    expect(await jobOf(id)).toMatchObject({ status: 'running', lockedBy: 'new-owner' });
    expect(await jobs.finish(id, 'new-owner', { status: 'succeeded', error: null, now: new Date() })).toBe(
      true,
    );
  });

  describe('de-duplication key', () => {
    it('returns the queued or running job holding the key instead of adding a second', async () => {
      const first = await enqueueJobOnce(
        database.handle.db,
        working,
        { label: 'source-7' },
        { createdBy: null, dedupeKey: 'fetch:7' },
      );
      const again = await enqueueJobOnce(
        database.handle.db,
        working,
        { label: 'source-7 again' },
        { createdBy: null, dedupeKey: 'fetch:7' },
      );
      const other = await enqueueJobOnce(
        database.handle.db,
        working,
        { label: 'source-8' },
        { createdBy: null, dedupeKey: 'fetch:8' },
      );
      expect(first.isNew).toBe(true);
      expect(again).toEqual({ id: first.id, isNew: false });
      expect(other.isNew).toBe(true);
      expect((await jobOf(first.id)).payload).toEqual({ label: 'source-7' });

      // Running still holds the key.
      await sql`update job set status = 'running', locked_by = 'w', locked_at = now() where id = ${first.id}`.execute(
        database.handle.db,
      );
      expect(
        await enqueueJobOnce(
          database.handle.db,
          working,
          { label: 'x' },
          { createdBy: null, dedupeKey: 'fetch:7' },
        ),
      ).toEqual({ id: first.id, isNew: false });

      // Once it ended, the key is free again.
      await sql`update job set status = 'succeeded', locked_by = null where id = ${first.id}`.execute(
        database.handle.db,
      );
      const later = await enqueueJobOnce(
        database.handle.db,
        working,
        { label: 'next fetch' },
        { createdBy: null, dedupeKey: 'fetch:7' },
      );
      expect(later.isNew).toBe(true);
      expect(later.id).not.toBe(first.id);
      expect(await worker().drain()).toBe(2);
    });

    it('is enforced by the database, not only by the enqueue function', async () => {
      const jobs = createJobRepository(database.handle.db);
      const base = {
        name: 'test.working',
        version: 2,
        payload: { label: 'y' },
        maxAttempts: 1,
        createdBy: null,
      };
      await jobs.insert({ ...base, dedupeKey: 'only-one' });
      await expect(jobs.insert({ ...base, dedupeKey: 'only-one' })).rejects.toMatchObject({ code: '23505' });
      expect(await worker().drain()).toBe(1);
    });
  });
});

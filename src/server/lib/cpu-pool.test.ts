import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '#shared/contracts/jobs.contract';
import { defineJob } from '#server/jobs/job-definition';
import { enqueueJob } from '#server/jobs/queue';
import { createWorker } from '#server/jobs/worker';
import { crashTask, refuseTask, spinUntilReleasedTask } from '#server/test/cpu-test-tasks';
import { readFixture, silentLogger } from '#server/test/factories';
import { createTestApp, type TestApp } from '#server/test/test-app';
import { AppError } from './app-error';
import { cpuTasksEntry, createCpuPool } from './cpu-pool';
import { readTabularFile } from './documents/tabular-file';
import { readTabularFileTask } from './documents/tabular-file.task';
import { writeXlsx } from './documents/xlsx-write';

const testTasksEntry = new URL('../test/cpu-test-tasks.ts', import.meta.url);

/** Waits, checking every 10 ms, until the condition holds; fails after `tries` checks. */
async function until(condition: () => boolean | Promise<boolean>, tries = 3000): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the condition never held');
}

describe('CPU pool', () => {
  const production = createCpuPool({ entry: cpuTasksEntry, threads: 1 });
  const testing = createCpuPool({ entry: testTasksEntry, threads: 2 });
  afterAll(async () => {
    await production.close();
    await testing.close();
  });

  it('parses an uploaded spreadsheet on a worker thread exactly as on the main thread', async () => {
    const csv = readFixture('population-good.csv');
    const xlsx = await writeXlsx(
      'Sheet',
      ['code', 'year', 'total'],
      [
        ['41711', 2030, 1234],
        ['41702', 2031, null],
      ],
    );
    for (const [filename, data] of [
      ['population.csv', csv],
      ['population.xlsx', xlsx],
    ] as const) {
      const offloaded = await production.run(readTabularFileTask, { filename, data });
      expect(offloaded).toEqual(await readTabularFile(filename, data));
      expect(offloaded.rows.length).toBeGreaterThan(1);
    }
  });

  it('brings back an expected failure as the same AppError, and a bug as an error with its message', async () => {
    const refused = await testing.run(refuseTask, { row: 7 }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({
      code: 'IMPORT_INVALID',
      details: { problems: [{ row: 7, column: 'a', message: 'bad' }] },
    });
    await expect(
      production.run(readTabularFileTask, { filename: 'x.csv', data: Buffer.alloc(0) }),
    ).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
    });
    await expect(testing.run(crashTask, undefined)).rejects.toThrow('a bug in a task');
  });

  it('fails tasks at once, instead of leaving them waiting, when its entry cannot load or is missing', async () => {
    const broken = createCpuPool({
      entry: new URL('../test/cpu-broken-entry.ts', import.meta.url),
      threads: 1,
    });
    // (piscina reports its last loading attempt, so the message varies; what matters is that it fails.)
    await expect(broken.run(crashTask, undefined)).rejects.toThrow();
    await broken.close();
    const missing = createCpuPool({
      entry: new URL('../test/no-such-entry.js', import.meta.url),
      threads: 1,
    });
    await expect(missing.run(crashTask, undefined)).rejects.toThrow('does not exist');
  });

  describe('while a job computes for as long as it takes', () => {
    let t: TestApp;
    let base: string;
    const control = new SharedArrayBuffer(12);
    const cells = new Int32Array(control);
    const heavy = defineJob({
      name: 'test.heavy',
      version: 1,
      payloadSchema: Type.Object({}),
      maxAttempts: 1,
      handle: (_payload, context) => context.runCpuTask(spinUntilReleasedTask, { control }),
    });

    beforeAll(async () => {
      t = await createTestApp();
      base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    });
    afterAll(async () => {
      Atomics.store(cells, 1, 1);
      await t.close();
    });

    it('keeps answering requests: /healthz and the job list answer while the task has neither ended nor yielded', async () => {
      const admin = await t.login(t.admin.username, t.admin.password);
      const id = await enqueueJob(t.container.database.db, heavy, {}, { createdBy: null });
      const worker = createWorker({
        executor: t.container.database.db,
        definitions: [heavy],
        pollMs: 60_000,
        cpu: testing,
        logger: silentLogger,
      });
      const draining = worker.drain();
      await until(() => Atomics.load(cells, 0) === 1);

      // The task is spinning on another thread. Were it on this one, none of these could be answered
      // until it ended, and it ends only when released below.
      for (let i = 0; i < 3; i++) {
        const health = await fetch(`${base}/healthz`);
        expect(health.status).toBe(200);
        expect(await health.json()).toMatchObject({ status: 'ok' });
      }
      const running = (await admin.request('GET', `/api/v1/jobs/${id}`)).json<Job>();
      expect(running.status).toBe('running');
      expect(Atomics.load(cells, 2)).toBe(0);

      Atomics.store(cells, 1, 1);
      expect(await draining).toBe(1);
      const done = (await admin.request('GET', `/api/v1/jobs/${id}`)).json<Job>();
      expect(done.status).toBe('succeeded');
      expect((done.result as { spins: number }).spins).toBeGreaterThan(0);
      expect(Atomics.load(cells, 2)).toBe(1);
    });
  });
});

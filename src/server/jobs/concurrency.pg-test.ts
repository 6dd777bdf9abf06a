import { sql } from 'kysely';
import { Type } from 'typebox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openPostgres, type DatabaseHandle } from '#server/db/database';
import { createTransactor } from '#server/db/transaction';
import { cpuTasksEntry, createCpuPool } from '#server/lib/cpu-pool';
import { silentLogger } from '#server/test/factories';
import { createTestDatabase, type TestDatabase } from '#server/test/test-db';
import { defineJob } from './job-definition';
import { enqueueJob, enqueueJobOnce } from './queue';
import { createScheduler } from './scheduler';
import { upsertSchedule } from './schedules';
import { createWorker } from './worker';

// Several sessions on one PostgreSQL server, as several Kuzot processes would have: each "process" here has
// its own connection pool, so the database sees truly concurrent transactions.

const spec = {
  name: 'test.concurrent',
  version: 1,
  payloadSchema: Type.Object({ n: Type.Integer() }),
  maxAttempts: 1,
};

/** Waits, checking every 20 ms, until the condition holds; fails after `tries` checks. */
async function until(condition: () => Promise<boolean>, tries = 500): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the condition never held');
}

describe('the job runner with several sessions on PostgreSQL', () => {
  let database: TestDatabase;
  let processes: DatabaseHandle[];
  const cpu = createCpuPool({ entry: cpuTasksEntry, threads: 1 });

  beforeAll(async () => {
    database = await createTestDatabase();
    if (!database.url) throw new Error('this test needs KUZOT_TEST_DATABASE_URL (npm run test:pg)');
    processes = [0, 1, 2, 3].map(() => openPostgres(database.url ?? '', 4));
  });
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.close()));
    await cpu.close();
    await database.cleanup();
  });
  beforeEach(async () => {
    await database.handle.db.deleteFrom('jobSchedule').execute();
    await database.handle.db.deleteFrom('job').execute();
  });

  it('queues each due schedule exactly once while four schedulers step at the same time', async () => {
    for (let n = 0; n < 20; n++) {
      await upsertSchedule(database.handle.db, spec, {
        name: `test.concurrent:${n}`,
        payload: { n },
        intervalSeconds: 3600,
      });
    }
    await sql`update job_schedule set next_run_at = now() - interval '2 hours'`.execute(database.handle.db);
    const schedulers = processes.map((p) =>
      createScheduler({ tx: createTransactor(p.db), pollMs: 60_000, logger: silentLogger }),
    );
    const queued = await Promise.all(
      [0, 1, 2].flatMap(() => schedulers.map((scheduler) => scheduler.tick())),
    );
    expect(queued.reduce((a, b) => a + b, 0)).toBe(20);
    const jobs = await database.handle.db.selectFrom('job').select('payload').execute();
    expect(jobs.map((j) => (j.payload as { n: number }).n).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, n) => n),
    );
  });

  it('runs several jobs at once in one worker: two jobs that each wait for the other both finish', async () => {
    const arrived = new Set<number>();
    let bothArrived: () => void = () => undefined;
    const together = new Promise<void>((resolve) => (bothArrived = resolve));
    const rendezvous = defineJob({
      ...spec,
      handle: async (payload) => {
        arrived.add(payload.n);
        if (arrived.size === 2) bothArrived();
        // With one job at a time the first would wait here for ever; fail it instead after a while.
        await Promise.race([
          together,
          new Promise((_, reject) => setTimeout(() => reject(new Error('ran alone')), 20_000)),
        ]);
        return { n: payload.n };
      },
    });
    for (const n of [1, 2]) await enqueueJob(database.handle.db, spec, { n }, { createdBy: null });
    const worker = createWorker({
      executor: processes[0]!.db,
      definitions: [rendezvous],
      pollMs: 60_000,
      cpu,
      logger: silentLogger,
      concurrency: 2,
    });
    expect(await worker.drain()).toBe(2);
    const statuses = await database.handle.db.selectFrom('job').select(['status', 'error']).execute();
    expect(statuses).toEqual([
      { status: 'succeeded', error: null },
      { status: 'succeeded', error: null },
    ]);
  });

  it('never runs more jobs at once than its concurrency, and two workers never run the same job', async () => {
    const runs: number[] = [];
    let running = 0;
    let mostAtOnce = 0;
    const counted = defineJob({
      ...spec,
      handle: async (payload) => {
        running++;
        mostAtOnce = Math.max(mostAtOnce, running);
        runs.push(payload.n);
        // A real round trip, so the jobs overlap for as long as the database takes.
        await sql`select pg_sleep(0.05)`.execute(processes[3]!.db);
        running--;
      },
    });
    for (let n = 0; n < 16; n++) await enqueueJob(database.handle.db, spec, { n }, { createdBy: null });
    const workers = [processes[0]!, processes[1]!].map((p) =>
      createWorker({
        executor: p.db,
        definitions: [counted],
        pollMs: 60_000,
        cpu,
        logger: silentLogger,
        concurrency: 2,
      }),
    );
    const ran = await Promise.all(workers.map((w) => w.drain()));
    expect(ran[0]! + ran[1]!).toBe(16);
    expect([...runs].sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, n) => n));
    expect(mostAtOnce).toBeLessThanOrEqual(4);
    expect(mostAtOnce).toBeGreaterThan(1);
  });

  describe('de-duplication key under concurrent enqueues', () => {
    const holdKeyInOpenTransaction = (outcome: 'commit' | 'rollback') => {
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      let id: string | null = null;
      const done = processes[0]!.db
        .transaction()
        .execute(async (trx) => {
          id = (await enqueueJobOnce(trx, spec, { n: 1 }, { createdBy: null, dedupeKey: 'race' })).id;
          await held;
          if (outcome === 'rollback') throw new Error('rolled back on purpose');
        })
        .catch(() => undefined);
      return { release, done, id: () => id };
    };
    const someoneWaitsOnALock = async () => {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`.execute(processes[2]!.db);
      return (rows[0]?.n ?? 0) > 0;
    };

    it('makes a second enqueue wait for the first transaction and return its job', async () => {
      const first = holdKeyInOpenTransaction('commit');
      await until(async () => first.id() !== null);
      const second = enqueueJobOnce(processes[1]!.db, spec, { n: 2 }, { createdBy: null, dedupeKey: 'race' });
      await until(someoneWaitsOnALock);
      first.release();
      await first.done;
      expect(await second).toEqual({ id: first.id(), isNew: false });
      expect(await database.handle.db.selectFrom('job').select('id').execute()).toHaveLength(1);
    });

    it('lets the second enqueue insert when the first transaction rolls back', async () => {
      const first = holdKeyInOpenTransaction('rollback');
      await until(async () => first.id() !== null);
      const second = enqueueJobOnce(processes[1]!.db, spec, { n: 2 }, { createdBy: null, dedupeKey: 'race' });
      await until(someoneWaitsOnALock);
      first.release();
      await first.done;
      const result = await second;
      expect(result.isNew).toBe(true);
      expect(result.id).not.toBe(first.id());
      const jobs = await database.handle.db.selectFrom('job').select(['id', 'payload']).execute();
      expect(jobs).toEqual([{ id: result.id, payload: { n: 2 } }]);
    });

    it('gives twenty simultaneous enqueues of one key a single job', async () => {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, n) =>
          enqueueJobOnce(processes[n % 4]!.db, spec, { n }, { createdBy: null, dedupeKey: 'crowd' }),
        ),
      );
      expect(new Set(results.map((r) => r.id)).size).toBe(1);
      expect(results.filter((r) => r.isNew)).toHaveLength(1);
    });
  });
});

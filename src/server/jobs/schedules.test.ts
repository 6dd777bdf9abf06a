import { sql } from 'kysely';
import { Type } from 'typebox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTransactor } from '#server/db/transaction';
import { createTestDatabase, type TestDatabase } from '#server/test/test-db';
import { createJobRepository } from './job.repository';
import { createScheduleRepository } from './schedule.repository';
import {
  enqueueDueSchedules,
  removeSchedule,
  runScheduleNow,
  setScheduleEnabled,
  upsertSchedule,
} from './schedules';

const fetchSourceJob = {
  name: 'test.fetch-source',
  version: 1,
  payloadSchema: Type.Object({ sourceId: Type.Integer() }, { additionalProperties: false }),
  maxAttempts: 2,
};

describe('schedules', () => {
  let database: TestDatabase;
  const db = () => database.handle.db;
  const tick = () => createTransactor(db()).run((executor) => enqueueDueSchedules(executor));
  const jobsOf = (name: string) =>
    db().selectFrom('job').selectAll().where('name', '=', name).orderBy('createdAt').execute();
  const scheduleOf = async (name: string) => {
    const row = await db().selectFrom('jobSchedule').selectAll().where('name', '=', name).executeTakeFirst();
    if (!row) throw new Error(`no schedule ${name}`);
    return row;
  };
  /** Moves a schedule's next run into the past, as if that much time had passed. */
  const makeDue = (name: string, ago = '1 second') =>
    sql`update job_schedule set next_run_at = now() - ${ago}::interval where name = ${name}`.execute(db());

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.cleanup();
  });
  beforeEach(async () => {
    await db().deleteFrom('jobSchedule').execute();
    await db().deleteFrom('job').execute();
  });

  it('registers a schedule with its next run in the future and queues nothing before it is due', async () => {
    const before = new Date();
    const schedule = await upsertSchedule(db(), fetchSourceJob, {
      name: 'test.fetch-source:7',
      payload: { sourceId: 7 },
      intervalSeconds: 900,
    });
    expect(schedule).toMatchObject({
      jobName: 'test.fetch-source',
      jobVersion: 1,
      maxAttempts: 2,
      payload: { sourceId: 7 },
      cron: null,
      intervalSeconds: 900,
      timezone: 'Asia/Bishkek',
      enabled: true,
      lastRunAt: null,
    });
    expect(schedule.nextRunAt!.getTime()).toBeGreaterThan(before.getTime() + 890_000);
    expect(await tick()).toBe(0);
    expect(await jobsOf('test.fetch-source')).toHaveLength(0);
  });

  it('queues one run when due and moves the next run past now; a second step queues nothing', async () => {
    await upsertSchedule(db(), fetchSourceJob, {
      name: 'test.fetch-source:1',
      payload: { sourceId: 1 },
      cron: '*/5 * * * *',
    });
    await makeDue('test.fetch-source:1');
    expect(await tick()).toBe(1);
    expect(await tick()).toBe(0);
    const [job] = await jobsOf('test.fetch-source');
    expect(job).toMatchObject({
      status: 'queued',
      payload: { sourceId: 1 },
      version: 1,
      maxAttempts: 2,
      createdBy: null,
      dedupeKey: 'schedule:test.fetch-source:1',
    });
    const schedule = await scheduleOf('test.fetch-source:1');
    expect(schedule.lastJobId).toBe(job!.id);
    expect(schedule.lastRunAt).not.toBeNull();
    expect(schedule.nextRunAt!.getTime()).toBeGreaterThan(Date.now());
    expect(schedule.nextRunAt!.getUTCMinutes() % 5).toBe(0);
  });

  it('runs a schedule once after downtime, however many runs were missed', async () => {
    await upsertSchedule(db(), fetchSourceJob, {
      name: 'test.fetch-source:2',
      payload: { sourceId: 2 },
      intervalSeconds: 60,
    });
    await makeDue('test.fetch-source:2', '3 days');
    expect(await tick()).toBe(1);
    expect(await tick()).toBe(0);
    expect(await jobsOf('test.fetch-source')).toHaveLength(1);
    const schedule = await scheduleOf('test.fetch-source:2');
    expect(schedule.nextRunAt!.getTime()).toBeGreaterThan(Date.now());
    expect(schedule.nextRunAt!.getTime()).toBeLessThanOrEqual(Date.now() + 60_000);
  });

  it('does not queue a second run while the previous one is still queued or running', async () => {
    await upsertSchedule(db(), fetchSourceJob, {
      name: 'test.fetch-source:3',
      payload: { sourceId: 3 },
      intervalSeconds: 60,
    });
    await makeDue('test.fetch-source:3');
    expect(await tick()).toBe(1);
    const [first] = await jobsOf('test.fetch-source');
    await sql`update job set status = 'running', locked_by = 'w', locked_at = now() where id = ${first!.id}`.execute(
      db(),
    );
    await makeDue('test.fetch-source:3');
    expect(await tick()).toBe(0);
    expect(await jobsOf('test.fetch-source')).toHaveLength(1);
    expect((await scheduleOf('test.fetch-source:3')).nextRunAt!.getTime()).toBeGreaterThan(Date.now());
    // Finished: the next due run is queued again.
    await sql`update job set status = 'succeeded', locked_by = null where id = ${first!.id}`.execute(db());
    await makeDue('test.fetch-source:3');
    expect(await tick()).toBe(1);
    expect(await jobsOf('test.fetch-source')).toHaveLength(2);
  });

  it('updates a schedule in place: the same timing keeps its next run and an administrator’s switch', async () => {
    const input = { name: 'test.fetch-source:4', payload: { sourceId: 4 }, cron: '0 6 * * *' };
    const first = await upsertSchedule(db(), fetchSourceJob, input);
    await setScheduleEnabled(db(), first.id, false);
    const again = await upsertSchedule(db(), fetchSourceJob, { ...input, payload: { sourceId: 40 } });
    expect(again).toMatchObject({ id: first.id, enabled: false, payload: { sourceId: 40 } });
    expect(again.nextRunAt).toEqual(first.nextRunAt);

    const retimed = await upsertSchedule(db(), fetchSourceJob, {
      ...input,
      cron: '30 7 * * *',
      enabled: true,
    });
    expect(retimed).toMatchObject({ id: first.id, enabled: true, cron: '30 7 * * *' });
    // 07:30 in Bishkek is 01:30 UTC.
    expect([retimed.nextRunAt!.getUTCHours(), retimed.nextRunAt!.getUTCMinutes()]).toEqual([1, 30]);
    expect(await db().selectFrom('jobSchedule').select('id').execute()).toHaveLength(1);
  });

  it('refuses an invalid timing naming the field, and a payload the job does not accept', async () => {
    await expect(
      upsertSchedule(db(), fetchSourceJob, { name: 'bad', payload: { sourceId: 1 }, cron: '0 25 * * *' }),
    ).rejects.toMatchObject({ code: 'SCHEDULE_INVALID', details: { problems: [{ field: 'cron' }] } });
    await expect(
      upsertSchedule(db(), fetchSourceJob, {
        name: 'bad',
        payload: { sourceId: 1 },
        cron: '0 6 * * *',
        timezone: 'Nowhere/City',
      }),
    ).rejects.toMatchObject({ code: 'SCHEDULE_INVALID', details: { problems: [{ field: 'timezone' }] } });
    await expect(
      upsertSchedule(db(), fetchSourceJob, { name: 'bad', payload: { sourceId: 1 }, intervalSeconds: 0 }),
    ).rejects.toMatchObject({ code: 'SCHEDULE_INVALID' });
    await expect(
      upsertSchedule(db(), fetchSourceJob, {
        name: 'bad',
        payload: { sourceId: 'x' } as unknown as { sourceId: number },
        intervalSeconds: 60,
      }),
    ).rejects.toThrow('Invalid payload');
    expect(await db().selectFrom('jobSchedule').select('id').execute()).toHaveLength(0);
  });

  it('skips a switched-off schedule and, switched on again, plans from now without making up runs', async () => {
    const schedule = await upsertSchedule(db(), fetchSourceJob, {
      name: 'test.fetch-source:5',
      payload: { sourceId: 5 },
      intervalSeconds: 3600,
    });
    await setScheduleEnabled(db(), schedule.id, false);
    await makeDue('test.fetch-source:5', '5 hours');
    expect(await tick()).toBe(0);
    await setScheduleEnabled(db(), schedule.id, true);
    const enabled = await scheduleOf('test.fetch-source:5');
    expect(enabled.nextRunAt!.getTime()).toBeGreaterThan(Date.now() + 3_500_000);
    expect(await tick()).toBe(0);
    await expect(
      setScheduleEnabled(db(), '00000000-0000-4000-8000-000000000000', true),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('runs a schedule now outside its rhythm, once while that run is active', async () => {
    const schedule = await upsertSchedule(db(), fetchSourceJob, {
      name: 'test.fetch-source:6',
      payload: { sourceId: 6 },
      cron: '0 3 * * *',
    });
    const first = await runScheduleNow(db(), schedule.id, null);
    const second = await runScheduleNow(db(), schedule.id, null);
    expect(first.isNew).toBe(true);
    expect(second).toEqual({ jobId: first.jobId, isNew: false });
    const after = await scheduleOf('test.fetch-source:6');
    expect(after.lastJobId).toBe(first.jobId);
    expect(after.nextRunAt).toEqual(schedule.nextRunAt);
  });

  it('removes a schedule and keeps its queued run; the job table forgets nothing the schedule pointed to', async () => {
    const schedule = await upsertSchedule(db(), fetchSourceJob, {
      name: 'test.fetch-source:8',
      payload: { sourceId: 8 },
      intervalSeconds: 60,
    });
    const { jobId } = await runScheduleNow(db(), schedule.id, null);
    expect(await removeSchedule(db(), 'test.fetch-source:8')).toBe(true);
    expect(await removeSchedule(db(), 'test.fetch-source:8')).toBe(false);
    expect(await createJobRepository(db()).findById(jobId)).toMatchObject({ status: 'queued' });
    expect(await createScheduleRepository(db()).list()).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditList } from '#shared/contracts/audit.contract';
import type { Job, JobSchedule, JobScheduleList, JobScheduleRun } from '#shared/contracts/jobs.contract';
import { createScheduler } from '#server/jobs/scheduler';
import { createTestWorker, silentLogger, unknownId } from '#server/test/factories';
import { createTestApp, type Session, type TestApp } from '#server/test/test-app';

describe('job schedule routes', () => {
  let t: TestApp;
  let admin: Session;
  let purge: JobSchedule;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login(t.admin.username, t.admin.password);
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the schedules the modules ship, registered at start', async () => {
    const response = await admin.request('GET', '/api/v1/job-schedules');
    expect(response.statusCode).toBe(200);
    const list = response.json<JobScheduleList>();
    purge = list.items.find((s) => s.name === 'auth.purge-expired-sessions')!;
    expect(purge).toMatchObject({
      jobName: 'auth.purge-expired-sessions',
      jobVersion: 1,
      cron: null,
      intervalSeconds: 3600,
      enabled: true,
      lastRunAt: null,
      lastJob: null,
    });
    expect(new Date(purge.nextRunAt!).getTime()).toBeGreaterThan(Date.now());
  });

  it('runs a schedule now; the worker runs its job and the list shows the result', async () => {
    const run = await admin.request('POST', `/api/v1/job-schedules/${purge.id}/run`);
    expect(run.statusCode).toBe(200);
    const queued = run.json<JobScheduleRun>();
    expect(queued.isNew).toBe(true);
    const again = (
      await admin.request('POST', `/api/v1/job-schedules/${purge.id}/run`)
    ).json<JobScheduleRun>();
    expect(again).toEqual({ jobId: queued.jobId, isNew: false });

    expect(await createTestWorker(t).drain()).toBe(1);
    const job = (await admin.request('GET', `/api/v1/jobs/${queued.jobId}`)).json<Job>();
    expect(job).toMatchObject({
      name: 'auth.purge-expired-sessions',
      status: 'succeeded',
      createdBy: admin.body.user.id,
      error: null,
    });
    expect(job.result).toMatchObject({ deleted: expect.any(Number) });
    const listed = (await admin.request('GET', '/api/v1/job-schedules')).json<JobScheduleList>();
    expect(listed.items.find((s) => s.id === purge.id)).toMatchObject({
      lastJob: { id: queued.jobId, status: 'succeeded', error: null },
    });
    const audit = (
      await admin.request('GET', `/api/v1/audit?entityType=job_schedule&entityId=${purge.id}`)
    ).json<AuditList>();
    expect(audit.items.map((e) => e.action)).toEqual(['job.schedule.run']);
  });

  it('switches a schedule off and on, audited; switched off, the scheduler leaves it alone', async () => {
    const off = await admin.request('PATCH', `/api/v1/job-schedules/${purge.id}`, { enabled: false });
    expect(off.statusCode).toBe(200);
    expect(off.json<JobSchedule>().enabled).toBe(false);
    await t.container.database.db
      .updateTable('jobSchedule')
      .set({ nextRunAt: new Date(Date.now() - 60_000) })
      .where('id', '=', purge.id)
      .execute();
    const scheduler = createScheduler({ tx: t.container.tx, pollMs: 60_000, logger: silentLogger });
    expect(await scheduler.tick()).toBe(0);

    const on = (
      await admin.request('PATCH', `/api/v1/job-schedules/${purge.id}`, { enabled: true })
    ).json<JobSchedule>();
    expect(on.enabled).toBe(true);
    expect(new Date(on.nextRunAt!).getTime()).toBeGreaterThan(Date.now());
    expect(await scheduler.tick()).toBe(0);
    const audit = (
      await admin.request('GET', `/api/v1/audit?entityType=job_schedule&entityId=${purge.id}`)
    ).json<AuditList>();
    expect(audit.items.map((e) => e.action).sort()).toEqual([
      'job.schedule.disabled',
      'job.schedule.enabled',
      'job.schedule.run',
    ]);
  });

  it('answers 404 for an unknown schedule and 400 for a bad body', async () => {
    expect((await admin.request('POST', `/api/v1/job-schedules/${unknownId()}/run`)).statusCode).toBe(404);
    const patched = await admin.request('PATCH', `/api/v1/job-schedules/${unknownId()}`, { enabled: true });
    expect(patched.statusCode).toBe(404);
    expect(patched.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      (await admin.request('PATCH', `/api/v1/job-schedules/${purge.id}`, { enabled: 'yes' })).statusCode,
    ).toBe(400);
  });

  it('is for administrators only', async () => {
    const analyst = await t.loginAs('analyst');
    expect((await analyst.request('GET', '/api/v1/job-schedules')).statusCode).toBe(403);
    expect((await analyst.request('POST', `/api/v1/job-schedules/${purge.id}/run`)).statusCode).toBe(403);
  });
});

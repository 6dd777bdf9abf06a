import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job, JobList } from '#shared/contracts/jobs.contract';
import { createTestWorker, readFixture, unknownId, uploadPopulationFile } from '#server/test/factories';
import { createTestApp, type Session, type TestApp } from '#server/test/test-app';

describe('job routes', () => {
  let t: TestApp;
  let admin: Session;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login(t.admin.username, t.admin.password);
    // Two real jobs: one import that succeeds, one queued behind it.
    for (const name of ['first.csv', 'second.csv']) {
      const response = await uploadPopulationFile(t, admin, {
        filename: name,
        data: readFixture('population-good.csv'),
      });
      ids.push(response.json<{ jobId: string }>().jobId);
    }
    await t.container.database.db
      .updateTable('job')
      .set({ runAt: new Date(Date.now() + 3_600_000) })
      .where('id', '=', ids[1] ?? '')
      .execute();
    await createTestWorker(t).drain();
  });

  afterAll(async () => {
    await t.close();
  });

  it('lists jobs newest first with a total', async () => {
    const response = await admin.request('GET', '/api/v1/jobs');
    expect(response.statusCode).toBe(200);
    const list = response.json<JobList>();
    expect(list.total).toBe(2);
    expect(list.items.map((j) => j.id)).toEqual([...ids].reverse());
  });

  it('filters by status and name, and pages', async () => {
    const succeeded = (await admin.request('GET', '/api/v1/jobs?status=succeeded')).json<JobList>();
    expect(succeeded.items.map((j) => j.id)).toEqual([ids[0]]);
    const queued = (
      await admin.request('GET', '/api/v1/jobs?status=queued&name=territories.import-population')
    ).json<JobList>();
    expect(queued.items.map((j) => j.id)).toEqual([ids[1]]);
    expect((await admin.request('GET', '/api/v1/jobs?name=nothing')).json<JobList>()).toEqual({
      items: [],
      total: 0,
    });
    const paged = (await admin.request('GET', '/api/v1/jobs?limit=1&offset=1')).json<JobList>();
    expect(paged).toMatchObject({ total: 2, items: [{ id: ids[0] }] });
    expect((await admin.request('GET', '/api/v1/jobs?status=lost')).statusCode).toBe(400);
  });

  it('gets one job with its state and result', async () => {
    const response = await admin.request('GET', `/api/v1/jobs/${ids[0]}`);
    expect(response.statusCode).toBe(200);
    const job = response.json<Job>();
    expect(job).toMatchObject({
      id: ids[0],
      name: 'territories.import-population',
      version: 1,
      status: 'succeeded',
      attempts: 1,
      maxAttempts: 3,
      createdBy: admin.body.user.id,
      error: null,
    });
    expect(job.result).toEqual({ rowCount: 3, inserted: 2, updated: 1, unchanged: 0 });
    expect(new Date(job.finishedAt ?? '').getTime()).toBeGreaterThanOrEqual(
      new Date(job.startedAt ?? '').getTime(),
    );
  });

  it('answers 404 for an unknown job', async () => {
    const response = await admin.request('GET', `/api/v1/jobs/${unknownId()}`);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('reports the queue on /metrics', async () => {
    const metrics = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toContain('kuzot_jobs{status="succeeded"} 1');
    expect(metrics).toContain('kuzot_jobs{status="queued"} 1');
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataValueStatus } from '#shared/contracts/demo.contract';
import { startBanner } from '#server/banner';
import { loadConfig } from '#server/config';
import { startServer } from '#server/server';
import { enqueueJob } from '#server/jobs/queue';
import { systemActor } from '#server/lib/actor';
import { createTestWorker } from '#server/test/factories';
import { createTestApp, type TestApp } from '#server/test/test-app';
import type { CompletenessReport } from '#shared/contracts/approval.contract';
import { formatPeriod, nextPeriod, toPeriod } from '#shared/domain/period';
import { lastCompleteMonth } from './demo.rules';
import { demoSeedJob, type DemoScope } from './demo.types';

/**
 * Two territories and one year keep this fast (the full scope is measured by `npm run bench`); a fixed last
 * month keeps it independent of the clock.
 */
const scope: DemoScope = { territoryLimit: 2, yearsFrom: 2025, lastMonth: '2025-12' };

const countRows = async (t: TestApp) => {
  const db = t.container.database.db;
  const values = await db
    .selectFrom('dataValue')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.count<number>('value').filterWhere('source', '=', 'demo').as('demo'),
      eb.fn.count<number>('value').filterWhere('isSynthetic', '=', true).as('synthetic'),
      eb.fn.count<number>('updatedBy').as('withAuthor'),
    ])
    .executeTakeFirstOrThrow();
  const history = await db
    .selectFrom('dataValueHistory')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return {
    values: Number(values.n),
    demo: Number(values.demo),
    synthetic: Number(values.synthetic),
    withAuthor: Number(values.withAuthor),
    history: Number(history.n),
  };
};

describe('KUZOT_DEMO_DATA', () => {
  it('is on for the embedded database and off for a server unless told', () => {
    expect(loadConfig({}).demoData).toBe(true);
    expect(loadConfig({ KUZOT_DATABASE_URL: 'postgres://u@h:5432/d' }).demoData).toBe(false);
    expect(loadConfig({ KUZOT_DEMO_DATA: 'false' }).demoData).toBe(false);
    expect(loadConfig({ KUZOT_DATABASE_URL: 'postgres://u@h:5432/d', KUZOT_DEMO_DATA: 'on' }).demoData).toBe(
      true,
    );
  });
});

describe('the first start of the embedded database', () => {
  it('queues the demo seeding once and says so in the start banner', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuzot-demo-start-'));
    // A long poll interval: the worker must not start the full seeding before the server is stopped.
    const config = loadConfig({
      KUZOT_DATA_DIR: dir,
      KUZOT_PORT: '0',
      KUZOT_HOST: '127.0.0.1',
      KUZOT_LOG_LEVEL: 'silent',
      KUZOT_WEB_DIR: '/nonexistent',
      KUZOT_JOB_POLL_MS: '60000',
    });
    try {
      const first = await startServer(config, { logger: false });
      try {
        expect(first.demoDataQueued).toBe(true);
        expect(startBanner(config, first, 1234)).toContain('Demo data is loading in the background');
        const jobs = await first.container.services.jobs.list({ name: demoSeedJob.name });
        expect(jobs.items.map((j) => j.status)).toEqual(['queued']);
      } finally {
        await first.stop();
      }
      const second = await startServer(config, { logger: false });
      try {
        expect(second.demoDataQueued).toBe(false);
        expect(startBanner(config, second, 1234)).not.toContain('Demo data');
      } finally {
        await second.stop();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is not there in a test app, and no seeding is queued', async () => {
    expect(await countRows(t)).toMatchObject({ values: 0 });
    expect((await t.container.services.jobs.list({ name: demoSeedJob.name })).total).toBe(0);
  });

  it('seeds synthetic values without history, approves 2025 up to August, and says so in the audit', async () => {
    const summary = await t.container.services.demo.seed(systemActor('test'), scope);
    // 18 monthly elements (68 combinations) × 12 months + 2 yearly ones, for 2 territories.
    expect(summary).toMatchObject({ elements: 20, territories: 2, estimatedValues: 2 * (68 * 12 + 2) });
    expect(summary.valuesAdded).toBeGreaterThan(summary.estimatedValues * 0.9);
    expect(summary.valuesAdded).toBeLessThanOrEqual(summary.estimatedValues);
    expect(await countRows(t)).toEqual({
      values: summary.valuesAdded,
      demo: summary.valuesAdded,
      synthetic: summary.valuesAdded,
      withAuthor: 0,
      history: 0,
    });

    // Every demo value is where the write path would accept it: a territory that reports the element.
    const misplaced = await sql<{ n: number }>`
      select count(*)::int as n from data_value dv
      where exists (select 1 from territory c where c.parent_id = dv.territory_id)`.execute(
      t.container.database.db,
    );
    expect(misplaced.rows[0]?.n).toBe(0);

    const approvals = await t.container.database.db
      .selectFrom('dataApproval')
      .select(['period', 'status', 'submittedBy', 'submittedAt', 'decidedBy', 'decidedAt'])
      .execute();
    expect(approvals.length).toBe(summary.approvalsAdded);
    const months = approvals.filter((a) => a.period.length === 7);
    expect(months.filter((a) => a.period <= '2025-08').every((a) => a.status === 'approved')).toBe(true);
    // Draft reports have no row; the last four months and the year 2025 are at most submitted.
    const later = approvals.filter((a) => a.period > '2025-08' || a.period === '2025');
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((a) => a.status === 'submitted' && a.decidedBy === null)).toBe(true);

    // Every report names the demo submitter, every decision the demo approver: disabled, named as demo.
    const accounts = await t.container.database.db
      .selectFrom('appUser')
      .select(['id', 'username', 'displayName', 'isDisabled'])
      .where('username', 'in', ['demo-submitter', 'demo-approver'])
      .orderBy('username', 'desc')
      .execute();
    expect(accounts.map((a) => [a.username, a.isDisabled])).toEqual([
      ['demo-submitter', true],
      ['demo-approver', true],
    ]);
    expect(accounts.every((a) => /demo/i.test(a.displayName))).toBe(true);
    const [submitter, approver] = accounts;
    expect(approvals.every((a) => a.submittedBy === submitter!.id && a.submittedAt !== null)).toBe(true);
    const approved = approvals.filter((a) => a.status === 'approved');
    expect(approved.every((a) => a.decidedBy === approver!.id && a.decidedAt! > a.submittedAt!)).toBe(true);
    // Nothing happened after the first day past the last demo month.
    expect(approvals.every((a) => new Date(a.submittedAt!) < new Date('2026-01-01T00:00:00Z'))).toBe(true);

    const audit = await t.container.services.audit.list({ action: 'data.demo.seeded' });
    expect(audit.total).toBe(1);
    expect(audit.items[0]?.after).toMatchObject({ valuesAdded: summary.valuesAdded, scope });
  });

  it('gives the demo reports a timeliness that is neither 0 % nor 100 %', async () => {
    const admin = await t.loginAs('administrator');
    const [territory] = (await t.container.services.demo.plan(scope)).territories;
    const response = await admin.request(
      'GET',
      `/api/v1/completeness?from=2025-01&to=2025-08&territoryId=${territory!.id}`,
    );
    expect(response.statusCode).toBe(200);
    const { total } = response.json<CompletenessReport>();
    expect(total.submitted).toBe(total.reports);
    expect(total.timeliness).toBeGreaterThan(0.6);
    expect(total.timeliness).toBeLessThan(1);
    expect(total.late).toBeGreaterThan(0);
  });

  it('nobody can sign in as a demo account', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'demo-approver', password: 'whatever-they-guess-1' },
    });
    expect(response.statusCode).toBe(401);
  });

  it('runs to the last complete month by default and refuses a month still running', async () => {
    const demo = t.container.services.demo;
    const latest = lastCompleteMonth(new Date().toISOString().slice(0, 10));
    expect((await demo.plan()).range).toEqual({ fromYear: 2015, lastMonth: latest });
    const next = formatPeriod(nextPeriod(toPeriod(latest)));
    await expect(demo.plan({ lastMonth: next })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'lastMonth' },
    });
  });

  it('adds nothing when run again', async () => {
    const before = await countRows(t);
    const again = await t.container.services.demo.seed(systemActor('test'), scope);
    expect(again).toMatchObject({ valuesAdded: 0, approvalsAdded: 0 });
    expect(await countRows(t)).toEqual(before);
  });

  it('reports the synthetic share to readers of values only', async () => {
    const analyst = await t.loginAs('analyst');
    const response = await analyst.request('GET', '/api/v1/data-values/status');
    expect(response.statusCode).toBe(200);
    const { values } = await countRows(t);
    expect(response.json<DataValueStatus>()).toEqual({ syntheticValues: values, totalValues: values });
    const viewer = await t.loginAs('viewer');
    expect((await viewer.request('GET', '/api/v1/data-values/status')).statusCode).toBe(403);
  });

  it('does not queue a seeding on start when values exist', async () => {
    expect(await t.container.services.demo.queueFirstStartSeed(systemActor('test'))).toBe(false);
  });
});

describe('demo data on the first start', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('queues one seeding job on an empty database, never a second', async () => {
    const demo = t.container.services.demo;
    expect(await demo.queueFirstStartSeed(systemActor('test'))).toBe(true);
    expect(await demo.queueFirstStartSeed(systemActor('test'))).toBe(false);
    const jobs = await t.container.services.jobs.list({ name: demoSeedJob.name });
    expect(jobs.items.map((j) => j.status)).toEqual(['queued']);
  });

  it('fills values when the worker runs the job', async () => {
    const db = t.container.database.db;
    // Run a reduced scope: replace the queued full seeding by a small one (the handler is the same).
    await db.deleteFrom('job').where('name', '=', demoSeedJob.name).execute();
    await enqueueJob(
      db,
      demoSeedJob,
      { territoryLimit: 1, yearsFrom: 2025, lastMonth: '2025-12' },
      { createdBy: null },
    );
    expect(await createTestWorker(t).drain()).toBe(1);
    const [job] = (await t.container.services.jobs.list({ name: demoSeedJob.name })).items;
    expect(job).toMatchObject({ status: 'succeeded', progress: 1 });
    const { valuesAdded } = job?.result as { valuesAdded: number };
    expect(valuesAdded).toBeGreaterThan(0);
    expect(await t.container.services.demo.status()).toEqual({
      syntheticValues: valuesAdded,
      totalValues: valuesAdded,
    });
  });
});

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
import { demoSeedJob, type DemoScope } from './demo.types';

/** Two territories and one year keep this fast; the full scope is measured by `npm run bench`. */
const scope: DemoScope = { territoryLimit: 2, yearsFrom: 2025 };

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

  it('seeds synthetic values without history, approves the first half of 2025, and says so in the audit', async () => {
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
      .select(['period', 'status', 'decidedBy'])
      .execute();
    expect(approvals.length).toBe(summary.approvalsAdded);
    const months = approvals.filter((a) => a.period.length === 7);
    expect(months.filter((a) => a.period <= '2025-06').every((a) => a.status === 'approved')).toBe(true);
    // Draft reports have no row; the rest of 2025 (the year 2025 included) is at most submitted.
    const later = approvals.filter((a) => a.period > '2025-06' || a.period === '2025');
    expect(later.every((a) => a.status === 'submitted')).toBe(true);
    expect(approvals.some((a) => a.status === 'submitted')).toBe(true);
    expect(approvals.every((a) => a.decidedBy === null)).toBe(true);

    const audit = await t.container.services.audit.list({ action: 'data.demo.seeded' });
    expect(audit.total).toBe(1);
    expect(audit.items[0]?.after).toMatchObject({ valuesAdded: summary.valuesAdded, scope });
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
    await enqueueJob(db, demoSeedJob, { territoryLimit: 1, yearsFrom: 2025 }, { createdBy: null });
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

import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '#shared/contracts/jobs.contract';
import {
  populationFileColumns,
  type Population,
  type PopulationImportAccepted,
} from '#shared/contracts/territories.contract';
import {
  createTestWorker,
  importFingerprint,
  populationHeaders,
  readFixture,
  rowsOfXlsx,
  soate,
  uploadPopulationFile,
  xlsxOf,
} from '#server/test/factories';
import { defaultReferenceDataDir } from '#server/container';
import { createTestApp, type Session, type TestApp } from '#server/test/test-app';

describe('population imports', () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login(t.admin.username, t.admin.password);
  });

  afterAll(async () => {
    await t.close();
  });

  /** Uploads a file, expects it accepted, runs the queued job and returns the finished job. */
  const importFile = async (
    filename: string,
    data: Buffer,
  ): Promise<{ accepted: PopulationImportAccepted; job: Job }> => {
    const response = await uploadPopulationFile(t, admin, { filename, data });
    expect(response.statusCode, response.body).toBe(202);
    const accepted = response.json<PopulationImportAccepted>();
    const queued = await admin.request('GET', `/api/v1/jobs/${accepted.jobId}`);
    expect(queued.json<Job>()).toMatchObject({
      status: 'queued',
      name: 'territories.import-population',
      createdBy: admin.body.user.id,
    });
    expect(await createTestWorker(t).drain()).toBe(1);
    const job = (await admin.request('GET', `/api/v1/jobs/${accepted.jobId}`)).json<Job>();
    return { accepted, job };
  };

  const figure = async (code: string, year: number): Promise<Population | undefined> => {
    const territory = (await t.container.services.territories.list()).items.find((x) => x.code === code);
    const detail = await t.container.services.territories.getDetail(territory?.id ?? '');
    return detail.population.find((p) => p.year === year);
  };

  const populationAuditCount = async () =>
    (await t.container.services.audit.list({ entityType: 'population', limit: 1 })).total;

  it('accepts a good CSV (202), and the job applies it with counts', async () => {
    const auditBefore = await populationAuditCount();
    const { accepted, job } = await importFile('population.csv', readFixture('population-good.csv'));
    expect(accepted.rowCount).toBe(3);
    expect(job).toMatchObject({ status: 'succeeded', attempts: 1, progress: 1, error: null });
    expect(job.result).toEqual({ rowCount: 3, inserted: 2, updated: 1, unchanged: 0 });
    expect(await figure(soate.oshCity, 2030)).toMatchObject({
      total: 1_068_702,
      male: 534_000,
      female: 534_702,
      isEstimate: true,
      source: 'Test projection',
    });
    expect(await figure(soate.bishkek, 2030)).toMatchObject({
      total: 1_200_000,
      age0to17: 400_000,
      age14to35: 350_000,
      isEstimate: true,
    });
    expect(await figure(soate.batkenRegion, 2015)).toMatchObject({
      total: 480_700,
      source: 'NSC series as revised (test)',
    });
    expect(await populationAuditCount()).toBe(auditBefore + 3);
    const entries = await t.container.services.audit.list({ action: 'population.imported', limit: 3 });
    expect(
      entries.items.every((e) => e.actorId === admin.body.user.id && e.requestId === `job:${accepted.jobId}`),
    ).toBe(true);
  });

  it('changes nothing when the same file is imported again', async () => {
    const auditBefore = await populationAuditCount();
    const before = await importFingerprint(t);
    const { job } = await importFile('population.csv', readFixture('population-good.csv'));
    expect(job.result).toEqual({ rowCount: 3, inserted: 0, updated: 0, unchanged: 3 });
    expect(await populationAuditCount()).toBe(auditBefore);
    const after = await importFingerprint(t);
    expect(after.populationHash).toBe(before.populationHash);
    expect(after.populationRows).toBe(before.populationRows);
  });

  it('reads a semicolon-separated CSV with thousands separators and Russian yes/no', async () => {
    const { job } = await importFile('население.csv', readFixture('population-semicolon.csv'));
    expect(job.result).toEqual({ rowCount: 2, inserted: 2, updated: 0, unchanged: 0 });
    expect(await figure(soate.oshRegion, 2031)).toMatchObject({
      total: 1_400_000,
      male: 700_000,
      female: 700_000,
      source: 'Облстат (тест)',
      isEstimate: false,
    });
    expect(await figure(soate.batkenRegion, 2031)).toMatchObject({
      total: 1_068_702,
      source: 'Test source, with a comma',
    });
  });

  it('reads an XLSX file built with exceljs, with numbers and text cells', async () => {
    const data = await xlsxOf([
      populationHeaders,
      [soate.talasRegion, 2032, 270_000, 135_000, 135_000, null, null, 'Test workbook', 'no'],
      [soate.narynRegion, '2032', '300 500', null, null, 110_000, null, 'Test workbook', 'yes'],
    ]);
    const { job } = await importFile('population.xlsx', data);
    expect(job.result).toEqual({ rowCount: 2, inserted: 2, updated: 0, unchanged: 0 });
    expect(await figure(soate.talasRegion, 2032)).toMatchObject({
      total: 270_000,
      male: 135_000,
      age0to17: null,
      isEstimate: false,
    });
    expect(await figure(soate.narynRegion, 2032)).toMatchObject({
      total: 300_500,
      age0to17: 110_000,
      isEstimate: true,
    });
  });

  it('downloads a CSV template with every current figure, which imports back unchanged', async () => {
    const response = await admin.request('GET', '/api/v1/population-imports/template?format=csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="population-template.csv"; filename*=UTF-8\'\'population-template.csv',
    );
    expect(response.headers['cache-control']).toBe('no-store');
    // UTF-8 with a byte-order mark and CRLF line ends, as every CSV we write (lib/documents/csv-write.ts).
    expect(response.body.startsWith('\uFEFF')).toBe(true);
    const lines = response.body.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(populationFileColumns.join(','));
    const { populationRows: rows } = await importFingerprint(t);
    expect(lines).toHaveLength(rows + 1);
    expect(lines).toContain(
      `${soate.oshCity},2030,1068702,534000,534702,,,Test projection,yes,jan1,2030-01-01,`,
    );

    const { job } = await importFile('template.csv', response.rawPayload);
    expect(job.result).toEqual({ rowCount: rows, inserted: 0, updated: 0, unchanged: rows });
  });

  it('downloads an XLSX template that exceljs reads back, and that imports back unchanged', async () => {
    const response = await admin.request('GET', '/api/v1/population-imports/template');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain('population-template.xlsx');
    const rows = await rowsOfXlsx(response.rawPayload);
    expect(rows[0]).toEqual([...populationFileColumns]);
    const { populationRows: count } = await importFingerprint(t);
    expect(rows).toHaveLength(count + 1);
    expect(rows).toContainEqual([
      soate.talasRegion,
      2032,
      270_000,
      135_000,
      135_000,
      null,
      null,
      'Test workbook',
      'no',
      'jan1',
      '2032-01-01',
      null,
    ]);

    const { job } = await importFile('template.xlsx', response.rawPayload);
    expect(job.result).toEqual({ rowCount: count, inserted: 0, updated: 0, unchanged: count });
  });

  it('imports the shipped reference file as an administrator would, finding its figures already there', async () => {
    const data = await fs.readFile(path.join(defaultReferenceDataDir, 'kg-population.csv'));
    const { accepted, job } = await importFile('kg-population.csv', data);
    // 158 rows, several per unit and year: one figure is kept for each, and the first start stored them all.
    expect(accepted.rowCount).toBeLessThan(158);
    // Nothing new; a reference figure an earlier test of this file changed is put back.
    const result = job.result as { rowCount: number; inserted: number; updated: number; unchanged: number };
    expect(result).toMatchObject({ rowCount: accepted.rowCount, inserted: 0 });
    expect(result.updated).toBeLessThanOrEqual(1);
    expect(result.updated + result.unchanged).toBe(accepted.rowCount);
  });

  it('refuses the template for anyone but an administrator', async () => {
    const analyst = await t.loginAs('analyst');
    expect((await analyst.request('GET', '/api/v1/population-imports/template')).statusCode).toBe(403);
  });
});

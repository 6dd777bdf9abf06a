import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadValues } from '#server/test/data-import-support';
import {
  importFingerprint,
  manySheetsBomb,
  uploadPopulationFile,
  workbookXmlBomb,
  type ImportFingerprint,
} from '#server/test/factories';
import { createTestApp, type Session, type TestApp } from '#server/test/test-app';

/**
 * The zip bombs of issue 7 (item 10) through the real upload routes: refused with 413 before anything parses
 * them, nothing stored, and the server answering meanwhile.
 */
describe('zip bombs sent to the upload routes', () => {
  let t: TestApp;
  let admin: Session;
  let before: ImportFingerprint;
  const bombs: Array<[string, () => Promise<Buffer>]> = [
    ['0.4 MB whose xl/workbook.xml inflates to 399 MiB', () => workbookXmlBomb()],
    ['the same, its headers declaring 4 KiB', () => workbookXmlBomb({ declaredSize: 4096 })],
    ['29 sheets of 9.4 MiB', async () => manySheetsBomb()],
    ['29 sheets of 9.4 MiB, each declaring 1 MiB', async () => manySheetsBomb({ declaredSize: 1024 * 1024 })],
  ];

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login(t.admin.username, t.admin.password);
    before = await importFingerprint(t);
  });

  afterAll(async () => {
    await t.close();
  });

  it.each(bombs)('refuses %s as a value import and as a population import (413)', async (_, bomb) => {
    const data = await bomb();
    for (const response of [
      await uploadValues(t, admin, { filename: 'values.xlsx', data }),
      await uploadValues(t, admin, { filename: 'values.xlsx', data }, { dryRun: true }),
      await uploadPopulationFile(t, admin, { filename: 'population.xlsx', data }),
    ]) {
      expect(response.statusCode).toBe(413);
      expect(response.json()).toMatchObject({
        code: 'FILE_TOO_LARGE_UNPACKED',
        localised: { key: 'file.unpacks_too_large', params: { limitMiB: 100, maxEntries: 1000 } },
      });
    }
    expect(await importFingerprint(t)).toEqual(before);
  });

  it('refuses them when asked whether an upload is a template, before reading its workbook', async () => {
    for (const [, bomb] of bombs)
      await expect(t.container.services.dataTemplates.isTemplate(await bomb())).rejects.toMatchObject({
        code: 'FILE_TOO_LARGE_UNPACKED',
        status: 413,
      });
  });

  it('keeps answering /healthz while two bombs are being refused', async () => {
    const data = [await workbookXmlBomb(), manySheetsBomb()];
    const refusals = data.map((bomb, i) => uploadValues(t, admin, { filename: `bomb${i}.xlsx`, data: bomb }));
    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect((await Promise.all(refusals)).map((r) => r.statusCode)).toEqual([413, 413]);
  });
});

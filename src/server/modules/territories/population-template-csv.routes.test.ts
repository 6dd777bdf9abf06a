import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { territoryByIso } from '#server/test/factories';
import { createTestApp, type Session, type TestApp } from '#server/test/test-app';

/** A figure's source typed as a formula comes out of the CSV template as text (issue 7, item 14). */
describe('the population CSV template and formula-like text', () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login(t.admin.username, t.admin.password);
  });

  afterAll(async () => {
    await t.close();
  });

  it('writes a source starting with = + - @ with a leading apostrophe, and numbers as numbers', async () => {
    const bishkek = await territoryByIso(t, 'KG-GB');
    const sources = ['=HYPERLINK("http://x.example","open")', '+7 996 555', '-1+1', '@SUM(A1:A9)'];
    for (const [i, source] of sources.entries()) {
      const saved = await admin.request('PUT', `/api/v1/territories/${bishkek.id}/population/${2040 + i}`, {
        total: 1_000_000 + i,
        source,
      });
      expect(saved.statusCode).toBe(200);
    }
    const response = await admin.request('GET', '/api/v1/population-imports/template?format=csv');
    expect(response.statusCode).toBe(200);
    const records: string[][] = parse(response.body, { bom: true });
    const header = records[0] ?? [];
    const mine = records.filter((r) => r[0] === bishkek.code && Number(r[1]) >= 2040);
    expect(mine.map((r) => r[header.indexOf('source')])).toEqual(sources.map((s) => `'${s}`));
    expect(mine.map((r) => r[header.indexOf('total')])).toEqual(['1000000', '1000001', '1000002', '1000003']);
  });
});

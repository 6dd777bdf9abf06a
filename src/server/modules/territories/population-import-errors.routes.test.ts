import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ImportProblem } from '#shared/contracts/territories.contract';
import {
  buildZip,
  csvOf,
  importFingerprint,
  populationHeaders,
  readFixture,
  soate,
  uploadPopulationFile,
  xlsxOf,
  zerosEntry,
  zipEntryOf,
  type ImportFingerprint,
} from '#server/test/factories';
import { createTestApp, type Session, type TestApp } from '#server/test/test-app';

const uploadLimitBytes = 512 * 1024;

describe('population imports that are refused', () => {
  let t: TestApp;
  let admin: Session;
  let before: ImportFingerprint;

  beforeAll(async () => {
    t = await createTestApp({ uploadLimitBytes });
    admin = await t.login(t.admin.username, t.admin.password);
    before = await importFingerprint(t);
  });

  // Every request here is refused, so none may leave a figure, an upload, a job or an audit entry behind.
  afterEach(async () => {
    expect(await importFingerprint(t)).toEqual(before);
  });

  afterAll(async () => {
    await t.close();
  });

  const upload = (filename: string, data: Buffer) => uploadPopulationFile(t, admin, { filename, data });
  const problemsOf = (body: string) =>
    (JSON.parse(body) as { details: { problems: ImportProblem[] } }).details.problems;

  it('lists every problem of a broken file with its row and column (422 IMPORT_INVALID)', async () => {
    const response = await upload('broken.csv', readFixture('population-broken.csv'));
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'IMPORT_INVALID' });
    const problems = problemsOf(response.body);
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'total'],
      [3, 'code'],
      [4, 'source'],
      [6, 'year'],
      [7, 'total'],
    ]);
    expect(problems[0]?.message).toContain('"many"');
    expect(problems[1]?.message).toContain('41799999999999');
    expect(problems[3]?.message).toMatch(/row 5\b/);
    expect(problems[4]?.message).toContain('"480.7"');
  });

  it('names unknown and missing columns in the header row', async () => {
    const response = await upload(
      'headers.csv',
      csvOf([
        ['code', 'year', 'population', 'source'],
        [soate.bishkek, 2030, 1000, 'Test source'],
      ]),
    );
    expect(response.statusCode).toBe(422);
    expect(problemsOf(response.body)).toEqual([
      expect.objectContaining({ row: 1, column: 'population' }),
      expect.objectContaining({ row: 1, column: 'total' }),
    ]);
  });

  it('finds the same problems in an XLSX file', async () => {
    const data = await xlsxOf([
      populationHeaders,
      [soate.bishkek, 2030, 'about a million', null, null, null, null, 'Test source', 'no'],
      [soate.oshCity, 2030, 1000, 1200, 600, null, null, 'Test source', 'maybe'],
    ]);
    const response = await upload('broken.xlsx', data);
    expect(response.statusCode).toBe(422);
    expect(problemsOf(response.body).map((p) => [p.row, p.column])).toEqual([
      [2, 'total'],
      [3, 'total'],
      [3, 'male'],
      [3, 'is_estimate'],
    ]);
  });

  it('refuses a file with a header and no rows', async () => {
    const response = await upload('empty-rows.csv', csvOf([populationHeaders]));
    expect(problemsOf(response.body)).toEqual([expect.objectContaining({ row: 2, column: null })]);
  });

  it('refuses a file over the upload limit (413 BODY_TOO_LARGE)', async () => {
    const row = [soate.bishkek, 2030, 1000, '', '', '', '', 'x'.repeat(1000), 'no'];
    const rows = Array.from({ length: Math.ceil(uploadLimitBytes / 1000) + 10 }, () => row);
    const data = csvOf([populationHeaders, ...rows]);
    expect(data.length).toBeGreaterThan(uploadLimitBytes);
    const response = await upload('huge.csv', data);
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'BODY_TOO_LARGE' });
  });

  it('refuses a zip bomb: a few hundred KB that would inflate to more than 300 MB (413 FILE_TOO_LARGE_UNPACKED)', async () => {
    const sheet = await zerosEntry('xl/worksheets/sheet1.xml', 301 * 1024 * 1024);
    const bomb = buildZip([zipEntryOf('[Content_Types].xml', '<Types/>'), sheet]);
    expect(bomb.length).toBeLessThan(uploadLimitBytes);
    const response = await upload('bomb.xlsx', bomb);
    expect(response.statusCode).toBe(413);
    // Refused on what its directory declares, before any inflating.
    expect(response.json()).toMatchObject({
      code: 'FILE_TOO_LARGE_UNPACKED',
      localised: { key: 'file.unpacks_too_large' },
      details: { reason: 'unpacked_size' },
    });

    // The same bomb with headers that lie about its size is caught while inflating, past what it declares.
    const liar = buildZip([
      zipEntryOf('[Content_Types].xml', '<Types/>'),
      { ...sheet, uncompressedSize: 4096 },
    ]);
    const lied = await upload('liar.xlsx', liar);
    expect(lied.statusCode).toBe(413);
    expect(lied.json()).toMatchObject({
      code: 'FILE_TOO_LARGE_UNPACKED',
      details: { reason: 'larger_than_declared' },
    });
  });

  it('refuses a file named .xlsx that is not a spreadsheet', async () => {
    const response = await upload('population.xlsx', readFixture('population-good.csv'));
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'FILE_UNREADABLE' });
    const damaged = await upload(
      'damaged.xlsx',
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]),
    );
    expect(damaged.json()).toMatchObject({ code: 'FILE_UNREADABLE' });
  });

  it('refuses an empty file, an old .xls and a CSV that is not UTF-8', async () => {
    expect((await upload('empty.csv', Buffer.alloc(0))).json()).toMatchObject({ code: 'FILE_UNREADABLE' });
    expect((await upload('old.xls', Buffer.from('\xD0\xCF\x11\xE0', 'latin1'))).json()).toMatchObject({
      code: 'FILE_UNREADABLE',
    });
    const latin1 = Buffer.from(
      `${populationHeaders.join(',')}\n${soate.bishkek},2030,1000,,,,,Source é ü,no\n`,
      'latin1',
    );
    expect((await upload('latin1.csv', latin1)).json()).toMatchObject({ code: 'FILE_UNREADABLE' });
  });

  it('answers a truncated or malformed multipart body with 400, not a server error', async () => {
    const headers = { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken };
    const truncated = await t.app.inject({
      method: 'POST',
      url: '/api/v1/population-imports',
      headers: { ...headers, 'content-type': 'multipart/form-data; boundary=xyz' },
      payload: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\ncode,year',
    });
    expect(truncated.statusCode).toBe(400);
    expect(truncated.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'file' } });
    const noBoundary = await t.app.inject({
      method: 'POST',
      url: '/api/v1/population-imports',
      headers: { ...headers, 'content-type': 'multipart/form-data' },
      payload: 'code,year',
    });
    expect(noBoundary.statusCode).toBe(400);
  });

  it('wants the file as multipart in the field "file"', async () => {
    const wrongField = await uploadPopulationFile(t, admin, {
      filename: 'p.csv',
      data: readFixture('population-good.csv'),
      field: 'upload',
    });
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'file' } });
    const json = await admin.request('POST', '/api/v1/population-imports', { rows: [] });
    expect(json.statusCode).toBe(415);
    expect(json.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });
});

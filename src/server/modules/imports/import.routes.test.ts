import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult } from '#shared/contracts/data-values.contract';
import type { ImportProblem } from '#shared/contracts/territories.contract';
import { renderMessage } from '#shared/messages/catalogue';
import {
  buildValuesCsv,
  buildValuesXlsx,
  storedValues,
  uploadValues,
} from '#server/test/data-import-support';
import { systemActor, type Actor } from '#server/lib/actor';
import { createTestWorker, readFixture, signedInUser, soate, territoryByIso } from '#server/test/factories';
import { createTestApp, type Session, type TestApp } from '#server/test/test-app';
import { createImportService } from './import.service';

const problemsOf = (body: string) =>
  (JSON.parse(body) as { details: { problems: ImportProblem[] } }).details.problems;

describe('data imports: files, templates and value sets', () => {
  let t: TestApp;
  let admin: Session;
  let agencyIds: Map<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login(t.admin.username, t.admin.password);
    agencyIds = new Map(
      (await t.container.services.agencies.list()).items.map((a) => [a.code, a.id] as [string, string]),
    );
  });

  afterAll(async () => {
    await t.close();
  });

  const goodRows = [
    ['drug_crimes', soate.bishkek, '2024-03', 'cannabis', 5, '', ''],
    ['drug_crimes', 'Bishkek', '2024-03', 'heroin', '2', 'from the register', 'provisional'],
    ['crimes_total', 'KG-GB', '2024-03', '', '1 200', '', 'estimated'],
  ];

  it('imports a good CSV, and the same file again changes nothing', async () => {
    const file = { filename: 'values.csv', data: buildValuesCsv(goodRows) };
    const dry = await uploadValues(t, admin, file, { dryRun: true });
    expect(dry.statusCode).toBe(200);
    expect(dry.json<ImportResult>()).toMatchObject({ rows: 3, created: 3, dryRun: true });
    expect(await storedValues(t)).toEqual([]);

    const first = await uploadValues(t, admin, file);
    expect(first.statusCode).toBe(200);
    expect(first.json<ImportResult>()).toMatchObject({
      rows: 3,
      created: 3,
      updated: 0,
      deleted: 0,
      dryRun: false,
    });
    expect(await storedValues(t)).toEqual([
      `crimes_total/${soate.bishkek}/2024-03/=1200 estimated`,
      `drug_crimes/${soate.bishkek}/2024-03/cannabis=5`,
      `drug_crimes/${soate.bishkek}/2024-03/heroin=2 provisional #from the register`,
    ]);
    const again = await uploadValues(t, admin, file);
    expect(again.json<ImportResult>()).toMatchObject({ created: 0, updated: 0, deleted: 0, unchanged: 3 });
    // Even an import that changed nothing is on record, and says so.
    const { rows } = await sql<{ action: string; after: Record<string, unknown> }>`
      select action, after from audit_log order by id desc limit 1`.execute(t.container.database.db);
    expect(rows[0]).toMatchObject({
      action: 'data.values.import',
      after: { source: 'csv', rows: 3, changed: 0, unchanged: 3 },
    });
    const entries = await admin.request('GET', '/api/v1/audit?limit=1');
    const [entry] = entries.json<{ items: Array<{ sentence: { params: { target: unknown } } }> }>().items;
    expect(entry?.sentence.params.target).toEqual({
      key: 'audit.target.rows_unchanged',
      params: { rows: 3 },
    });
  });

  it('refuses a value at a territory the element is not reported at, naming the row (no double counting)', async () => {
    // Issyk-Kul's districts report crimes; the oblast's figure is their sum, so entering it too would count
    // every crime twice (721 + 721).
    const issykKul = await territoryByIso(t, 'KG-Y');
    const districts = (await t.container.services.territories.list()).items.filter(
      (x) => x.parentId === issykKul.id,
    );
    const rows = [
      ...districts.map((d) => ['crimes_total', d.code, '2026-04', '', 100, '', '']),
      ['crimes_total', 'KG-Y', '2026-04', '', 721, '', ''],
    ];
    const response = await uploadValues(t, admin, { filename: 'oblast.csv', data: buildValuesCsv(rows) });
    expect(response.statusCode).toBe(422);
    const problems = problemsOf(response.body);
    expect(problems).toEqual([
      expect.objectContaining({
        row: districts.length + 2,
        column: 'territory',
        localised: expect.objectContaining({ key: 'value.not_reported_here' }),
      }),
    ]);
    expect(problems[0]?.message).toMatch(/crimes_total is not entered for Issyk-Kul Region/);
    expect(renderMessage(problems[0]!.localised, 'ru')).toContain('Иссык-Кульская область');
  });

  it('imports a flat XLSX file, with headers in any case, and an empty value clears the cell', async () => {
    const data = await buildValuesXlsx(
      [
        ['drug_crimes', soate.bishkek, '2024-03', 'cannabis', 7],
        ['drug_crimes', soate.bishkek, '2024-03', 'heroin', null],
      ],
      ['Data_Element', 'TERRITORY', 'Period', 'disaggregation', 'Value'],
    );
    const response = await uploadValues(t, admin, { filename: 'values.xlsx', data });
    expect(response.statusCode).toBe(200);
    expect(response.json<ImportResult>()).toMatchObject({ rows: 2, updated: 1, deleted: 1 });
    expect(await storedValues(t)).toEqual([
      `crimes_total/${soate.bishkek}/2024-03/=1200 estimated`,
      `drug_crimes/${soate.bishkek}/2024-03/cannabis=7`,
    ]);
  });

  it('reads a CSV saved by a Russian-locale spreadsheet: semicolons, decimal comma, Cyrillic names', async () => {
    const data = readFixture('data-import/values-semicolon-ru.csv');
    const response = await uploadValues(t, admin, { filename: 'ru.csv', data }, { dryRun: true });
    expect(response.statusCode).toBe(200);
    expect(response.json<ImportResult>()).toMatchObject({ rows: 3, dryRun: true });
    expect(response.json<ImportResult>().created + response.json<ImportResult>().updated).toBe(3);
  });

  it('refuses a broken file whole, naming every bad row and column, and leaves stored values alone', async () => {
    const before = await storedValues(t);
    const data = buildValuesCsv([
      ['drug_crimes', soate.bishkek, '2024-03', 'cannabis', 'lots', '', ''],
      ['drug_crimes', '41799999999999', '2024-03', 'cannabis', 1, '', ''],
      ['no_such_element', soate.bishkek, '2024-03', '', 1, '', ''],
      ['crimes_total', soate.oshCity, '2024', '', 1, '', ''],
      ['drug_crimes', soate.oshCity, '2024-03', 'opium', 1, '', ''],
      ['drug_crimes', soate.oshCity, '2024-03', 'opium', 2, '', ''],
      ['drug_crimes', soate.oshCity, '2024-03', 'tobacco', 2, '', 'sure'],
      ['crimes_total', soate.oshCity, '2024-04', '', 3, '', ''],
    ]);
    const response = await uploadValues(t, admin, { filename: 'broken.csv', data });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'IMPORT_INVALID' });
    const problems = problemsOf(response.body);
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'value'],
      [3, 'territory'],
      [4, 'data_element'],
      [5, 'period'],
      [7, 'value'],
      [8, 'disaggregation'],
      [8, 'flag'],
    ]);
    expect(problems[0]?.message).toContain('"lots"');
    expect(problems[1]?.message).toContain('41799999999999');
    expect(problems[4]?.message).toMatch(/row 6\b/);
    expect(await storedValues(t)).toEqual(before);
  });

  it('names unknown and missing columns in the header row', async () => {
    const data = buildValuesCsv(
      [['drug_crimes', soate.bishkek, '2024-03', 1]],
      ['element', 'territory', 'period', 'value'],
    );
    const response = await uploadValues(t, admin, { filename: 'headers.csv', data });
    expect(response.statusCode).toBe(422);
    expect(problemsOf(response.body)).toEqual([
      expect.objectContaining({ row: 1, column: 'element' }),
      expect.objectContaining({ row: 1, column: 'data_element' }),
    ]);
  });

  it('refuses a file over the upload limit (50 MB) with 413 BODY_TOO_LARGE', async () => {
    const line = Buffer.from(`drug_crimes,${soate.bishkek},2024-03,cannabis,1,${'x'.repeat(200)},\n`);
    const data = Buffer.alloc(50 * 1024 * 1024);
    const header = buildValuesCsv([]);
    header.copy(data);
    for (let at = header.length; at + line.length <= data.length; at += line.length) line.copy(data, at);
    const response = await uploadValues(t, admin, { filename: 'huge.csv', data });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'BODY_TOO_LARGE' });
  });

  it('refuses a zip bomb (413) and files that are not spreadsheets (422 FILE_UNREADABLE)', async () => {
    const { buildZip, zerosEntry, zipEntryOf } = await import('#server/test/factories');
    const sheet = await zerosEntry('xl/worksheets/sheet1.xml', 301 * 1024 * 1024);
    const bomb = buildZip([zipEntryOf('[Content_Types].xml', '<Types/>'), sheet]);
    const bombed = await uploadValues(t, admin, { filename: 'bomb.xlsx', data: bomb });
    expect(bombed.statusCode).toBe(413);
    expect(bombed.json()).toMatchObject({ code: 'FILE_TOO_LARGE_UNPACKED' });

    const named = await uploadValues(t, admin, { filename: 'values.xlsx', data: buildValuesCsv(goodRows) });
    expect(named.json()).toMatchObject({ code: 'FILE_UNREADABLE' });
    const damaged = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]);
    expect((await uploadValues(t, admin, { filename: 'd.xlsx', data: damaged })).json()).toMatchObject({
      code: 'FILE_UNREADABLE',
    });
    const good = await buildValuesXlsx(goodRows);
    const truncated = good.subarray(0, Math.floor(good.length / 2));
    expect((await uploadValues(t, admin, { filename: 't.xlsx', data: truncated })).json()).toMatchObject({
      code: 'FILE_UNREADABLE',
    });
  });

  it("tells an officer which rows are another agency's elements", async () => {
    const { session } = await signedInUser(t, { role: 'agency_officer', agencyId: agencyIds.get('MIA') });
    const before = await storedValues(t);
    const data = buildValuesCsv([
      ['drug_crimes', soate.oshCity, '2024-05', 'cannabis', 4, '', ''],
      ['crimes_total', soate.oshCity, '2024-05', '', 40, '', ''],
      ['drug_crimes', 'Atlantis', '2024-05', 'cannabis', 4, '', ''],
    ]);
    const response = await uploadValues(t, session, { filename: 'officer.csv', data });
    expect(response.statusCode).toBe(422);
    const problems = problemsOf(response.body);
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [3, 'data_element'],
      [4, 'territory'],
    ]);
    expect(problems[0]?.message).toMatch(/another agency/);
    // Each problem, and the refusal itself, travels as a catalogue key the page renders in its language.
    expect(response.json()).toMatchObject({
      code: 'IMPORT_INVALID',
      localised: { key: 'import.refused', params: { count: 2 } },
    });
    expect(problems.map((p) => p.localised.key)).toEqual(['value.other_agency', 'import.territory_unknown']);
    expect(renderMessage(problems[0]!.localised, 'ru')).toBe('«crimes_total» относится к другому ведомству.');
    expect(renderMessage(problems[1]!.localised, 'ky')).toBe(
      '«Atlantis» деген аталыш же код менен аймак жок.',
    );
    expect(await storedValues(t)).toEqual(before);

    const own = await uploadValues(t, session, {
      filename: 'own.csv',
      data: buildValuesCsv([['drug_crimes', soate.oshCity, '2024-05', 'cannabis', 4, '', '']]),
    });
    expect(own.json<ImportResult>()).toMatchObject({ created: 1 });
  });

  it('tells a regional officer which rows are outside their territory', async () => {
    const osh = await territoryByIso(t, 'KG-O');
    const { session } = await signedInUser(t, { role: 'regional_officer', territoryId: osh.id });
    const district = (await t.container.services.territories.list()).items.find((x) => x.parentId === osh.id);
    const data = buildValuesCsv([
      ['drug_crimes', district?.code ?? '', '2024-07', 'cannabis', 1, '', ''],
      ['drug_crimes', soate.bishkek, '2024-07', 'cannabis', 1, '', ''],
    ]);
    const response = await uploadValues(t, session, { filename: 'regional.csv', data }, { dryRun: true });
    expect(response.statusCode).toBe(422);
    expect(problemsOf(response.body)).toEqual([
      expect.objectContaining({ row: 3, message: expect.stringMatching(/outside your scope/) }),
    ]);
  });

  it('accepts value sets larger than the ordinary JSON body limit', async () => {
    const months = Array.from(
      { length: 24 },
      (_, i) => `${2018 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
    );
    const substances = ['cannabis', 'heroin', 'opium', 'synthetic', 'cocaine', 'other'];
    const all = (await t.container.services.territories.list()).items;
    // The territories that report drug crimes: those without subdivisions.
    const territories = all.filter((x) => !all.some((y) => y.parentId === x.id)).map((x) => x.code);
    const values = territories.flatMap((territory) =>
      months.flatMap((period) =>
        substances.map((disaggregation) => ({
          dataElement: 'drug_crimes',
          territory,
          period,
          disaggregation,
          value: 1,
          comment: 'a comment long enough to make the body large',
        })),
      ),
    );
    const body = { values, dryRun: true };
    expect(JSON.stringify(body).length).toBeGreaterThan(t.container.config.bodyLimitBytes);
    const response = await admin.request('POST', '/api/v1/data-value-sets', body);
    expect(response.statusCode).toBe(200);
    expect(response.json<ImportResult>()).toMatchObject({ rows: values.length, created: values.length });
  });

  it('refuses values of approved (locked) figures', async () => {
    const bishkek = await territoryByIso(t, 'KG-GB');
    const key = { agencyId: agencyIds.get('GPO'), territoryId: bishkek.id, period: '2024-03' };
    expect((await admin.request('POST', '/api/v1/approvals/submit', key)).statusCode).toBe(200);
    expect((await admin.request('POST', '/api/v1/approvals/approve', key)).statusCode).toBe(200);
    const data = buildValuesCsv([['crimes_total', soate.bishkek, '2024-03', '', 1300, '', '']]);
    const response = await uploadValues(t, admin, { filename: 'locked.csv', data });
    expect(response.statusCode).toBe(422);
    expect(problemsOf(response.body)).toEqual([
      expect.objectContaining({ row: 2, column: 'period', message: expect.stringMatching(/locked/) }),
    ]);
  });

  it('accepts JSON value sets and names values[i].field in problems', async () => {
    const good = await admin.request('POST', '/api/v1/data-value-sets', {
      values: [
        {
          dataElement: 'drug_crimes',
          territory: 'KG-GO',
          period: '2024-06',
          disaggregation: 'heroin',
          value: 3,
        },
      ],
    });
    expect(good.statusCode).toBe(200);
    expect(good.json<ImportResult>()).toMatchObject({ rows: 1, created: 1 });
    const bad = await admin.request('POST', '/api/v1/data-value-sets', {
      values: [
        {
          dataElement: 'drug_crimes',
          territory: 'KG-GO',
          period: '2024-06',
          disaggregation: 'heroin',
          value: 3,
        },
        { dataElement: 'drug_crimes', territory: 'Nowhere', period: '2024', value: 3 },
      ],
    });
    expect(bad.statusCode).toBe(422);
    expect(problemsOf(bad.body).map((p) => p.column)).toEqual([
      'values[1].territory',
      'values[1].period',
      'values[1].disaggregation',
    ]);
  });
});

describe('Excel templates', () => {
  let t: TestApp;
  let admin: Session;
  let mia: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login(t.admin.username, t.admin.password);
    mia = (await t.container.services.agencies.list()).items.find((a) => a.code === 'MIA')?.id ?? '';
  });

  afterAll(async () => {
    await t.close();
  });

  const download = async (session: Session, query: string) => {
    const response = await session.request('GET', `/api/v1/data-templates?${query}`);
    return response;
  };

  const load = async (data: Buffer) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
    return workbook;
  };

  it('makes a protected, pre-filled template that reads back after filling', async () => {
    await admin.request('POST', '/api/v1/data-value-sets', {
      values: [
        {
          dataElement: 'drug_crimes',
          territory: soate.oshCity,
          period: '2024-03',
          disaggregation: 'heroin',
          value: 9,
        },
      ],
    });
    const response = await download(admin, `agencyId=${mia}&period=2024-03&locale=ru`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = await load(response.rawPayload);
    expect(workbook.getWorksheet('kuzot_meta')?.state).toBe('veryHidden');
    const sheets = workbook.worksheets.filter((s) => s.state === 'visible');
    expect(sheets.length).toBeGreaterThan(0);
    const substance = sheets.find((s) => {
      const keys: string[] = [];
      s.eachRow((row) => keys.push(row.getCell(1).text));
      return keys.includes(`drug_crimes|${soate.oshCity}`);
    });
    if (!substance) throw new Error('no sheet with drug_crimes');
    expect(substance.getColumn(1).hidden).toBe(true);
    expect(substance.getRow(2).getCell(4).value).toBe('СОАТЕ');
    let oshRow = 0;
    let bishkekRow = 0;
    substance.eachRow((row, n) => {
      if (row.getCell(1).value === `drug_crimes|${soate.oshCity}`) oshRow = n;
      if (row.getCell(1).value === `drug_crimes|${soate.bishkek}`) bishkekRow = n;
    });
    const headers = substance.getRow(2).values as unknown[];
    const heroinColumn = headers.indexOf('Героин');
    const cannabisColumn = headers.findIndex((h) => typeof h === 'string' && h.startsWith('Каннабис'));
    expect(heroinColumn).toBeGreaterThan(4);
    expect(cannabisColumn).toBeGreaterThan(4);
    expect(substance.getRow(oshRow).getCell(heroinColumn).value).toBe(9);
    const valueCell = substance.getRow(bishkekRow).getCell(cannabisColumn);
    expect(valueCell.protection).toMatchObject({ locked: false });
    expect(valueCell.dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual' });
    expect(substance.getRow(2).getCell(cannabisColumn).protection?.locked).not.toBe(false);

    // Filled the way a person does: a new value, a changed one, the rest untouched.
    valueCell.value = 11;
    substance.getRow(oshRow).getCell(heroinColumn).value = 10;
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const upload = await uploadValues(t, admin, { filename: 'filled.xlsx', data: filled });
    expect(upload.statusCode).toBe(200);
    expect(upload.json<ImportResult>()).toMatchObject({ created: 1, updated: 1, deleted: 0 });
    const again = await uploadValues(t, admin, { filename: 'filled.xlsx', data: filled });
    expect(again.json<ImportResult>()).toMatchObject({ created: 0, updated: 0, deleted: 0 });
    expect(await storedValues(t)).toEqual([
      `drug_crimes/${soate.bishkek}/2024-03/cannabis=11`,
      `drug_crimes/${soate.oshCity}/2024-03/heroin=10`,
    ]);

    // Text in a value cell (another program ignored the validation) is named by sheet, column and row.
    valueCell.value = 'eleven';
    const broken = await uploadValues(t, admin, {
      filename: 'broken.xlsx',
      data: Buffer.from(await workbook.xlsx.writeBuffer()),
    });
    expect(broken.statusCode).toBe(422);
    expect(problemsOf(broken.body)).toEqual([
      expect.objectContaining({
        row: bishkekRow,
        column: `${substance.name}!${valueCell.address.replace(/\d+/, '')}`,
      }),
    ]);

    // Approved (locked) figures in the template refuse the file only where a cell was changed.
    const bishkek = (await t.container.services.territories.list()).items.find(
      (x) => x.code === soate.bishkek,
    );
    const key = { agencyId: mia, territoryId: bishkek?.id, period: '2024-03' };
    expect((await admin.request('POST', '/api/v1/approvals/submit', key)).statusCode).toBe(200);
    expect((await admin.request('POST', '/api/v1/approvals/approve', key)).statusCode).toBe(200);
    valueCell.value = 11;
    substance.getRow(oshRow).getCell(heroinColumn).value = 12;
    const elsewhere = await uploadValues(t, admin, {
      filename: 'elsewhere.xlsx',
      data: Buffer.from(await workbook.xlsx.writeBuffer()),
    });
    expect(elsewhere.statusCode).toBe(200);
    expect(elsewhere.json<ImportResult>()).toMatchObject({ created: 0, updated: 1, deleted: 0 });
    valueCell.value = 13;
    const locked = await uploadValues(t, admin, {
      filename: 'locked.xlsx',
      data: Buffer.from(await workbook.xlsx.writeBuffer()),
    });
    expect(locked.statusCode).toBe(422);
    expect(problemsOf(locked.body)).toEqual([
      expect.objectContaining({ row: bishkekRow, message: expect.stringMatching(/locked/) }),
    ]);
  });

  it("limits an officer's template to the reporting territories of their scope and their agency", async () => {
    const osh = (await t.container.services.territories.list()).items.find((x) => x.isoCode === 'KG-O');
    const { session } = await signedInUser(t, { role: 'regional_officer', territoryId: osh?.id });
    const response = await download(session, `agencyId=${mia}&period=2024-03`);
    expect(response.statusCode).toBe(200);
    const workbook = await load(response.rawPayload);
    const codes = new Set<string>();
    for (const sheet of workbook.worksheets.filter((s) => s.state === 'visible'))
      sheet.eachRow((row, n) => {
        if (n > 2) codes.add(row.getCell(4).text);
      });
    expect(codes.size).toBeGreaterThan(3);
    expect([...codes].filter((c) => !c.startsWith('41706'))).toEqual([]);

    const gpo = (await t.container.services.agencies.list()).items.find((a) => a.code === 'GPO')?.id ?? '';
    const officer = await signedInUser(t, { role: 'agency_officer', agencyId: mia });
    const other = await download(officer.session, `agencyId=${gpo}&period=2024-03`);
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({
      code: 'OUT_OF_SCOPE',
      message: 'You report for another agency.',
      localised: { key: 'template.other_agency' },
    });
    const wrongType = await download(admin, `agencyId=${mia}&period=2024Q1`);
    expect(wrongType.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('large uploads are checked at once and written by a job', () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login(t.admin.username, t.admin.password);
  });

  afterAll(async () => {
    await t.close();
  });

  it('queues a file over the limit, reports the result to its user only, and refuses a bad one at once', async () => {
    const services = t.container.services;
    // The same service as the route's, with a limit of two values so that a small file takes the job path.
    const imports = createImportService({
      tx: t.container.tx,
      audit: services.audit,
      files: services.files,
      jobs: services.jobs,
      catalogue: services.catalogue,
      territories: services.territories,
      templates: services.dataTemplates,
      values: services.values,
      cpu: t.container.cpu,
      syncLimit: 2,
    });
    const user = admin.body.user;
    const actor: Actor = {
      ...systemActor('test'),
      userId: user.id,
      username: user.username,
      role: user.role,
    };
    const file = { filename: 'values.csv', data: buildValuesCsv(goodRowsForJob) };

    const broken = buildValuesCsv([
      ...goodRowsForJob,
      ['drug_crimes', 'Atlantis', '2024-03', 'opium', 1, '', ''],
    ]);
    await expect(
      imports.startFileImport(actor, { filename: 'b.csv', data: broken }, { dryRun: false }),
    ).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
      details: { problems: [expect.objectContaining({ row: 5, column: 'territory' })] },
    });

    // A refusal of the write path itself (a fraction in a count) is found when the file is accepted, too.
    const fraction = buildValuesCsv([
      ...goodRowsForJob,
      ['drug_crimes', soate.bishkek, '2024-03', 'opium', 1.5, '', ''],
    ]);
    await expect(
      imports.startFileImport(actor, { filename: 'f.csv', data: fraction }, { dryRun: false }),
    ).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
      details: { problems: [expect.objectContaining({ row: 5, column: 'value' })] },
    });

    const outcome = await imports.startFileImport(actor, file, { dryRun: false });
    if (!('queued' in outcome)) throw new Error('expected a queued import');
    expect(outcome.queued.rows).toBe(3);
    expect(await storedValues(t)).toEqual([]);
    const pending = await admin.request('GET', `/api/v1/data-imports/${outcome.queued.jobId}`);
    expect(pending.json()).toMatchObject({ status: 'queued', result: null, error: null });

    expect(await createTestWorker(t).drain()).toBe(1);
    const done = await admin.request('GET', `/api/v1/data-imports/${outcome.queued.jobId}`);
    expect(done.json()).toMatchObject({ status: 'succeeded', result: { rows: 3, created: 3 }, error: null });
    expect(await storedValues(t)).toHaveLength(3);

    const { session } = await signedInUser(t, { role: 'analyst' });
    const other = await session.request('GET', `/api/v1/data-imports/${outcome.queued.jobId}`);
    expect(other.statusCode).toBe(404);

    // A job that dies on a database error shows a catalogued error, never the database's own text.
    const failing = await imports.startFileImport(actor, file, { dryRun: false });
    if (!('queued' in failing)) throw new Error('expected a queued import');
    const db = t.container.database.db;
    await sql`ALTER TABLE data_value RENAME TO data_value_hidden_by_test`.execute(db);
    try {
      for (let attempt = 0; attempt < 3; attempt++) {
        await sql`update job set run_at = now() - interval '1 second' where id = ${failing.queued.jobId}`.execute(
          db,
        );
        expect(await createTestWorker(t).drain()).toBe(1);
      }
    } finally {
      await sql`ALTER TABLE data_value_hidden_by_test RENAME TO data_value`.execute(db);
    }
    const failed = await admin.request('GET', `/api/v1/data-imports/${failing.queued.jobId}`);
    expect(failed.json()).toEqual({
      jobId: failing.queued.jobId,
      status: 'dead',
      result: null,
      error: { code: 'JOB_FAILED', message: renderMessage({ key: 'error.JOB_FAILED' }, 'en'), details: {} },
    });
    const job = await admin.request('GET', `/api/v1/jobs/${failing.queued.jobId}`);
    expect(job.json()).toMatchObject({
      status: 'dead',
      attempts: 3,
      error: { code: 'JOB_FAILED', params: {} },
    });
    expect(failed.body + job.body).not.toMatch(/data_value|relation|does not exist/);
  });
});

const goodRowsForJob = [
  ['drug_crimes', soate.bishkek, '2024-03', 'cannabis', 5, '', ''],
  ['drug_crimes', soate.bishkek, '2024-03', 'heroin', 2, '', ''],
  ['drug_crimes', soate.oshCity, '2024-03', 'heroin', 1, '', ''],
];

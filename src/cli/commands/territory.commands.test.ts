import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeXlsx } from '#server/lib/documents/xlsx-write';
import { statsOfAllTables } from '#server/modules/backup/backup-test-support';
import { createCliHarness, type CliHarness } from '../test/cli-harness';

const batken = '41705000000000';
const chuy = '41708000000000';

describe('kuzot territory import-population FILE', () => {
  let cli: CliHarness;
  beforeAll(async () => {
    cli = await createCliHarness();
    expect((await cli.run('seed')).code).toBe(0);
  });
  afterAll(async () => {
    await cli?.cleanup();
  });

  const population = (code: string) =>
    cli.inspect(async (c) => {
      const territory = (await c.services.territories.list()).items.find((t) => t.code === code);
      return territory ? (await c.services.territories.getDetail(territory.id)).population : [];
    });

  it('imports a good CSV file at once, with progress on stderr', async () => {
    const file = path.join(cli.dir, 'good.csv');
    fs.writeFileSync(
      file,
      `code,year,total,male,female,source\n${batken},2040,500000,250000,250000,CLI test\n${chuy},2040,900000,,,CLI test\n`,
    );
    const r = await cli.run('territory', 'import-population', file);
    expect(r).toMatchObject({ code: 0, stdout: 'Imported 2 row(s): 2 added, 0 changed, 0 unchanged.\n' });
    expect(r.stderr).toContain('Importing: 100%');
    expect((await population(batken)).find((p) => p.year === 2040)).toMatchObject({
      total: 500000,
      male: 250000,
      source: 'CLI test',
    });
    const audit = await cli.inspect((c) => c.services.audit.list({ action: 'population.imported' }));
    expect(audit.items.map((e) => e.actorUsername)).toEqual([
      expect.stringMatching(/^cli:/),
      expect.stringMatching(/^cli:/),
    ]);
  });

  it('imports an .xlsx file', async () => {
    const file = path.join(cli.dir, 'good.xlsx');
    fs.writeFileSync(
      file,
      await writeXlsx(
        'population',
        ['code', 'year', 'total', 'source'],
        [[batken, 2041, 510000, 'CLI xlsx']],
      ),
    );
    const r = await cli.run('territory', 'import-population', file);
    expect(r).toMatchObject({ code: 0, stdout: 'Imported 1 row(s): 1 added, 0 changed, 0 unchanged.\n' });
  });

  it('lists every problem of a bad file by row and column, and imports nothing', async () => {
    const before = await cli.inspect((c) => statsOfAllTables(c.database.db));
    const file = path.join(cli.dir, 'bad.csv');
    fs.writeFileSync(
      file,
      `code,year,total,source\n${batken},2042,600000,fine row\n${batken},2042,abc,x\n99999999999999,1800,5,no such place\n`,
    );
    const r = await cli.run('territory', 'import-population', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^IMPORT_INVALID: The file has \d+ problems?; nothing was imported\.$/);
    expect(lines).toContain('  row 3, column total: "abc" is not a whole number of people.');
    expect(lines.some((l) => l.startsWith('  row 4, column code: '))).toBe(true);
    expect(lines.some((l) => l.startsWith('  row 4, column year: '))).toBe(true);
    expect(lines.some((l) => l.startsWith('  row 2'))).toBe(false);
    expect(await cli.inspect((c) => statsOfAllTables(c.database.db))).toEqual(before);
  });

  it('refuses a file it cannot read or of another type', async () => {
    expect(await cli.run('territory', 'import-population', path.join(cli.dir, 'missing.csv'))).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/cannot read the file \(ENOENT\)/),
    });
    expect(await cli.run('territory', 'import-population', path.join(cli.dir, 'figures.ods'))).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/expected a \.csv or \.xlsx file/),
    });
  });
});

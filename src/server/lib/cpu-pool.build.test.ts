import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readUpload, readUploadTask } from '#server/modules/imports/upload.task';
import { readFixture, workbookXmlBomb, xlsxOf } from '#server/test/factories';
import type { createCpuPool as CreateCpuPool } from './cpu-pool';
import { readTabularFile } from './documents/tabular-file';
import { readTabularFileTask } from './documents/tabular-file.task';

// The built server runs plain JavaScript: the CPU pool must find dist/server/cpu-tasks.js from the bundled
// main.js (and cli/main.js) and run tasks there without tsx. This builds with the real build script into a
// scratch folder inside node_modules (so the bundle's external packages resolve as they do from dist/).
const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('the CPU pool in the built bundle', () => {
  const outdir = path.join(root, 'node_modules', '.cache', `kuzot-build-${randomBytes(4).toString('hex')}`);
  type BuiltPoolModule = { cpuTasksEntry: URL; createCpuPool: typeof CreateCpuPool };
  let fromServer: BuiltPoolModule;
  let fromCli: BuiltPoolModule;

  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build-server.mjs', `--outdir=${outdir}`], { cwd: root });
    // The pool's own code bundled the way main.js bundles it, once where the server sits and once where the CLI does.
    await build({
      entryPoints: {
        'server/pool-probe': 'src/server/lib/cpu-pool.ts',
        'cli/pool-probe': 'src/server/lib/cpu-pool.ts',
      },
      absWorkingDir: root,
      outdir,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
    });
    fromServer = (await import(
      pathToFileURL(path.join(outdir, 'server/pool-probe.js')).href
    )) as BuiltPoolModule;
    fromCli = (await import(pathToFileURL(path.join(outdir, 'cli/pool-probe.js')).href)) as BuiltPoolModule;
  }, 120_000);

  afterAll(() => {
    fs.rmSync(outdir, { recursive: true, force: true });
  });

  it('builds the thread entry beside the server and finds it from the server and the CLI bundles', () => {
    const built = pathToFileURL(path.join(outdir, 'server/cpu-tasks.js')).href;
    expect(fs.existsSync(path.join(outdir, 'server/main.js'))).toBe(true);
    expect(fs.existsSync(path.join(outdir, 'cli/main.js'))).toBe(true);
    expect(fromServer.cpuTasksEntry.href).toBe(built);
    expect(fromCli.cpuTasksEntry.href).toBe(built);
  });

  it('runs a production task on a thread of the built entry, with the same result as in-process', async () => {
    const pool = fromServer.createCpuPool({ entry: fromServer.cpuTasksEntry, threads: 1 });
    try {
      const data = readFixture('population-good.csv');
      expect(await pool.run(readTabularFileTask, { filename: 'p.csv', data })).toEqual(
        await readTabularFile('p.csv', data),
      );
      await expect(
        pool.run(readTabularFileTask, { filename: 'p.csv', data: Buffer.alloc(0) }),
      ).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
      // A module's task (the upload reader) runs there too, and a zip bomb comes back as its catalogued 413.
      const xlsx = await xlsxOf([
        ['code', 'year'],
        ['41711000000000', 2030],
      ]);
      expect(await pool.run(readUploadTask, { filename: 'v.xlsx', data: xlsx })).toEqual(
        await readUpload({ filename: 'v.xlsx', data: xlsx }),
      );
      await expect(
        pool.run(readUploadTask, { filename: 'b.xlsx', data: await workbookXmlBomb() }),
      ).rejects.toMatchObject({
        code: 'FILE_TOO_LARGE_UNPACKED',
        localised: { key: 'file.unpacks_too_large' },
      });
    } finally {
      await pool.close();
    }
  });
});

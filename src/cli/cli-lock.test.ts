import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliHarness, type CliHarness } from './test/cli-harness';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Starts a real server in another process on the harness's data directory; resolves once it listens. */
async function startServerProcess(env: Record<string, string>): Promise<ChildProcess> {
  const config = JSON.stringify({
    ...env,
    KUZOT_PORT: '0',
    KUZOT_HOST: '127.0.0.1',
    KUZOT_WEB_DIR: '/nonexistent',
  });
  const script = `
    const { loadConfig } = await import(${JSON.stringify(pathToFileURL(`${root}src/server/config.ts`).href)});
    const { startServer } = await import(${JSON.stringify(pathToFileURL(`${root}src/server/server.ts`).href)});
    const server = await startServer(loadConfig(${config}), { logger: false });
    process.on('SIGTERM', () => server.stop().then(() => process.exit(0)));
    console.log('READY');`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', () => output.includes('READY') && resolve());
    child.once('exit', (code) => reject(new Error(`server exited early (${code}): ${output}`)));
  });
  return child;
}

describe('the CLI and the embedded database', () => {
  let cli: CliHarness;
  beforeAll(async () => {
    // The lock guards the embedded database, so this always runs on PGlite, in either test mode.
    cli = await createCliHarness({ embedded: true });
  });
  afterAll(async () => {
    await cli?.cleanup();
  });

  it('refuses to open the data directory while a server holds it, and works once it stops', async () => {
    const server = await startServerProcess(cli.env);
    try {
      for (const argv of [['user', 'list'], ['backup', `${cli.dir}/b.gz`], ['migrate']]) {
        const r = await cli.run(...argv);
        expect(r.code).toBe(1);
        expect(r.stderr).toBe(
          `error: The embedded database in ${cli.env.KUZOT_DATA_DIR} is in use by process ${server.pid} (a running Kuzot server?). Stop it first, or use a PostgreSQL server (KUZOT_DATABASE_URL).\n`,
        );
      }
    } finally {
      server.kill('SIGTERM');
      await once(server, 'exit');
    }
    expect((await cli.run('user', 'list')).code).toBe(0);
  });

  it('runs through bin/kuzot.js', async () => {
    const child = spawn(process.execPath, ['bin/kuzot.js', '--help'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: kuzot');
    expect(stdout).toMatch(/restore <file>/);
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '#server/test/test-db';

// Two Kuzot processes on one PostgreSQL database, started at the same moment on an empty database: they
// must share migrations, sessions and data, and exactly one of them creates the first administrator.

type Proc = { child: ChildProcess; output: string; port: number };

function startProcess(url: string, port: number, roles: string): Promise<Proc> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', `--roles=${roles}`], {
    env: {
      ...process.env,
      KUZOT_DATABASE_URL: url,
      KUZOT_PORT: String(port),
      KUZOT_HOST: '127.0.0.1',
      KUZOT_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const proc: Proc = { child, output: '', port };
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      proc.output += chunk.toString();
      if (proc.output.includes('Kuzot is ready')) resolve(proc);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (proc.output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`process exited with ${code}: ${proc.output}`)));
  });
}

describe('two app processes on one PostgreSQL database', () => {
  let database: TestDatabase;
  let a: Proc;
  let b: Proc;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    if (!database.url) throw new Error('this test needs KUZOT_TEST_DATABASE_URL (npm run test:pg)');
    const base = 20000 + Math.floor(Math.random() * 20000);
    [a, b] = await Promise.all([
      startProcess(database.url, base, 'all'),
      startProcess(database.url, base + 1, 'api'),
    ]);
  });
  afterAll(async () => {
    for (const p of [a, b]) p?.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await database.cleanup();
  });

  it('creates exactly one first administrator', () => {
    const printed = [a, b].filter((p) => p.output.includes('First administrator'));
    expect(printed).toHaveLength(1);
  });

  it('shares sessions and data between the processes', async () => {
    const withAdmin = [a, b].find((p) => p.output.includes('First administrator'))!;
    const password = /password: (\S+)/.exec(withAdmin.output)?.[1];
    const login = await fetch(`http://127.0.0.1:${a.port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    expect(login.status).toBe(200);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    // The printed first password must be replaced before anything else; the other process honours the session.
    const changed = await fetch(`http://127.0.0.1:${b.port}/api/v1/me/password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ currentPassword: password, newPassword: 'Shared-processes-2026!pass' }),
    });
    expect(changed.status, await changed.clone().text()).toBe(200);
    const created = await fetch(`http://127.0.0.1:${b.port}/api/v1/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ username: 'shared-user', displayName: 'Shared', role: 'analyst' }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const listed = await fetch(`http://127.0.0.1:${a.port}/api/v1/users?search=shared-user`, {
      headers: { cookie },
    });
    const body = (await listed.json()) as { total: number };
    expect(body.total).toBe(1);
  });
});

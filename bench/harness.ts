import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { csrfHeaderName, type SessionResponse } from '#shared/contracts/auth.contract';
import { boot } from '#server/boot';
import { loadConfig } from '#server/config';
import type { Container } from '#server/container';
import { openPglite, openPostgres, type DatabaseHandle } from '#server/db/database';
import { buildApp } from '#server/http/app';
import type { TypedApp } from '#server/http/typed';
import { createWorker } from '#server/jobs/worker';

// In-process Kuzot for the data benches: a fresh database (PGlite in a temporary directory, or a new
// database on the PostgreSQL server), booted with reference data, the HTTP API listening on a random
// loopback port, and the first administrator signed in. Requests go over real HTTP with cookie and CSRF.

export const pgUrl = process.env.KUZOT_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export type DbKind = 'pglite' | 'postgres';

export type BenchApp = {
  kind: DbKind;
  container: Container;
  app: TypedApp;
  baseUrl: string;
  /** Cookie and CSRF headers of the signed-in administrator. */
  headers: Record<string, string>;
  close(): Promise<void>;
};

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Whether the PostgreSQL server of the benches answers. */
export async function postgresAvailable(): Promise<boolean> {
  try {
    await adminQuery('select 1');
    return true;
  } catch {
    return false;
  }
}

/** A new empty database: a PGlite directory, or a database on the PostgreSQL server; `drop` removes it. */
export async function createBenchDatabase(
  kind: DbKind,
): Promise<{ dataDir: string | null; url: string | null; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuzot-bench-pglite-'));
    return { dataDir: dir, url: null, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `kuzot_bench_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  return {
    dataDir: null,
    url: url.toString(),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function freshDatabase(kind: DbKind): Promise<{ handle: DatabaseHandle; drop(): Promise<void> }> {
  const created = await createBenchDatabase(kind);
  const handle = created.dataDir
    ? await openPglite(path.join(created.dataDir, 'pglite'))
    : openPostgres(created.url ?? '', 10);
  return { handle, drop: created.drop };
}

/** Signs the administrator of a Kuzot server on a loopback port in; returns the cookie header. */
export async function signInOverHttp(port: number, password: string): Promise<Record<string, string>> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await res.json()) as SessionResponse;
  await replaceFirstPassword(`http://127.0.0.1:${port}`, { cookie, [csrfHeaderName]: csrfToken }, password);
  return { cookie };
}

/** The printed first password must be replaced before the API serves anything else; the session stays. */
async function replaceFirstPassword(
  baseUrl: string,
  headers: Record<string, string>,
  current: string,
): Promise<void> {
  const res = await fetch(`${baseUrl}/api/v1/me/password`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ currentPassword: current, newPassword: `Bench-${randomUUID()}` }),
  });
  if (res.status !== 200) throw new Error(`password change failed: ${res.status} ${await res.text()}`);
}

/** Boots Kuzot on a fresh database of the kind and signs the first administrator in. */
export async function startBenchApp(kind: DbKind): Promise<BenchApp> {
  const database = await freshDatabase(kind);
  const config = loadConfig(
    {
      KUZOT_LOG_LEVEL: 'silent',
      KUZOT_WEB_DIR: '/nonexistent',
      KUZOT_DEMO_DATA: 'false',
      KUZOT_UPLOAD_LIMIT_BYTES: String(100 * 1024 * 1024),
    },
    {},
  );
  const { container, firstAdministrator } = await boot(config, { database: database.handle });
  if (!firstAdministrator) throw new Error('no first administrator on a fresh bench database');
  const app = await buildApp(container, { logger: false });
  // The in-process worker, as in `npm start`: large imports are written by a job.
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const worker = createWorker({
    executor: container.database.db,
    definitions: container.jobDefinitions,
    pollMs: 20,
    cpu: container.cpu,
    logger: quiet,
  });
  worker.start();
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const response = await fetch(`${address}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(firstAdministrator),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status}`);
  const session = (await response.json()) as SessionResponse;
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  const headers = { cookie, [csrfHeaderName]: session.csrfToken };
  await replaceFirstPassword(address, headers, firstAdministrator.password);
  return {
    kind,
    container,
    app,
    baseUrl: address,
    headers,
    async close() {
      await worker.stop();
      await app.close();
      await container.cpu.close();
      await container.database.close();
      await database.drop();
    },
  };
}

/** Percentile of durations (ms), nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 100 ? 1 : 0) : '—');

/** Times an async function in milliseconds. */
export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const began = performance.now();
  const result = await work();
  return { result, ms: performance.now() - began };
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig, testDatabaseUrl } from '#server/config';
import type { Container } from '#server/container';
import { startServer } from '#server/server';
import { settlePassword } from './test-app';

export type E2eServer = {
  baseUrl: string;
  adminUsername: string;
  adminPassword: string;
  /** The server's services, for specs that prepare data the UI cannot create (e.g. demo data). */
  container: Container;
  stop(): Promise<void>;
};

const webDir = fileURLToPath(new URL('../../../dist/web', import.meta.url));

/**
 * A fresh database on the PostgreSQL server named by KUZOT_TEST_DATABASE_URL, or null to use embedded PGlite.
 * Returns its URL and a function that drops it.
 */
async function createServerDatabase(): Promise<{ url: string; drop(): Promise<void> } | null> {
  const serverUrl = testDatabaseUrl();
  if (!serverUrl) return null;
  const name = `kuzot_e2e_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * Starts the real server for browser tests: a random port, a fresh database with the reference data (a
 * temporary PGlite data directory, or a new database on the PostgreSQL server when KUZOT_TEST_DATABASE_URL
 * is set), and the built web interface (run `vite build` first). Both are removed on stop.
 */
export async function startE2eServer(): Promise<E2eServer> {
  if (!fs.existsSync(path.join(webDir, 'index.html')))
    throw new Error(`No built web interface in ${webDir}: run "npx vite build" first.`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuzot-e2e-'));
  const serverDatabase = await createServerDatabase();
  const config = loadConfig({
    KUZOT_DATA_DIR: dataDir,
    ...(serverDatabase ? { KUZOT_DATABASE_URL: serverDatabase.url } : {}),
    KUZOT_PORT: '0',
    KUZOT_HOST: '127.0.0.1',
    KUZOT_LOG_LEVEL: 'warn',
    KUZOT_WEB_DIR: webDir,
    // Browser tests start from an empty store; demo data would race with what they enter.
    KUZOT_DEMO_DATA: 'false',
  });
  const server = await startServer(config, { logger: false });
  if (!server.url || !server.firstAdministrator)
    throw new Error('the e2e server did not start with a first administrator');
  // Specs sign in as the first administrator to test other things; the first password change has its own.
  await settlePassword(server.container, server.firstAdministrator.username);
  return {
    baseUrl: server.url.replace('0.0.0.0', '127.0.0.1'),
    adminUsername: server.firstAdministrator.username,
    adminPassword: server.firstAdministrator.password,
    container: server.container,
    async stop() {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
      await serverDatabase?.drop();
    },
  };
}

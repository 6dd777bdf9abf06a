import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, testDatabaseUrl } from '#server/config';
import { createContainer, type Container } from '#server/container';
import { openConfiguredDatabase } from '#server/db/open-database';
import { createTestDatabase, type TestDatabase } from '#server/test/test-db';
import { runCli } from '../program';

export type CliResult = { code: number; stdout: string; stderr: string };

/** A place for CLI tests to run commands: a temporary PGlite data directory, or a fresh server database. */
export type CliHarness = {
  /** The environment commands get (KUZOT_DATA_DIR, and KUZOT_DATABASE_URL on a server). */
  env: Record<string, string>;
  dir: string;
  /** Whether commands run against a PostgreSQL server (KUZOT_TEST_DATABASE_URL set). */
  isServer: boolean;
  run(...argv: string[]): Promise<CliResult>;
  /** Opens the database between commands (never while one runs) to look at what they did. */
  inspect<T>(work: (container: Container) => Promise<T>): Promise<T>;
  cleanup(): Promise<void>;
};

const capture = () => {
  let text = '';
  return { stream: { write: (chunk: string) => (text += chunk), isTTY: false }, text: () => text };
};

/**
 * Creates the data directory (always, for files and the lock) and, in server mode, a fresh database.
 * `embedded: true` keeps to PGlite whatever the test mode, for tests about the embedded database itself.
 */
export async function createCliHarness(options: { embedded?: boolean } = {}): Promise<CliHarness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuzot-cli-'));
  // No demo data queued by servers started on the harness's directory: tests start from an empty store.
  const env: Record<string, string> = {
    KUZOT_DATA_DIR: path.join(dir, 'data'),
    KUZOT_LOG_LEVEL: 'silent',
    KUZOT_DEMO_DATA: 'false',
  };
  let database: TestDatabase | null = null;
  if (testDatabaseUrl() && !options.embedded) {
    database = await createTestDatabase({ migrate: false });
    if (database.url) env.KUZOT_DATABASE_URL = database.url;
  }
  return {
    env,
    dir,
    isServer: database !== null,
    async run(...argv) {
      const stdout = capture();
      const stderr = capture();
      const code = await runCli(argv, { env, stdout: stdout.stream, stderr: stderr.stream });
      return { code, stdout: stdout.text(), stderr: stderr.text() };
    },
    async inspect(work) {
      const config = loadConfig(env);
      const database = await openConfiguredDatabase(config);
      try {
        return await work(createContainer(config, database));
      } finally {
        await database.close();
      }
    },
    async cleanup() {
      await database?.cleanup();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

import os from 'node:os';
import { boot } from '#server/boot';
import { firstAdministratorLines, type TextOutput } from '#server/banner';
import { loadConfig, type Config } from '#server/config';
import { createContainer, type Container } from '#server/container';
import { lockDataDir, type DataDirLock } from '#server/db/data-dir-lock';
import type { DatabaseHandle } from '#server/db/database';
import { migrateToLatest } from '#server/db/migrator';
import { openConfiguredDatabase } from '#server/db/open-database';
import { systemActor, type Actor } from '#server/lib/actor';
import { CliError } from './cli-error';

/** A stream the CLI writes to; `isTTY` enables the redrawn progress bar. */
export type CliStream = TextOutput & { isTTY?: boolean };

export type CliOptions = {
  /** Environment for `loadConfig`; the process environment when absent. */
  env?: Record<string, string | undefined>;
  stdout?: CliStream;
  stderr?: CliStream;
  /** Reference data folder (tests); the shipped one when absent. */
  referenceDataDir?: string;
};

/**
 * How a command reaches the database:
 * - `boot`: migrate, load missing reference data, create the first administrator (as the server does);
 * - `migrate`: migrate only;
 * - `open`: neither (a backup must not change the schema it records).
 */
export type OpenMode = 'boot' | 'migrate' | 'open';

export type CliRuntime = {
  stdout: CliStream;
  stderr: CliStream;
  /** Writes lines to stdout. */
  print(...lines: string[]): void;
  loadConfig(overrides?: Partial<Config>): Config;
  /** The audited actor of CLI writes: `cli:<operating-system user>`. */
  actor(): Actor;
  /** Opens the database for one command and closes it afterwards, holding the data directory meanwhile. */
  withContainer<T>(
    mode: OpenMode,
    work: (container: Container) => Promise<T>,
    overrides?: Partial<Config>,
  ): Promise<T>;
  /** Migrates the database and returns the migrations applied now. */
  migrate(): Promise<string[]>;
};

function osUser(): string {
  try {
    return os.userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * The embedded database serves one process: take its data directory for the command, or stop with the
 * lock's explanation (a running server holds it). A PostgreSQL server needs no lock.
 */
function lockIfEmbedded(config: Config): DataDirLock | null {
  if (config.databaseUrl) return null;
  try {
    return lockDataDir(config.dataDir);
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
}

/** Builds the runtime commands share: output, configuration and database access. */
export function createCliRuntime(options: CliOptions): CliRuntime {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const print = (...lines: string[]) => {
    stdout.write(`${lines.join('\n')}\n`);
  };
  const readConfig = (overrides: Partial<Config> = {}): Config => {
    try {
      return options.env ? loadConfig(options.env, overrides) : loadConfig(undefined, overrides);
    } catch (error) {
      throw new CliError(error instanceof Error ? error.message : String(error));
    }
  };

  const open = async (config: Config, mode: OpenMode): Promise<Container> => {
    if (mode === 'boot') {
      const booted = await boot(config, { referenceDataDir: options.referenceDataDir });
      const notice = firstAdministratorLines(booted.firstAdministrator);
      if (notice.length > 0) print(...notice, '');
      return booted.container;
    }
    const database: DatabaseHandle = await openConfiguredDatabase(config);
    try {
      if (mode === 'migrate') await migrateToLatest(database.db);
      return createContainer(config, database, { referenceDataDir: options.referenceDataDir });
    } catch (error) {
      await database.close();
      throw error;
    }
  };

  return {
    stdout,
    stderr,
    print,
    loadConfig: readConfig,
    actor: () => systemActor(`cli:${osUser()}`),
    async withContainer(mode, work, overrides) {
      const config = readConfig(overrides);
      const lock = lockIfEmbedded(config);
      try {
        const container = await open(config, mode);
        try {
          return await work(container);
        } finally {
          // Uploaded files are parsed on worker threads (a population import): end them with the command.
          await container.cpu.close();
          await container.database.close();
        }
      } finally {
        lock?.release();
      }
    },
    async migrate() {
      const config = readConfig();
      const lock = lockIfEmbedded(config);
      try {
        const database = await openConfiguredDatabase(config);
        try {
          return await migrateToLatest(database.db);
        } finally {
          await database.close();
        }
      } finally {
        lock?.release();
      }
    },
  };
}

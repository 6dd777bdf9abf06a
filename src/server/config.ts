import { availableParallelism } from 'node:os';
import path from 'node:path';

/**
 * Configuration, read from the environment once at start and validated. This is the only module that
 * reads `process.env`; everything else receives the typed `Config`. Every variable is listed in
 * docs/OPERATIONS.md. Invalid values stop the start with every problem listed at once.
 */
export type Roles = { api: boolean; worker: boolean; scheduler: boolean };

export type Config = {
  /** HTTP port (KUZOT_PORT, default 8080). */
  port: number;
  /** Address to listen on (KUZOT_HOST, default 0.0.0.0). */
  host: string;
  /** Folder for the embedded database and uploads (KUZOT_DATA_DIR, default ./data). */
  dataDir: string;
  /** PostgreSQL server URL (KUZOT_DATABASE_URL); when absent the embedded PGlite in dataDir is used. */
  databaseUrl: string | null;
  /** Connection pool size on a PostgreSQL server (KUZOT_DATABASE_POOL_SIZE, default 10). */
  databasePoolSize: number;
  /** Log level (KUZOT_LOG_LEVEL: fatal, error, warn, info, debug, trace, silent; default info). */
  logLevel: string;
  /** Session lifetime without activity, minutes (KUZOT_SESSION_IDLE_MINUTES, default 480). */
  sessionIdleMinutes: number;
  /** Absolute session lifetime, hours (KUZOT_SESSION_MAX_HOURS, default 72). */
  sessionMaxHours: number;
  /** Whether cookies carry the Secure flag (KUZOT_SECURE_COOKIES: auto, true, false; auto = when behind TLS). */
  secureCookies: 'auto' | boolean;
  /** Trust X-Forwarded-* headers from a reverse proxy (KUZOT_TRUST_PROXY, default false). */
  trustProxy: boolean;
  /** Failed sign-ins before an account is locked (KUZOT_LOGIN_MAX_FAILURES, default 5). */
  loginMaxFailures: number;
  /** How long a locked account stays locked, minutes (KUZOT_LOGIN_LOCK_MINUTES, default 15). */
  loginLockMinutes: number;
  /** Failed sign-ins allowed from one address per 15 minutes (KUZOT_LOGIN_IP_LIMIT, default 30). */
  loginIpLimit: number;
  /** Largest accepted request body, bytes (KUZOT_BODY_LIMIT_BYTES, default 1 MiB; uploads: KUZOT_UPLOAD_LIMIT_BYTES). */
  bodyLimitBytes: number;
  /** Largest accepted upload, bytes (KUZOT_UPLOAD_LIMIT_BYTES, default 20 MiB). */
  uploadLimitBytes: number;
  /**
   * The most figures one explorer query may produce (KUZOT_EXPLORER_MAX_CELLS, default 200,000): a larger one
   * is refused with QUERY_TOO_LARGE before any data is read (one query once produced a 90 MB answer).
   */
  explorerMaxCells: number;
  /** Which roles this process runs (KUZOT_ROLES or --roles: any of api, worker, scheduler, or all). */
  roles: Roles;
  /** Job poll interval, milliseconds (KUZOT_JOB_POLL_MS, default 1000). */
  jobPollMs: number;
  /**
   * Jobs one worker process runs at once (KUZOT_JOB_CONCURRENCY; default 4 on a PostgreSQL server, below the
   * pool size; always 1 on the embedded database, which has a single connection).
   */
  jobConcurrency: number;
  /** How often the scheduler looks for due schedules, milliseconds (KUZOT_SCHEDULE_POLL_MS, default 5000). */
  schedulePollMs: number;
  /** Worker threads for CPU-heavy work (KUZOT_CPU_THREADS, default the number of cores less one, at least 1). */
  cpuThreads: number;
  /** Load Kyrgyz reference data on first start (KUZOT_SEED_REFERENCE, default true). */
  seedReference: boolean;
  /** Folder with the built web UI (KUZOT_WEB_DIR, default dist/web). */
  webDir: string;
  /**
   * Queue synthetic demonstration data on the first start of an empty database (KUZOT_DEMO_DATA; default
   * true with the embedded database, false when KUZOT_DATABASE_URL is set).
   */
  demoData: boolean;
};

type Env = Record<string, string | undefined>;

function parseRoles(value: string, errors: string[]): Roles {
  const parts = value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.includes('all')) return { api: true, worker: true, scheduler: true };
  const roles: Roles = { api: false, worker: false, scheduler: false };
  for (const part of parts) {
    if (part === 'api' || part === 'worker' || part === 'scheduler') roles[part] = true;
    else errors.push(`KUZOT_ROLES: unknown role "${part}" (use api, worker, scheduler or all)`);
  }
  if (!roles.api && !roles.worker && !roles.scheduler) errors.push('KUZOT_ROLES: no role selected');
  return roles;
}

/** Parses and validates configuration; throws one error listing every invalid variable. */
export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const errors: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      errors.push(`${name}: expected a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.toLowerCase();
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    errors.push(`${name}: expected true or false, got "${env[name]}"`);
    return fallback;
  };
  const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
  const logLevel = env.KUZOT_LOG_LEVEL || 'info';
  if (!logLevels.includes(logLevel)) errors.push(`KUZOT_LOG_LEVEL: one of ${logLevels.join(', ')}`);
  const databaseUrl = env.KUZOT_DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    errors.push('KUZOT_DATABASE_URL: expected postgres://user@host:port/database');
  }
  const secureRaw = (env.KUZOT_SECURE_COOKIES || 'auto').toLowerCase();
  const secureCookies = secureRaw === 'auto' ? 'auto' : bool('KUZOT_SECURE_COOKIES', false);

  const config: Config = {
    port: int('KUZOT_PORT', 8080, 0, 65535),
    host: env.KUZOT_HOST || '0.0.0.0',
    dataDir: path.resolve(env.KUZOT_DATA_DIR || './data'),
    databaseUrl,
    databasePoolSize: int('KUZOT_DATABASE_POOL_SIZE', 10, 1, 200),
    logLevel,
    sessionIdleMinutes: int('KUZOT_SESSION_IDLE_MINUTES', 480, 1, 60 * 24 * 30),
    sessionMaxHours: int('KUZOT_SESSION_MAX_HOURS', 72, 1, 24 * 90),
    secureCookies,
    trustProxy: bool('KUZOT_TRUST_PROXY', false),
    loginMaxFailures: int('KUZOT_LOGIN_MAX_FAILURES', 5, 1, 100),
    loginLockMinutes: int('KUZOT_LOGIN_LOCK_MINUTES', 15, 1, 24 * 60),
    loginIpLimit: int('KUZOT_LOGIN_IP_LIMIT', 30, 1, 100_000),
    bodyLimitBytes: int('KUZOT_BODY_LIMIT_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024),
    uploadLimitBytes: int('KUZOT_UPLOAD_LIMIT_BYTES', 20 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    explorerMaxCells: int('KUZOT_EXPLORER_MAX_CELLS', 200_000, 1, 10_000_000),
    roles: parseRoles(env.KUZOT_ROLES || 'all', errors),
    jobPollMs: int('KUZOT_JOB_POLL_MS', 1000, 10, 60_000),
    jobConcurrency: int('KUZOT_JOB_CONCURRENCY', databaseUrl === null ? 1 : 4, 1, 64),
    schedulePollMs: int('KUZOT_SCHEDULE_POLL_MS', 5000, 100, 600_000),
    cpuThreads: int('KUZOT_CPU_THREADS', Math.max(1, availableParallelism() - 1), 1, 64),
    seedReference: bool('KUZOT_SEED_REFERENCE', true),
    webDir: path.resolve(env.KUZOT_WEB_DIR || 'dist/web'),
    // A fresh embedded install is a try-out and should show something; a server install is production.
    demoData: bool('KUZOT_DEMO_DATA', databaseUrl === null),
    ...overrides,
  };
  if (!config.databaseUrl && (!config.roles.api || !config.roles.worker || !config.roles.scheduler)) {
    errors.push(
      'KUZOT_ROLES: the embedded database serves one process, so it runs all roles; set KUZOT_DATABASE_URL to split them',
    );
  }
  if (!config.databaseUrl && config.jobConcurrency > 1) {
    errors.push(
      'KUZOT_JOB_CONCURRENCY: the embedded database has one connection, so it runs one job at a time; set KUZOT_DATABASE_URL to run several',
    );
  }
  if (config.databaseUrl && config.jobConcurrency >= config.databasePoolSize) {
    errors.push(
      `KUZOT_JOB_CONCURRENCY: each running job may hold a connection, so it must be below KUZOT_DATABASE_POOL_SIZE (${config.databasePoolSize})`,
    );
  }
  if (errors.length > 0) {
    throw new Error(`Invalid configuration:\n  - ${errors.join('\n  - ')}`);
  }
  return config;
}

/** The configuration of this process: its environment, with a `--roles=…` flag overriding KUZOT_ROLES. */
export function loadProcessConfig(argv: readonly string[]): Config {
  const roles = rolesFlag(argv);
  return loadConfig(roles ? { ...process.env, KUZOT_ROLES: roles } : process.env);
}

/** Parses a --roles=… command-line flag value into KUZOT_ROLES form, or undefined. */
export function rolesFlag(argv: readonly string[]): string | undefined {
  const flag = argv.find((a) => a.startsWith('--roles='));
  return flag?.slice('--roles='.length);
}

/** The test database URL (KUZOT_TEST_DATABASE_URL), used by the test helpers only. */
export function testDatabaseUrl(env: Env = process.env): string | null {
  return env.KUZOT_TEST_DATABASE_URL?.trim() || null;
}

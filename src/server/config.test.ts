import { availableParallelism } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, rolesFlag, testDatabaseUrl } from './config';

const pgUrl = 'postgres://kuzot@db.example:5432/kuzot';

/** The message of the error `fn` throws. */
const errorOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected an error');
};

describe('loadConfig', () => {
  it('has documented defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: path.resolve('./data'),
      databaseUrl: null,
      databasePoolSize: 10,
      logLevel: 'info',
      sessionIdleMinutes: 480,
      sessionMaxHours: 72,
      secureCookies: 'auto',
      trustProxy: false,
      loginMaxFailures: 5,
      loginLockMinutes: 15,
      loginIpLimit: 30,
      bodyLimitBytes: 1024 * 1024,
      uploadLimitBytes: 20 * 1024 * 1024,
      roles: { api: true, worker: true, scheduler: true },
      jobPollMs: 1000,
      jobConcurrency: 1,
      schedulePollMs: 5000,
      cpuThreads: Math.max(1, availableParallelism() - 1),
      explorerMaxCells: 200_000,
      seedReference: true,
      webDir: path.resolve('dist/web'),
      demoData: true,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      KUZOT_PORT: '9000',
      KUZOT_HOST: '127.0.0.1',
      KUZOT_DATA_DIR: '/var/lib/kuzot',
      KUZOT_DATABASE_URL: ` ${pgUrl} `,
      KUZOT_DATABASE_POOL_SIZE: '20',
      KUZOT_LOG_LEVEL: 'warn',
      KUZOT_SESSION_IDLE_MINUTES: '60',
      KUZOT_SESSION_MAX_HOURS: '12',
      KUZOT_SECURE_COOKIES: 'TRUE',
      KUZOT_TRUST_PROXY: 'yes',
      KUZOT_LOGIN_MAX_FAILURES: '3',
      KUZOT_LOGIN_LOCK_MINUTES: '5',
      KUZOT_LOGIN_IP_LIMIT: '100',
      KUZOT_BODY_LIMIT_BYTES: '2048',
      KUZOT_UPLOAD_LIMIT_BYTES: '4096',
      KUZOT_ROLES: 'api, worker',
      KUZOT_JOB_POLL_MS: '250',
      KUZOT_JOB_CONCURRENCY: '6',
      KUZOT_SCHEDULE_POLL_MS: '2000',
      KUZOT_CPU_THREADS: '3',
      KUZOT_SEED_REFERENCE: 'off',
      KUZOT_WEB_DIR: '/srv/web',
    });
    expect(config).toMatchObject({
      port: 9000,
      host: '127.0.0.1',
      dataDir: '/var/lib/kuzot',
      databaseUrl: pgUrl,
      databasePoolSize: 20,
      logLevel: 'warn',
      sessionIdleMinutes: 60,
      sessionMaxHours: 12,
      secureCookies: true,
      trustProxy: true,
      loginMaxFailures: 3,
      loginLockMinutes: 5,
      loginIpLimit: 100,
      bodyLimitBytes: 2048,
      uploadLimitBytes: 4096,
      roles: { api: true, worker: true, scheduler: false },
      jobPollMs: 250,
      jobConcurrency: 6,
      schedulePollMs: 2000,
      cpuThreads: 3,
      seedReference: false,
      webDir: '/srv/web',
    });
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ KUZOT_PORT: '', KUZOT_TRUST_PROXY: '', KUZOT_DATABASE_URL: '  ' })).toMatchObject({
      port: 8080,
      trustProxy: false,
      databaseUrl: null,
    });
  });

  it('reads secure cookies as auto, true or false', () => {
    expect(loadConfig({ KUZOT_SECURE_COOKIES: 'auto' }).secureCookies).toBe('auto');
    expect(loadConfig({ KUZOT_SECURE_COOKIES: 'false' }).secureCookies).toBe(false);
    expect(loadConfig({ KUZOT_SECURE_COOKIES: '1' }).secureCookies).toBe(true);
  });

  it('lists every invalid value at once', () => {
    const message = errorOf(() =>
      loadConfig({
        KUZOT_PORT: 'eighty',
        KUZOT_DATABASE_POOL_SIZE: '0',
        KUZOT_SESSION_IDLE_MINUTES: '1.5',
        KUZOT_BODY_LIMIT_BYTES: '10',
        KUZOT_LOG_LEVEL: 'loud',
        KUZOT_TRUST_PROXY: 'maybe',
        KUZOT_SECURE_COOKIES: 'sometimes',
        KUZOT_DATABASE_URL: 'mysql://db/kuzot',
        KUZOT_ROLES: 'api,cook',
      }),
    );
    expect(message).toMatch(/^Invalid configuration:/);
    // One line per problem, each naming the variable and, where it helps, the value given.
    const lines = message.split('\n  - ').slice(1);
    const lineOf = (variable: string) => lines.find((l) => l.startsWith(`${variable}:`)) ?? '';
    expect(lineOf('KUZOT_PORT')).toContain('"eighty"');
    expect(lineOf('KUZOT_DATABASE_POOL_SIZE')).toContain('"0"');
    expect(lineOf('KUZOT_SESSION_IDLE_MINUTES')).toContain('"1.5"');
    expect(lineOf('KUZOT_BODY_LIMIT_BYTES')).toContain('"10"');
    expect(lineOf('KUZOT_LOG_LEVEL')).toContain('info');
    expect(lineOf('KUZOT_TRUST_PROXY')).toContain('"maybe"');
    expect(lineOf('KUZOT_SECURE_COOKIES')).toContain('"sometimes"');
    expect(lineOf('KUZOT_DATABASE_URL')).toContain('postgres://');
    expect(lineOf('KUZOT_ROLES')).toContain('"cook"');
    expect(lines).toHaveLength(9);
  });

  it('refuses split roles on the embedded database, which serves one process', () => {
    for (const roles of ['api', 'worker', 'scheduler', 'api,worker']) {
      expect(errorOf(() => loadConfig({ KUZOT_ROLES: roles }))).toMatch(/KUZOT_ROLES: .*embedded database/);
    }
    expect(loadConfig({ KUZOT_ROLES: 'all' }).roles).toEqual({ api: true, worker: true, scheduler: true });
    expect(loadConfig({ KUZOT_ROLES: 'api,worker,scheduler' }).roles).toEqual({
      api: true,
      worker: true,
      scheduler: true,
    });
  });

  it('allows split roles on a PostgreSQL server', () => {
    expect(loadConfig({ KUZOT_ROLES: 'worker', KUZOT_DATABASE_URL: pgUrl }).roles).toEqual({
      api: false,
      worker: true,
      scheduler: false,
    });
    expect(loadConfig({ KUZOT_ROLES: 'api', KUZOT_DATABASE_URL: 'postgresql://db/kuzot' }).roles.api).toBe(
      true,
    );
  });

  it('runs one job at a time on the embedded database and several, below the pool size, on a server', () => {
    expect(loadConfig({}).jobConcurrency).toBe(1);
    expect(errorOf(() => loadConfig({ KUZOT_JOB_CONCURRENCY: '2' }))).toMatch(
      /KUZOT_JOB_CONCURRENCY: the embedded database has one connection/,
    );
    expect(loadConfig({ KUZOT_DATABASE_URL: pgUrl }).jobConcurrency).toBe(4);
    expect(
      loadConfig({ KUZOT_DATABASE_URL: pgUrl, KUZOT_JOB_CONCURRENCY: '9', KUZOT_DATABASE_POOL_SIZE: '10' })
        .jobConcurrency,
    ).toBe(9);
    expect(
      errorOf(() =>
        loadConfig({
          KUZOT_DATABASE_URL: pgUrl,
          KUZOT_JOB_CONCURRENCY: '10',
          KUZOT_DATABASE_POOL_SIZE: '10',
        }),
      ),
    ).toMatch(/KUZOT_JOB_CONCURRENCY: .*below KUZOT_DATABASE_POOL_SIZE \(10\)/);
  });

  it('refuses an empty role list', () => {
    expect(errorOf(() => loadConfig({ KUZOT_ROLES: ' , ', KUZOT_DATABASE_URL: pgUrl }))).toContain(
      'KUZOT_ROLES: no role selected',
    );
  });

  it('applies overrides after the environment', () => {
    expect(loadConfig({ KUZOT_PORT: '9000' }, { port: 1234, loginMaxFailures: 2 })).toMatchObject({
      port: 1234,
      loginMaxFailures: 2,
    });
  });
});

describe('rolesFlag', () => {
  it('reads --roles=… from the command line', () => {
    expect(rolesFlag(['--roles=api,worker'])).toBe('api,worker');
    expect(rolesFlag(['serve', '--verbose'])).toBeUndefined();
  });
});

describe('testDatabaseUrl', () => {
  it('is the trimmed KUZOT_TEST_DATABASE_URL, or null', () => {
    expect(testDatabaseUrl({ KUZOT_TEST_DATABASE_URL: ` ${pgUrl} ` })).toBe(pgUrl);
    expect(testDatabaseUrl({ KUZOT_TEST_DATABASE_URL: '' })).toBeNull();
    expect(testDatabaseUrl({})).toBeNull();
  });
});

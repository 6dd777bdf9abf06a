import type { Config } from './config';
import type { FirstAdministrator } from './boot';
import type { RunningServer } from './server';

/** Where output goes: the process streams, or a buffer in tests. */
export type TextOutput = { write(text: string): unknown };

/** The one-time notice of a generated first administrator, or no lines when none was created. */
export function firstAdministratorLines(admin: FirstAdministrator): string[] {
  if (!admin) return [];
  return [
    '',
    'First administrator (shown once; change the password after signing in):',
    `  username: ${admin.username}`,
    `  password: ${admin.password}`,
  ];
}

/**
 * What a server prints once ready: where it runs, its roles, its address and, on the first start of an
 * empty database, the generated administrator sign-in. Shared by `src/server/main.ts` and `kuzot serve`.
 */
export function startBanner(
  config: Config,
  server: Pick<RunningServer, 'url' | 'firstAdministrator'> & { demoDataQueued?: boolean },
  readyMs: number,
): string {
  const roles = Object.entries(config.roles)
    .filter(([, on]) => on)
    .map(([role]) => role)
    .join(', ');
  const where = config.databaseUrl ? 'PostgreSQL server' : `embedded database in ${config.dataDir}`;
  const lines = ['', `Kuzot is ready in ${readyMs} ms (${where}; roles: ${roles})`];
  if (server.url) {
    const port = new URL(server.url).port || String(config.port);
    lines.push(`Open http://localhost:${port}  (API docs: http://localhost:${port}/api/docs)`);
  }
  if (server.demoDataQueued)
    lines.push(
      'Demo data is loading in the background: synthetic figures for 2015–2025 appear within a few minutes (KUZOT_DEMO_DATA=false to skip).',
    );
  lines.push(...firstAdministratorLines(server.firstAdministrator), '');
  return `${lines.join('\n')}\n`;
}

/** Stops the server on SIGINT or SIGTERM, then ends the process (status 1 when stopping failed). */
export function stopOnSignals(
  server: RunningServer,
  output: { stdout: TextOutput; stderr: TextOutput },
): void {
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    output.stdout.write(`Received ${signal}, stopping…\n`);
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        output.stderr.write(`Shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

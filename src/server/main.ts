import { performance } from 'node:perf_hooks';
import { loadConfig, rolesFlag } from './config';
import { startServer } from './server';

/**
 * Server entry point: `node dist/server/main.js [--roles=api,worker,scheduler]`. Prints the address and, on
 * the first start of an empty database, the generated administrator sign-in.
 */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const startedAt = performance.now();
  const roles = rolesFlag(argv);
  const config = loadConfig(roles ? { ...process.env, KUZOT_ROLES: roles } : process.env);
  const server = await startServer(config);
  const readyMs = Math.round(performance.now() - startedAt);
  const lines = [
    '',
    `Kuzot is ready in ${readyMs} ms (${config.databaseUrl ? 'PostgreSQL server' : `embedded database in ${config.dataDir}`}; roles: ${Object.entries(config.roles).filter(([, on]) => on).map(([r]) => r).join(', ')})`,
  ];
  if (server.url) lines.push(`Open http://localhost:${config.port}  (API docs: http://localhost:${config.port}/api/docs)`);
  if (server.firstAdministrator) {
    lines.push(
      '',
      'First administrator (shown once; change the password after signing in):',
      `  username: ${server.firstAdministrator.username}`,
      `  password: ${server.firstAdministrator.password}`,
    );
  }
  lines.push('');
  process.stdout.write(lines.join('\n') + '\n');

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`Received ${signal}, stopping…\n`);
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Kuzot failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

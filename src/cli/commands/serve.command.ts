import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { startBanner, stopOnSignals } from '#server/banner';
import type { Roles } from '#server/config';
import { startServer } from '#server/server';
import { CliError } from '../cli-error';
import type { CliRuntime } from '../cli-runtime';
import { parseRolesOption } from '../options';

/** `kuzot serve [--roles=api,worker,scheduler]`: runs the server, exactly as `node dist/server/main.js`. */
export function registerServeCommand(program: Command, runtime: CliRuntime): void {
  program
    .command('serve')
    .description('run the server (HTTP API, job worker, scheduler) until stopped')
    .option(
      '--roles <roles>',
      'roles to run: api, worker, scheduler or all (embedded database: all)',
      parseRolesOption,
    )
    .action(async (options: { roles?: Roles }) => {
      const startedAt = performance.now();
      const config = runtime.loadConfig(options.roles ? { roles: options.roles } : {});
      const server = await startServer(config).catch((error: unknown) => {
        throw new CliError(
          `Kuzot failed to start: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
      runtime.stdout.write(startBanner(config, server, Math.round(performance.now() - startedAt)));
      stopOnSignals(server, { stdout: runtime.stdout, stderr: runtime.stderr });
    });
}

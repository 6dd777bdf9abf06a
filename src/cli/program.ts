import { Command, CommanderError } from 'commander';
import { appVersion } from '#server/server';
import { describeError } from './cli-error';
import { createCliRuntime, type CliOptions } from './cli-runtime';
import { registerBackupCommand } from './commands/backup.command';
import { registerMigrateCommand } from './commands/migrate.command';
import { registerRestoreCommand } from './commands/restore.command';
import { registerSeedCommand } from './commands/seed.command';
import { registerServeCommand } from './commands/serve.command';
import { registerTerritoryImportPopulationCommand } from './commands/territory-import-population.command';
import { registerUserAddCommand } from './commands/user-add.command';
import { registerUserListCommand } from './commands/user-list.command';
import { registerUserResetPasswordCommand } from './commands/user-reset-password.command';
import { registerUserSetRoleCommand } from './commands/user-set-role.command';
import { registerUserStatusCommands } from './commands/user-status.command';

export type { CliOptions } from './cli-runtime';

/**
 * Runs one `kuzot` command line and resolves with the exit status (0 on success, 1 on an error, 2 on a
 * usage error) instead of exiting, so tests call it in-process. Commands are thin: they open the database
 * the configuration names and call services. With the embedded database each command holds the data
 * directory while it runs and refuses to start while a server (or another command) holds it; with a
 * PostgreSQL server (KUZOT_DATABASE_URL) commands run beside the server. `serve` resolves once the server
 * is listening and leaves it running.
 */
export async function runCli(argv: readonly string[], options: CliOptions = {}): Promise<number> {
  const runtime = createCliRuntime(options);
  const program = new Command('kuzot')
    .description(
      'Kuzot: drug-situation monitoring. Configuration comes from KUZOT_* environment variables (docs/OPERATIONS.md).',
    )
    .version(appVersion)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => runtime.stdout.write(text),
      writeErr: (text) => runtime.stderr.write(text),
    })
    .showHelpAfterError('(run with --help for usage)');

  registerServeCommand(program, runtime);
  registerMigrateCommand(program, runtime);
  registerSeedCommand(program, runtime);
  const user = program.command('user').description('manage user accounts');
  registerUserAddCommand(user, runtime);
  registerUserListCommand(user, runtime);
  registerUserStatusCommands(user, runtime);
  registerUserResetPasswordCommand(user, runtime);
  registerUserSetRoleCommand(user, runtime);
  const territory = program.command('territory').description('territories and population');
  registerTerritoryImportPopulationCommand(territory, runtime);
  registerBackupCommand(program, runtime);
  registerRestoreCommand(program, runtime);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end with exitCode 0; usage errors were already printed by commander.
      return error.exitCode === 0 ? 0 : 2;
    }
    let showStack = false;
    try {
      showStack = ['debug', 'trace'].includes(runtime.loadConfig().logLevel);
    } catch {
      // The configuration itself is what failed; its message says why.
    }
    runtime.stderr.write(`${describeError(error, { showStack }).join('\n')}\n`);
    return 1;
  }
}

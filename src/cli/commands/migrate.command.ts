import type { Command } from 'commander';
import type { CliRuntime } from '../cli-runtime';

/** `kuzot migrate`: brings the schema up to date and lists the migrations applied. */
export function registerMigrateCommand(program: Command, runtime: CliRuntime): void {
  program
    .command('migrate')
    .description('apply pending database migrations (nothing else)')
    .action(async () => {
      const applied = await runtime.migrate();
      if (applied.length === 0) runtime.print('The database schema is up to date; no migration applied.');
      else runtime.print(`Applied ${applied.length} migration(s):`, ...applied.map((name) => `  ${name}`));
    });
}

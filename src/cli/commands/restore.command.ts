import type { Command } from 'commander';
import type { CliRuntime } from '../cli-runtime';
import { backupPhaseLabels, createPhaseProgress } from '../progress';

/**
 * `kuzot restore FILE`: replaces the whole database with a backup, after migrating it. Refuses a damaged
 * file or one from another schema and then changes nothing; stop the server first.
 */
export function registerRestoreCommand(program: Command, runtime: CliRuntime): void {
  program
    .command('restore <file>')
    .description('replace the whole database with the backup in FILE (all or nothing)')
    .action(async (file: string) => {
      await runtime.withContainer('migrate', async (container) => {
        const progress = createPhaseProgress(runtime.stderr, backupPhaseLabels);
        try {
          const summary = await container.services.backup.restoreBackup(runtime.actor(), {
            file,
            onProgress: (p) => progress.update(p),
          });
          progress.finish();
          runtime.print(
            `Restored ${summary.tables} tables, ${summary.rows} rows from the backup of ${summary.createdAt} (${summary.file}).`,
          );
        } finally {
          progress.finish();
        }
      });
    });
}

import type { Command } from 'commander';
import type { CliRuntime } from '../cli-runtime';
import { backupPhaseLabels, createPhaseProgress } from '../progress';

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;

/**
 * `kuzot backup FILE [--force]`: writes a consistent backup of the whole database. It never migrates, so a
 * backup taken before an upgrade records the schema it was taken on.
 */
export function registerBackupCommand(program: Command, runtime: CliRuntime): void {
  program
    .command('backup <file>')
    .description("write a backup of the whole database to FILE (gzip'd JSON lines)")
    .option('--force', 'overwrite FILE if it exists')
    .action(async (file: string, options: { force?: boolean }) => {
      await runtime.withContainer('open', async (container) => {
        const progress = createPhaseProgress(runtime.stderr, backupPhaseLabels);
        try {
          const summary = await container.services.backup.createBackup(runtime.actor(), {
            file,
            overwrite: options.force ?? false,
            onProgress: (p) => progress.update(p),
          });
          progress.finish();
          runtime.print(
            `Backup written to ${summary.file}: ${summary.tables} tables, ${summary.rows} rows, ${size(summary.bytes)} (schema: ${summary.migrations.at(-1) ?? 'none'}).`,
          );
        } finally {
          progress.finish();
        }
      });
    });
}

import type { BackupProgress } from '#server/modules/backup/backup.types';
import type { CliStream } from './cli-runtime';

/** A progress bar on stderr: redrawn in place on a terminal, a line per quarter otherwise (logs). */
export type ProgressBar = {
  update(done: number, total: number, detail?: string | null): void;
  finish(): void;
};

/** Starts a bar labelled `label`. */
export function createProgressBar(stream: CliStream, label: string, width = 30): ProgressBar {
  let lastDraw = 0;
  let lastQuarter = -1;
  let drawn = false;
  let latest = { done: 0, total: 0, detail: '' };
  const percent = (done: number, total: number) =>
    total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 100;
  const draw = () => {
    const p = percent(latest.done, latest.total);
    const filled = Math.round((p / 100) * width);
    const counts = latest.total > 0 ? ` ${latest.done}/${latest.total}` : '';
    stream.write(
      `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(p).padStart(3)}%${counts} ${latest.detail}`.padEnd(
        100,
      ),
    );
    drawn = true;
  };
  return {
    update(done, total, detail) {
      latest = { done, total, detail: detail ?? '' };
      if (stream.isTTY) {
        const now = Date.now();
        if (now - lastDraw >= 100 || done >= total) {
          lastDraw = now;
          draw();
        }
        return;
      }
      const quarter = Math.floor(percent(done, total) / 25);
      if (quarter > lastQuarter) {
        lastQuarter = quarter;
        stream.write(`${label}: ${percent(done, total)}%${total > 0 ? ` (${done}/${total})` : ''}\n`);
      }
    },
    finish() {
      if (stream.isTTY && drawn) {
        draw();
        stream.write('\n');
      }
      drawn = false;
    },
  };
}

/** Progress of a task in phases: one bar per phase, the previous one closed when the next begins. */
export type PhaseProgress<P extends string> = {
  update(progress: { phase: P; done: number; total: number; table?: string | null }): void;
  finish(): void;
};

/** Starts phased progress with a label per phase. `finish` may be called more than once. */
export function createPhaseProgress<P extends string>(
  stream: CliStream,
  labels: Record<P, string>,
): PhaseProgress<P> {
  let phase: P | null = null;
  let bar: ProgressBar | null = null;
  return {
    update(progress) {
      if (progress.phase !== phase) {
        bar?.finish();
        phase = progress.phase;
        bar = createProgressBar(stream, labels[progress.phase]);
      }
      bar?.update(progress.done, progress.total, progress.table);
    },
    finish() {
      bar?.finish();
    },
  };
}

/** Labels of the backup and restore phases. */
export const backupPhaseLabels: Record<BackupProgress['phase'], string> = {
  backup: 'Backing up',
  verify: 'Checking file',
  restore: 'Restoring',
};

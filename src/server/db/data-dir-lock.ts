import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite serves a single process. The server marks the data directory as in use, and the CLI refuses to
 * open it meanwhile instead of corrupting it; a lock left by a crashed process (its pid is gone) is ignored.
 */
export type DataDirLock = { release(): void };

const lockFile = (dataDir: string) => path.join(dataDir, 'kuzot.lock');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of another live process holding the data directory, or null. */
export function dataDirHolder(dataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(lockFile(dataDir), 'utf8').trim());
    return Number.isInteger(pid) && pid !== process.pid && isAlive(pid) ? pid : null;
  } catch {
    return null;
  }
}

/** Takes the data directory for this process, or throws naming the process that holds it. */
export function lockDataDir(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = lockFile(dataDir);
  // Create-if-absent is atomic, so two processes starting together cannot both take the lock. A lock
  // whose process is gone (a crash) is removed and taken once more.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = dataDirHolder(dataDir);
      if (holder !== null) {
        throw new Error(
          `The embedded database in ${dataDir} is in use by process ${holder} (a running Kuzot server?). Stop it first, or use a PostgreSQL server (KUZOT_DATABASE_URL).`,
        );
      }
      if (attempt === 1) throw new Error(`Could not take the lock ${file}.`);
      fs.rmSync(file, { force: true });
    }
  }
  return {
    release() {
      try {
        if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file);
      } catch {
        // already gone
      }
    },
  };
}

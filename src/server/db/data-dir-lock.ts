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
  const holder = dataDirHolder(dataDir);
  if (holder !== null) {
    throw new Error(`The embedded database in ${dataDir} is in use by process ${holder} (a running Kuzot server?). Stop it first, or use a PostgreSQL server (KUZOT_DATABASE_URL).`);
  }
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(lockFile(dataDir), String(process.pid));
  return {
    release() {
      try {
        if (fs.readFileSync(lockFile(dataDir), 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockFile(dataDir));
      } catch {
        // already gone
      }
    },
  };
}

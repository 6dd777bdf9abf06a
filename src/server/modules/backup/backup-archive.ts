import fs from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import { AppError } from '#server/lib/app-error';

/** Reads and writes the backup file: gzip'd JSON, one value a line. Knows nothing of the content. */

export type ArchiveWriter = {
  writeLine(value: unknown): Promise<void>;
  /** Bytes written so far, compressed. */
  readonly bytes: number;
  /** Completes the file and moves it into place. */
  finish(): Promise<void>;
  /** Removes the partial file. */
  abort(): Promise<void>;
};

const exists = (file: string) =>
  fs.promises.access(file).then(
    () => true,
    () => false,
  );

/**
 * Opens a backup file for writing. Lines go to a temporary file beside it that is renamed at the end, so a
 * failed or interrupted backup never leaves a truncated file under the final name.
 */
export async function openArchiveWriter(
  file: string,
  options: { overwrite: boolean },
): Promise<ArchiveWriter> {
  if (!options.overwrite && (await exists(file))) {
    throw new AppError('CONFLICT', `${file} already exists; choose another name or allow overwriting.`, {
      file,
    });
  }
  const partial = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.partial`);
  // Readable by the owner only: a backup holds every password hash and session.
  const out = fs.createWriteStream(partial, { flags: 'wx', mode: 0o600 });
  await once(out, 'open');
  const gzip = zlib.createGzip({ level: 6 });
  gzip.pipe(out);
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure ??= error;
  };
  gzip.on('error', fail);
  out.on('error', fail);
  return {
    async writeLine(value) {
      if (failure) throw failure;
      if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, 'drain');
    },
    get bytes() {
      return out.bytesWritten;
    },
    async finish() {
      gzip.end();
      await finished(out);
      if (failure) throw failure;
      if (!options.overwrite && (await exists(file))) {
        await fs.promises.rm(partial, { force: true });
        throw new AppError('CONFLICT', `${file} appeared while the backup ran; it was not overwritten.`, {
          file,
        });
      }
      await fs.promises.rename(partial, file);
    },
    async abort() {
      gzip.destroy();
      out.destroy();
      await fs.promises.rm(partial, { force: true });
    },
  };
}

const unreadable = (file: string, reason: string) =>
  new AppError('FILE_UNREADABLE', `${file} cannot be restored: ${reason}.`, { file, reason });

/**
 * Yields the lines of a backup file. A missing file, a file that is not gzip, and a damaged or truncated
 * gzip stream all end in FILE_UNREADABLE naming the file.
 */
export async function* readArchiveLines(file: string): AsyncGenerator<string> {
  const source = fs.createReadStream(file);
  const gunzip = zlib.createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let pending: string[] = [];
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      let text = decoder.write(chunk);
      let newline = text.indexOf('\n');
      while (newline >= 0) {
        pending.push(text.slice(0, newline));
        yield pending.join('');
        pending = [];
        text = text.slice(newline + 1);
        newline = text.indexOf('\n');
      }
      if (text) pending.push(text);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw unreadable(file, 'the file does not exist');
    if (code === 'Z_DATA_ERROR')
      throw unreadable(file, 'it is not a Kuzot backup (not gzip data) or it is damaged');
    if (code === 'Z_BUF_ERROR') throw unreadable(file, 'the file is truncated');
    throw unreadable(file, (error as Error).message);
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  const rest = pending.join('') + decoder.end();
  if (rest) yield rest;
}

import zlib from 'node:zlib';
import { msg } from '#shared/messages/catalogue';
import { AppError } from '../app-error';

/**
 * Opening an uploaded zip archive (.xlsx, .docx) safely. A small file can unpack to gigabytes (a zip bomb),
 * and spreadsheet libraries trust the sizes an archive declares, so nothing reads an uploaded archive but
 * through `openArchive`, which refuses before any parsing:
 * - more than `maxEntries` entries, or entries declaring more than `maxUnpackedBytes` together;
 * - an entry that unpacks more than `maxRatio` times its packed size (above `ratioFloorBytes`);
 * - then, because the declared sizes are the sender's to choose, it really inflates every entry as a stream,
 *   keeping nothing, and stops as soon as an entry passes its declared size or the running total passes
 *   `maxUnpackedBytes`. The inflating runs on libuv's thread pool, so even the main thread stays free.
 * What passes has been inflated once within the limits; a library may then open `archive.data`.
 */
export type ArchiveLimits = {
  maxEntries: number;
  maxUnpackedBytes: number;
  maxRatio: number;
  ratioFloorBytes: number;
};

const MiB = 1024 * 1024;

/**
 * A 100,000-value flat import unpacks to about 25 MiB (ratio 10); a sheet of zeros packs about 1,000 times.
 */
export const defaultArchiveLimits: ArchiveLimits = {
  maxEntries: 1000,
  maxUnpackedBytes: 100 * MiB,
  maxRatio: 200,
  ratioFloorBytes: MiB,
};

/** An archive that passed `openArchive`: its entries can be read, each within its checked size. */
export type SafeArchive = {
  /** The archive's bytes, checked. */
  readonly data: Buffer;
  /** The entry names, in directory order. */
  readonly names: readonly string[];
  /** Bytes of all entries unpacked, as inflated during the check. */
  readonly unpackedBytes: number;
  /** The unpacked bytes of an entry, or null if there is no such entry. */
  read(name: string): Buffer | null;
  /** An entry as UTF-8 text, or null. */
  text(name: string): string | null;
};

/** Why an archive was refused as too large (FILE_TOO_LARGE_UNPACKED `details.reason`). */
export type ArchiveTooLarge = 'entries' | 'unpacked_size' | 'ratio' | 'larger_than_declared';
/** Why an archive could not be read (FILE_UNREADABLE `details.reason`). */
export type ArchiveDamaged = 'not_zip' | 'truncated' | 'zip64' | 'method' | 'damaged';

type Entry = { name: string; method: number; start: number; packed: number; unpacked: number };

/** Whether the bytes begin like a zip archive (a local file header). */
export function looksLikeZip(data: Buffer): boolean {
  return data.length >= 4 && data.readUInt32LE(0) === 0x04034b50;
}

const damaged = (reason: ArchiveDamaged) =>
  new AppError('FILE_UNREADABLE', msg('file.archive_damaged'), { reason });

function tooLarge(reason: ArchiveTooLarge, limits: ArchiveLimits, entry?: string): AppError {
  return new AppError(
    'FILE_TOO_LARGE_UNPACKED',
    msg('file.unpacks_too_large', {
      limitMiB: Math.round(limits.maxUnpackedBytes / MiB),
      maxEntries: limits.maxEntries,
    }),
    {
      reason,
      limitBytes: limits.maxUnpackedBytes,
      maxEntries: limits.maxEntries,
      ...(entry ? { entry } : {}),
    },
  );
}

/** The central directory's entries, checked for count, declared sizes and ratio (nothing inflated). */
function directoryOf(data: Buffer, limits: ArchiveLimits): Entry[] {
  if (data.length < 22 || !looksLikeZip(data)) throw damaged('not_zip');
  // The end-of-central-directory record sits in the last 22 bytes plus an optional comment of up to 64 KiB.
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65_535); i--)
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw damaged('truncated');
  const count = data.readUInt16LE(eocd + 10);
  if (count === 0xffff) throw damaged('zip64');
  if (count > limits.maxEntries) throw tooLarge('entries', limits);
  let offset = data.readUInt32LE(eocd + 16);
  let declared = 0;
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > data.length || data.readUInt32LE(offset) !== 0x02014b50) throw damaged('damaged');
    const packed = data.readUInt32LE(offset + 20);
    const unpacked = data.readUInt32LE(offset + 24);
    if (packed === 0xffffffff || unpacked === 0xffffffff) throw damaged('zip64');
    const nameLength = data.readUInt16LE(offset + 28);
    const name = data.toString('utf8', offset + 46, offset + 46 + nameLength);
    declared += unpacked;
    if (declared > limits.maxUnpackedBytes) throw tooLarge('unpacked_size', limits, name);
    if (unpacked > limits.ratioFloorBytes && unpacked > packed * limits.maxRatio)
      throw tooLarge('ratio', limits, name);
    const local = data.readUInt32LE(offset + 42);
    if (local + 30 > data.length || data.readUInt32LE(local) !== 0x04034b50) throw damaged('damaged');
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    if (start + packed > data.length) throw damaged('truncated');
    const method = data.readUInt16LE(offset + 10);
    if (method !== 0 && method !== 8) throw damaged('method');
    if (method === 0 && packed !== unpacked) throw damaged('damaged');
    entries.push({ name, method, start, packed, unpacked });
    offset += 46 + nameLength + data.readUInt16LE(offset + 30) + data.readUInt16LE(offset + 32);
  }
  return entries;
}

/**
 * Inflates an entry as a stream, keeping nothing, and stops at the first chunk past its declared size or
 * past `budget` (what the limit leaves after the entries before it). Resolves with the bytes it unpacked.
 */
function inflatedSize(data: Buffer, entry: Entry, budget: number, limits: ArchiveLimits): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflater = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
    let size = 0;
    const stop = (error: AppError) => {
      inflater.destroy();
      reject(error);
    };
    inflater.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > entry.unpacked) stop(tooLarge('larger_than_declared', limits, entry.name));
      else if (size > budget) stop(tooLarge('unpacked_size', limits, entry.name));
    });
    inflater.on('error', () => reject(damaged('damaged')));
    inflater.on('end', () => (size === entry.unpacked ? resolve(size) : reject(damaged('damaged'))));
    inflater.end(data.subarray(entry.start, entry.start + entry.packed));
  });
}

/**
 * Checks an uploaded archive before anything parses it (see the type's comment): FILE_TOO_LARGE_UNPACKED
 * (413) for too many entries, too much unpacked data or a suspicious ratio, FILE_UNREADABLE (422) for what is
 * not a readable zip archive.
 */
export async function openArchive(
  data: Buffer,
  limits: ArchiveLimits = defaultArchiveLimits,
): Promise<SafeArchive> {
  const entries = directoryOf(data, limits);
  let unpackedBytes = 0;
  for (const entry of entries) {
    if (entry.method === 0) unpackedBytes += entry.unpacked;
    else unpackedBytes += await inflatedSize(data, entry, limits.maxUnpackedBytes - unpackedBytes, limits);
  }
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const read = (name: string): Buffer | null => {
    const entry = byName.get(name);
    if (!entry) return null;
    const packed = data.subarray(entry.start, entry.start + entry.packed);
    // Its size was established above; the cap only makes sure of it.
    return entry.method === 0
      ? packed
      : zlib.inflateRawSync(packed, { maxOutputLength: entry.unpacked || 1 });
  };
  return {
    data,
    names: entries.map((entry) => entry.name),
    unpackedBytes,
    read,
    text: (name) => read(name)?.toString('utf8') ?? null,
  };
}

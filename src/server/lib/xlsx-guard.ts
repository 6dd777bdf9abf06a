import zlib from 'node:zlib';

/**
 * Checks an .xlsx (zip) file before a spreadsheet library inflates it, so a small file that unpacks to
 * gigabytes (a zip bomb) is refused instead of exhausting memory. The central directory is checked first
 * (entry count, declared sizes, compression ratio); then every entry is inflated with its declared size as
 * a hard cap, because the declared sizes are the attacker's to choose and the library trusts them.
 */
export type ZipCheck = { ok: true } | { ok: false; reason: string };

type EntryLocation = { method: number; localOffset: number; compressed: number; uncompressed: number };

export function checkZipArchive(
  data: Buffer,
  limits = { maxEntries: 2_000, maxUncompressedBytes: 300 * 1024 * 1024, maxRatio: 200 },
): ZipCheck {
  if (data.length < 22 || data.readUInt32LE(0) !== 0x04034b50)
    return { ok: false, reason: 'not a zip archive (an .xlsx file is one)' };
  // The end-of-central-directory record sits in the last 22 bytes plus an optional comment of up to 64 KiB.
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65_535); i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: 'the zip archive is truncated or damaged' };
  const entries = data.readUInt16LE(eocd + 10);
  const dirOffset = data.readUInt32LE(eocd + 16);
  if (entries > limits.maxEntries)
    return { ok: false, reason: `the archive has too many parts (${entries})` };
  let offset = dirOffset;
  let total = 0;
  const locations: EntryLocation[] = [];
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > data.length || data.readUInt32LE(offset) !== 0x02014b50) {
      return { ok: false, reason: 'the zip directory is damaged' };
    }
    const compressed = data.readUInt32LE(offset + 20);
    const uncompressed = data.readUInt32LE(offset + 24);
    if (compressed === 0xffffffff || uncompressed === 0xffffffff)
      return { ok: false, reason: 'zip64 archives are not accepted' };
    total += uncompressed;
    if (total > limits.maxUncompressedBytes)
      return { ok: false, reason: 'the file unpacks to more than the allowed size' };
    if (compressed > 0 && uncompressed / compressed > limits.maxRatio && uncompressed > 10 * 1024 * 1024) {
      return { ok: false, reason: 'the file is compressed suspiciously well (a zip bomb?)' };
    }
    locations.push({
      method: data.readUInt16LE(offset + 10),
      localOffset: data.readUInt32LE(offset + 42),
      compressed,
      uncompressed,
    });
    offset +=
      46 + data.readUInt16LE(offset + 28) + data.readUInt16LE(offset + 30) + data.readUInt16LE(offset + 32);
  }
  for (const entry of locations) {
    const problem = checkEntryContent(data, entry);
    if (problem) return { ok: false, reason: problem };
  }
  return { ok: true };
}

/** Inflates one entry, never past its declared size, and says what is wrong with it, or null. */
function checkEntryContent(data: Buffer, entry: EntryLocation): string | null {
  const { localOffset } = entry;
  if (localOffset + 30 > data.length || data.readUInt32LE(localOffset) !== 0x04034b50)
    return 'the zip archive is damaged';
  const start = localOffset + 30 + data.readUInt16LE(localOffset + 26) + data.readUInt16LE(localOffset + 28);
  if (start + entry.compressed > data.length) return 'the zip archive is truncated or damaged';
  if (entry.method === 0)
    return entry.compressed === entry.uncompressed
      ? null
      : 'a part of the archive is larger than it declares';
  if (entry.method !== 8) return 'a part of the archive uses an unsupported compression method';
  try {
    const inflated = zlib.inflateRawSync(data.subarray(start, start + entry.compressed), {
      maxOutputLength: entry.uncompressed + 1,
    });
    return inflated.length === entry.uncompressed
      ? null
      : 'a part of the archive is larger than it declares (a zip bomb?)';
  } catch {
    return 'a part of the archive is damaged or larger than it declares (a zip bomb?)';
  }
}

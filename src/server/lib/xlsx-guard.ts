/**
 * Checks an .xlsx (zip) file before a spreadsheet library inflates it, so a small file that unpacks to
 * gigabytes (a zip bomb) is refused instead of exhausting memory. Reads only the zip's central directory.
 */
export type ZipCheck = { ok: true } | { ok: false; reason: string };

export function checkZipArchive(data: Buffer, limits = { maxEntries: 2_000, maxUncompressedBytes: 300 * 1024 * 1024, maxRatio: 200 }): ZipCheck {
  if (data.length < 22 || data.readUInt32LE(0) !== 0x04034b50) return { ok: false, reason: 'not a zip archive (an .xlsx file is one)' };
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
  if (entries > limits.maxEntries) return { ok: false, reason: `the archive has too many parts (${entries})` };
  let offset = dirOffset;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > data.length || data.readUInt32LE(offset) !== 0x02014b50) {
      return { ok: false, reason: 'the zip directory is damaged' };
    }
    const compressed = data.readUInt32LE(offset + 20);
    const uncompressed = data.readUInt32LE(offset + 24);
    if (compressed === 0xffffffff || uncompressed === 0xffffffff) return { ok: false, reason: 'zip64 archives are not accepted' };
    total += uncompressed;
    if (total > limits.maxUncompressedBytes) return { ok: false, reason: 'the file unpacks to more than the allowed size' };
    if (compressed > 0 && uncompressed / compressed > limits.maxRatio && uncompressed > 10 * 1024 * 1024) {
      return { ok: false, reason: 'the file is compressed suspiciously well (a zip bomb?)' };
    }
    offset += 46 + data.readUInt16LE(offset + 28) + data.readUInt16LE(offset + 30) + data.readUInt16LE(offset + 32);
  }
  return { ok: true };
}

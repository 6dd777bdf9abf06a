import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  buildZip,
  manySheetsBomb,
  workbookXmlBomb,
  xlsxOf,
  zerosEntry,
  zipEntryOf,
} from '#server/test/factories';
import { AppError } from '../app-error';
import { defaultArchiveLimits, openArchive, type ArchiveLimits } from './archive';

const MiB = 1024 * 1024;

/** What `openArchive` says of the bytes: `ok`, or the refusal's code and reason. */
async function verdict(data: Buffer, limits?: ArchiveLimits): Promise<string> {
  try {
    await openArchive(data, limits);
    return 'ok';
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return `${error.code} ${(error.details as { reason: string }).reason}`;
  }
}

describe('openArchive', () => {
  it('opens a real workbook and reads its entries', async () => {
    const workbook = await xlsxOf([
      ['code', 'year'],
      ['41711000000000', 2030],
    ]);
    const archive = await openArchive(workbook);
    expect(archive.names).toContain('xl/workbook.xml');
    expect(archive.text('xl/workbook.xml')).toContain('<sheet ');
    expect(archive.read('missing.xml')).toBeNull();
    expect(archive.unpackedBytes).toBeGreaterThan(workbook.length);
  });

  it('reads stored (uncompressed) entries of the declared size', async () => {
    const text = Buffer.from('<Types/>');
    const archive = await openArchive(
      buildZip([
        {
          name: 'a.xml',
          compressed: text,
          uncompressedSize: text.length,
          crc32: zlib.crc32(text),
          method: 0,
        },
      ]),
    );
    expect(archive.text('a.xml')).toBe('<Types/>');
  });

  it('refuses what is not a zip archive, truncated or damaged ones (422 FILE_UNREADABLE)', async () => {
    expect(await verdict(Buffer.from('code,year\n41711000000000,2030\n'))).toBe('FILE_UNREADABLE not_zip');
    expect(await verdict(Buffer.alloc(0))).toBe('FILE_UNREADABLE not_zip');
    const zip = buildZip([zipEntryOf('a.xml', '<a/>'), zipEntryOf('b.xml', '<b/>')]);
    expect(await verdict(zip.subarray(0, zip.length - 10))).toBe('FILE_UNREADABLE truncated');
    const wrongDirectory = Buffer.from(zip);
    wrongDirectory.writeUInt32LE(4, wrongDirectory.length - 6);
    expect(await verdict(wrongDirectory)).toBe('FILE_UNREADABLE damaged');
    const entry = zipEntryOf('a.xml', 'hello '.repeat(100));
    expect(await verdict(buildZip([{ ...entry, compressed: Buffer.from('not deflate data') }]))).toBe(
      'FILE_UNREADABLE damaged',
    );
    expect(await verdict(buildZip([{ ...entry, method: 12 }]))).toBe('FILE_UNREADABLE method');
    expect(await verdict(buildZip([{ ...entry, uncompressedSize: 0xffffffff }]))).toBe(
      'FILE_UNREADABLE zip64',
    );
    // Shorter than declared is damage, not a bomb.
    expect(await verdict(buildZip([{ ...entry, uncompressedSize: entry.uncompressedSize + 1 }]))).toBe(
      'FILE_UNREADABLE damaged',
    );
  });

  it('refuses more entries than the limit before inflating anything (413)', async () => {
    const zip = buildZip([1, 2, 3].map((n) => zipEntryOf(`${n}.xml`, '<x/>')));
    expect(await verdict(zip, { ...defaultArchiveLimits, maxEntries: 2 })).toBe(
      'FILE_TOO_LARGE_UNPACKED entries',
    );
    const many = buildZip(Array.from({ length: 1001 }, (_, n) => zipEntryOf(`${n}.xml`, '<x/>')));
    expect(await verdict(many)).toBe('FILE_TOO_LARGE_UNPACKED entries');
  });

  it('refuses entries that together declare more than the limit', async () => {
    const zip = buildZip([zipEntryOf('a.xml', 'a'.repeat(600)), zipEntryOf('b.xml', 'b'.repeat(600))]);
    const limits = { ...defaultArchiveLimits, maxUnpackedBytes: 1000, maxRatio: 1e9 };
    expect(await verdict(zip, limits)).toBe('FILE_TOO_LARGE_UNPACKED unpacked_size');
  });

  it('refuses an entry packed suspiciously well', async () => {
    expect(await verdict(buildZip([await zerosEntry('xl/worksheets/sheet1.xml', 2 * MiB)]))).toBe(
      'FILE_TOO_LARGE_UNPACKED ratio',
    );
  });

  it("refuses the issue's bomb: 0.4 MB whose xl/workbook.xml inflates to 399 MiB", async () => {
    const bomb = await workbookXmlBomb();
    expect(bomb.length).toBeLessThan(MiB / 2);
    expect(await verdict(bomb)).toMatch(/^FILE_TOO_LARGE_UNPACKED (unpacked_size|ratio)$/);
    // Its headers lying about the size, it is inflated only until it passes what it declared.
    expect(await verdict(await workbookXmlBomb({ declaredSize: 4096 }))).toBe(
      'FILE_TOO_LARGE_UNPACKED larger_than_declared',
    );
  });

  it("refuses the issue's bomb of 29 sheets of 9.4 MiB, each under the ratio limit, by their total", async () => {
    const bomb = manySheetsBomb();
    expect(bomb.length).toBeLessThan(3 * MiB);
    expect(await verdict(bomb)).toBe('FILE_TOO_LARGE_UNPACKED unpacked_size');
    // Each sheet declaring 9 MiB (261 MiB together): over the limit on what they declare.
    expect(await verdict(manySheetsBomb({ declaredSize: 9 * MiB }))).toBe(
      'FILE_TOO_LARGE_UNPACKED unpacked_size',
    );
    // Each declaring 1 MiB (29 MiB, allowed): stopped while inflating the first, past what it declared.
    expect(await verdict(manySheetsBomb({ declaredSize: MiB }))).toBe(
      'FILE_TOO_LARGE_UNPACKED larger_than_declared',
    );
  });

  it('says in every language what was refused, with the limits', async () => {
    const error = await openArchive(manySheetsBomb()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'FILE_TOO_LARGE_UNPACKED',
      status: 413,
      localised: { key: 'file.unpacks_too_large', params: { limitMiB: 100, maxEntries: 1000 } },
    });
  });
});

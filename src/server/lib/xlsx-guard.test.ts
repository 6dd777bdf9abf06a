import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildZip, xlsxOf, zerosEntry, zipEntryOf } from '#server/test/factories';
import { checkZipArchive } from './xlsx-guard';

const MiB = 1024 * 1024;
const reasonOf = (data: Buffer, limits?: Parameters<typeof checkZipArchive>[1]) => {
  const check = checkZipArchive(data, limits);
  return check.ok ? 'ok' : check.reason;
};

describe('checkZipArchive', () => {
  it('accepts a real workbook', async () => {
    const workbook = await xlsxOf([
      ['code', 'year'],
      ['41711000000000', 2030],
    ]);
    expect(checkZipArchive(workbook)).toEqual({ ok: true });
  });

  it('accepts stored (uncompressed) entries of the declared size', () => {
    const text = Buffer.from('<Types/>');
    expect(
      reasonOf(
        buildZip([
          {
            name: 'a.xml',
            compressed: text,
            uncompressedSize: text.length,
            crc32: zlib.crc32(text),
            method: 0,
          },
        ]),
      ),
    ).toBe('ok');
  });

  it('refuses what is not a zip archive', () => {
    expect(reasonOf(Buffer.from('code,year\n41711000000000,2030\n'))).toContain('not a zip archive');
    expect(reasonOf(Buffer.alloc(0))).toContain('not a zip archive');
    expect(reasonOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toContain('not a zip archive');
  });

  it('refuses a truncated archive and a damaged directory', () => {
    const zip = buildZip([zipEntryOf('a.xml', '<a/>'), zipEntryOf('b.xml', '<b/>')]);
    expect(reasonOf(zip.subarray(0, zip.length - 10))).toContain('truncated or damaged');
    const wrongDirectory = Buffer.from(zip);
    wrongDirectory.writeUInt32LE(4, wrongDirectory.length - 6);
    expect(reasonOf(wrongDirectory)).toContain('zip directory is damaged');
  });

  it('refuses too many entries', () => {
    const zip = buildZip([1, 2, 3].map((n) => zipEntryOf(`${n}.xml`, '<x/>')));
    expect(reasonOf(zip, { maxEntries: 2, maxUncompressedBytes: MiB, maxRatio: 200 })).toContain(
      'too many parts (3)',
    );
  });

  it('refuses zip64 archives', () => {
    const entry = zipEntryOf('a.xml', '<a/>');
    expect(reasonOf(buildZip([{ ...entry, uncompressedSize: 0xffffffff }]))).toContain('zip64');
  });

  it('refuses an archive whose entries together unpack past the limit', () => {
    const zip = buildZip([zipEntryOf('a.xml', 'a'.repeat(600)), zipEntryOf('b.xml', 'b'.repeat(600))]);
    expect(reasonOf(zip, { maxEntries: 10, maxUncompressedBytes: 1000, maxRatio: 1e9 })).toContain(
      'unpacks to more than the allowed size',
    );
  });

  it('refuses a zip bomb: 300 KB declaring 301 MB', async () => {
    const bomb = buildZip([await zerosEntry('xl/worksheets/sheet1.xml', 301 * MiB)]);
    expect(bomb.length).toBeLessThan(400 * 1024);
    expect(reasonOf(bomb)).toContain('unpacks to more than the allowed size');
  });

  it('refuses a suspicious compression ratio on large entries', async () => {
    expect(reasonOf(buildZip([await zerosEntry('xl/worksheets/sheet1.xml', 11 * MiB)]))).toContain(
      'compressed suspiciously well',
    );
  });

  it('refuses a zip bomb whose headers lie about its size, without inflating past the lie', async () => {
    const sheet = await zerosEntry('xl/worksheets/sheet1.xml', 64 * MiB);
    expect(reasonOf(buildZip([{ ...sheet, uncompressedSize: 1000 }]))).toContain('larger than it declares');
    const stored = Buffer.alloc(100, 1);
    expect(
      reasonOf(buildZip([{ name: 'a', compressed: stored, uncompressedSize: 10, crc32: 0, method: 0 }])),
    ).toContain('larger than it declares');
  });

  it('refuses damaged data and unsupported compression methods', () => {
    const entry = zipEntryOf('a.xml', 'hello '.repeat(100));
    expect(
      reasonOf(buildZip([{ ...entry, compressed: Buffer.from('definitely not deflate data') }])),
    ).toContain('damaged');
    expect(reasonOf(buildZip([{ ...entry, method: 12 }]))).toContain('unsupported compression method');
    const shorter = buildZip([{ ...entry, uncompressedSize: entry.uncompressedSize - 1 }]);
    expect(reasonOf(shorter)).toContain('larger than it declares');
  });
});

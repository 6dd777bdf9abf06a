import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { csrfHeaderName } from '#shared/contracts/auth.contract';
import type { Territory } from '#shared/contracts/territories.contract';
import type { CreateUserRequest, User } from '#shared/contracts/users.contract';
import type { Role } from '#shared/domain/access';
import type { JobDefinition } from '#server/jobs/job-definition';
import { createWorker, type Worker } from '#server/jobs/worker';
import { systemActor } from '#server/lib/actor';
import { settlePassword, type Session, type TestApp } from './test-app';

/**
 * Test data builders. Every builder goes through the same services or HTTP routes the application uses,
 * so data made here obeys the same rules (scopes, password policy, audit) as real data.
 */

let sequence = 0;
/** A short name unique within the test process, for usernames and codes. */
export function uniqueName(prefix: string): string {
  sequence++;
  return `${prefix}-${Date.now().toString(36)}-${sequence}`;
}

/** A random UUID, for ids that exist nowhere. */
export const unknownId = (): string => randomUUID();

/** A password that passes the password policy. */
export const strongPassword = (): string => `Strong-pass-${randomUUID().slice(0, 8)}`;

export type BuiltUser = { user: User; password: string };

/**
 * Creates a user through the user service with a known password. A scoped role gets the first agency or
 * the first oblast unless the input names one.
 */
export async function buildUser(
  t: TestApp,
  input: Partial<CreateUserRequest> & { role: Role; passwordChangeDue?: boolean },
): Promise<BuiltUser> {
  const { passwordChangeDue, ...request } = input;
  const password = input.password ?? strongPassword();
  const username = input.username ?? uniqueName(input.role.replace(/_/g, '-'));
  let agencyId = input.agencyId;
  let territoryId = input.territoryId;
  if (input.role === 'agency_officer' && agencyId === undefined) {
    agencyId = (await t.container.services.agencies.list()).items[0]?.id;
  }
  if (input.role === 'regional_officer' && territoryId === undefined) {
    territoryId = (await t.container.services.territories.list()).items.find((x) => x.level === 'oblast')?.id;
  }
  const { user } = await t.container.services.users.create(systemActor('test'), {
    displayName: `Test ${input.role}`,
    ...request,
    username,
    agencyId,
    territoryId,
    password,
  });
  if (passwordChangeDue !== true) await settlePassword(t.container, username);
  return { user: { ...user, mustChangePassword: passwordChangeDue === true }, password };
}

/** Creates a user with the role and signs them in; returns the session and the password. */
export async function signedInUser(
  t: TestApp,
  input: Partial<CreateUserRequest> & { role: Role; passwordChangeDue?: boolean },
): Promise<BuiltUser & { session: Session }> {
  const built = await buildUser(t, input);
  return { ...built, session: await t.login(built.user.username, built.password) };
}

/**
 * A fingerprint of everything a population import may write (figures, uploads, jobs, audit entries), so a
 * test can assert that a refused request changed nothing at all.
 */
export type ImportFingerprint = {
  populationRows: number;
  populationHash: string;
  uploads: number;
  jobs: number;
  auditEntries: number;
};

export async function importFingerprint(t: TestApp): Promise<ImportFingerprint> {
  // Column names come back camelCased through the CamelCasePlugin.
  const { rows } = await sql<ImportFingerprint>`
    select
      (select count(*)::int from population) as population_rows,
      (select coalesce(md5(string_agg(p::text, '|' order by territory_id, year)), '') from population p) as population_hash,
      (select count(*)::int from upload) as uploads,
      (select count(*)::int from job) as jobs,
      (select count(*)::int from audit_log) as audit_entries
  `.execute(t.container.database.db);
  const row = rows[0];
  if (!row) throw new Error('no fingerprint');
  return row;
}

/** A territory of the reference data by its ISO 3166-2 code (KG-O, KG-GB …). */
export async function territoryByIso(t: TestApp, isoCode: string): Promise<Territory> {
  const found = (await t.container.services.territories.list()).items.find((x) => x.isoCode === isoCode);
  if (!found) throw new Error(`no territory with ISO code ${isoCode}`);
  return found;
}

/** SOATE codes of reference territories used by population files in tests. */
export const soate = {
  country: '41700000000000',
  batkenRegion: '41705000000000',
  oshRegion: '41706000000000',
  talasRegion: '41707000000000',
  narynRegion: '41704000000000',
  bishkek: '41711000000000',
  oshCity: '41721000000000',
} as const;

/** The header of a population file in the first layout (still accepted: kind, date and flag are optional). */
export const populationHeaders = [
  'code',
  'year',
  'total',
  'male',
  'female',
  'age_0_17',
  'age_14_35',
  'source',
  'is_estimate',
];

/** A CSV text from rows of cells; cells with the delimiter, quotes or line breaks are quoted. */
export function csvOf(
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
  delimiter: ',' | ';' = ',',
): Buffer {
  const cell = (v: string | number) => {
    const text = String(v);
    return text.includes(delimiter) || /["\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return Buffer.from(rows.map((r) => r.map(cell).join(delimiter)).join('\n') + '\n', 'utf8');
}

/** An .xlsx file with one worksheet holding the rows (the first row is the header). */
export async function xlsxOf(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('population');
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Reads an .xlsx buffer back into rows of cell values (header included); empty cells are null. */
export async function rowsOfXlsx(data: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no worksheet');
  const rows: unknown[][] = [];
  sheet.eachRow((row) => {
    rows.push(Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value ?? null));
  });
  return rows;
}

/** The bytes of a file in src/server/test/fixtures. */
export function readFixture(name: string): Buffer {
  return fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
}

/** A multipart/form-data body with one file part, ready for `app.inject`. */
export function multipartFile(file: {
  filename: string;
  data: Buffer;
  contentType?: string;
  field?: string;
}): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----kuzot-test-${randomUUID()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.filename}"\r\n` +
      `Content-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, file.data, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Uploads a population file as the session's user. */
export function uploadPopulationFile(
  t: TestApp,
  session: Session,
  file: { filename: string; data: Buffer; contentType?: string; field?: string },
): Promise<LightMyRequestResponse> {
  const { payload, headers } = multipartFile(file);
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/population-imports',
    headers: { ...headers, cookie: session.cookie, [csrfHeaderName]: session.csrfToken },
    payload,
  });
}

/** A logger that says nothing, for workers in tests. */
export const silentLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A job worker on the test database; call `drain()` to run every due job. Never started (no polling). */
export function createTestWorker(
  t: TestApp,
  definitions: readonly JobDefinition[] = t.container.jobDefinitions,
): Worker {
  return createWorker({
    executor: t.container.database.db,
    definitions,
    pollMs: 60_000,
    cpu: t.container.cpu,
    logger: silentLogger,
  });
}

/** One entry of a hand-written zip archive. */
export type ZipEntry = {
  name: string;
  /** The stored bytes: raw deflate data when `method` is 8, the content itself when 0. */
  compressed: Buffer;
  /** The uncompressed size the headers declare (may lie, to build hostile archives). */
  uncompressedSize: number;
  crc32: number;
  /** 8 = deflate (default), 0 = stored; anything else is an unsupported method. */
  method?: number;
};

/** Writes a zip archive from entries: local headers, data, central directory and end record. */
export function buildZip(entries: readonly ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const method = entry.method ?? 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(entry.crc32 >>> 0, 14);
    local.writeUInt32LE(entry.compressed.length, 18);
    local.writeUInt32LE(entry.uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(method, 10);
    header.writeUInt32LE(entry.crc32 >>> 0, 16);
    header.writeUInt32LE(entry.compressed.length, 20);
    header.writeUInt32LE(entry.uncompressedSize, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    parts.push(local, name, entry.compressed);
    central.push(header, name);
    offset += local.length + name.length + entry.compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

/** A zip entry holding `content`, deflated. */
export function zipEntryOf(name: string, content: Buffer | string): ZipEntry {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return {
    name,
    compressed: zlib.deflateRawSync(data),
    uncompressedSize: data.length,
    crc32: zlib.crc32(data),
  };
}

/**
 * A zip entry whose content is `size` zero bytes, built without ever inflating or deflating all of it: one
 * MiB of zeros is deflated once as a block ending on a byte boundary (a full flush), repeated, and closed by
 * an empty final block. 399 MiB of zeros become about 400 KB in a fraction of a second.
 */
export async function zerosEntry(name: string, size: number): Promise<ZipEntry> {
  const chunk = Buffer.alloc(MiB);
  const flushed = (data: Buffer) =>
    zlib.deflateRawSync(data, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const whole = Math.floor(size / MiB);
  const rest = size - whole * MiB;
  const piece = flushed(chunk);
  const parts: Buffer[] = Array.from({ length: whole }, () => piece);
  let crc = 0;
  for (let i = 0; i < whole; i++) crc = zlib.crc32(chunk, crc);
  if (rest > 0) {
    parts.push(flushed(chunk.subarray(0, rest)));
    crc = zlib.crc32(chunk.subarray(0, rest), crc);
  }
  // An empty final block with fixed Huffman codes: the end of the deflate stream.
  parts.push(Buffer.from([0x03, 0x00]));
  return { name, compressed: Buffer.concat(parts), uncompressedSize: size, crc32: crc };
}

const MiB = 1024 * 1024;

/** The parts every .xlsx has besides its workbook and sheets. */
function workbookSkeleton(): ZipEntry[] {
  return [
    zipEntryOf(
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    zipEntryOf('_rels/.rels', '<?xml version="1.0"?><Relationships/>'),
  ];
}

/**
 * The first zip bomb of issue 7: about 0.4 MB of .xlsx whose `xl/workbook.xml` inflates to 399 MiB.
 * `declaredSize` makes its headers lie about that size.
 */
export async function workbookXmlBomb(options: { declaredSize?: number } = {}): Promise<Buffer> {
  const workbook = await zerosEntry('xl/workbook.xml', 399 * MiB);
  return buildZip([
    ...workbookSkeleton(),
    { ...workbook, uncompressedSize: options.declaredSize ?? workbook.uncompressedSize },
  ]);
}

/**
 * The second zip bomb of issue 7: 29 sheets of about 9.4 MiB each (272 MiB together), every one packed
 * about 140 times: under a per-entry ratio check, so only the total stops it. `declaredSize` makes each
 * sheet's headers lie.
 */
export function manySheetsBomb(options: { declaredSize?: number } = {}): Buffer {
  const filler = '<c><v>0</v></c>'.repeat(80);
  const rows: string[] = [];
  let length = 0;
  for (let n = 1; length < 9.4 * MiB; n++) {
    const row = `<row r="${n}">${filler}<c><v>${n}</v></c></row>`;
    rows.push(row);
    length += row.length;
  }
  const sheet = zipEntryOf('xl/worksheets/sheet.xml', rows.join(''));
  return buildZip([
    ...workbookSkeleton(),
    ...Array.from({ length: 29 }, (_, i) => ({
      ...sheet,
      name: `xl/worksheets/sheet${i + 1}.xml`,
      uncompressedSize: options.declaredSize ?? sheet.uncompressedSize,
    })),
  ]);
}

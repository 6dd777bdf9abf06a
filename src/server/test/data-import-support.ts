import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { csrfHeaderName } from '#shared/contracts/auth.contract';
import { multipartFile } from './factories';
import type { Session, TestApp } from './test-app';

/** The header of a flat value file, in the documented order. */
export const valueFileHeaders = [
  'data_element',
  'territory',
  'period',
  'disaggregation',
  'value',
  'comment',
  'flag',
] as const;

export type ValueFileRow = ReadonlyArray<string | number | null>;

/**
 * A flat .xlsx value file: the header then the rows, on one sheet. Written with the streaming writer so the
 * bench can build 100,000 values without holding a whole workbook model.
 */
export async function buildValuesXlsx(
  rows: readonly ValueFileRow[],
  headers: readonly string[] = valueFileHeaders,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false });
  const sheet = workbook.addWorksheet('values');
  sheet.addRow([...headers]).commit();
  for (const row of rows) sheet.addRow([...row]).commit();
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** A flat CSV value file (comma separated, UTF-8). */
export function buildValuesCsv(
  rows: readonly ValueFileRow[],
  headers: readonly string[] = valueFileHeaders,
): Buffer {
  const cell = (v: string | number | null) => {
    const text = v === null ? '' : String(v);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return Buffer.from([headers, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n', 'utf8');
}

/** Uploads a value file as the session's user. */
export function uploadValues(
  t: TestApp,
  session: Session,
  file: { filename: string; data: Buffer },
  options: { dryRun?: boolean } = {},
): Promise<LightMyRequestResponse> {
  const { payload, headers } = multipartFile(file);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/data-imports${options.dryRun ? '?dryRun=true' : ''}`,
    headers: { ...headers, cookie: session.cookie, [csrfHeaderName]: session.csrfToken },
    payload,
  });
}

/** Every stored value as `element/territory code/period/disaggregation = value`, sorted, to compare states. */
export async function storedValues(t: TestApp): Promise<string[]> {
  const { rows } = await sql<{ line: string }>`
    select e.code || '/' || t.code || '/' || v.period || '/' || v.disaggregation || '=' || v.value::text
           || coalesce(' ' || v.flag, '') || coalesce(' #' || v.comment, '') as line
    from data_value v
    join data_element e on e.id = v.data_element_id
    join territory t on t.id = v.territory_id
    order by 1
  `.execute(t.container.database.db);
  return rows.map((r) => r.line);
}

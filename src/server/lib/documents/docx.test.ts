import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '#shared/format/locale-format';
import { renderDocx } from './docx';
import { sampleDocument } from './render.test-support';

/** An entry of a .docx, unpacked with the system's unzip. */
function unzipEntry(data: Buffer, entry: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuzot-docx-'));
  try {
    const file = path.join(dir, 'doc.docx');
    fs.writeFileSync(file, data);
    return execFileSync('unzip', ['-p', file, entry], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const decode = (xml: string) =>
  xml
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The paragraphs of word/document.xml as text, each the join of its runs. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>/g)].map((t) => decode(t[1] ?? '')).join(''),
  );
}

describe('renderDocx', () => {
  it('writes the title, Kyrgyz and Russian paragraphs and a table that read back from the XML', async () => {
    const data = await renderDocx(sampleDocument());
    const xml = unzipEntry(data, 'word/document.xml');
    const text = paragraphs(xml);
    expect(text).toContain('Баңгизат абалы: Ысык-Көл облусу');
    expect(text).toContain('Бул отчёт үлгү катары түзүлдү; ң ө ү Ң Ө Ү тамгалары туура көрүнүшү керек.');
    expect(text).toContain('Краткий обзор');
    const table = /<w:tbl>[\s\S]*<\/w:tbl>/.exec(xml)?.[0] ?? '';
    const rows = [...table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => paragraphs(r[0]));
    expect(rows).toEqual([
      ['Аймак', 'Кылмыштар', 'Үлүш'],
      ['Түп району 1', formatNumber(495_190, 'ky'), ''],
      ['Түп району 2', formatNumber(495_191, 'ky'), formatNumber(12.5, 'ky')],
      ['Түп району 3', formatNumber(495_192, 'ky'), formatNumber(12.5, 'ky')],
    ]);
    // The header row repeats on every page; the title is in the document's properties.
    expect(table).toContain('<w:tblHeader');
    expect(unzipEntry(data, 'docProps/core.xml')).toContain('Баңгизат абалы: Ысык-Көл облусу');
    // The text is marked Kyrgyz, so Word checks its spelling as such.
    expect(unzipEntry(data, 'word/styles.xml')).toMatch(/<w:lang w:val="ky-KG"/);
  });
});

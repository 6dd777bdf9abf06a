import type { SimpleDocument } from './document';

/** A document with everything the renderers handle: Kyrgyz letters, Russian, numbers, a table over pages. */
export function sampleDocument(rows = 3): SimpleDocument {
  return {
    title: 'Баңгизат абалы: Ысык-Көл облусу',
    language: 'ky',
    blocks: [
      {
        kind: 'paragraph',
        text: 'Бул отчёт үлгү катары түзүлдү; ң ө ү Ң Ө Ү тамгалары туура көрүнүшү керек.',
      },
      { kind: 'heading', text: 'Краткий обзор' },
      { kind: 'paragraph', text: 'Число преступлений, связанных с наркотиками, выросло.' },
      {
        kind: 'table',
        table: {
          columns: ['Аймак', 'Кылмыштар', 'Үлүш'],
          rows: Array.from({ length: rows }, (_, i) => [
            `Түп району ${i + 1}`,
            495_190 + i,
            i === 0 ? null : 12.5,
          ]),
        },
      },
    ],
  };
}

import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code and is never edited once merged.

/**
 * Units become codes of the catalogue of units (cases, persons, kg, per_100k, …), named in each language by
 * the interface and the exports. Units an administrator typed in English, Russian or Kyrgyz are turned into
 * their code; a unit that matches none is left as it was (nothing is lost) and the catalogue form asks for a
 * unit to be picked.
 */
const spellings: ReadonlyArray<readonly [string, string]> = [
  ['cases', 'cases'],
  ['case', 'cases'],
  ['случаи', 'cases'],
  ['случаев', 'cases'],
  ['случай', 'cases'],
  ['ед.', 'cases'],
  ['учур', 'cases'],
  ['учурлар', 'cases'],
  ['persons', 'persons'],
  ['person', 'persons'],
  ['people', 'persons'],
  ['человек', 'persons'],
  ['чел.', 'persons'],
  ['чел', 'persons'],
  ['адам', 'persons'],
  ['events', 'events'],
  ['мероприятия', 'events'],
  ['мероприятий', 'events'],
  ['иш-чара', 'events'],
  ['plants', 'plants'],
  ['растения', 'plants'],
  ['растений', 'plants'],
  ['кусты', 'plants'],
  ['кустов', 'plants'],
  ['өсүмдүк', 'plants'],
  ['laboratories', 'laboratories'],
  ['labs', 'laboratories'],
  ['лаборатории', 'laboratories'],
  ['лабораторий', 'laboratories'],
  ['лаборатория', 'laboratories'],
  ['items', 'items'],
  ['pieces', 'items'],
  ['шт.', 'items'],
  ['шт', 'items'],
  ['штук', 'items'],
  ['даана', 'items'],
  ['kg', 'kg'],
  ['kilograms', 'kg'],
  ['кг', 'kg'],
  ['килограмм', 'kg'],
  ['g', 'g'],
  ['grams', 'g'],
  ['г', 'g'],
  ['грамм', 'g'],
  ['t', 'tonnes'],
  ['tonnes', 'tonnes'],
  ['tons', 'tonnes'],
  ['т', 'tonnes'],
  ['тонн', 'tonnes'],
  ['l', 'litres'],
  ['litres', 'litres'],
  ['liters', 'litres'],
  ['л', 'litres'],
  ['литров', 'litres'],
  ['ha', 'ha'],
  ['hectares', 'ha'],
  ['га', 'ha'],
  ['гектар', 'ha'],
  ['per_100k', 'per_100k'],
  ['per 100,000', 'per_100k'],
  ['per 100 000', 'per_100k'],
  ['per 100000', 'per_100k'],
  ['на 100 000', 'per_100k'],
  ['на 100 тыс.', 'per_100k'],
  ['на 100 тыс. населения', 'per_100k'],
  ['100 миң калкка', 'per_100k'],
  ['per_1000', 'per_1000'],
  ['per 1,000', 'per_1000'],
  ['на 1000', 'per_1000'],
  ['percent', 'percent'],
  ['%', 'percent'],
  ['процент', 'percent'],
  ['проценты', 'percent'],
  ['пайыз', 'percent'],
];

export async function up(db: Kysely<any>): Promise<void> {
  const from = spellings.map(([spelling]) => spelling);
  const to = spellings.map(([, code]) => code);
  for (const table of ['data_element', 'indicator']) {
    await sql`
      UPDATE ${sql.table(table)} AS t SET unit = m.code
      FROM unnest(${from}::text[], ${to}::text[]) AS m(spelling, code)
      WHERE lower(btrim(t.unit)) = m.spelling AND t.unit <> m.code
    `.execute(db);
  }
}

/** Codes are valid units of the earlier free-text column, so there is nothing to undo. */
export async function down(): Promise<void> {}

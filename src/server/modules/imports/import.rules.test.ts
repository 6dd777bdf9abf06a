import { describe, expect, it } from 'vitest';
import type { Catalogue, DataElement } from '#shared/contracts/catalogue.contract';
import type { Territory } from '#shared/contracts/territories.contract';
import {
  disaggregationsOf,
  flatEntries,
  flatHeaderProblems,
  importElements,
  jsonEntries,
  normalisePeriodText,
  parseValue,
  problemsInFile,
  resolveEntries,
  territoryResolver,
} from './import.rules';
import { described, msg, renderMessage } from '#shared/messages/catalogue';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const name = (en: string) => ({ ky: `${en} ky`, ru: `${en} ru`, en });

const element = (n: number, code: string, comboId: string, periodType: DataElement['periodType']) => ({
  id: id(n),
  code,
  name: name(code),
  description: '',
  agencyId: id(900),
  unit: 'cases',
  valueType: 'integer' as const,
  periodType,
  categoryComboId: comboId,
  aggregationTime: 'sum' as const,
  aggregationTerritory: 'sum' as const,
  direction: 'neutral' as const,
  isActive: true,
  reportedLevel: 'leaf' as const,
  allowsNegative: false,
});

const option = (n: number, code: string, sortOrder: number) => ({
  id: id(n),
  code,
  name: name(code),
  sortOrder,
});

const catalogue: Catalogue = {
  categories: [
    { id: id(10), code: 'sex', name: name('Sex'), options: [option(12, 'female', 2), option(11, 'male', 1)] },
    { id: id(20), code: 'age', name: name('Age'), options: [option(21, 'young', 1), option(22, 'old', 2)] },
  ],
  categoryCombos: [
    { id: id(30), code: 'default', name: name('None'), categoryIds: [] },
    { id: id(31), code: 'sex_age', name: name('Sex and age'), categoryIds: [id(10), id(20)] },
  ],
  dataElements: [element(40, 'crimes', id(30), 'month'), element(41, 'persons', id(31), 'year')],
  indicators: [],
  validationRules: [],
  populationCodes: [],
};

const territory = (n: number, code: string, isoCode: string | null, en: string, ru: string): Territory => ({
  id: id(n),
  code,
  isoCode,
  level: 'district',
  parentId: null,
  name: { ky: `${en} ky`, ru, en },
  variants: [],
  adminCenter: null,
  notes: null,
});

const territories = [
  territory(50, '41711000000000', 'KG-GB', 'Bishkek', 'Бишкек'),
  territory(51, '41706000000000', 'KG-O', 'Osh', 'Ошская область'),
  territory(52, '41721000000000', 'KG-GO', 'Osh', 'Ош'),
];

const context = { elements: importElements(catalogue), territory: territoryResolver(territories) };

describe('import rules', () => {
  it('lists the disaggregations of a combination in category and option order', () => {
    const [persons] = catalogue.dataElements.filter((e) => e.code === 'persons');
    expect(disaggregationsOf(persons!, catalogue).map((d) => d.key)).toEqual([
      'male.young',
      'male.old',
      'female.young',
      'female.old',
    ]);
    const [crimes] = catalogue.dataElements;
    expect(disaggregationsOf(crimes!, catalogue).map((d) => d.key)).toEqual(['']);
  });

  it('finds territories by SOATE code, ISO code and exact name in any language, refusing ambiguous names', () => {
    const find = context.territory;
    expect(find('41711000000000')).toEqual({ id: id(50) });
    expect(find('kg-gb')).toEqual({ id: id(50) });
    expect(find(' бишкек ')).toEqual({ id: id(50) });
    expect(find('Bishkek ky')).toEqual({ id: id(50) });
    expect(find('Osh')).toEqual({
      problem: msg('import.territory_ambiguous', { text: 'Osh', codes: '41706000000000, 41721000000000' }),
    });
    expect(find('41799999999999')).toEqual({
      problem: msg('import.territory_code_unknown', { code: '41799999999999' }),
    });
    expect(find('Atlantis')).toEqual({ problem: msg('import.territory_unknown', { text: 'Atlantis' }) });
    expect(find(' ')).toEqual({ problem: msg('import.territory_missing') });
  });

  it('reads numbers as people type them', () => {
    expect(parseValue('12')).toBe(12);
    expect(parseValue('12,5')).toBe(12.5);
    expect(parseValue('1 234')).toBe(1234);
    expect(parseValue('')).toBeNull();
    expect(parseValue('twelve')).toBe('invalid');
    expect(parseValue('1,234,5')).toBe('invalid');
    expect(normalisePeriodText('2024-03-01T00:00:00.000Z')).toBe('2024-03');
    expect(normalisePeriodText('2024Q1')).toBe('2024Q1');
  });

  it('names unknown and missing columns', () => {
    expect(flatHeaderProblems(['data_element', 'territory', 'period', 'amount'])).toEqual([
      {
        row: 1,
        column: 'amount',
        message:
          'Unknown column "amount". Expected: data_element, territory, period, disaggregation, value, comment, flag.',
        localised: msg('import.unknown_column', {
          column: 'amount',
          expected: 'data_element, territory, period, disaggregation, value, comment, flag',
        }),
      },
      {
        row: 1,
        column: 'value',
        message: 'Missing column "value".',
        localised: msg('import.missing_column', { column: 'value' }),
      },
    ]);
    expect(flatHeaderProblems(['data_element', 'territory', 'period', 'value', 'comment', 'flag'])).toEqual(
      [],
    );
  });

  it('resolves good rows and reports every bad one with its row and column', () => {
    const headers = ['data_element', 'territory', 'period', 'disaggregation', 'value', 'flag'];
    const rows = [
      ['crimes', 'KG-GB', '2024-03', '', '12', 'estimated'],
      ['persons', 'Бишкек', '2024', 'female.old', '3,0', ''],
      ['nothing', 'KG-GB', '2024-03', '', '1', ''],
      ['crimes', 'Atlantis', '2024', '', 'many', 'maybe'],
      ['persons', 'KG-GB', '2024', 'male', '1', ''],
      ['crimes', '41711000000000', '2024-03', '', '', ''],
    ].map((cells, i) => ({ row: i + 2, cells: Object.fromEntries(headers.map((h, j) => [h, cells[j]!])) }));
    const result = resolveEntries(flatEntries(headers, rows), context);
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([
      [4, 'data_element'],
      [5, 'territory'],
      [5, 'period'],
      [5, 'value'],
      [5, 'flag'],
      [6, 'disaggregation'],
      [7, 'value'],
    ]);
    expect(result.problems.map((p) => p.localised.key)).toEqual([
      'import.element_unknown',
      'import.territory_unknown',
      'value.period_type_wrong',
      'import.value_not_number',
      'import.flag_invalid',
      'import.disaggregation_unknown',
      'import.duplicate_cell',
    ]);
    expect(result.problems.map((p) => p.message)).toEqual([
      'No data element has the code "nothing".',
      'No territory is called or coded "Atlantis".',
      'crimes is reported by month; 2024 is a year.',
      '"many" is not a number.',
      '"maybe" is not a flag: leave it empty or write estimated or provisional.',
      '"male" is not a disaggregation of "persons"; expected one of: male.young, male.old, female.young, female.old.',
      'Duplicate of row 2: the same cell appears twice.',
    ]);
    expect(result.writes).toEqual([
      {
        dataElementId: id(40),
        territoryId: id(50),
        period: '2024-03',
        disaggregation: '',
        value: 12,
        flag: 'estimated',
      },
      {
        dataElementId: id(41),
        territoryId: id(50),
        period: '2024',
        disaggregation: 'female.old',
        value: 3,
        flag: null,
      },
    ]);
    expect(result.origins.map((o) => o.row)).toEqual([2, 3]);
  });

  it('names JSON fields and maps the write path problems back to file rows and columns', () => {
    const entries = jsonEntries([
      { dataElement: 'crimes', territory: 'KG-GB', period: '2024-03', value: 1 },
      { dataElement: 'crimes', territory: 'KG-GB', period: '2024-04', value: null, comment: 'gone' },
    ]);
    const result = resolveEntries(entries, context);
    expect(result.problems).toEqual([]);
    expect(result.writes[1]).toMatchObject({ value: null, comment: 'gone' });
    expect(
      problemsInFile(
        [
          { row: 2, column: 'dataElementId', ...described(msg('value.other_agency', { code: 'crimes' })) },
          { row: 1, column: null, ...described(msg('value.approved_locked', { period: '2024-03' })) },
        ],
        result.origins,
      ),
    ).toEqual([
      {
        row: 2,
        column: 'values[1].dataElement',
        message: 'crimes belongs to another agency.',
        localised: msg('value.other_agency', { code: 'crimes' }),
      },
      {
        row: 1,
        column: 'values[0].value',
        message: 'The figures of March 2024 are approved and locked.',
        localised: msg('value.approved_locked', { period: '2024-03' }),
      },
    ]);
    const bad = resolveEntries(
      jsonEntries([{ dataElement: 'crimes', territory: 'KG-GB', period: '2024', value: 1 }]),
      context,
    );
    expect(bad.problems).toEqual([expect.objectContaining({ row: 1, column: 'values[0].period' })]);
  });
});

describe("import problems in the reader's language", () => {
  const problemsOf = (rows: string[][]) => {
    const headers = ['data_element', 'territory', 'period', 'disaggregation', 'value'];
    const table = rows.map((cells, i) => ({
      row: i + 2,
      cells: Object.fromEntries(headers.map((h, j) => [h, cells[j]!])),
    }));
    return resolveEntries(flatEntries(headers, table), context).problems;
  };

  it('renders the problems of a file in Russian and Kyrgyz', () => {
    const [element, period, value] = problemsOf([
      ['nothing', 'KG-GB', '2024-03', '', '1'],
      ['crimes', 'KG-GB', '2024-13', '', 'many'],
    ]);
    expect(renderMessage(element!.localised, 'ru')).toBe('Нет элемента данных с кодом «nothing».');
    expect(renderMessage(element!.localised, 'ky')).toBe('«nothing» коду менен маалымат элементи жок.');
    expect(renderMessage(period!.localised, 'ru')).toBe(
      '«2024-13» не период: месяц должен быть от 01 до 12.',
    );
    expect(renderMessage(period!.localised, 'ky')).toBe('«2024-13» мезгил эмес: ай 01ден 12ге чейин болот.');
    expect(renderMessage(value!.localised, 'ru')).toBe('«many» не число.');
    expect(renderMessage(value!.localised, 'ky')).toBe('«many» сан эмес.');
  });

  it('names the period of a wrong period type as readers write it', () => {
    const [wrong] = problemsOf([['crimes', 'KG-GB', '2024Q1', '', '1']]);
    expect(wrong?.message).toBe('crimes is reported by month; Q1 2024 is a quarter.');
    expect(renderMessage(wrong!.localised, 'ru')).toBe(
      '«crimes» представляется помесячно, а I квартал 2024 — квартал.',
    );
    expect(renderMessage(wrong!.localised, 'ky')).toBe(
      '«crimes» ай сайын берилет, ал эми 2024-ж. I чейрек — чейрек.',
    );
  });

  it('tells that an element without disaggregations takes none, in every language', () => {
    const [problem] = problemsOf([['crimes', 'KG-GB', '2024-03', 'male', '1']]);
    expect(problem?.message).toBe('"crimes" has no disaggregation; leave it empty instead of "male".');
    expect(renderMessage(problem!.localised, 'ru')).toBe(
      '«crimes» не имеет разбивки; оставьте разбивку пустой вместо «male».',
    );
  });

  it('says in Russian and Kyrgyz which columns a file lacks or has too many', () => {
    const [unknown, missing] = flatHeaderProblems(['data_element', 'territory', 'period', 'amount']);
    expect(renderMessage(unknown!.localised, 'ru')).toMatch(
      /^Неизвестный столбец «amount»\. Ожидаются: data_element/,
    );
    expect(renderMessage(missing!.localised, 'ky')).toBe('«value» мамычасы жок.');
  });
});

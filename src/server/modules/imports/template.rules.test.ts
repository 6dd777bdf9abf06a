import { describe, expect, it } from 'vitest';
import type { Territory } from '#shared/contracts/territories.contract';
import { reportingTerritories, sheetNameFor, templateEntries } from './template.rules';

const territory = (id: string, code: string, parentId: string | null): Territory => ({
  id,
  code,
  isoCode: null,
  level: 'district',
  parentId,
  name: { ky: id, ru: id, en: id },
  variants: [],
  adminCenter: null,
  notes: null,
});

describe('template rules', () => {
  const all = [
    territory('country', '41700000000000', null),
    territory('oblast', '41706000000000', 'country'),
    territory('district-b', '41706220000000', 'oblast'),
    territory('district-a', '41706210000000', 'oblast'),
    territory('city', '41711000000000', 'country'),
  ];

  it('has rows for the territories without children in scope, by SOATE code', () => {
    expect(reportingTerritories(all, null).map((t) => t.id)).toEqual(['district-a', 'district-b', 'city']);
    expect(reportingTerritories(all, new Set(['oblast', 'district-b'])).map((t) => t.id)).toEqual([
      'district-b',
    ]);
  });

  it('has rows for the oblasts (and territories outside any oblast) for an element reported by oblast', () => {
    const levelled = all.map((t) => (t.id === 'oblast' ? { ...t, level: 'oblast' as const } : t));
    expect(reportingTerritories(levelled, null, 'oblast').map((t) => t.id)).toEqual(['oblast', 'city']);
  });

  it('makes sheet names Excel accepts, unique', () => {
    const used = new Set(['drug crimes']);
    expect(sheetNameFor('Drug crimes', used)).toBe('Drug crimes 2');
    expect(sheetNameFor('a/b:c', new Set())).toBe('a b c');
    expect(sheetNameFor('x'.repeat(40), new Set()).length).toBeLessThanOrEqual(31);
  });

  it('turns every value cell into an entry naming the sheet cell', () => {
    const entries = templateEntries('2024-03', [
      {
        name: 'Crimes',
        columns: [
          { column: 5, letter: 'E', key: 'cannabis' },
          { column: 6, letter: 'F', key: 'heroin' },
        ],
        rows: [{ row: 3, key: 'drug_crimes|41711000000000', cells: { 5: '4', 6: '' } }],
      },
    ]);
    expect(entries.map((e) => e.entry)).toEqual([
      {
        dataElement: 'drug_crimes',
        territory: '41711000000000',
        period: '2024-03',
        disaggregation: 'cannabis',
        value: '4',
      },
      {
        dataElement: 'drug_crimes',
        territory: '41711000000000',
        period: '2024-03',
        disaggregation: 'heroin',
        value: '',
      },
    ]);
    expect(entries[1]?.origin).toMatchObject({
      row: 3,
      columns: { value: 'Crimes!F', territoryId: 'Crimes!D' },
    });
  });
});

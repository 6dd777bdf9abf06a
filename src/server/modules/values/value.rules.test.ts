import { describe, expect, it } from 'vitest';
import type { ValueWrite } from './values.types';
import { canRead, canWrite, isFigureLocked, scopeOf, subtreeOf } from '#shared/domain/value-scope';
import {
  checkWrites,
  planWrites,
  type ElementFacts,
  type StoredCell,
  type WriteContext,
  lastPeriodStartOn,
} from './value.rules';
import { reportingTerritoryIds } from '#shared/domain/reporting';
import { renderMessage } from '#shared/messages/catalogue';

// country → oblast A (districts a1, a2), oblast B (district b1)
const territories = [
  { id: 'kg', parentId: null },
  { id: 'A', parentId: 'kg' },
  { id: 'a1', parentId: 'A' },
  { id: 'a2', parentId: 'A' },
  { id: 'B', parentId: 'kg' },
  { id: 'b1', parentId: 'B' },
];
const levelled = territories.map((t) => ({
  ...t,
  level: t.parentId === null ? 'country' : t.parentId === 'kg' ? 'oblast' : 'district',
}));
const user = (
  role: Parameters<typeof scopeOf>[0]['role'],
  agencyId: string | null,
  territoryId: string | null,
) => scopeOf({ role, agencyId, territoryId }, territories);

describe('scope', () => {
  it('finds a subtree', () => {
    expect([...subtreeOf(territories, 'A')].sort()).toEqual(['A', 'a1', 'a2']);
    expect([...subtreeOf(territories, 'kg')]).toHaveLength(6);
    expect([...subtreeOf(territories, 'b1')]).toEqual(['b1']);
  });

  it('lets analysts, administrators and the system write anything', () => {
    for (const role of ['administrator', 'analyst', 'system'] as const) {
      const scope = user(role, null, null);
      expect(canWrite(scope, 'MIA', 'b1')).toBe(true);
      expect(scope.officer).toBe(false);
    }
  });

  it("keeps an agency officer to the agency's elements, and to their territory when they have one", () => {
    const anywhere = user('agency_officer', 'MIA', null);
    expect(canWrite(anywhere, 'MIA', 'b1')).toBe(true);
    expect(canWrite(anywhere, 'MOH', 'b1')).toBe(false);
    const inA = user('agency_officer', 'MIA', 'A');
    expect(canWrite(inA, 'MIA', 'a2')).toBe(true);
    expect(canWrite(inA, 'MIA', 'A')).toBe(true);
    expect(canWrite(inA, 'MIA', 'b1')).toBe(false);
    expect(canWrite(inA, 'MIA', 'kg')).toBe(false);
  });

  it('keeps a regional officer to their subtree, and to their agency when they have one', () => {
    const regional = user('regional_officer', null, 'A');
    expect(canWrite(regional, 'MOH', 'a1')).toBe(true);
    expect(canWrite(regional, 'MIA', 'a1')).toBe(true);
    expect(canWrite(regional, 'MIA', 'B')).toBe(false);
    const regionalMia = user('regional_officer', 'MIA', 'A');
    expect(canWrite(regionalMia, 'MIA', 'a1')).toBe(true);
    expect(canWrite(regionalMia, 'MOH', 'a1')).toBe(false);
  });

  it('gives roles without data entry, and scoped roles without their scope, nothing', () => {
    for (const scope of [
      user('viewer', null, null),
      user('media_editor', null, null),
      user('agency_officer', null, null),
      user('regional_officer', 'MIA', null),
    ])
      expect(canWrite(scope, 'MIA', 'a1')).toBe(false);
  });

  it('lets officers read approved values anywhere, the rest only in scope', () => {
    const officer = user('agency_officer', 'MIA', null);
    expect(canRead(officer, 'MOH', 'a1', 'approved')).toBe(true);
    expect(canRead(officer, 'MOH', 'a1', 'submitted')).toBe(false);
    expect(canRead(officer, 'MIA', 'a1', 'draft')).toBe(true);
  });

  it('locks approved figures for all and submitted ones for officers', () => {
    const officer = user('regional_officer', null, 'A');
    const analyst = user('analyst', null, null);
    expect(isFigureLocked(officer, 'approved')).toBe(true);
    expect(isFigureLocked(analyst, 'approved')).toBe(true);
    expect(isFigureLocked(officer, 'submitted')).toBe(true);
    expect(isFigureLocked(analyst, 'submitted')).toBe(false);
    for (const status of ['draft', 'returned'] as const) expect(isFigureLocked(officer, status)).toBe(false);
  });
});

describe('checking writes', () => {
  const element = (overrides: Partial<ElementFacts>): ElementFacts => ({
    id: 'e1',
    code: 'drug_crimes',
    agencyId: 'MIA',
    valueType: 'integer',
    periodType: 'month',
    isActive: true,
    disaggregations: new Set(['cannabis', 'heroin']),
    reportedLevel: 'leaf',
    allowsNegative: false,
    ...overrides,
  });
  const context = (overrides: Partial<WriteContext> = {}): WriteContext => ({
    scope: user('administrator', null, null),
    elements: new Map([
      ['e1', element({})],
      [
        'share',
        element({ id: 'share', code: 'share', valueType: 'percentage', disaggregations: new Set(['']) }),
      ],
      ['kg', element({ id: 'kg', code: 'seized_kg', valueType: 'number', disaggregations: new Set(['']) })],
      ['old', element({ id: 'old', code: 'old', isActive: false })],
    ]),
    territoryIds: new Set(territories.map((t) => t.id)),
    statusOf: () => 'draft',
    reportsAt: (level, territoryId) => reportingTerritoryIds(level, levelled).has(territoryId),
    territoryName: (id) => id,
    lastPeriodStart: lastPeriodStartOn('2026-12-07'),
    ...overrides,
  });
  const write = (overrides: Partial<ValueWrite> = {}): ValueWrite => ({
    dataElementId: 'e1',
    territoryId: 'a1',
    period: '2024-03',
    disaggregation: 'cannabis',
    value: 3,
    ...overrides,
  });
  const columnsOf = (writes: ValueWrite[], c = context()) =>
    checkWrites(writes, c).map((p) => [p.row, p.column, p.kind]);

  it('accepts good writes, including clearing', () => {
    expect(checkWrites([write(), write({ disaggregation: 'heroin', value: null })], context())).toEqual([]);
    expect(checkWrites([write({ dataElementId: 'kg', disaggregation: '', value: 2.75 })], context())).toEqual(
      [],
    );
  });

  it('names every problem of every write', () => {
    expect(
      columnsOf([
        write({ value: 2.5 }),
        write({ dataElementId: 'nope' }),
        write({ territoryId: 'nowhere' }),
        write({ period: '2024Q1' }),
        write({ period: '2024-13' }),
        write({ disaggregation: 'tobacco' }),
        write({ dataElementId: 'share', disaggregation: '', value: 100.5 }),
        write({ dataElementId: 'old' }),
        write({ value: Number.NaN }),
        write({ value: Number.POSITIVE_INFINITY, period: '2024-04' }),
      ]),
    ).toEqual(
      [
        [1, 'value', 'invalid'],
        [2, 'dataElementId', 'not_found'],
        [3, 'territoryId', 'not_found'],
        [4, 'period', 'invalid'],
        [5, 'period', 'invalid'],
        [6, 'disaggregation', 'invalid'],
        [7, 'value', 'invalid'],
        [8, 'dataElementId', 'invalid'],
        [9, 'value', 'invalid'],
        [10, 'value', 'invalid'],
        // row 9 writes the same cell as row 1
        [9, 'value', 'invalid'],
      ].sort((a, b) => Number(a[0]) - Number(b[0])),
    );
  });

  it('refuses writes out of scope and into locked reports', () => {
    const officer = context({ scope: user('agency_officer', 'MOH', null) });
    expect(columnsOf([write()], officer)).toEqual([[1, 'dataElementId', 'scope']]);
    const approved = context({ statusOf: (_a, _t, period) => (period === '2024-03' ? 'approved' : 'draft') });
    expect(columnsOf([write(), write({ period: '2024-04' })], approved)).toEqual([[1, 'period', 'locked']]);
    const submitted = { statusOf: () => 'submitted' as const };
    expect(columnsOf([write()], context(submitted))).toEqual([]);
    expect(
      columnsOf([write()], context({ ...submitted, scope: user('agency_officer', 'MIA', null) })),
    ).toEqual([[1, 'period', 'locked']]);
  });

  it('gives every problem as a catalogue message, with the English rendering beside it', () => {
    const found = checkWrites(
      [
        write({ value: 2.5 }),
        write({ dataElementId: 'nope' }),
        write({ territoryId: 'nowhere' }),
        write({ period: '2024Q1' }),
        write({ period: '2024-13' }),
        write({ disaggregation: 'tobacco' }),
        write({ disaggregation: '' }),
        write({ dataElementId: 'share', disaggregation: '', value: 100.5 }),
        write({ dataElementId: 'old' }),
        write({ value: Number.NaN, disaggregation: 'heroin' }),
        write({ disaggregation: 'heroin', value: 4 }),
      ],
      context(),
    );
    expect(found.map((p) => [p.row, p.localised.key, p.message])).toEqual([
      [1, 'value.not_whole', 'drug_crimes takes whole numbers; 2.5 is not one.'],
      [2, 'value.element_unknown', 'There is no such data element.'],
      [3, 'value.territory_unknown', 'There is no such territory.'],
      [4, 'value.period_type_wrong', 'drug_crimes is reported by month; Q1 2024 is a quarter.'],
      [5, 'period.invalid', '"2024-13" is not a period: months run 01–12.'],
      [6, 'value.disaggregation_unknown', '"tobacco" is not a disaggregation of drug_crimes.'],
      [7, 'value.disaggregation_missing', 'drug_crimes needs a disaggregation (one of cannabis, heroin…).'],
      [8, 'value.not_percentage', 'share is a percentage (0–100); 100.5 is not.'],
      [9, 'value.element_inactive', 'Data element old is inactive.'],
      [10, 'value.not_finite', 'The value is not a finite number.'],
      [11, 'value.same_cell_twice', 'The same cell is already set in row 10.'],
    ]);
  });

  it('says in Russian and Kyrgyz why a write is refused, naming the territory and the period', () => {
    const named = context({
      territoryName: (id) => ({ ky: `${id} району`, ru: `${id} район`, en: `${id} district` }),
    });
    const [wrongType] = checkWrites([write({ period: '2024Q1' })], named);
    expect(renderMessage(wrongType!.localised, 'ru')).toBe(
      '«drug_crimes» представляется помесячно, а I квартал 2024 — квартал.',
    );
    expect(renderMessage(wrongType!.localised, 'ky')).toBe(
      '«drug_crimes» ай сайын берилет, ал эми 2024-ж. I чейрек — чейрек.',
    );

    const officer = { ...named, scope: user('regional_officer', null, 'B') };
    const [outside] = checkWrites([write()], officer);
    expect(outside?.localised.key).toBe('value.territory_out_of_scope');
    expect(outside?.message).toBe('a1 district is outside your scope.');
    expect(renderMessage(outside!.localised, 'ru')).toBe('Территория «a1 район» вне ваших полномочий.');
    expect(renderMessage(outside!.localised, 'ky')).toBe(
      '«a1 району» сиздин укугуңуздагы аймактарга кирбейт.',
    );

    const approved = { ...named, statusOf: () => 'approved' as const };
    const [locked] = checkWrites([write()], approved);
    expect(locked?.message).toBe('The figures of March 2024 are approved and locked.');
    expect(renderMessage(locked!.localised, 'ru')).toBe('Данные за март 2024 утверждены и заблокированы.');
    expect(renderMessage(locked!.localised, 'ky')).toBe(
      '2024-ж. март боюнча маалыматтар бекитилип, кулпуланган.',
    );

    const submitted = {
      ...named,
      statusOf: () => 'submitted' as const,
      scope: user('agency_officer', 'MIA', null),
    };
    const [waiting] = checkWrites([write()], submitted);
    expect(renderMessage(waiting!.localised, 'ru')).toBe(
      'Данные за март 2024 отправлены на утверждение; изменить их можно после возврата.',
    );

    const [otherAgency] = checkWrites([write()], { ...named, scope: user('agency_officer', 'MOH', null) });
    expect(renderMessage(otherAgency!.localised, 'ky')).toBe('«drug_crimes» башка ведомствого таандык.');
  });
});

describe('values in range and where they are reported', () => {
  const element = (overrides: Partial<ElementFacts>): ElementFacts => ({
    id: 'e1',
    code: 'crimes_total',
    agencyId: 'GPO',
    valueType: 'integer',
    periodType: 'month',
    isActive: true,
    disaggregations: new Set(['']),
    reportedLevel: 'leaf',
    allowsNegative: false,
    ...overrides,
  });
  const context = (elements: ElementFacts[]): WriteContext => ({
    scope: user('administrator', null, null),
    elements: new Map(elements.map((e) => [e.id, e])),
    territoryIds: new Set(territories.map((t) => t.id)),
    statusOf: () => 'draft',
    reportsAt: (level, territoryId) => reportingTerritoryIds(level, levelled).has(territoryId),
    territoryName: (id) => ({ ky: id, ru: id, en: `territory ${id}` }),
    lastPeriodStart: lastPeriodStartOn('2026-12-07'),
  });
  const write = (overrides: Partial<ValueWrite> = {}): ValueWrite => ({
    dataElementId: 'e1',
    territoryId: 'a1',
    period: '2026-04',
    disaggregation: '',
    value: 3,
    ...overrides,
  });
  const problems = (writes: ValueWrite[], elements = [element({})]) =>
    checkWrites(writes, context(elements)).map((p) => [p.row, p.column, p.kind, p.localised?.key]);

  it('refuses a value at a territory the element is not reported at, naming element and territory', () => {
    // Reported by districts: the oblast's and the country's figures are their sums.
    expect(problems([write({ territoryId: 'A' }), write({ territoryId: 'kg' }), write()])).toEqual([
      [1, 'territoryId', 'not_reported', 'value.not_reported_here'],
      [2, 'territoryId', 'not_reported', 'value.not_reported_here'],
    ]);
    const [first] = checkWrites([write({ territoryId: 'A' })], context([element({})]));
    expect(first?.message).toContain('crimes_total');
    expect(first?.message).toContain('territory A');
    // Reported by oblast: the oblast takes it, its districts do not.
    const byOblast = [element({ reportedLevel: 'oblast' })];
    expect(problems([write({ territoryId: 'A' }), write({ territoryId: 'a1' })], byOblast)).toEqual([
      [2, 'territoryId', 'not_reported', 'value.not_reported_here'],
    ]);
  });

  it('refuses negative values unless the element allows them', () => {
    expect(problems([write({ value: -5 })])).toEqual([[1, 'value', 'invalid', 'value.negative']]);
    expect(problems([write({ value: -5 })], [element({ allowsNegative: true })])).toEqual([]);
  });

  it('refuses integers beyond safe precision and any value beyond ±1e15', () => {
    // As a JSON body or a file cell arrives: 9007199254740993 is read as …992.
    expect(problems([write({ value: Number('9007199254740993') })])).toEqual([
      [1, 'value', 'invalid', 'value.too_large'],
    ]);
    expect(problems([write({ value: 1e20 })])).toEqual([[1, 'value', 'invalid', 'value.too_large']]);
    const amounts = [element({ valueType: 'number', allowsNegative: true })];
    expect(
      problems([write({ value: 1.7e308 }), write({ territoryId: 'a2', value: -1.7e308 })], amounts),
    ).toEqual([
      [1, 'value', 'invalid', 'value.too_large'],
      [2, 'value', 'invalid', 'value.too_large'],
    ]);
    expect(problems([write({ value: 1e15 })])).toEqual([]);
  });

  it('refuses periods that start after the end of next year', () => {
    expect(problems([write({ period: '9999-12' }), write({ period: '2028-01' })])).toEqual([
      [1, 'period', 'invalid', 'value.period_too_late'],
      [2, 'period', 'invalid', 'value.period_too_late'],
    ]);
    expect(problems([write({ period: '2027-12' })])).toEqual([]);
  });
});

describe('planning writes', () => {
  const stored = (overrides: Partial<StoredCell> = {}): StoredCell => ({
    dataElementId: 'e1',
    territoryId: 'a1',
    period: '2024-03',
    disaggregation: '',
    value: 5,
    comment: 'note',
    flag: 'estimated',
    ...overrides,
  });
  const key = (cell: StoredCell) =>
    `${cell.dataElementId}|${cell.period}|${cell.territoryId}|${cell.disaggregation}`;
  const existing = new Map([[key(stored()), stored()]]);
  const write = (overrides: Partial<ValueWrite>): ValueWrite => ({
    dataElementId: 'e1',
    territoryId: 'a1',
    period: '2024-03',
    disaggregation: '',
    value: 5,
    ...overrides,
  });

  it('leaves an equal cell alone and keeps comment and flag when not given', () => {
    expect(planWrites([write({})], existing).summary).toEqual({
      created: 0,
      updated: 0,
      deleted: 0,
      unchanged: 1,
    });
    const { changes, summary } = planWrites([write({ value: 6 })], existing);
    expect(summary.updated).toBe(1);
    expect(changes[0]?.after).toMatchObject({ value: 6, comment: 'note', flag: 'estimated' });
  });

  it('changes comment and flag when given; a blank comment is none', () => {
    const { changes } = planWrites([write({ comment: '  ', flag: null })], existing);
    expect(changes[0]?.after).toMatchObject({ value: 5, comment: null, flag: null });
    expect(planWrites([write({ comment: 'note', flag: 'estimated' })], existing).summary.unchanged).toBe(1);
  });

  it('creates, deletes, and counts clearing a missing cell as unchanged', () => {
    const { changes, summary } = planWrites(
      [
        write({ value: null }),
        write({ period: '2024-04', value: 1 }),
        write({ period: '2024-05', value: null }),
      ],
      existing,
    );
    expect(summary).toEqual({ created: 1, updated: 0, deleted: 1, unchanged: 1 });
    expect(changes.map((c) => [c.before?.value ?? null, c.after?.value ?? null])).toEqual([
      [5, null],
      [null, 1],
    ]);
  });
});

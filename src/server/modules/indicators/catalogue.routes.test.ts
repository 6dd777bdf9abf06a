import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgencyList } from '#shared/contracts/agencies.contract';
import type {
  Catalogue,
  CheckFormulaResponse,
  DataElement,
  Indicator,
  ValidationRule,
} from '#shared/contracts/catalogue.contract';
import { systemActor } from '#server/lib/actor';
import { territoryByIso, unknownId } from '#server/test/factories';
import { createTestApp, type Session, type TestApp } from '#server/test/test-app';

const name = { ky: 'Сыноо көрсөткүчү', ru: 'Тестовый показатель', en: 'Test figure' };

/** The inputs each of the ten indicators of the default methodology (SPEC §2.3) needs. */
const methodologyInputs: Record<string, string[]> = {
  drug_crime_rate: ['drug_crimes', 'population.total'],
  drug_crime_share: ['drug_crimes', 'crimes_total'],
  involvement_rate: ['drug_offence_prosecuted', 'population.total'],
  criminogenicity_rate: ['crimes_under_intoxication', 'population.total'],
  poisoning_rate: ['acute_poisonings', 'population.total'],
  drug_death_rate: ['drug_induced_deaths', 'population.total'],
  first_diagnosis_rate: ['first_diagnoses', 'population.total'],
  prevalence_rate: ['persons_under_observation', 'population.total'],
  students_at_risk_share: ['students_at_risk', 'students_tested'],
  seizure_rate: ['drugs_seized_kg', 'customs_seized_kg', 'border_seized_kg', 'population.total'],
};

describe('catalogue routes', () => {
  let t: TestApp;
  let admin: Session;
  let viewer: Session;
  let agencyId: string;

  const element = (code: string) => ({
    code,
    name,
    agencyId,
    unit: 'cases',
    valueType: 'integer',
    periodType: 'month',
    aggregationTime: 'sum',
    aggregationTerritory: 'sum',
    direction: 'higher_is_worse',
  });
  const indicator = (code: string, formula: string) => ({
    code,
    name,
    unit: 'per_100k',
    direction: 'higher_is_worse',
    formula,
    validFrom: '2015-01-01',
  });
  const catalogue = async () => (await viewer.request('GET', '/api/v1/catalogue')).json<Catalogue>();

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login(t.admin.username, t.admin.password);
    viewer = await t.loginAs('viewer');
    const agencies = (await viewer.request('GET', '/api/v1/agencies')).json<AgencyList>().items;
    agencyId = agencies.find((a) => a.code === 'MOH')!.id;
  });

  afterAll(async () => {
    await t.close();
  });

  it('ships the default catalogue: every input of the ten indicators, each indicator as version 1', async () => {
    const response = await viewer.request('GET', '/api/v1/catalogue');
    expect(response.statusCode).toBe(200);
    const body = response.json<Catalogue>();
    const codes = new Set([...body.dataElements.map((e) => e.code), ...body.populationCodes]);
    for (const [code, inputs] of Object.entries(methodologyInputs)) {
      const found = body.indicators.find((i) => i.code === code);
      expect(found, code).toBeDefined();
      expect(found!.versions).toEqual([
        expect.objectContaining({ version: 1, validFrom: '2015-01-01', validTo: null }),
      ]);
      for (const input of inputs) {
        expect(codes.has(input), `${code} needs ${input}`).toBe(true);
        expect(found!.versions[0]!.formula).toContain(`#{${input}}`);
      }
    }
    expect(body.categories.map((c) => c.code).sort()).toEqual(['age_group', 'sex', 'substance']);
    const substance = body.categories.find((c) => c.code === 'substance')!;
    expect(substance.options.map((o) => o.code)).toEqual([
      'cannabis',
      'heroin',
      'opium',
      'synthetic',
      'cocaine',
      'other',
    ]);
    const defaultCombo = body.categoryCombos.find((c) => c.code === 'default')!;
    expect(defaultCombo.categoryIds).toEqual([]);
    const sexAge = body.categoryCombos.find((c) => c.code === 'sex_age')!;
    const categoryCode = (id: string) => body.categories.find((c) => c.id === id)?.code;
    expect(sexAge.categoryIds.map(categoryCode)).toEqual(['sex', 'age_group']);
    for (const e of body.dataElements) expect(e.name.ky && e.name.ru && e.name.en).toBeTruthy();
  });

  it('loads the defaults once and keeps administrators’ edits', async () => {
    const before = await catalogue();
    const drugCrimes = before.dataElements.find((e) => e.code === 'drug_crimes')!;
    const renamed = { ...drugCrimes.name, en: 'Drug crimes (edited)' };
    expect(
      (await admin.request('PATCH', `/api/v1/data-elements/${drugCrimes.id}`, { name: renamed })).statusCode,
    ).toBe(200);
    expect(await t.container.services.catalogue.seedDefaults(systemActor('test'))).toBe(0);
    const after = await catalogue();
    expect(after.dataElements).toHaveLength(before.dataElements.length);
    expect(after.indicators).toHaveLength(before.indicators.length);
    expect(after.dataElements.find((e) => e.code === 'drug_crimes')!.name).toEqual(renamed);
  });

  it('adds a data element (201) in the default combination, audited', async () => {
    const response = await admin.request('POST', '/api/v1/data-elements', element('test_cases'));
    expect(response.statusCode).toBe(201);
    const created = response.json<DataElement>();
    const body = await catalogue();
    expect(created).toMatchObject({
      code: 'test_cases',
      name,
      agencyId,
      isActive: true,
      description: '',
      categoryComboId: body.categoryCombos.find((c) => c.code === 'default')!.id,
    });
    const audit = await t.container.services.audit.list({
      action: 'data_element.created',
      entityId: created.id,
    });
    expect(audit.items[0]).toMatchObject({
      actorId: admin.body.user.id,
      before: null,
      after: { code: 'test_cases' },
    });
  });

  it('refuses to change the period type or disaggregation of an element with values (409), other fields still change', async () => {
    const created = (
      await admin.request('POST', '/api/v1/data-elements', element('test_with_values'))
    ).json<DataElement>();
    const other = (await catalogue()).categoryCombos.find((c) => c.code === 'substance')!;
    // Without values, both may change.
    const free = await admin.request('PATCH', `/api/v1/data-elements/${created.id}`, {
      periodType: 'quarter',
    });
    expect(free.json<DataElement>().periodType).toBe('quarter');
    await admin.request('PATCH', `/api/v1/data-elements/${created.id}`, { periodType: 'month' });
    const osh = await territoryByIso(t, 'KG-GO');
    const saved = await admin.request('PUT', '/api/v1/data-values', {
      dataElementId: created.id,
      territoryId: osh.id,
      period: '2024-03',
      value: 5,
    });
    expect(saved.statusCode).toBe(200);
    const period = await admin.request('PATCH', `/api/v1/data-elements/${created.id}`, {
      periodType: 'year',
    });
    expect(period.statusCode).toBe(409);
    expect(period.json()).toMatchObject({ code: 'ELEMENT_HAS_VALUES', details: { field: 'periodType' } });
    const combo = await admin.request('PATCH', `/api/v1/data-elements/${created.id}`, {
      categoryComboId: other.id,
    });
    expect(combo.json()).toMatchObject({ code: 'ELEMENT_HAS_VALUES', details: { field: 'categoryComboId' } });
    // Its values were entered at territories without children: they would count nowhere at another level.
    const level = await admin.request('PATCH', `/api/v1/data-elements/${created.id}`, {
      reportedLevel: 'oblast',
    });
    expect(level.json()).toMatchObject({ code: 'ELEMENT_HAS_VALUES', details: { field: 'reportedLevel' } });
    const renamed = await admin.request('PATCH', `/api/v1/data-elements/${created.id}`, {
      unit: 'persons',
      periodType: 'month',
    });
    expect(renamed.json<DataElement>()).toMatchObject({ unit: 'persons', periodType: 'month' });
  });

  it('keeps where an element is reported and whether it may be negative; offers no territory "last"', async () => {
    const created = await admin.request('POST', '/api/v1/data-elements', {
      ...element('test_reported_by_oblast'),
      reportedLevel: 'oblast',
      allowsNegative: true,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json<DataElement>()).toMatchObject({ reportedLevel: 'oblast', allowsNegative: true });
    const plain = (
      await admin.request('POST', '/api/v1/data-elements', element('test_reported_default'))
    ).json<DataElement>();
    expect(plain).toMatchObject({ reportedLevel: 'leaf', allowsNegative: false });
    const lastOverTerritory = await admin.request('POST', '/api/v1/data-elements', {
      ...element('test_territory_last'),
      aggregationTerritory: 'last',
    });
    expect(lastOverTerritory.statusCode).toBe(400);
    expect(lastOverTerritory.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('refuses a code taken by a data element or an indicator (409)', async () => {
    const taken = await admin.request('POST', '/api/v1/data-elements', element('drug_crimes'));
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'DATA_ELEMENT_CODE_TAKEN', details: { field: 'code' } });
    const takenByIndicator = await admin.request('POST', '/api/v1/data-elements', element('drug_crime_rate'));
    expect(takenByIndicator.json()).toMatchObject({ code: 'DATA_ELEMENT_CODE_TAKEN' });
    const indicatorTaken = await admin.request('POST', '/api/v1/indicators', indicator('drug_crimes', '1'));
    expect(indicatorTaken.statusCode).toBe(409);
    expect(indicatorTaken.json()).toMatchObject({ code: 'INDICATOR_CODE_TAKEN' });
  });

  it('validates codes, agencies and combinations', async () => {
    const upper = await admin.request('POST', '/api/v1/data-elements', element('Bad-Code'));
    expect(upper.statusCode).toBe(400);
    const noAgency = await admin.request('POST', '/api/v1/data-elements', {
      ...element('no_agency'),
      agencyId: unknownId(),
    });
    expect(noAgency.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'agencyId' } });
    const noCombo = await admin.request('POST', '/api/v1/data-elements', {
      ...element('no_combo'),
      categoryComboId: unknownId(),
    });
    expect(noCombo.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'categoryComboId' },
    });
  });

  it('stores a new indicator with its formula in canonical form', async () => {
    const response = await admin.request(
      'POST',
      '/api/v1/indicators',
      indicator('test_rate', '( #{test_cases}/#{population.total} )*100000'),
    );
    expect(response.statusCode).toBe(201);
    expect(response.json<Indicator>()).toMatchObject({
      code: 'test_rate',
      decimals: 1,
      versions: [{ version: 1, formula: '#{test_cases} / #{population.total} * 100000', validTo: null }],
    });
  });

  it('refuses a formula with a syntax error (400, with its position)', async () => {
    const response = await admin.request(
      'POST',
      '/api/v1/indicators',
      indicator('bad_syntax', '#{drug_crimes} / )'),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'formula', position: 17 },
    });
  });

  it('refuses a formula with an unknown code (400)', async () => {
    const response = await admin.request(
      'POST',
      '/api/v1/indicators',
      indicator('bad_code', '#{drug_crimes} / #{no_such_thing}'),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'formula', position: 17, message: expect.stringContaining('no_such_thing') },
    });
  });

  it('refuses circular references (400, naming the cycle)', async () => {
    const self = await admin.request(
      'POST',
      '/api/v1/indicators',
      indicator('loop_self', '#{loop_self} + 1'),
    );
    expect(self.statusCode).toBe(400);
    expect(self.json()).toMatchObject({ details: { field: 'formula', cycle: ['loop_self', 'loop_self'] } });

    const a = (
      await admin.request('POST', '/api/v1/indicators', indicator('loop_a', '#{drug_crimes}'))
    ).json<Indicator>();
    expect(
      (await admin.request('POST', '/api/v1/indicators', indicator('loop_b', '#{loop_a} * 2'))).statusCode,
    ).toBe(201);
    const cycle = await admin.request('POST', `/api/v1/indicators/${a.id}/versions`, {
      formula: '#{loop_b} + 1',
      validFrom: '2020-01-01',
    });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      localised: {
        key: 'formula.in_field',
        params: {
          field: { key: 'formula.field.formula' },
          problem: { key: 'formula.cycle', params: { path: 'loop_a → loop_b → loop_a' } },
        },
      },
      details: { field: 'formula', message: 'Circular reference: loop_a → loop_b → loop_a.' },
    });
    const unchanged = (await catalogue()).indicators.find((i) => i.code === 'loop_a')!;
    expect(unchanged.versions).toHaveLength(1);
  });

  it('lets only one of two racing changes close a circle', async () => {
    const create = async (code: string) =>
      (
        await admin.request('POST', '/api/v1/indicators', indicator(code, '#{drug_crimes}'))
      ).json<Indicator>();
    const [x, y] = [await create('race_x'), await create('race_y')];
    const responses = await Promise.all([
      admin.request('POST', `/api/v1/indicators/${x.id}/versions`, {
        formula: '#{race_y}',
        validFrom: '2021-01-01',
      }),
      admin.request('POST', `/api/v1/indicators/${y.id}/versions`, {
        formula: '#{race_x}',
        validFrom: '2021-01-01',
      }),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 400]);
  });

  it('changes a formula as a new version, keeping history; formulaAt picks the version by date', async () => {
    const created = (
      await admin.request('POST', '/api/v1/indicators', indicator('versioned', '#{drug_crimes}'))
    ).json<Indicator>();
    const v2 = await admin.request('POST', `/api/v1/indicators/${created.id}/versions`, {
      formula: '#{drug_crimes} * 2',
      validFrom: '2020-03-01',
    });
    expect(v2.statusCode).toBe(201);
    const v3 = await admin.request('POST', `/api/v1/indicators/${created.id}/versions`, {
      formula: '#{drug_crimes} * 3',
      validFrom: '2024-01-01',
    });
    expect(v3.json<Indicator>().versions).toEqual([
      expect.objectContaining({
        version: 1,
        formula: '#{drug_crimes}',
        validFrom: '2015-01-01',
        validTo: '2020-02-29',
      }),
      expect.objectContaining({
        version: 2,
        formula: '#{drug_crimes} * 2',
        validFrom: '2020-03-01',
        validTo: '2023-12-31',
      }),
      expect.objectContaining({
        version: 3,
        formula: '#{drug_crimes} * 3',
        validFrom: '2024-01-01',
        validTo: null,
      }),
    ]);
    const at = (date: string) => t.container.services.catalogue.formulaAt('versioned', date);
    expect(await at('2014-12-31')).toBeNull();
    expect((await at('2015-01-01'))?.version).toBe(1);
    expect((await at('2020-02-29'))?.version).toBe(1);
    expect((await at('2020-03-01'))?.version).toBe(2);
    expect((await at('2023-12-31'))?.formula).toBe('#{drug_crimes} * 2');
    expect((await at('2030-06-01'))?.version).toBe(3);

    const notLater = await admin.request('POST', `/api/v1/indicators/${created.id}/versions`, {
      formula: '#{drug_crimes} * 4',
      validFrom: '2024-01-01',
    });
    expect(notLater.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'validFrom' } });

    const audit = await t.container.services.audit.list({
      action: 'indicator.version_created',
      entityId: created.id,
    });
    expect(audit.items).toHaveLength(2);
    expect(audit.items[0]).toMatchObject({
      actorId: admin.body.user.id,
      before: { versions: [{ version: 1 }, { version: 2, validTo: null }] },
      after: { versions: [{ version: 1 }, { version: 2, validTo: '2023-12-31' }, { version: 3 }] },
    });
  });

  it('changes an indicator’s description but not its formula, audited', async () => {
    const target = (await catalogue()).indicators.find((i) => i.code === 'versioned')!;
    const response = await admin.request('PATCH', `/api/v1/indicators/${target.id}`, {
      decimals: 3,
      isActive: false,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<Indicator>()).toMatchObject({
      decimals: 3,
      isActive: false,
      versions: target.versions,
    });
    const audit = await t.container.services.audit.list({ action: 'indicator.updated', entityId: target.id });
    expect(audit.items[0]).toMatchObject({ before: { decimals: 1 }, after: { decimals: 3 } });
  });

  it('ships the default validation rules, among them prosecuted ≤ 3 × drug crimes', async () => {
    const rules = (await catalogue()).validationRules;
    expect(rules.find((r) => r.code === 'prosecuted_vs_drug_crimes')).toMatchObject({
      leftSide: '#{drug_offence_prosecuted}',
      operator: '<=',
      rightSide: '3 * #{drug_crimes}',
      isActive: true,
    });
  });

  it('adds and changes a validation rule with checked sides, audited; refuses a taken code', async () => {
    const rule = {
      code: 'test_rule',
      name,
      leftSide: '#{test_cases}',
      operator: '<=',
      rightSide: '(#{drug_crimes})*2',
      importance: 'low',
      periodType: 'month',
    };
    const created = await admin.request('POST', '/api/v1/validation-rules', rule);
    expect(created.statusCode).toBe(201);
    const body = created.json<ValidationRule>();
    expect(body).toMatchObject({ code: 'test_rule', rightSide: '#{drug_crimes} * 2', description: '' });
    expect((await admin.request('POST', '/api/v1/validation-rules', rule)).json()).toMatchObject({
      code: 'VALIDATION_RULE_CODE_TAKEN',
    });
    const badSide = await admin.request('POST', '/api/v1/validation-rules', {
      ...rule,
      code: 'bad_rule',
      rightSide: '2 * #{nothing_here}',
    });
    expect(badSide.statusCode).toBe(400);
    expect(badSide.json()).toMatchObject({ details: { field: 'rightSide', position: 4 } });

    const changed = await admin.request('PATCH', `/api/v1/validation-rules/${body.id}`, {
      operator: '<',
      importance: 'high',
    });
    expect(changed.json<ValidationRule>()).toMatchObject({ operator: '<', importance: 'high' });
    const badPatch = await admin.request('PATCH', `/api/v1/validation-rules/${body.id}`, { leftSide: '#{' });
    expect(badPatch.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'leftSide' } });
    const audit = await t.container.services.audit.list({ entityId: body.id });
    expect(audit.items.map((a) => a.action)).toEqual(['validation_rule.updated', 'validation_rule.created']);
    expect(audit.items[0]).toMatchObject({ before: { operator: '<=' }, after: { operator: '<' } });
  });

  it('answers 404 for unknown ids', async () => {
    for (const [method, url, body] of [
      ['PATCH', `/api/v1/data-elements/${unknownId()}`, { isActive: false }],
      ['PATCH', `/api/v1/indicators/${unknownId()}`, { isActive: false }],
      ['POST', `/api/v1/indicators/${unknownId()}/versions`, { formula: '1', validFrom: '2020-01-01' }],
      ['PATCH', `/api/v1/validation-rules/${unknownId()}`, { isActive: false }],
    ] as const) {
      const response = await admin.request(method, url, body);
      expect(response.statusCode, url).toBe(404);
    }
  });

  it('lets every role read the catalogue and only administrators change it', async () => {
    const officer = await t.loginAs('agency_officer');
    expect((await officer.request('GET', '/api/v1/catalogue')).statusCode).toBe(200);
    expect((await officer.request('POST', '/api/v1/data-elements', element('officer_made'))).statusCode).toBe(
      403,
    );
    expect(
      (await officer.request('POST', '/api/v1/indicators', indicator('officer_rate', '1'))).statusCode,
    ).toBe(403);
    const target = (await catalogue()).dataElements[0]!;
    expect(
      (await officer.request('PATCH', `/api/v1/data-elements/${target.id}`, { isActive: false })).statusCode,
    ).toBe(403);
  });

  it('checks a formula without saving it: syntax, every unknown code, canonical text', async () => {
    const check = (body: Record<string, unknown>) => viewer.request('POST', '/api/v1/formulas/check', body);
    const good = await check({ formula: '(#{drug_crimes})/#{population.total}*100000' });
    expect(good.statusCode).toBe(200);
    expect(good.json()).toEqual({
      problems: [],
      canonical: '#{drug_crimes} / #{population.total} * 100000',
    });
    expect((await check({ formula: '#{drug_crimes} / )' })).json()).toEqual({
      problems: [
        {
          kind: 'syntax',
          message: expect.stringContaining('18'),
          localised: expect.objectContaining({ key: 'formula.token_unexpected' }),
          position: 17,
          code: null,
          cycle: null,
        },
      ],
      canonical: null,
    });
    expect((await check({ formula: '' })).json()).toMatchObject({
      problems: [{ kind: 'syntax', position: 0 }],
    });
    const unknown = (
      await check({ formula: '#{nope_one} + #{drug_crimes} + #{nope_two} + #{nope_one}' })
    ).json<CheckFormulaResponse>();
    expect(unknown.problems.map((p) => [p.kind, p.code, p.position])).toEqual([
      ['unknown-code', 'nope_one', 0],
      ['unknown-code', 'nope_two', 31],
    ]);
    expect(unknown.canonical).toBe('#{nope_one} + #{drug_crimes} + #{nope_two} + #{nope_one}');
    const before = await catalogue();
    expect(before.indicators.some((i) => i.code === 'nope_one')).toBe(false);
  });

  it('names the circle a formula would close, for a new or an existing indicator', async () => {
    const check = (body: Record<string, unknown>) =>
      admin.request('POST', '/api/v1/formulas/check', body).then((r) => r.json<CheckFormulaResponse>());
    // A new indicator may name itself only through a circle; its own code is not "unknown".
    expect((await check({ formula: '#{fresh_rate} + 1', indicatorCode: 'fresh_rate' })).problems).toEqual([
      {
        kind: 'cycle',
        message: 'Circular reference: fresh_rate → fresh_rate.',
        localised: { key: 'formula.cycle', params: { path: 'fresh_rate → fresh_rate' } },
        position: null,
        code: null,
        cycle: ['fresh_rate', 'fresh_rate'],
      },
    ]);
    const a = (
      await admin.request('POST', '/api/v1/indicators', indicator('check_a', '#{drug_crimes}'))
    ).json<Indicator>();
    await admin.request('POST', '/api/v1/indicators', indicator('check_b', '#{check_a} * 2'));
    const circle = await check({ formula: '#{check_b} + 1', indicatorCode: 'check_a' });
    expect(circle.problems).toMatchObject([{ kind: 'cycle', cycle: ['check_a', 'check_b', 'check_a'] }]);
    // The check saved nothing; saving the same formula is refused with the same circle.
    const saved = await admin.request('POST', `/api/v1/indicators/${a.id}/versions`, {
      formula: '#{check_b} + 1',
      validFrom: '2022-01-01',
    });
    expect(saved.json()).toMatchObject({ details: { cycle: ['check_a', 'check_b', 'check_a'] } });
    // A validation rule side (no indicator) has no circle to close.
    expect((await check({ formula: '#{check_b} + #{check_a}' })).problems).toEqual([]);
  });

  it('refuses a bad formula check request (400)', async () => {
    for (const body of [
      {},
      { formula: 1 },
      { formula: '1', indicatorCode: 'Bad Code' },
      { formula: '1', x: 1 },
    ]) {
      const response = await viewer.request('POST', '/api/v1/formulas/check', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
    }
  });

  it('validation rules: refuses unknown codes on either side, bad operators and importances; may use indicators', async () => {
    const rule = (code: string, extra: Record<string, unknown> = {}) => ({
      code,
      name,
      leftSide: '#{drug_crimes}',
      operator: '>=',
      rightSide: '0',
      importance: 'medium',
      periodType: 'quarter',
      ...extra,
    });
    const post = (body: unknown) => admin.request('POST', '/api/v1/validation-rules', body);
    const unknownLeft = await post(rule('vr_left', { leftSide: '#{ghost} + 1' }));
    expect(unknownLeft.statusCode).toBe(400);
    expect(unknownLeft.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'leftSide', position: 0, message: expect.stringContaining('ghost') },
    });
    for (const [extra, field] of [
      [{ operator: '=>' }, 'operator'],
      [{ operator: '==' }, 'operator'],
      [{ importance: 'critical' }, 'importance'],
      [{ periodType: 'week' }, 'periodType'],
      [{ code: 'Bad Rule' }, 'code'],
    ] as const) {
      const response = await post(rule('vr_bad', extra));
      expect(response.statusCode, field).toBe(400);
      expect(JSON.stringify(response.json()), field).toContain(field);
    }
    // Indicators and population figures may appear on either side.
    const withIndicator = await post(
      rule('vr_indicator', { leftSide: '#{drug_crime_rate}', rightSide: '#{population.total}' }),
    );
    expect(withIndicator.statusCode).toBe(201);
    expect(withIndicator.json<ValidationRule>()).toMatchObject({
      importance: 'medium',
      periodType: 'quarter',
    });
    const id = withIndicator.json<ValidationRule>().id;
    const badOperator = await admin.request('PATCH', `/api/v1/validation-rules/${id}`, { operator: '<>' });
    expect(badOperator.statusCode).toBe(400);
    const unknownRight = await admin.request('PATCH', `/api/v1/validation-rules/${id}`, {
      rightSide: '#{ghost}',
      importance: 'low',
    });
    expect(unknownRight.json()).toMatchObject({ details: { field: 'rightSide' } });
    // A refused change changes nothing, not even the fields that were valid.
    const stored = (await catalogue()).validationRules.find((r) => r.id === id);
    expect(stored).toMatchObject({ importance: 'medium', rightSide: '#{population.total}' });
    expect((await post(rule('vr_none'))).statusCode).toBe(201);
  });

  it('keeps a data element’s code: a change of code is refused (400)', async () => {
    const target = (await catalogue()).dataElements.find((e) => e.code === 'test_cases')!;
    const response = await admin.request('PATCH', `/api/v1/data-elements/${target.id}`, { code: 'renamed' });
    expect(response.statusCode).toBe(400);
    expect((await catalogue()).dataElements.find((e) => e.id === target.id)!.code).toBe('test_cases');
  });
});

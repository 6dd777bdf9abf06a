import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue } from '#shared/contracts/catalogue.contract';
import type { Territory } from '#shared/contracts/territories.contract';
import { systemActor } from '#server/lib/actor';
import { createTestApp, type TestApp } from '#server/test/test-app';
import type { ValueWrite } from './values.types';

// The batch write path compares writes with stored cells and applies the difference inside the database;
// these tests pin its semantics: what counts as a change, what each change stores and logs.
describe('value service: batch diff and write in the database', () => {
  let t: TestApp;
  let catalogue: Catalogue;
  let district: Territory;
  const actor = systemActor('test');

  const cell = (
    disaggregation: string,
    value: number | null,
    extra: Partial<ValueWrite> = {},
  ): ValueWrite => ({
    dataElementId: catalogue.dataElements.find((e) => e.code === 'drug_crimes')!.id,
    territoryId: district.id,
    period: '2023-05',
    disaggregation,
    value,
    ...extra,
  });
  const stored = async () => {
    const { rows } = await sql<{
      disaggregation: string;
      value: number;
      comment: string | null;
      flag: string | null;
    }>`
      select disaggregation, value, comment, flag from data_value order by disaggregation
    `.execute(t.container.database.db);
    return rows;
  };
  const history = async () => {
    const { rows } = await sql<{
      disaggregation: string;
      oldValue: number | null;
      newValue: number | null;
      oldComment: string | null;
      newComment: string | null;
      newFlag: string | null;
      source: string;
    }>`
      select disaggregation, old_value, new_value, old_comment, new_comment, new_flag, source
      from data_value_history order by id
    `.execute(t.container.database.db);
    return rows;
  };

  beforeAll(async () => {
    t = await createTestApp();
    catalogue = await t.container.services.catalogue.getCatalogue();
    const territories = (await t.container.services.territories.list()).items;
    district = territories.find((x) => !territories.some((c) => c.parentId === x.id))!;
  });
  afterAll(() => t.close());

  it('creates, updates, keeps or clears notes, deletes, and logs one history row per change', async () => {
    const values = t.container.services.values;
    const first = await values.applyValues(
      actor,
      [
        cell('cannabis', 1, { comment: '  checked  ', flag: 'estimated' }),
        cell('heroin', 2),
        cell('opium', 3, { comment: 'note' }),
        cell('cocaine', null),
      ],
      'csv',
    );
    expect(first).toMatchObject({ created: 3, updated: 0, deleted: 0, unchanged: 1 });
    const audit = await t.container.database.db
      .selectFrom('auditLog')
      .select('after')
      .where('action', '=', 'data.values.import')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.after).toEqual({
      source: 'csv',
      rows: 4,
      changed: 3,
      created: 3,
      updated: 0,
      deleted: 0,
      unchanged: 1,
    });
    expect(await stored()).toEqual([
      { disaggregation: 'cannabis', value: 1, comment: 'checked', flag: 'estimated' },
      { disaggregation: 'heroin', value: 2, comment: null, flag: null },
      { disaggregation: 'opium', value: 3, comment: 'note', flag: null },
    ]);

    const dry = await values.applyValues(
      actor,
      [cell('cannabis', 1), cell('heroin', 5), cell('opium', null), cell('synthetic', 4)],
      'api',
      { dryRun: true },
    );
    expect(dry).toMatchObject({ created: 1, updated: 1, deleted: 1, unchanged: 1 });
    expect(await stored()).toHaveLength(3);
    expect(await history()).toHaveLength(3);

    // cannabis: same value, notes not given → unchanged; heroin: new value; opium: cleared; a blank comment
    // on an otherwise equal cell clears the comment (a change); synthetic: new.
    const second = await values.applyValues(
      actor,
      [
        cell('cannabis', 1),
        cell('heroin', 5, { flag: 'provisional' }),
        cell('opium', null),
        cell('synthetic', 4, { comment: ' ' }),
      ],
      'api',
    );
    expect(second).toMatchObject({ created: 1, updated: 1, deleted: 1, unchanged: 1 });
    expect(await stored()).toEqual([
      { disaggregation: 'cannabis', value: 1, comment: 'checked', flag: 'estimated' },
      { disaggregation: 'heroin', value: 5, comment: null, flag: 'provisional' },
      { disaggregation: 'synthetic', value: 4, comment: null, flag: null },
    ]);
    const log = await history();
    expect(log).toHaveLength(6);
    expect(log.slice(3).sort((a, b) => a.disaggregation.localeCompare(b.disaggregation))).toEqual([
      expect.objectContaining({ disaggregation: 'heroin', oldValue: 2, newValue: 5, newFlag: 'provisional' }),
      expect.objectContaining({ disaggregation: 'opium', oldValue: 3, newValue: null, oldComment: 'note' }),
      expect.objectContaining({ disaggregation: 'synthetic', oldValue: null, newValue: 4, source: 'api' }),
    ]);

    const comment = await values.applyValues(actor, [cell('cannabis', 1, { comment: null })], 'api');
    expect(comment).toMatchObject({ created: 0, updated: 1, deleted: 0, unchanged: 0 });
    expect((await history()).at(-1)).toMatchObject({ oldComment: 'checked', newComment: null });
  });

  it('audits a single save with the cell before and after', async () => {
    const values = t.container.services.values;
    const save = (value: number | null) =>
      values.saveValue(actor, { ...cell('other', value), comment: 'why', flag: null });
    const lastAudit = () =>
      t.container.database.db
        .selectFrom('auditLog')
        .select(['before', 'after', 'entityId'])
        .where('action', '=', 'data.value.saved')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
    const key = {
      dataElementId: cell('other', 1).dataElementId,
      period: '2023-05',
      territoryId: district.id,
    };
    expect((await save(7)).changed).toBe(true);
    expect(await lastAudit()).toMatchObject({
      before: null,
      after: { ...key, disaggregation: 'other', value: 7, comment: 'why', flag: null },
    });
    expect((await save(7)).changed).toBe(false);
    expect((await save(null)).changed).toBe(true);
    expect(await lastAudit()).toMatchObject({
      before: { ...key, disaggregation: 'other', value: 7, comment: 'why', flag: null },
      after: null,
    });
  });

  it('lists the refusals of a batch as data, in its order, and writes nothing', async () => {
    const values = t.container.services.values;
    const before = await stored();
    const problems = await values.checkValues(actor, [
      cell('cannabis', 4),
      cell('no_such_option', 1),
      cell('heroin', 2, { period: '2023-Q2' }),
    ]);
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'disaggregation'],
      [3, 'period'],
    ]);
    expect(await values.checkValues(actor, [cell('cannabis', 4)])).toEqual([]);
    expect(await stored()).toEqual(before);
  });

  it('writes and compares batches larger than one statement', async () => {
    const territories = (await t.container.services.territories.list()).items;
    const leaves = territories.filter((x) => !territories.some((c) => c.parentId === x.id));
    const months = Array.from(
      { length: 240 },
      (_, i) => `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
    );
    const writes: ValueWrite[] = [];
    for (const period of months)
      for (const territory of leaves)
        for (const d of ['cannabis', 'heroin', 'opium'])
          writes.push({ ...cell(d, writes.length % 17), territoryId: territory.id, period });
    expect(writes.length).toBeGreaterThan(25_000);
    const before = (await stored()).length;
    const result = await t.container.services.values.applyValues(actor, writes, 'xlsx');
    expect(result).toMatchObject({ created: writes.length, updated: 0, deleted: 0, unchanged: 0 });
    expect((await stored()).length).toBe(before + writes.length);
    const again = await t.container.services.values.applyValues(actor, writes, 'xlsx');
    expect(again).toMatchObject({ created: 0, updated: 0, deleted: 0, unchanged: writes.length });
  });
});

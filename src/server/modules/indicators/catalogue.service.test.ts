import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '#server/lib/actor';
import { createTestApp, type TestApp } from '#server/test/test-app';

// getCatalogue keeps the catalogue in memory while its fingerprint is unchanged. Changes made behind the
// service's back (as another server process would make them) must show on the very next read.
describe('catalogue service: cached catalogue', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('serves repeated reads from memory and sees every change, by this process or another', async () => {
    const catalogue = t.container.services.catalogue;
    const db = t.container.database.db;
    const first = await catalogue.getCatalogue();
    expect(await catalogue.getCatalogue()).toBe(first);
    const element = first.dataElements.find((e) => e.code === 'drug_crimes')!;

    // Another process renames an element.
    await sql`update data_element set name_en = 'Renamed elsewhere' where id = ${element.id}`.execute(db);
    const renamed = await catalogue.getCatalogue();
    expect(renamed).not.toBe(first);
    expect(renamed.dataElements.find((e) => e.id === element.id)?.name.en).toBe('Renamed elsewhere');

    // This process changes it through the service.
    await catalogue.updateDataElement(systemActor('test'), element.id, { isActive: false });
    expect((await catalogue.getCatalogue()).dataElements.find((e) => e.id === element.id)?.isActive).toBe(
      false,
    );

    // Another process removes a validation rule and closes a formula version (a table without updated_at).
    const [rule] = renamed.validationRules;
    expect(rule).toBeDefined();
    await sql`delete from validation_rule where id = ${rule!.id}`.execute(db);
    expect((await catalogue.getCatalogue()).validationRules.some((r) => r.id === rule!.id)).toBe(false);
    const indicator = renamed.indicators[0]!;
    await sql`update indicator_version set valid_to = '2030-12-31' where indicator_id = ${indicator.id}`.execute(
      db,
    );
    const versions = (await catalogue.getCatalogue()).indicators.find((i) => i.id === indicator.id)!.versions;
    expect(versions.every((v) => v.validTo === '2030-12-31')).toBe(true);
  });
});

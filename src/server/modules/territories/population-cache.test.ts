import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemActor } from '#server/lib/actor';
import { cacheMaxAgeMs } from '#server/lib/change-cache';
import { createTestApp, type TestApp } from '#server/test/test-app';

// Waits for the change to be heard, for less than the age at which the cache drops an entry anyway (so only
// the notification can make this pass).
const heard = { timeout: cacheMaxAgeMs - 1_000, interval: 20 };

// Population histories are kept in memory between rate queries (territory.service `denominators`). A changed
// figure must still count on the next query: at once when this process wrote it, as soon as the change is
// heard when another process or an operator did.
describe('population kept in memory', () => {
  let t: TestApp;
  let districtId: string;
  const year = 2031;
  const officialTotal = async () =>
    (await t.container.services.territories.denominators({ officialOnly: true }))(districtId, year, 'total')
      ?.value ?? null;

  beforeAll(async () => {
    t = await createTestApp();
    const all = (await t.container.services.territories.list()).items;
    const parents = new Set(all.map((x) => x.parentId));
    districtId = all.find((x) => x.level === 'district' && !parents.has(x.id))!.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('uses a figure written through the service on the very next query', async () => {
    expect(await officialTotal()).toBeNull();
    await t.container.services.territories.upsertPopulation(systemActor('test'), districtId, year, {
      total: 50_000,
      source: 'test figure',
    });
    expect(await officialTotal()).toBe(50_000);
    await t.container.services.territories.upsertPopulation(systemActor('test'), districtId, year, {
      total: 51_000,
      source: 'test figure',
    });
    expect(await officialTotal()).toBe(51_000);
  });

  it('forgets the kept histories when a figure is changed behind its back', async () => {
    expect(await officialTotal()).toBe(51_000);
    await sql`UPDATE population SET total = 52000 WHERE territory_id = ${districtId} AND year = ${year}`.execute(
      t.container.database.db,
    );
    await vi.waitFor(async () => expect(await officialTotal()).toBe(52_000), {
      timeout: 10_000,
      interval: 20,
    });
    await sql`DELETE FROM population WHERE territory_id = ${districtId} AND year = ${year}`.execute(
      t.container.database.db,
    );
    await vi.waitFor(async () => expect(await officialTotal()).toBeNull(), heard);
  });
});

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '#server/test/test-db';
import { createAuditRepository } from './audit.repository';

/** Postgres error code the trigger raises (insufficient_privilege). */
const refused = { code: '42501' };

describe('audit log storage', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    const audit = createAuditRepository(database.handle.db);
    for (const action of ['test.first', 'test.second']) {
      await audit.insert({
        actorId: null,
        actorUsername: 'test',
        action,
        entityType: 'test',
        entityId: '1',
        before: null,
        after: { n: 1 },
        requestId: null,
        ip: null,
      });
    }
  });

  afterAll(async () => {
    await database.cleanup();
  });

  const db = () => database.handle.db;
  const count = async () =>
    (await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(db())).rows[0]?.n;

  it('stores and finds entries, with JSON before and after', async () => {
    const { rows, total } = await createAuditRepository(db()).find({
      entityType: 'test',
      limit: 10,
      offset: 0,
    });
    expect(total).toBe(2);
    expect(rows.map((r) => r.action)).toEqual(['test.second', 'test.first']);
    expect(rows[0]).toMatchObject({ before: null, after: { n: 1 } });
  });

  it('refuses UPDATE in the database itself', async () => {
    await expect(sql`update audit_log set action = 'tampered'`.execute(db())).rejects.toMatchObject(refused);
    await expect(
      db()
        .updateTable('auditLog')
        .set({ after: JSON.stringify({ n: 2 }) })
        .where('action', '=', 'test.first')
        .execute(),
    ).rejects.toMatchObject(refused);
    const { rows } = await sql<{ action: string }>`select action from audit_log order by id`.execute(db());
    expect(rows.map((r) => r.action)).toEqual(['test.first', 'test.second']);
  });

  it('refuses DELETE and TRUNCATE in the database itself', async () => {
    await expect(sql`delete from audit_log`.execute(db())).rejects.toMatchObject(refused);
    await expect(
      db().deleteFrom('auditLog').where('action', '=', 'test.first').execute(),
    ).rejects.toMatchObject(refused);
    await expect(sql`truncate audit_log`.execute(db())).rejects.toMatchObject(refused);
    expect(await count()).toBe(2);
  });

  it('refuses changes inside a transaction too, and the connection stays usable', async () => {
    await expect(
      db()
        .transaction()
        .execute((trx) => sql`delete from audit_log`.execute(trx)),
    ).rejects.toMatchObject(refused);
    expect(await count()).toBe(2);
  });

  it('lets only a restore, which sets kuzot.audit_maintenance in its own transaction, replace entries', async () => {
    const rollback = new Error('rollback');
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          await sql`select set_config('kuzot.audit_maintenance', 'on', true)`.execute(trx);
          await sql`delete from audit_log`.execute(trx);
          expect(
            (await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(trx)).rows[0]?.n,
          ).toBe(0);
          throw rollback;
        }),
    ).rejects.toBe(rollback);
    expect(await count()).toBe(2);
    // The setting was local to that transaction.
    await expect(sql`delete from audit_log`.execute(db())).rejects.toMatchObject(refused);
  });
});

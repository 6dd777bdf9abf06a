import type { Executor } from '#server/db/transaction';
import type { AgencyRow } from '#server/db/schema';

export type AgencyValues = {
  code: string;
  nameKy: string;
  nameRu: string;
  nameEn: string;
  shortKy: string;
  shortRu: string;
  shortEn: string;
};

/** All SQL for agencies. */
export function createAgencyRepository(db: Executor) {
  return {
    list(): Promise<AgencyRow[]> {
      return db.selectFrom('agency').selectAll().orderBy('code').execute();
    },
    findById(id: string): Promise<AgencyRow | undefined> {
      return db.selectFrom('agency').selectAll().where('id', '=', id).executeTakeFirst();
    },
    findByCode(code: string): Promise<AgencyRow | undefined> {
      return db.selectFrom('agency').selectAll().where('code', '=', code).executeTakeFirst();
    },
    insert(values: AgencyValues): Promise<AgencyRow> {
      return db.insertInto('agency').values(values).returningAll().executeTakeFirstOrThrow();
    },
    update(
      id: string,
      patch: Partial<Omit<AgencyValues, 'code'>> & { isActive?: boolean },
    ): Promise<AgencyRow> {
      return db
        .updateTable('agency')
        .set({ ...patch, updatedAt: new Date() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
    },
  };
}

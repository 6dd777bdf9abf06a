import type { Executor } from '#server/db/transaction';
import type { ValueBoundRow } from '#server/db/schema';

/** SQL of min/max bounds per element, everywhere (territory null) or in one territory. */
export function createBoundRepository(db: Executor) {
  return {
    /** Bounds of some elements, or of every element; general bounds first. */
    list(dataElementIds?: readonly string[]): Promise<ValueBoundRow[]> {
      let query = db.selectFrom('valueBound').selectAll();
      if (dataElementIds !== undefined) {
        if (dataElementIds.length === 0) return Promise.resolve([]);
        query = query.where('dataElementId', 'in', dataElementIds);
      }
      return query.orderBy('dataElementId').orderBy('territoryId', 'desc').orderBy('id').execute();
    },
    findById(id: string): Promise<ValueBoundRow | undefined> {
      return db.selectFrom('valueBound').selectAll().where('id', '=', id).executeTakeFirst();
    },
    /** The bound of (element, territory), territory null for the general one; locked for the transaction. */
    findFor(dataElementId: string, territoryId: string | null): Promise<ValueBoundRow | undefined> {
      return db
        .selectFrom('valueBound')
        .selectAll()
        .where('dataElementId', '=', dataElementId)
        .where((eb) =>
          territoryId === null ? eb('territoryId', 'is', null) : eb('territoryId', '=', territoryId),
        )
        .forUpdate()
        .executeTakeFirst();
    },
    insert(values: {
      dataElementId: string;
      territoryId: string | null;
      minValue: number | null;
      maxValue: number | null;
    }): Promise<ValueBoundRow> {
      return db.insertInto('valueBound').values(values).returningAll().executeTakeFirstOrThrow();
    },
    update(id: string, values: { minValue: number | null; maxValue: number | null }): Promise<ValueBoundRow> {
      return db
        .updateTable('valueBound')
        .set({ ...values, updatedAt: new Date() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
    },
    async remove(id: string): Promise<void> {
      await db.deleteFrom('valueBound').where('id', '=', id).execute();
    },
  };
}

import type { Executor } from '#server/db/transaction';

/** A stored value as a template shows it. */
export type TemplateValueRow = {
  dataElementId: string;
  territoryId: string;
  disaggregation: string;
  value: number;
};

/** Reads the values an Excel template is pre-filled with. */
export function createTemplateRepository(db: Executor) {
  return {
    /** The stored values of the elements in the territories for one period. */
    async listValues(
      dataElementIds: readonly string[],
      territoryIds: readonly string[],
      period: string,
    ): Promise<TemplateValueRow[]> {
      if (dataElementIds.length === 0 || territoryIds.length === 0) return [];
      return db
        .selectFrom('dataValue')
        .select(['dataElementId', 'territoryId', 'disaggregation', 'value'])
        .where('period', '=', period)
        .where('dataElementId', 'in', [...dataElementIds])
        .where('territoryId', 'in', [...territoryIds])
        .execute();
    },
  };
}

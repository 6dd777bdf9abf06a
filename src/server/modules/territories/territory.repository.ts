import { sql } from 'kysely';
import type { PopulationFlag, PopulationKind } from '#shared/domain/population';
import { territoryLevels } from '#shared/domain/territory-level';
import type { Executor } from '#server/db/transaction';
import type {
  NewTerritoryRow,
  PopulationPointRow,
  PopulationRow,
  TerritoryRow,
  TerritoryUpdate,
} from '#server/db/schema';

export type PopulationValues = {
  territoryId: string;
  year: number;
  total: number | null;
  male: number | null;
  female: number | null;
  minors: number | null;
  youth: number | null;
  source: string;
  isEstimate: boolean;
  kind: PopulationKind;
  referenceDate: string | null;
  flag: PopulationFlag | null;
};

// Dates read back as text, so no driver turns them into a local-time Date.
const populationColumns = [
  'territoryId',
  'year',
  'total',
  'male',
  'female',
  'minors',
  'youth',
  'source',
  'isEstimate',
  'kind',
  sql<string | null>`to_char(reference_date, 'YYYY-MM-DD')`.as('referenceDate'),
  'flag',
  'updatedAt',
] as const;
const pointColumns = [
  'territoryId',
  sql<string>`to_char(reference_date, 'YYYY-MM-DD')`.as('referenceDate'),
  'total',
  'source',
  'updatedAt',
] as const;

/** All SQL for territories and their population. */
export function createTerritoryRepository(db: Executor) {
  return {
    /** Every territory, country first, then by level and code. */
    async listAll(): Promise<TerritoryRow[]> {
      const rows = await db.selectFrom('territory').selectAll().execute();
      return rows.sort((a, b) => levelRank(a.level) - levelRank(b.level) || a.code.localeCompare(b.code));
    },
    findById(id: string): Promise<TerritoryRow | undefined> {
      return db.selectFrom('territory').selectAll().where('id', '=', id).executeTakeFirst();
    },
    findByCode(code: string): Promise<TerritoryRow | undefined> {
      return db.selectFrom('territory').selectAll().where('code', '=', code).executeTakeFirst();
    },
    findByIsoCode(isoCode: string): Promise<TerritoryRow | undefined> {
      return db.selectFrom('territory').selectAll().where('isoCode', '=', isoCode).executeTakeFirst();
    },
    listChildren(parentId: string): Promise<TerritoryRow[]> {
      return db
        .selectFrom('territory')
        .selectAll()
        .where('parentId', '=', parentId)
        .orderBy('code')
        .execute();
    },
    async codeToId(): Promise<Map<string, string>> {
      const rows = await db.selectFrom('territory').select(['id', 'code']).execute();
      return new Map(rows.map((r) => [r.code, r.id]));
    },
    insert(values: NewTerritoryRow): Promise<TerritoryRow> {
      return db.insertInto('territory').values(values).returningAll().executeTakeFirstOrThrow();
    },
    update(id: string, patch: TerritoryUpdate): Promise<TerritoryRow> {
      return db
        .updateTable('territory')
        .set({ ...patch, updatedAt: new Date() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
    },
    listPopulation(territoryId: string): Promise<PopulationRow[]> {
      return db
        .selectFrom('population')
        .select(populationColumns)
        .where('territoryId', '=', territoryId)
        .orderBy('year')
        .execute();
    },
    /** Every population figure (a few hundred rows: the denominator policy needs every year's neighbours). */
    listAllPopulation(): Promise<PopulationRow[]> {
      return db.selectFrom('population').select(populationColumns).orderBy('year').execute();
    },
    /** Figures of the population at dates other than 1 January, oldest first. */
    listPopulationPoints(): Promise<PopulationPointRow[]> {
      return db.selectFrom('populationPoint').select(pointColumns).orderBy('referenceDate').execute();
    },
    /** Adds a dated figure unless one exists for that territory and day; whether it was added. */
    async addPopulationPoint(values: {
      territoryId: string;
      referenceDate: string;
      total: number;
      source: string;
    }): Promise<boolean> {
      const result = await db
        .insertInto('populationPoint')
        .values(values)
        .onConflict((oc) => oc.columns(['territoryId', 'referenceDate']).doNothing())
        .returning('territoryId')
        .executeTakeFirst();
      return result !== undefined;
    },
    findPopulation(territoryId: string, year: number): Promise<PopulationRow | undefined> {
      return db
        .selectFrom('population')
        .select(populationColumns)
        .where('territoryId', '=', territoryId)
        .where('year', '=', year)
        .executeTakeFirst();
    },
    upsertPopulation(values: PopulationValues): Promise<PopulationRow> {
      return db
        .insertInto('population')
        .values(values)
        .onConflict((oc) =>
          oc.columns(['territoryId', 'year']).doUpdateSet({ ...values, updatedAt: new Date() }),
        )
        .returning(populationColumns)
        .executeTakeFirstOrThrow();
    },
    async deletePopulation(territoryId: string, year: number): Promise<boolean> {
      const result = await db
        .deleteFrom('population')
        .where('territoryId', '=', territoryId)
        .where('year', '=', year)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

function levelRank(level: string): number {
  return (territoryLevels as readonly string[]).indexOf(level);
}

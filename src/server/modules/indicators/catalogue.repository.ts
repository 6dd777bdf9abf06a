import { sql } from 'kysely';
import type { Executor } from '#server/db/transaction';
import type {
  CategoryComboCategoryRow,
  CategoryComboRow,
  CategoryOptionRow,
  CategoryRow,
  DataElementRow,
  IndicatorRow,
  NewDataElementRow,
  NewValidationRuleRow,
  ValidationRuleRow,
} from '#server/db/schema';

type Names = { nameKy: string; nameRu: string; nameEn: string };

/** An indicator version with its dates as `YYYY-MM-DD` text. */
export type IndicatorVersionRecord = {
  indicatorId: string;
  version: number;
  formula: string;
  validFrom: string;
  validTo: string | null;
  createdAt: Date;
};

export type IndicatorValues = Names & {
  code: string;
  description: string;
  unit: string;
  direction: string;
  decimals: number;
};

export type DataElementPatch = Partial<Omit<NewDataElementRow, 'id' | 'code' | 'createdAt' | 'updatedAt'>>;
export type ValidationRulePatch = Partial<
  Omit<NewValidationRuleRow, 'id' | 'code' | 'createdAt' | 'updatedAt'>
>;
export type IndicatorPatch = Partial<Omit<IndicatorValues, 'code'>> & { isActive?: boolean };

const versionColumns = [
  'indicatorId',
  'version',
  'formula',
  sql<string>`to_char(valid_from, 'YYYY-MM-DD')`.as('validFrom'),
  sql<string | null>`to_char(valid_to, 'YYYY-MM-DD')`.as('validTo'),
  'createdAt',
] as const;

// An arbitrary constant naming formula changes among PostgreSQL advisory locks.
const formulaLockKey = 4_170_000_002;

/** All SQL for the indicator catalogue: categories, combinations, data elements, indicators and versions. */
export function createCatalogueRepository(db: Executor) {
  return {
    /**
     * Makes formula changes take turns until the transaction ends, so two changes that together would close a
     * circle cannot each pass the cycle check on a catalogue without the other.
     */
    async lockFormulaChanges(): Promise<void> {
      await sql`select pg_advisory_xact_lock(${formulaLockKey})`.execute(db);
    },
    /**
     * A fingerprint of the committed catalogue: per table the row count and the sum of the row versions'
     * transaction ids (xmin). Any insert, update or delete, by this process or another, changes it, so a cached
     * catalogue is valid exactly while its fingerprint is. One cheap statement over small tables.
     */
    async catalogueVersion(): Promise<string> {
      const tables = [
        'category',
        'category_option',
        'category_combo',
        'category_combo_category',
        'data_element',
        'indicator',
        'indicator_version',
        'validation_rule',
      ].map(
        (table) =>
          sql`(select count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) from ${sql.table(table)})`,
      );
      const { rows } = await sql<{
        version: string;
      }>`select concat_ws('/', ${sql.join(tables)}) as version`.execute(db);
      return rows[0]?.version ?? '';
    },
    listCategories(): Promise<CategoryRow[]> {
      return db.selectFrom('category').selectAll().orderBy('code').execute();
    },
    listCategoryOptions(): Promise<CategoryOptionRow[]> {
      return db.selectFrom('categoryOption').selectAll().orderBy('sortOrder').orderBy('code').execute();
    },
    listCategoryCombos(): Promise<CategoryComboRow[]> {
      return db.selectFrom('categoryCombo').selectAll().orderBy('code').execute();
    },
    listComboCategories(): Promise<CategoryComboCategoryRow[]> {
      return db.selectFrom('categoryComboCategory').selectAll().orderBy('position').execute();
    },
    findCategoryByCode(code: string): Promise<CategoryRow | undefined> {
      return db.selectFrom('category').selectAll().where('code', '=', code).executeTakeFirst();
    },
    insertCategory(values: Names & { code: string }): Promise<CategoryRow> {
      return db.insertInto('category').values(values).returningAll().executeTakeFirstOrThrow();
    },
    findCategoryOption(categoryId: string, code: string): Promise<CategoryOptionRow | undefined> {
      return db
        .selectFrom('categoryOption')
        .selectAll()
        .where('categoryId', '=', categoryId)
        .where('code', '=', code)
        .executeTakeFirst();
    },
    insertCategoryOption(
      values: Names & { categoryId: string; code: string; sortOrder: number },
    ): Promise<CategoryOptionRow> {
      return db.insertInto('categoryOption').values(values).returningAll().executeTakeFirstOrThrow();
    },
    findComboById(id: string): Promise<CategoryComboRow | undefined> {
      return db.selectFrom('categoryCombo').selectAll().where('id', '=', id).executeTakeFirst();
    },
    findComboByCode(code: string): Promise<CategoryComboRow | undefined> {
      return db.selectFrom('categoryCombo').selectAll().where('code', '=', code).executeTakeFirst();
    },
    insertCombo(values: Names & { code: string }): Promise<CategoryComboRow> {
      return db.insertInto('categoryCombo').values(values).returningAll().executeTakeFirstOrThrow();
    },
    async insertComboCategory(values: CategoryComboCategoryRow): Promise<void> {
      await db.insertInto('categoryComboCategory').values(values).execute();
    },

    listDataElements(): Promise<DataElementRow[]> {
      return db.selectFrom('dataElement').selectAll().orderBy('code').execute();
    },
    findDataElementById(id: string): Promise<DataElementRow | undefined> {
      return db.selectFrom('dataElement').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async listCodes(): Promise<string[]> {
      const rows = await db
        .selectFrom('dataElement')
        .select('code')
        .unionAll(db.selectFrom('indicator').select('code'))
        .execute();
      return rows.map((r) => r.code);
    },
    async isCodeUsed(code: string): Promise<boolean> {
      const row = await db
        .selectFrom('dataElement')
        .select('code')
        .where('code', '=', code)
        .unionAll(db.selectFrom('indicator').select('code').where('code', '=', code))
        .executeTakeFirst();
      return row !== undefined;
    },
    insertDataElement(values: NewDataElementRow): Promise<DataElementRow> {
      return db.insertInto('dataElement').values(values).returningAll().executeTakeFirstOrThrow();
    },
    updateDataElement(id: string, patch: DataElementPatch): Promise<DataElementRow> {
      return db
        .updateTable('dataElement')
        .set({ ...patch, updatedAt: new Date() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    listIndicators(): Promise<IndicatorRow[]> {
      return db.selectFrom('indicator').selectAll().orderBy('code').execute();
    },
    findIndicatorById(id: string): Promise<IndicatorRow | undefined> {
      return db.selectFrom('indicator').selectAll().where('id', '=', id).executeTakeFirst();
    },
    /** Locks the indicator row, so two version changes of one indicator take turns. */
    findIndicatorByIdForUpdate(id: string): Promise<IndicatorRow | undefined> {
      return db.selectFrom('indicator').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    },
    findIndicatorByCode(code: string): Promise<IndicatorRow | undefined> {
      return db.selectFrom('indicator').selectAll().where('code', '=', code).executeTakeFirst();
    },
    insertIndicator(values: IndicatorValues): Promise<IndicatorRow> {
      return db.insertInto('indicator').values(values).returningAll().executeTakeFirstOrThrow();
    },
    updateIndicator(id: string, patch: IndicatorPatch): Promise<IndicatorRow> {
      return db
        .updateTable('indicator')
        .set({ ...patch, updatedAt: new Date() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    /** Every version of every indicator, or of one indicator, oldest first. */
    listVersions(indicatorId?: string): Promise<IndicatorVersionRecord[]> {
      let query = db.selectFrom('indicatorVersion').select(versionColumns);
      if (indicatorId) query = query.where('indicatorId', '=', indicatorId);
      return query.orderBy('indicatorId').orderBy('version').execute();
    },
    /** The version of an indicator valid on a day (`YYYY-MM-DD`). */
    findVersionAt(indicatorId: string, date: string): Promise<IndicatorVersionRecord | undefined> {
      return db
        .selectFrom('indicatorVersion')
        .select(versionColumns)
        .where('indicatorId', '=', indicatorId)
        .where('validFrom', '<=', date)
        .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>=', date)]))
        .orderBy('version', 'desc')
        .executeTakeFirst();
    },
    async insertVersion(values: {
      indicatorId: string;
      version: number;
      formula: string;
      validFrom: string;
      createdBy: string | null;
    }): Promise<void> {
      await db.insertInto('indicatorVersion').values(values).execute();
    },
    async closeVersion(indicatorId: string, version: number, validTo: string): Promise<void> {
      await db
        .updateTable('indicatorVersion')
        .set({ validTo })
        .where('indicatorId', '=', indicatorId)
        .where('version', '=', version)
        .execute();
    },

    listValidationRules(): Promise<ValidationRuleRow[]> {
      return db.selectFrom('validationRule').selectAll().orderBy('code').execute();
    },
    findValidationRuleById(id: string): Promise<ValidationRuleRow | undefined> {
      return db.selectFrom('validationRule').selectAll().where('id', '=', id).executeTakeFirst();
    },
    findValidationRuleByCode(code: string): Promise<ValidationRuleRow | undefined> {
      return db.selectFrom('validationRule').selectAll().where('code', '=', code).executeTakeFirst();
    },
    insertValidationRule(values: NewValidationRuleRow): Promise<ValidationRuleRow> {
      return db.insertInto('validationRule').values(values).returningAll().executeTakeFirstOrThrow();
    },
    updateValidationRule(id: string, patch: ValidationRulePatch): Promise<ValidationRuleRow> {
      return db
        .updateTable('validationRule')
        .set({ ...patch, updatedAt: new Date() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
    },
  };
}

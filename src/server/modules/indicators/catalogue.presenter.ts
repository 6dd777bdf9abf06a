import type {
  Category,
  CategoryCombo,
  DataElement,
  Indicator,
  IndicatorVersion,
  ValidationRule,
} from '#shared/contracts/catalogue.contract';
import type {
  CategoryComboCategoryRow,
  CategoryComboRow,
  CategoryOptionRow,
  CategoryRow,
  DataElementRow,
  IndicatorRow,
  ValidationRuleRow,
} from '#server/db/schema';
import type { IndicatorVersionRecord } from './catalogue.repository';

const nameOf = (row: { nameKy: string; nameRu: string; nameEn: string }) => ({
  ky: row.nameKy,
  ru: row.nameRu,
  en: row.nameEn,
});

export function presentCategory(row: CategoryRow, options: readonly CategoryOptionRow[]): Category {
  return {
    id: row.id,
    code: row.code,
    name: nameOf(row),
    options: options
      .filter((o) => o.categoryId === row.id)
      .map((o) => ({ id: o.id, code: o.code, name: nameOf(o), sortOrder: o.sortOrder })),
  };
}

export function presentCategoryCombo(
  row: CategoryComboRow,
  links: readonly CategoryComboCategoryRow[],
): CategoryCombo {
  return {
    id: row.id,
    code: row.code,
    name: nameOf(row),
    categoryIds: links
      .filter((l) => l.comboId === row.id)
      .sort((a, b) => a.position - b.position)
      .map((l) => l.categoryId),
  };
}

export function presentDataElement(row: DataElementRow): DataElement {
  return {
    id: row.id,
    code: row.code,
    name: nameOf(row),
    description: row.description,
    agencyId: row.agencyId,
    unit: row.unit,
    valueType: row.valueType as DataElement['valueType'],
    periodType: row.periodType as DataElement['periodType'],
    categoryComboId: row.categoryComboId,
    aggregationTime: row.aggregationTime as DataElement['aggregationTime'],
    aggregationTerritory: row.aggregationTerritory as DataElement['aggregationTerritory'],
    reportedLevel: row.reportedLevel as DataElement['reportedLevel'],
    allowsNegative: row.allowsNegative,
    direction: row.direction as DataElement['direction'],
    isActive: row.isActive,
  };
}

export function presentIndicatorVersion(record: IndicatorVersionRecord): IndicatorVersion {
  return {
    version: record.version,
    formula: record.formula,
    validFrom: record.validFrom,
    validTo: record.validTo,
    createdAt: record.createdAt.toISOString(),
  };
}

/** An indicator with its versions (any order in; oldest first out). */
export function presentIndicator(row: IndicatorRow, versions: readonly IndicatorVersionRecord[]): Indicator {
  return {
    id: row.id,
    code: row.code,
    name: nameOf(row),
    description: row.description,
    unit: row.unit,
    direction: row.direction as Indicator['direction'],
    decimals: row.decimals,
    isActive: row.isActive,
    versions: versions
      .filter((v) => v.indicatorId === row.id)
      .sort((a, b) => a.version - b.version)
      .map(presentIndicatorVersion),
  };
}

export function presentValidationRule(row: ValidationRuleRow): ValidationRule {
  return {
    id: row.id,
    code: row.code,
    name: nameOf(row),
    description: row.description,
    leftSide: row.leftSide,
    operator: row.operator as ValidationRule['operator'],
    rightSide: row.rightSide,
    importance: row.importance as ValidationRule['importance'],
    periodType: row.periodType as ValidationRule['periodType'],
    isActive: row.isActive,
  };
}

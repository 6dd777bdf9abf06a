import type {
  DataValue,
  ValueFlag,
  ValueHistoryEntry,
  ValueSource,
} from '#shared/contracts/data-values.contract';
import type { DataValueHistoryRow } from '#server/db/schema';
import type { ValueRecord } from './value.repository';

/** A stored value as the API shows it. */
export function presentValue(row: ValueRecord): DataValue {
  return {
    dataElementId: row.dataElementId,
    territoryId: row.territoryId,
    period: row.period,
    disaggregation: row.disaggregation,
    value: row.value,
    comment: row.comment,
    flag: row.flag as ValueFlag | null,
    source: row.source as ValueSource,
    isSynthetic: row.isSynthetic,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}

/** One change of a cell; `changedBy` is the username kept with the change. */
export function presentHistoryEntry(row: DataValueHistoryRow): ValueHistoryEntry {
  return {
    changedAt: row.changedAt.toISOString(),
    changedBy: row.changedByUsername,
    oldValue: row.oldValue,
    newValue: row.newValue,
    oldComment: row.oldComment,
    newComment: row.newComment,
    oldFlag: row.oldFlag,
    newFlag: row.newFlag,
    source: row.source as ValueSource,
  };
}

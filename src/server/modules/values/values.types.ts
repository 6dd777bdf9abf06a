import type { ValueFlag, ValueSource } from '#shared/contracts/data-values.contract';

/** One cell to write, already resolved to ids and checked for shape; value null clears the cell. */
export type ValueWrite = {
  dataElementId: string;
  territoryId: string;
  period: string;
  disaggregation: string;
  value: number | null;
  /** undefined keeps the stored comment; null clears it. */
  comment?: string | null;
  /** undefined keeps the stored flag; null clears it. */
  flag?: ValueFlag | null;
};

/** What a batch of writes did. */
export type WriteSummary = { created: number; updated: number; deleted: number; unchanged: number };

/** Where a batch comes from, recorded on each value and in its history. */
export type WriteSource = ValueSource;

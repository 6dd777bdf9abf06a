import { periodEnd, type IsoDate, type Period } from './period';

const dayMs = 24 * 60 * 60 * 1000;

/** The deadline policy: how many days after a period ends its data are due. */
export type DeadlinePolicy = {
  /** Days after the last day of the period; 0 means the last day itself. */
  daysAfterPeriodEnd: number;
};

/** The default deadline: 15 days after the period ends (DHIS2's usual "timely" setting). */
export const defaultDeadlinePolicy: DeadlinePolicy = { daysAfterPeriodEnd: 15 };

/**
 * The last UTC day on which a period's data are on time: its end plus `daysAfterPeriodEnd` days
 * (`2024-03` with 15 days → `2024-04-15`; `2024Q4` → `2025-01-15`). Throws a RangeError on a negative or
 * fractional number of days.
 */
export function deadlineOf(period: Period, { daysAfterPeriodEnd }: DeadlinePolicy): IsoDate {
  if (!Number.isInteger(daysAfterPeriodEnd) || daysAfterPeriodEnd < 0)
    throw new RangeError(`daysAfterPeriodEnd must be a non-negative integer, got ${daysAfterPeriodEnd}`);
  const end = Date.parse(`${periodEnd(period)}T00:00:00Z`);
  return new Date(end + daysAfterPeriodEnd * dayMs).toISOString().slice(0, 10);
}

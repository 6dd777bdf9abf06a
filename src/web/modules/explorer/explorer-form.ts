import type { ExplorerQuery } from '#shared/contracts/explorer.contract';
import { formatPeriod, periodsBetween, type PeriodType } from '#shared/domain/period';

/** What the explorer's pickers hold; {@link toExplorerQuery} turns it into a query. */
export type ExplorerForm = {
  items: string[];
  territoryIds: string[];
  /** Show the direct children of the selected territories instead of the territories themselves. */
  children: boolean;
  periodType: PeriodType;
  from: string;
  to: string;
  /** The last N periods ending at the latest data; null: the range from–to. */
  last: number | null;
  samePeriodLastYear: boolean;
  disaggregation: string | null;
  approvedOnly: boolean;
  /** The strict view: rates on official population figures only, no estimates. */
  officialPopulationOnly: boolean;
};

const firstPeriodOfYear = (type: PeriodType, year: number) =>
  type === 'year' ? `${year}` : type === 'quarter' ? `${year}Q1` : `${year}-01`;
const lastPeriodOfYear = (type: PeriodType, year: number) =>
  type === 'year' ? `${year}` : type === 'quarter' ? `${year}Q4` : `${year}-12`;

/** A new form: nothing chosen, last year by month. */
export function initialForm(today = new Date()): ExplorerForm {
  const year = today.getUTCFullYear() - 1;
  return {
    items: [],
    territoryIds: [],
    children: false,
    periodType: 'month',
    from: firstPeriodOfYear('month', year),
    to: lastPeriodOfYear('month', year),
    last: null,
    samePeriodLastYear: false,
    disaggregation: null,
    approvedOnly: false,
    officialPopulationOnly: false,
  };
}

/** The periods a user may pick, oldest first, from `fromYear` to `toYear`. */
export function periodChoices(type: PeriodType, fromYear: number, toYear: number): string[] {
  const first =
    type === 'year'
      ? { type, year: fromYear }
      : type === 'quarter'
        ? { type, year: fromYear, quarter: 1 }
        : { type, year: fromYear, month: 1 };
  const last =
    type === 'year'
      ? { type, year: toYear }
      : type === 'quarter'
        ? { type, year: toYear, quarter: 4 }
        : { type, year: toYear, month: 12 };
  return periodsBetween(first, last).map(formatPeriod);
}

/** Changes the period type, keeping the years of the range. */
export function withPeriodType(form: ExplorerForm, type: PeriodType): ExplorerForm {
  const year = (id: string) => Number(id.slice(0, 4));
  return {
    ...form,
    periodType: type,
    from: firstPeriodOfYear(type, year(form.from)),
    to: lastPeriodOfYear(type, year(form.to)),
  };
}

/** Quick choice: the last 12 months with data. */
export const last12Months = (form: ExplorerForm): ExplorerForm => ({
  ...form,
  periodType: 'month',
  last: 12,
});

/** Quick choice: this calendar year, month by month. */
export function thisYear(form: ExplorerForm, today = new Date()): ExplorerForm {
  const year = today.getUTCFullYear();
  return { ...form, periodType: 'month', last: null, from: `${year}-01`, to: `${year}-12` };
}

/** The query for the form, or null while items or territories are missing. */
export function toExplorerQuery(form: ExplorerForm): ExplorerQuery | null {
  if (form.items.length === 0 || form.territoryIds.length === 0) return null;
  return {
    items: form.items,
    territories: { ids: form.territoryIds, mode: form.children ? 'children' : 'selected' },
    periods:
      form.last !== null
        ? { type: form.periodType, last: form.last, samePeriodLastYear: form.samePeriodLastYear }
        : {
            type: form.periodType,
            from: form.from,
            to: form.to,
            samePeriodLastYear: form.samePeriodLastYear,
          },
    disaggregation: form.disaggregation,
    approvedOnly: form.approvedOnly,
    officialPopulationOnly: form.officialPopulationOnly,
  };
}

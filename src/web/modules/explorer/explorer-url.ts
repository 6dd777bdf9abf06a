import {
  explorerDimensions,
  type ExplorerDimension,
  type ExplorerLayout,
} from '#shared/contracts/explorer.contract';
import { isPeriodId, periodTypes, toPeriod, type PeriodType } from '#shared/domain/period';
import { withPeriodType, type ExplorerForm } from './explorer-form';

/** How the result is shown: the table or the chart, and which chart. */
export type ExplorerDisplay = { view: 'table' | 'chart'; chartType: 'line' | 'bar' | 'stacked' };

/** Everything a link to an explorer view carries: the query's pickers, the table layout and the display. */
export type ExplorerView = { form: ExplorerForm; layout: ExplorerLayout; display: ExplorerDisplay };

const codePattern = /^[a-z][a-z0-9_]*$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const chartTypes = ['line', 'bar', 'stacked'] as const;

const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);
const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.find((v) => v === value);
const dimensions = (value: string | null): ExplorerDimension[] | undefined => {
  if (value === null) return undefined;
  const parsed = list(value).map((d) => oneOf(explorerDimensions, d));
  return parsed.every((d): d is ExplorerDimension => d !== undefined) ? parsed : undefined;
};
const periodOf = (value: string | null, type: PeriodType) =>
  value !== null && isPeriodId(value) && toPeriod(value).type === type ? value : undefined;

/**
 * The URL search parameters of a view, short and readable (`items=drug_crimes&territories=…&type=month&
 * from=2025-01&to=2025-12&rows=territory,item&cols=period&view=chart`), so a copied link reproduces it.
 */
export function viewToSearch({ form, layout, display }: ExplorerView): URLSearchParams {
  const params = new URLSearchParams();
  params.set('items', form.items.join(','));
  params.set('territories', form.territoryIds.join(','));
  if (form.children) params.set('children', '1');
  params.set('type', form.periodType);
  if (form.last !== null) params.set('last', String(form.last));
  else {
    params.set('from', form.from);
    params.set('to', form.to);
  }
  if (form.samePeriodLastYear) params.set('lastYear', '1');
  if (form.disaggregation) params.set('split', form.disaggregation);
  if (form.approvedOnly) params.set('approved', '1');
  if (form.officialPopulationOnly) params.set('officialPopulation', '1');
  params.set('rows', layout.rows.join(','));
  params.set('cols', layout.columns.join(','));
  if (display.view !== 'table') params.set('view', display.view);
  if (display.chartType !== 'line') params.set('chart', display.chartType);
  return params;
}

/**
 * The view a link describes, on top of `fallback` (what a new page shows): each parameter that is missing or
 * not valid keeps the fallback's value, so a hand-edited or truncated link still opens something sensible.
 * `hasQuery` says whether the link names items and territories, i.e. whether the page should run it at once.
 */
export function viewFromSearch(
  params: URLSearchParams,
  fallback: ExplorerView,
): ExplorerView & { hasQuery: boolean } {
  const { form, layout, display } = fallback;
  const type = oneOf(periodTypes, params.get('type')) ?? form.periodType;
  const last = Number(params.get('last'));
  const hasLast = Number.isInteger(last) && last >= 1 && last <= 240;
  const items = list(params.get('items')).filter((c) => codePattern.test(c));
  const territoryIds = list(params.get('territories')).filter((id) => uuidPattern.test(id));
  const split = params.get('split');
  // A range of another period type than the fallback's starts from the fallback's years in that type.
  const base = type === form.periodType ? form : withPeriodType(form, type);
  const next: ExplorerForm = {
    ...form,
    items: items.length > 0 ? items : form.items,
    territoryIds: territoryIds.length > 0 ? territoryIds : form.territoryIds,
    children: params.get('children') === '1',
    periodType: type,
    from: periodOf(params.get('from'), type) ?? base.from,
    to: periodOf(params.get('to'), type) ?? base.to,
    last: hasLast ? last : null,
    samePeriodLastYear: params.get('lastYear') === '1',
    disaggregation: split !== null && codePattern.test(split) ? split : null,
    approvedOnly: params.get('approved') === '1',
    officialPopulationOnly: params.get('officialPopulation') === '1',
  };
  return {
    form: next,
    layout: {
      rows: dimensions(params.get('rows')) ?? layout.rows,
      columns: dimensions(params.get('cols')) ?? layout.columns,
    },
    display: {
      view: params.get('view') === 'chart' ? 'chart' : display.view,
      chartType: oneOf(chartTypes, params.get('chart')) ?? display.chartType,
    },
    hasQuery: items.length > 0 && territoryIds.length > 0,
  };
}

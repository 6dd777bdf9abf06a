import { describe, expect, it } from 'vitest';
import { initialForm, toExplorerQuery } from './explorer-form';
import { viewFromSearch, viewToSearch, type ExplorerView } from './explorer-url';

const fallback: ExplorerView = {
  form: initialForm(new Date('2026-12-07T00:00:00Z')),
  layout: { rows: ['territory', 'item'], columns: ['period'] },
  display: { view: 'table', chartType: 'line' },
};
const kg = '0b7f7d1e-8a4c-4c7e-9d6e-1f2a3b4c5d6e';
const chuy = '1c8e8e2f-9b5d-4d8f-8e7f-2a3b4c5d6e7f';

describe('explorer views in the URL', () => {
  it('round-trips every choice, so a copied link reproduces the view and its query', () => {
    const view: ExplorerView = {
      form: {
        items: ['drug_crimes', 'drug_crimes_rate'],
        territoryIds: [kg, chuy],
        children: true,
        periodType: 'quarter',
        from: '2024Q1',
        to: '2025Q4',
        last: null,
        samePeriodLastYear: true,
        disaggregation: 'substance',
        approvedOnly: true,
        officialPopulationOnly: true,
      },
      layout: { rows: ['item'], columns: ['period', 'territory'] },
      display: { view: 'chart', chartType: 'stacked' },
    };
    const search = viewToSearch(view);
    const back = viewFromSearch(new URLSearchParams(search.toString()), fallback);
    expect(back).toEqual({ ...view, hasQuery: true });
    expect(toExplorerQuery(back.form)).toEqual(toExplorerQuery(view.form));
    expect(search.get('items')).toBe('drug_crimes,drug_crimes_rate');
  });

  it('keeps "last N periods" instead of a range', () => {
    const view = { ...fallback, form: { ...fallback.form, items: ['x'], territoryIds: [kg], last: 12 } };
    const search = viewToSearch(view);
    expect(search.has('from')).toBe(false);
    expect(viewFromSearch(search, fallback).form.last).toBe(12);
  });

  it('falls back on what is missing or not valid, and runs nothing without items and territories', () => {
    const odd = new URLSearchParams(
      'items=DROP TABLE,ok_code&territories=not-a-uuid&type=year&from=2025-01&rows=item,nonsense&view=map',
    );
    const view = viewFromSearch(odd, fallback);
    expect(view.form.items).toEqual(['ok_code']);
    expect(view.form.territoryIds).toEqual([]);
    expect(view.form.periodType).toBe('year');
    expect(view.form.from).toBe('2025');
    expect(view.layout).toEqual(fallback.layout);
    expect(view.display).toEqual(fallback.display);
    expect(view.hasQuery).toBe(false);
  });
});

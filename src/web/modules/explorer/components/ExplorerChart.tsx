import { useMemo } from 'react';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExplorerTable } from '#shared/contracts/explorer.contract';
import { totalOptionKey } from '#shared/domain/explorer-pivot';
import { unitName } from '#shared/messages/catalogue';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { EChart, type EChartOption } from '#web/ui/EChart';
import { lonePoints, splitNames, unitAxes } from '../chart-series';
import { useKeyLabel } from './labels';

export type ChartType = 'line' | 'bar' | 'stacked';

/** Series drawn at most, so a legend stays readable. */
const maxSeries = 40;

/**
 * Periods along the x axis, one series per item × territory × option (and a dashed twin for the same period
 * last year). Missing values are gaps in the line, never zero; a value alone between gaps is a dot. Each
 * axis is titled (period type, and the unit: a second y axis when two units are shown); what all series
 * share is said once in the title, so the legend names only what tells them apart.
 */
export function ExplorerChart({ result, type }: { result: ExplorerTable; type: ChartType }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const label = useKeyLabel(result);
  const { option, total } = useMemo(() => {
    const byKey = new Map(
      result.cells.map((c) => [`${c.item}|${c.territoryId}|${c.option ?? ''}|${c.period}`, c]),
    );
    const seriesKeys = new Map<string, { item: string; territoryId: string; option: string | null }>();
    for (const c of result.cells) seriesKeys.set(`${c.item}|${c.territoryId}|${c.option ?? ''}`, c);
    const unitOf = new Map(result.items.map((i) => [i.code, i.unit]));
    const axes = unitAxes([...seriesKeys.values()].map((s) => unitOf.get(s.item) ?? ''));
    const entries = [...seriesKeys.entries()];
    const names = splitNames(
      entries.map(([, s]) => [
        label({ dimension: 'item', key: s.item }),
        label({ dimension: 'territory', key: s.territoryId }),
        ...(result.options.length > 0
          ? [label({ dimension: 'option', key: s.option ?? totalOptionKey })]
          : []),
      ]),
    );
    const series: object[] = [];
    entries.forEach(([key, s], index) => {
      const name = (names.own[index] ?? []).join(' · ') || names.common.join(' · ');
      const cells = result.periods.map((p) => byKey.get(`${key}|${p}`));
      const common = {
        type: type === 'line' ? 'line' : 'bar',
        ...(type === 'stacked' ? { stack: `total-${axes.axisOf.get(unitOf.get(s.item) ?? '') ?? 0}` } : {}),
        yAxisIndex: axes.axisOf.get(unitOf.get(s.item) ?? '') ?? 0,
        connectNulls: false,
      };
      const line = (values: Array<number | null>) => {
        if (type !== 'line') return {};
        // A line needs two neighbours: draw a dot only where a value stands alone between gaps.
        const lone = lonePoints(values);
        return {
          showSymbol: true,
          showAllSymbol: true,
          symbolSize: (_value: unknown, params: { dataIndex: number }) => (lone[params.dataIndex] ? 7 : 0),
        };
      };
      const values = cells.map((c) => c?.value ?? null);
      series.push({ ...common, ...line(values), name, data: values });
      if (result.samePeriodLastYear) {
        const lastYear = cells.map((c) => c?.lastYearValue ?? null);
        series.push({
          ...common,
          ...line(lastYear),
          ...(type === 'stacked' ? { stack: 'lastYear' } : {}),
          name: `${name} · ${t('explorer.lastYear')}`,
          data: lastYear,
          lineStyle: { type: 'dashed' },
          itemStyle: { opacity: 0.5 },
        });
      }
    });
    const unitTitle = (unit: string) =>
      (unit.includes(', ') ? unit.split(', ') : [unit]).map((u) => unitName(u, locale)).join(', ');
    const chartOption: EChartOption = {
      title:
        names.common.length > 0
          ? { text: names.common.join(' · '), left: 'center', textStyle: { fontSize: 13 } }
          : undefined,
      tooltip: { trigger: 'axis' },
      legend: {
        type: 'scroll',
        bottom: 0,
        // Long names are cut in the legend; the tooltip shows them whole.
        textStyle: { width: 220, overflow: 'truncate' },
        tooltip: { show: true },
      },
      grid: {
        left: 72,
        right: axes.names.length > 1 ? 72 : 24,
        top: names.common.length > 0 ? 48 : 32,
        bottom: 88,
        containLabel: true,
      },
      xAxis: {
        type: 'category',
        name: t(`explorer.periodTypes.${result.periodType}`),
        nameLocation: 'middle',
        nameGap: 28,
        data: result.periods.map((period) => label({ dimension: 'period', key: period })),
      },
      yAxis: (axes.names.length > 0 ? axes.names : ['']).map((unit, i) => ({
        type: 'value',
        name: unit === '' ? t('explorer.axis.values') : unitTitle(unit),
        nameLocation: 'middle',
        nameGap: 56,
        position: i === 0 ? 'left' : 'right',
        ...(i > 0 ? { splitLine: { show: false } } : {}),
      })),
      series: series.slice(0, maxSeries),
    };
    return { option: chartOption, total: series.length };
  }, [result, type, label, t, locale]);

  return (
    <>
      <EChart
        option={option}
        height={460}
        ariaLabel={t('explorer.chartLabel')}
        data-testid="explorer-chart"
      />
      {total > maxSeries ? (
        <Text size="sm" c="dimmed">
          {t('explorer.tooManySeries', { shown: maxSeries, total })}
        </Text>
      ) : null}
    </>
  );
}

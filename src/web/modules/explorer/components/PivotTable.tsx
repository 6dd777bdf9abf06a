import { useMemo } from 'react';
import { formatNumber } from '#shared/format/locale-format';
import { Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExplorerLayout, ExplorerTable } from '#shared/contracts/explorer.contract';
import { pivot, type PivotValue } from '#shared/domain/explorer-pivot';
import { useCatalogue } from '#web/modules/catalogue/hooks/useCatalogue';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { MissingValue } from '#web/ui/MissingValue';
import { pivotTotals, type ItemAggregation, type PivotTotal } from '../pivot-totals';
import { useKeyLabel } from './labels';
import { PivotCell } from './PivotCell';

type PivotTableProps = { result: ExplorerTable; layout: ExplorerLayout };

/** A figure with the partial marker (a lower bound: some expected part is missing). */
function Figure({ text, partial, hint }: { text: string; partial: boolean; hint: string }) {
  if (!partial) return <>{text}</>;
  return (
    <Tooltip label={hint} withArrow>
      <span data-partial="true">
        {text}
        <Text component="sup" c="orange" fw={700}>
          *
        </Text>
      </span>
    </Tooltip>
  );
}

/** Rows drawn at most; the export has them all. */
const maxRows = 1000;

/**
 * The pivot table: header rows for the column dimensions, label columns for the row dimensions, and a total
 * row and column where the figures add up (see pivotTotals; "—" with a reason where they do not).
 */
export function PivotTable({ result, layout }: PivotTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const label = useKeyLabel(result);
  const table = useMemo(() => pivot(result, layout), [result, layout]);
  const catalogue = useCatalogue();
  const totals = useMemo(() => {
    const aggregation: ItemAggregation = new Map(
      (catalogue.data?.dataElements ?? []).map((e) => [
        e.code,
        { aggregationTime: e.aggregationTime, aggregationTerritory: e.aggregationTerritory },
      ]),
    );
    return pivotTotals(table, result, aggregation);
  }, [table, result, catalogue.data]);
  const showTotalColumn = table.columns.length > 1;
  const showTotalRow = table.rows.length > 1;
  const decimals = useMemo(() => new Map(result.items.map((i) => [i.code, i.decimals])), [result.items]);
  const format = (v: PivotValue) => {
    const d = decimals.get(v.item) ?? 0;
    return formatNumber(v.value ?? 0, locale, { decimals: d });
  };
  const rows = table.rows.slice(0, maxRows);
  const headerLevels = Math.max(table.columnDimensions.length, 1);
  const totalText = (total: PivotTotal, item: string | undefined) => {
    if (!total.addable) return <MissingValue reason={t('explorer.totals.notAddable')} />;
    if (total.value === null) return <MissingValue reason={t('explorer.noValue')} />;
    const text = formatNumber(total.value, locale, { decimals: decimals.get(item ?? '') ?? 0 });
    return <Figure text={text} partial={total.partial} hint={t('explorer.partial')} />;
  };
  const itemOfRow = (r: number) => (table.values[r] ?? []).find((v) => v !== null)?.item;
  const itemOfColumn = (c: number) => table.values.map((row) => row[c]).find((v) => v)?.item;

  return (
    <>
      <Table.ScrollContainer minWidth={480} maxHeight={640}>
        <Table
          striped
          highlightOnHover
          withTableBorder
          withColumnBorders
          stickyHeader
          data-testid="explorer-pivot"
        >
          <Table.Thead>
            {Array.from({ length: headerLevels }, (_, level) => (
              <Table.Tr key={level}>
                {table.rowDimensions.map((dimension) => (
                  <Table.Th key={dimension} scope="col">
                    {level === headerLevels - 1 ? t(`explorer.dimensions.${dimension}`) : ''}
                  </Table.Th>
                ))}
                {table.columnDimensions.length === 0 ? (
                  <Table.Th scope="col">{t('explorer.value')}</Table.Th>
                ) : (
                  table.columns.map((column, c) => {
                    const key = column[level];
                    return (
                      <Table.Th key={c} scope="col" ta="right" data-dimension={key?.dimension}>
                        {key ? label(key) : ''}
                      </Table.Th>
                    );
                  })
                )}
                {showTotalColumn ? (
                  <Table.Th scope="col" ta="right" data-total="column">
                    {level === headerLevels - 1 ? t('explorer.totals.total') : ''}
                  </Table.Th>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, r) => (
              <Table.Tr key={r}>
                {row.map((key) => (
                  <Table.Th key={key.dimension} scope="row" fw={500}>
                    {label(key)}
                  </Table.Th>
                ))}
                {(table.values[r] ?? []).map((v, c) => (
                  <Table.Td key={c} ta="right" style={{ whiteSpace: 'nowrap' }}>
                    <PivotCell value={v} format={format} />
                  </Table.Td>
                ))}
                {showTotalColumn && totals.rows[r] ? (
                  <Table.Td ta="right" fw={600} style={{ whiteSpace: 'nowrap' }} data-total="row">
                    {totalText(totals.rows[r], itemOfRow(r))}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
            {showTotalRow ? (
              <Table.Tr data-total="row">
                {table.rowDimensions.map((dimension, i) => (
                  <Table.Th key={dimension} scope="row" fw={700}>
                    {i === 0 ? t('explorer.totals.total') : ''}
                  </Table.Th>
                ))}
                {totals.columns.map((total, c) => (
                  <Table.Td key={c} ta="right" fw={600} style={{ whiteSpace: 'nowrap' }}>
                    {totalText(total, itemOfColumn(c))}
                  </Table.Td>
                ))}
                {showTotalColumn ? (
                  <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }} data-total="grand">
                    {totalText(totals.grand, itemOfRow(0))}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {table.rows.length > maxRows ? (
        <Text size="sm" c="dimmed" mt="xs">
          {t('explorer.tooManyRows', { shown: maxRows, total: table.rows.length })}
        </Text>
      ) : null}
    </>
  );
}

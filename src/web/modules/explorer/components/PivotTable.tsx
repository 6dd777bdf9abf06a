import { useMemo } from 'react';
import { formatNumber } from '#shared/format/locale-format';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExplorerLayout, ExplorerResult } from '#shared/contracts/explorer.contract';
import { pivot, type PivotValue } from '#shared/domain/explorer-pivot';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { useKeyLabel } from './labels';
import { PivotCell } from './PivotCell';

type PivotTableProps = { result: ExplorerResult; layout: ExplorerLayout };

/** Rows drawn at most; the export has them all. */
const maxRows = 1000;

/** The pivot table: header rows for the column dimensions, label columns for the row dimensions. */
export function PivotTable({ result, layout }: PivotTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const label = useKeyLabel(result);
  const table = useMemo(() => pivot(result, layout), [result, layout]);
  const decimals = useMemo(() => new Map(result.items.map((i) => [i.code, i.decimals])), [result.items]);
  const format = (v: PivotValue) => {
    const d = decimals.get(v.item) ?? 0;
    return formatNumber(v.value ?? 0, locale, { decimals: d });
  };
  const rows = table.rows.slice(0, maxRows);
  const headerLevels = Math.max(table.columnDimensions.length, 1);

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
              </Table.Tr>
            ))}
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

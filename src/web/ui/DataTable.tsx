import { Fragment, useState, type ReactNode } from 'react';
import { ActionIcon, Center, Loader, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export type DataColumn<Row> = {
  key: string;
  header: ReactNode;
  render: (row: Row) => ReactNode;
  width?: number | string;
  align?: 'left' | 'right' | 'center';
  /** Keep the cell on one line. */
  noWrap?: boolean;
  /**
   * Keep the column in view at the right edge while the rest scrolls sideways (for row actions, so a wide
   * table never hides them). Give it to the last column only.
   */
  pinned?: 'right';
};

/** The style of a pinned cell: sticky at the right edge, opaque, with a hairline separating it. */
const pinnedStyle = (isHeader: boolean) =>
  ({
    position: 'sticky',
    right: 0,
    zIndex: isHeader ? 2 : 1,
    background: 'var(--mantine-color-body)',
    boxShadow: 'inset 1px 0 0 var(--mantine-color-default-border)',
  }) as const;

type DataTableProps<Row> = {
  columns: DataColumn<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  /** Accessible name of the table. */
  caption: string;
  isLoading?: boolean;
  emptyText?: ReactNode;
  /** When given, each row gets a toggle that shows this content below it. */
  renderExpanded?: (row: Row) => ReactNode;
  minWidth?: number;
  /** Extra attributes per row, e.g. data-* hooks for tests. */
  rowProps?: (row: Row) => Record<string, string | undefined>;
};

/**
 * A striped, horizontally scrollable table with loading, empty and expandable-row states; a column marked
 * `pinned: 'right'` (row actions) stays in view while the rest scrolls.
 */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  caption,
  isLoading = false,
  emptyText,
  renderExpanded,
  minWidth = 720,
  rowProps,
}: DataTableProps<Row>) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState<Record<string, boolean>>({});
  const columnCount = columns.length + (renderExpanded ? 1 : 0);

  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label={caption} aria-busy={isLoading}>
        <Table.Thead>
          <Table.Tr>
            {renderExpanded ? (
              <Table.Th w={40}>
                <VisuallyHidden>{t('common.details')}</VisuallyHidden>
              </Table.Th>
            ) : null}
            {columns.map((column) => (
              <Table.Th
                key={column.key}
                w={column.width}
                ta={column.align}
                style={column.pinned ? pinnedStyle(true) : undefined}
                data-pinned={column.pinned}
              >
                {column.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {isLoading && rows.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={columnCount}>
                <Center py="lg" role="status">
                  <Loader size="sm" aria-label={t('common.loading')} />
                </Center>
              </Table.Td>
            </Table.Tr>
          ) : null}
          {!isLoading && rows.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={columnCount}>
                <Text c="dimmed" ta="center" py="lg" size="sm">
                  {emptyText ?? t('common.noResults')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : null}
          {rows.map((row) => {
            const key = rowKey(row);
            const isOpen = expanded[key] === true;
            return (
              <Fragment key={key}>
                <Table.Tr {...(rowProps ? rowProps(row) : {})}>
                  {renderExpanded ? (
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-expanded={isOpen}
                        aria-label={isOpen ? t('common.collapse') : t('common.expand')}
                        onClick={() => setExpanded((state) => ({ ...state, [key]: !isOpen }))}
                      >
                        {isOpen ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                      </ActionIcon>
                    </Table.Td>
                  ) : null}
                  {columns.map((column) => (
                    <Table.Td
                      key={column.key}
                      ta={column.align}
                      style={{
                        ...(column.noWrap ? { whiteSpace: 'nowrap' } : {}),
                        ...(column.pinned ? pinnedStyle(false) : {}),
                      }}
                      data-pinned={column.pinned}
                    >
                      {column.render(row)}
                    </Table.Td>
                  ))}
                </Table.Tr>
                {renderExpanded && isOpen ? (
                  <Table.Tr>
                    <Table.Td colSpan={columnCount} bg="var(--mantine-color-body)">
                      {renderExpanded(row)}
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

import { Badge, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataValue, EntryForm, ValueCheck } from '#shared/contracts/data-values.contract';
import { localName } from '#web/lib/format';
import { useServerText } from '#web/lib/messages';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import {
  cellId,
  checkTone,
  groupElements,
  nextPosition,
  type FormColumn,
  type FormElement,
} from '../entry-grid';
import { EntryCell } from './EntryCell';
import { unitName } from '#shared/messages/catalogue';

export type SelectedCell = { element: FormElement; column: FormColumn };

type EntryGridProps = {
  form: EntryForm;
  selected: SelectedCell | null;
  onSelect: (cell: SelectedCell) => void;
  save: (element: FormElement, column: FormColumn, value: number | null) => Promise<void>;
};

/**
 * The entry grid: one table per group of elements with the same disaggregation, a row per element and a
 * column per option combination. Tab moves along, Enter and the arrow keys move across rows and tables.
 */
export function EntryGrid({ form, selected, onSelect, save }: EntryGridProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const serverText = useServerText();
  const groups = useMemo(() => groupElements(form.elements), [form.elements]);
  const inputs = useRef(new Map<string, HTMLInputElement>());

  const values = useMemo(() => {
    const map = new Map<string, DataValue>();
    for (const v of form.values) map.set(cellId(v.dataElementId, v.disaggregation), v);
    return map;
  }, [form.values]);
  const checks = useMemo(() => {
    const byCell = new Map<string, ValueCheck[]>();
    const byElement = new Map<string, ValueCheck[]>();
    for (const c of form.checks) {
      const map = c.disaggregation === null ? byElement : byCell;
      const key = c.disaggregation === null ? c.dataElementId : cellId(c.dataElementId, c.disaggregation);
      map.set(key, [...(map.get(key) ?? []), c]);
    }
    return { byCell, byElement };
  }, [form.checks]);

  // Rows across all tables, so the arrow keys and Enter cross from one table into the next.
  const rowLengths = groups.flatMap((g) => g.elements.map(() => g.columns.length));
  const rowOffsets = groups.map((_, i) => groups.slice(0, i).reduce((n, g) => n + g.elements.length, 0));

  const onKeyDown = (row: number, col: number) => (event: KeyboardEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const length = input.value.length;
    const next = nextPosition(event.key, event.shiftKey, { row, col }, rowLengths, {
      atStart: input.selectionStart === 0 && input.selectionEnd === 0,
      atEnd: input.selectionStart === length && input.selectionEnd === length,
    });
    if (!next) return;
    const target = inputs.current.get(`${next.row}:${next.col}`);
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.select();
  };

  return (
    <Stack gap="lg">
      {groups.map((group, groupIndex) => {
        const single = group.columns.length === 1 && group.columns[0]?.disaggregation === '';
        return (
          <Table.ScrollContainer minWidth={480} key={group.key}>
            <Table withTableBorder withColumnBorders verticalSpacing={4} horizontalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th miw={220}>{t('entry.element')}</Table.Th>
                  {group.columns.map((column) => (
                    <Table.Th key={column.disaggregation} ta="right" fz="xs">
                      {single ? t('entry.value') : localName(column.name, locale)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {group.elements.map((element, elementIndex) => {
                  const row = (rowOffsets[groupIndex] ?? 0) + elementIndex;
                  const elementChecks = checks.byElement.get(element.id) ?? [];
                  const name = localName(element.name, locale);
                  return (
                    <Table.Tr key={element.id}>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <Text size="sm">{name}</Text>
                          <Text size="xs" c="dimmed">
                            {unitName(element.unit, locale)}
                          </Text>
                          {elementChecks.length > 0 ? (
                            <Tooltip label={elementChecks.map(serverText).join('\n')} multiline maw={360}>
                              <Badge
                                size="xs"
                                color={elementChecks.some((c) => checkTone(c) === 'error') ? 'red' : 'orange'}
                                variant="light"
                                leftSection={<IconAlertTriangle size={10} aria-hidden />}
                                data-testid={`rule-${element.code}`}
                              >
                                {t('entry.ruleBadge', { count: elementChecks.length })}
                              </Badge>
                            </Tooltip>
                          ) : null}
                        </Group>
                      </Table.Td>
                      {group.columns.map((column, col) => {
                        const id = cellId(element.id, column.disaggregation);
                        const columnName = single ? '' : ` — ${localName(column.name, locale)}`;
                        return (
                          <Table.Td key={column.disaggregation} ta="right">
                            <EntryCell
                              label={`${name}${columnName}`}
                              testId={`cell-${element.code}-${column.disaggregation || 'total'}`}
                              stored={values.get(id)}
                              checks={checks.byCell.get(id) ?? []}
                              editable={form.editable}
                              selected={
                                selected?.element.id === element.id &&
                                selected.column.disaggregation === column.disaggregation
                              }
                              save={(value) => save(element, column, value)}
                              inputRef={(input) => {
                                if (input) inputs.current.set(`${row}:${col}`, input);
                                else inputs.current.delete(`${row}:${col}`);
                              }}
                              onKeyDown={onKeyDown(row, col)}
                              onFocus={() => onSelect({ element, column })}
                            />
                          </Table.Td>
                        );
                      })}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        );
      })}
    </Stack>
  );
}

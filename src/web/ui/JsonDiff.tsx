import { Code, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Change = { key: string; before: unknown; after: unknown };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keys whose values differ between two JSON values (top level; non-objects compare whole). */
export function diffJson(before: unknown, after: unknown): Change[] {
  if (!isRecord(before) && !isRecord(after)) {
    return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ key: '', before, after }];
  }
  const left = isRecord(before) ? before : {};
  const right = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])];
  return keys
    .filter((key) => JSON.stringify(left[key]) !== JSON.stringify(right[key]))
    .map((key) => ({ key, before: left[key], after: right[key] }));
}

function show(value: unknown): string {
  if (value === undefined) return '∅';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** One line per changed key: `key: old → new`, truncated, for a table cell. */
export function JsonDiffSummary({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  if (before == null && after == null)
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  const changes = diffJson(before, after);
  if (changes.length === 0)
    return (
      <Text size="xs" c="dimmed">
        {t('common.noChanges')}
      </Text>
    );
  // A created (or deleted) object lists its values without an arrow from (or to) nothing.
  const side: 'both' | 'after' | 'before' = before == null ? 'after' : after == null ? 'before' : 'both';
  return (
    <Stack gap={2}>
      {changes.slice(0, 3).map((change) => (
        <Text key={change.key} size="xs" lineClamp={1} ff="monospace">
          {change.key ? <strong>{change.key}: </strong> : null}
          {side !== 'after' ? (
            <Text span c="red.7" inherit td={side === 'before' ? 'line-through' : undefined}>
              {show(change.before)}
            </Text>
          ) : null}
          {side === 'both' ? ' → ' : null}
          {side !== 'before' ? (
            <Text span c="teal.7" inherit>
              {show(change.after)}
            </Text>
          ) : null}
        </Text>
      ))}
      {changes.length > 3 ? (
        <Text size="xs" c="dimmed">
          {t('common.moreChanges', { count: changes.length - 3 })}
        </Text>
      ) : null}
    </Stack>
  );
}

/** Full view: a table of changed keys and the complete before/after documents. */
export function JsonDiffDetail({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  if (before == null && after == null) {
    return (
      <Text size="xs" c="dimmed">
        {t('common.noChanges')}
      </Text>
    );
  }
  const changes = diffJson(before, after);
  return (
    <Stack gap="sm">
      {changes.length > 0 ? (
        <Table withTableBorder fz="xs" ff="monospace">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('common.field')}</Table.Th>
              <Table.Th>{t('common.before')}</Table.Th>
              <Table.Th>{t('common.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changes.map((change) => (
              <Table.Tr key={change.key}>
                <Table.Td>{change.key || '—'}</Table.Td>
                <Table.Td c="red.7" style={{ wordBreak: 'break-all' }}>
                  {show(change.before)}
                </Table.Td>
                <Table.Td c="teal.7" style={{ wordBreak: 'break-all' }}>
                  {show(change.after)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack gap={4}>
          <Group gap={4}>
            <Text size="xs" fw={600}>
              {t('common.before')}
            </Text>
          </Group>
          <Code block fz="xs">
            {JSON.stringify(before ?? null, null, 2)}
          </Code>
        </Stack>
        <Stack gap={4}>
          <Text size="xs" fw={600}>
            {t('common.after')}
          </Text>
          <Code block fz="xs">
            {JSON.stringify(after ?? null, null, 2)}
          </Code>
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}

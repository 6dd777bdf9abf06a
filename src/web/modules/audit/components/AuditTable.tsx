import { Badge, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '#shared/contracts/audit.contract';
import { formatDateTime } from '#shared/format/locale-format';
import { DataTable, type DataColumn } from '#web/ui/DataTable';
import { JsonDiffDetail, JsonDiffSummary } from '#web/ui/JsonDiff';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';

type AuditTableProps = { entries: AuditEntry[]; isLoading: boolean };

function actionColor(action: string): string {
  if (/delete|disable|remove|deactivat|fail/i.test(action)) return 'red';
  if (/create|add|import|enable|activat/i.test(action)) return 'teal';
  if (/login|logout|session|password/i.test(action)) return 'grape';
  return 'blue';
}

/** Who did what to which entity and when; each row shows a compact before → after diff and expands to the full one. */
export function AuditTable({ entries, isLoading }: AuditTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();

  const columns: DataColumn<AuditEntry>[] = [
    {
      key: 'at',
      header: t('audit.at'),
      noWrap: true,
      width: 170,
      render: (entry) => formatDateTime(entry.at, locale),
    },
    {
      key: 'actor',
      header: t('audit.actor'),
      render: (entry) =>
        entry.actorUsername ? (
          <Text size="sm">{entry.actorUsername}</Text>
        ) : (
          <Text size="sm" c="dimmed" fs="italic">
            {t('audit.system')}
          </Text>
        ),
    },
    {
      key: 'action',
      header: t('audit.action'),
      render: (entry) => (
        <Badge variant="light" color={actionColor(entry.action)} tt="none">
          {entry.action}
        </Badge>
      ),
    },
    {
      key: 'entity',
      header: t('audit.entity'),
      render: (entry) => (
        <Stack gap={0}>
          <Text size="sm">{entry.entityType}</Text>
          {entry.entityId ? (
            <Tooltip label={entry.entityId}>
              <Text size="xs" ff="monospace" c="dimmed" maw={150} truncate="end" tabIndex={0}>
                {entry.entityId}
              </Text>
            </Tooltip>
          ) : null}
        </Stack>
      ),
    },
    {
      key: 'changes',
      header: t('audit.changes'),
      width: '40%',
      render: (entry) => <JsonDiffSummary before={entry.before} after={entry.after} />,
    },
  ];

  return (
    <DataTable
      caption={t('audit.title')}
      columns={columns}
      rows={entries}
      rowKey={(entry) => entry.id}
      isLoading={isLoading}
      emptyText={t('audit.empty')}
      minWidth={900}
      renderExpanded={(entry) => (
        <Stack gap="xs">
          <Text size="xs" c="dimmed">
            {t('audit.request')}: {entry.requestId ?? '—'} · IP: {entry.ip ?? '—'}
          </Text>
          <JsonDiffDetail before={entry.before} after={entry.after} />
        </Stack>
      )}
    />
  );
}

import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '#shared/contracts/audit.contract';
import { formatDateTime } from '#shared/format/locale-format';
import { DataTable, type DataColumn } from '#web/ui/DataTable';
import { JsonDiffDetail } from '#web/ui/JsonDiff';
import { useRenderMessage } from '#web/lib/messages';
import { AuditChanges } from './AuditChanges';
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
  const render = useRenderMessage();

  const columns: DataColumn<AuditEntry>[] = [
    {
      key: 'at',
      header: t('audit.at'),
      noWrap: true,
      width: 170,
      render: (entry) => formatDateTime(entry.at, locale),
    },
    {
      key: 'sentence',
      header: t('audit.event'),
      render: (entry) => (
        <Group gap={8} wrap="nowrap" align="flex-start">
          <Badge
            variant="dot"
            color={actionColor(entry.action)}
            tt="none"
            title={entry.action}
            style={{ flexShrink: 0 }}
          >
            {entry.actorName ?? t('audit.system')}
          </Badge>
          <Text size="sm" data-testid="audit-sentence">
            {render(entry.sentence)}
          </Text>
        </Group>
      ),
    },
    {
      key: 'changes',
      header: t('audit.changes'),
      width: '35%',
      render: (entry) => <AuditChanges changes={entry.changes} limit={3} />,
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
            {t('audit.request')}: {entry.requestId ?? '—'} · IP: {entry.ip ?? '—'} · {entry.action}
            {entry.entityId ? ` · ${entry.entityType} ${entry.entityId}` : ''}
          </Text>
          <AuditChanges changes={entry.changes} />
          <JsonDiffDetail before={entry.before} after={entry.after} />
        </Stack>
      )}
    />
  );
}

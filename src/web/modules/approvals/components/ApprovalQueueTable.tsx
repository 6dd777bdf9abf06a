import { formatPeriodLabel } from '#shared/format/locale-format';
import { Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApprovalListItem } from '#shared/contracts/approval.contract';
import { formatDate, formatDateTime } from '#shared/format/locale-format';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { DataTable, type DataColumn } from '#web/ui/DataTable';
import { ApprovalStatusBadge } from './ApprovalStatusBadge';
import { ApprovalStepButtons } from './ApprovalStepButtons';
import { useNames } from '../hooks/useNames';

/** The approval queue: what was submitted, by whom, against which deadline, with the steps allowed now. */
export function ApprovalQueueTable({ items, isLoading }: { items: ApprovalListItem[]; isLoading: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const names = useNames();

  const columns: DataColumn<ApprovalListItem>[] = [
    { key: 'agency', header: t('approvals.columns.agency'), render: (r) => names.agency(r.agencyId) },
    {
      key: 'territory',
      header: t('approvals.columns.territory'),
      render: (r) => names.territory(r.territoryId),
    },
    {
      key: 'period',
      header: t('approvals.columns.period'),
      render: (r) => formatPeriodLabel(r.period, locale),
      noWrap: true,
    },
    {
      key: 'status',
      header: t('approvals.columns.status'),
      render: (r) => <ApprovalStatusBadge status={r.status} />,
      noWrap: true,
    },
    {
      key: 'actions',
      header: t('common.actions'),
      render: (r) => <ApprovalStepButtons approval={r} size="xs" />,
      noWrap: true,
    },
    {
      key: 'submitted',
      header: t('approvals.columns.submitted'),
      render: (r) =>
        r.submittedAt ? (
          <Stack gap={2}>
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {formatDateTime(r.submittedAt, locale)}
            </Text>
            <Text size="xs" c="dimmed">
              {r.submittedBy ?? '—'}
            </Text>
            {r.onTime === null ? null : (
              <Badge size="xs" variant="outline" color={r.onTime ? 'teal' : 'red'}>
                {r.onTime ? t('approvals.onTime') : t('approvals.late')}
              </Badge>
            )}
          </Stack>
        ) : (
          '—'
        ),
    },
    {
      key: 'deadline',
      header: t('approvals.columns.deadline'),
      render: (r) => formatDate(r.deadline, locale),
      noWrap: true,
    },
    {
      key: 'decided',
      header: t('approvals.columns.decided'),
      render: (r) =>
        r.decidedAt ? (
          <Stack gap={2}>
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {formatDateTime(r.decidedAt, locale)}
            </Text>
            <Text size="xs" c="dimmed">
              {r.decidedBy ?? '—'}
            </Text>
          </Stack>
        ) : (
          '—'
        ),
    },
    { key: 'reason', header: t('approvals.columns.reason'), render: (r) => r.reason ?? '—' },
  ];

  return (
    <DataTable
      columns={columns}
      rows={items}
      rowKey={(r) => `${r.agencyId}/${r.territoryId}/${r.period}`}
      caption={t('approvals.caption')}
      isLoading={isLoading}
      emptyText={t('approvals.empty')}
      minWidth={1300}
      rowProps={(r) => ({ 'data-period': r.period, 'data-status': r.status })}
    />
  );
}

import { formatPeriodLabel } from '#shared/format/locale-format';
import { Badge, Checkbox, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApprovalListItem } from '#shared/contracts/approval.contract';
import { formatDate, formatDateTime } from '#shared/format/locale-format';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { DataTable, type DataColumn } from '#web/ui/DataTable';
import { ApprovalStatusBadge } from './ApprovalStatusBadge';
import { ApprovalStepButtons } from './ApprovalStepButtons';
import { useNames } from '../hooks/useNames';
import { SubmissionReview } from './SubmissionReview';

/** The key of a report in the queue and in a selection. */
export const reportKey = (r: Pick<ApprovalListItem, 'agencyId' | 'territoryId' | 'period'>) =>
  `${r.agencyId}/${r.territoryId}/${r.period}`;

type ApprovalQueueTableProps = {
  items: ApprovalListItem[];
  isLoading: boolean;
  /**
   * Keys of the selected reports, with the setter; when given, submitted reports get a checkbox (only they
   * can be approved or returned together).
   */
  selection?: { keys: ReadonlySet<string>; onChange: (keys: Set<string>) => void };
};

/**
 * The approval queue: what was submitted, by whom, against which deadline, with the steps allowed now
 * (pinned at the right edge) and, when a row is opened, its values with their checks.
 */
export function ApprovalQueueTable({ items, isLoading, selection }: ApprovalQueueTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const names = useNames();
  const selectable = items.filter((r) => r.status === 'submitted');
  const allSelected =
    selection !== undefined &&
    selectable.length > 0 &&
    selectable.every((r) => selection.keys.has(reportKey(r)));
  const toggle = (keys: string[], on: boolean) => {
    if (!selection) return;
    const next = new Set(selection.keys);
    for (const key of keys) {
      if (on) next.add(key);
      else next.delete(key);
    }
    selection.onChange(next);
  };
  const selectColumn: DataColumn<ApprovalListItem>[] = selection
    ? [
        {
          key: 'select',
          width: 36,
          header: (
            <Checkbox
              aria-label={t('approvals.bulk.selectAll')}
              checked={allSelected}
              indeterminate={!allSelected && selectable.some((r) => selection.keys.has(reportKey(r)))}
              disabled={selectable.length === 0}
              onChange={(event) => toggle(selectable.map(reportKey), event.currentTarget.checked)}
              data-testid="select-all"
            />
          ),
          render: (r) =>
            r.status === 'submitted' ? (
              <Checkbox
                aria-label={t('approvals.bulk.selectOne', {
                  name: `${names.agency(r.agencyId)} · ${names.territory(r.territoryId)} · ${formatPeriodLabel(r.period, locale)}`,
                })}
                checked={selection.keys.has(reportKey(r))}
                onChange={(event) => toggle([reportKey(r)], event.currentTarget.checked)}
                data-testid="select-report"
              />
            ) : null,
        },
      ]
    : [];

  const columns: DataColumn<ApprovalListItem>[] = [
    ...selectColumn,
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
    {
      key: 'actions',
      header: t('common.actions'),
      render: (r) => <ApprovalStepButtons approval={r} size="xs" />,
      noWrap: true,
      pinned: 'right',
    },
  ];

  return (
    <DataTable
      columns={columns}
      rows={items}
      rowKey={reportKey}
      caption={t('approvals.caption')}
      isLoading={isLoading}
      emptyText={t('approvals.empty')}
      minWidth={1300}
      renderExpanded={(r) => <SubmissionReview report={r} />}
      rowProps={(r) => ({ 'data-period': r.period, 'data-status': r.status })}
    />
  );
}

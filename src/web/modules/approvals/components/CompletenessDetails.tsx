import { formatPeriodLabel } from '#shared/format/locale-format';
import { useState } from 'react';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CompletenessDetail, CompletenessQuery } from '#shared/contracts/approval.contract';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '#shared/format/locale-format';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { DataTable, type DataColumn } from '#web/ui/DataTable';
import { ErrorAlert } from '#web/ui/ErrorAlert';
import { Pager } from '#web/ui/Pager';
import { useCompletenessDetails } from '../hooks/useApprovals';
import { useNames } from '../hooks/useNames';
import { ApprovalStatusBadge } from './ApprovalStatusBadge';

const pageSize = 50;

/** Every expected report of the selection, one row each: who has reported what, and when. */
export function CompletenessDetails({ query }: { query: CompletenessQuery | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const names = useNames();
  const [page, setPage] = useState<{ query: CompletenessQuery | null; offset: number }>({ query, offset: 0 });
  // A new selection starts again at the first page.
  const offset = page.query === query ? page.offset : 0;
  const details = useCompletenessDetails(query ? { ...query, limit: pageSize, offset } : null);
  const share = (value: number | null) => (value === null ? '—' : formatPercent(value, locale, 1));

  const columns: DataColumn<CompletenessDetail>[] = [
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
      key: 'present',
      header: t('completeness.columns.present'),
      render: (r) => `${formatNumber(r.present, locale)} / ${formatNumber(r.expected, locale)}`,
      align: 'right',
      noWrap: true,
    },
    {
      key: 'completeness',
      header: t('completeness.columns.completeness'),
      render: (r) => share(r.completeness),
      align: 'right',
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
      render: (r) => (r.submittedAt ? formatDateTime(r.submittedAt, locale) : '—'),
      noWrap: true,
    },
    {
      key: 'deadline',
      header: t('approvals.columns.deadline'),
      render: (r) => formatDate(r.deadline, locale),
      noWrap: true,
    },
    {
      key: 'onTime',
      header: t('completeness.columns.onTime'),
      render: (r) =>
        r.onTime === null ? (
          '—'
        ) : (
          <Badge size="sm" variant="outline" color={r.onTime ? 'teal' : 'red'}>
            {r.onTime ? t('approvals.onTime') : t('approvals.late')}
          </Badge>
        ),
    },
  ];

  return (
    <>
      {details.error ? <ErrorAlert error={details.error} /> : null}
      <DataTable
        columns={columns}
        rows={details.data?.items ?? []}
        rowKey={(r) => `${r.agencyId}/${r.territoryId}/${r.period}`}
        caption={t('completeness.details.title')}
        isLoading={details.isFetching && !details.data}
        emptyText={t('completeness.noData')}
        minWidth={1000}
        rowProps={(r) => ({ 'data-period': r.period, 'data-status': r.status })}
      />
      <Pager
        total={details.data?.total ?? 0}
        limit={pageSize}
        offset={offset}
        onOffsetChange={(next) => setPage({ query, offset: next })}
        formatCount={(value) => formatNumber(value, locale)}
      />
    </>
  );
}

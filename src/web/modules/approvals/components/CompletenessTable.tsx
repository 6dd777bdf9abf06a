import { useTranslation } from 'react-i18next';
import type {
  CompletenessFigures,
  CompletenessReport,
  CompletenessRow,
} from '#shared/contracts/approval.contract';
import { formatNumber, formatPercent } from '#shared/format/locale-format';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { DataTable, type DataColumn } from '#web/ui/DataTable';

type Row = CompletenessFigures & { id: string; label: string };

/** Completeness and timeliness per group, with the total as the last row. */
export function CompletenessTable({
  report,
  labelOf,
  isLoading,
}: {
  report: CompletenessReport | undefined;
  labelOf: (key: CompletenessRow['key']) => string;
  isLoading: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  // One decimal: a young report at 0.4 % is not the same as none at all.
  const share = (value: number | null) => (value === null ? '—' : formatPercent(value, locale, 1));
  const count = (value: number) => formatNumber(value, locale);
  const rows: Row[] = report
    ? [
        ...report.rows.map((r) => ({ ...r, id: JSON.stringify(r.key), label: labelOf(r.key) })),
        { ...report.total, id: 'total', label: t('completeness.total') },
      ]
    : [];
  const groupHeader = report ? t(`completeness.group.${report.groupBy}`) : '';

  const columns: DataColumn<Row>[] = [
    {
      key: 'label',
      header: groupHeader,
      render: (r) => (r.id === 'total' ? <strong>{r.label}</strong> : r.label),
    },
    {
      key: 'expected',
      header: t('completeness.columns.expected'),
      render: (r) => count(r.expected),
      align: 'right',
    },
    {
      key: 'present',
      header: t('completeness.columns.present'),
      render: (r) => count(r.present),
      align: 'right',
    },
    {
      key: 'completeness',
      header: t('completeness.columns.completeness'),
      render: (r) => share(r.completeness),
      align: 'right',
    },
    {
      key: 'reports',
      header: t('completeness.columns.reports'),
      render: (r) => count(r.reports),
      align: 'right',
    },
    {
      key: 'submitted',
      header: t('completeness.columns.submitted'),
      render: (r) => count(r.submitted),
      align: 'right',
    },
    {
      key: 'onTime',
      header: t('completeness.columns.onTime'),
      render: (r) => count(r.onTime),
      align: 'right',
    },
    { key: 'late', header: t('completeness.columns.late'), render: (r) => count(r.late), align: 'right' },
    {
      key: 'timeliness',
      header: t('completeness.columns.timeliness'),
      render: (r) => share(r.timeliness),
      align: 'right',
    },
  ];

  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      caption={t('completeness.caption')}
      isLoading={isLoading}
      emptyText={t('completeness.noData')}
      rowProps={(r) => ({ 'data-row': r.id === 'total' ? 'total' : r.label })}
    />
  );
}

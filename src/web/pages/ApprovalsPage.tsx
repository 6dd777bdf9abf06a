import { useState } from 'react';
import { Group, Paper, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { ApprovalListQuery } from '#shared/contracts/approval.contract';
import { approvalStatuses, type ApprovalStatus } from '#shared/contracts/data-values.contract';
import { isPeriodId } from '#shared/domain/period';
import { formatNumber } from '#shared/format/locale-format';
import { ApprovalQueueTable } from '#web/modules/approvals/components/ApprovalQueueTable';
import { useNames } from '#web/modules/approvals/hooks/useNames';
import { useApprovalList } from '#web/modules/approvals/hooks/useApprovals';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { ErrorAlert } from '#web/ui/ErrorAlert';
import { PageHeader } from '#web/ui/PageHeader';
import { Pager } from '#web/ui/Pager';

const pageSize = 50;

/** The approval queue: submissions waiting for a decision (by default) and every earlier decision. */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const names = useNames();
  const [status, setStatus] = useState<ApprovalStatus | null>('submitted');
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [period, setPeriod] = useState('');
  const [debouncedPeriod] = useDebouncedValue(period.trim(), 300);
  const [offset, setOffset] = useState(0);
  const periodValid = debouncedPeriod === '' || isPeriodId(debouncedPeriod);
  const query: ApprovalListQuery = {
    status: status ?? undefined,
    agencyId: agencyId ?? undefined,
    period: periodValid && debouncedPeriod !== '' ? debouncedPeriod : undefined,
    limit: pageSize,
    offset,
  };
  const list = useApprovalList(query);
  const reset =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setOffset(0);
    };

  return (
    <>
      <PageHeader title={t('approvals.title')} description={t('approvals.subtitle')} />
      <Group mb="md" align="flex-end" wrap="wrap">
        <Select
          label={t('approvals.filters.status')}
          placeholder={t('approvals.filters.anyStatus')}
          data={approvalStatuses
            .filter((s) => s !== 'draft')
            .map((s) => ({ value: s, label: t(`approvals.status.${s}`) }))}
          value={status}
          onChange={reset((value: string | null) => setStatus(value as ApprovalStatus | null))}
          clearable
          w={200}
          data-testid="approvals-status-filter"
        />
        <Select
          label={t('approvals.filters.agency')}
          placeholder={t('approvals.filters.anyAgency')}
          data={names.agencyOptions}
          value={agencyId}
          onChange={reset(setAgencyId)}
          clearable
          searchable
          w={240}
        />
        <TextInput
          label={t('approvals.filters.period')}
          placeholder={t('approvals.filters.periodPlaceholder')}
          value={period}
          onChange={(event) => reset(setPeriod)(event.currentTarget.value)}
          error={periodValid ? undefined : t('approvals.filters.periodInvalid')}
          w={180}
        />
      </Group>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Paper withBorder radius="md" p="xs">
        <ApprovalQueueTable items={list.data?.items ?? []} isLoading={list.isPending} />
      </Paper>
      <Pager
        total={list.data?.total ?? 0}
        limit={pageSize}
        offset={offset}
        onOffsetChange={setOffset}
        formatCount={(value) => formatNumber(value, locale)}
      />
    </>
  );
}

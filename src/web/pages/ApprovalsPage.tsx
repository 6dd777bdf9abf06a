import { useState } from 'react';
import { Group, Paper, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { approvalSorts, type ApprovalListQuery } from '#shared/contracts/approval.contract';
import { approvalStatuses, type ApprovalStatus } from '#shared/contracts/data-values.contract';
import { isPeriodId } from '#shared/domain/period';
import { formatNumber } from '#shared/format/locale-format';
import { ApprovalQueueTable, reportKey } from '#web/modules/approvals/components/ApprovalQueueTable';
import { BulkApprovalBar } from '#web/modules/approvals/components/BulkApprovalBar';
import { useHasPermission } from '#web/modules/auth/hooks/useSession';
import { useNames } from '#web/modules/approvals/hooks/useNames';
import { useApprovalList } from '#web/modules/approvals/hooks/useApprovals';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { ErrorAlert } from '#web/ui/ErrorAlert';
import { PageHeader } from '#web/ui/PageHeader';
import { Pager } from '#web/ui/Pager';

const pageSize = 50;

/** Sort choices: a column and a direction, as one select value `column:order`. */
const sortChoices = approvalSorts.flatMap((sort) =>
  (['desc', 'asc'] as const).map((order) => ({ sort, order, value: `${sort}:${order}` })),
);

/**
 * The approval queue: submissions waiting for a decision (by default) and every earlier decision, sorted and
 * filtered; an approver opens a row to review its values and checks, and decides on several at once.
 */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const names = useNames();
  const [status, setStatus] = useState<ApprovalStatus | null>('submitted');
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [territoryId, setTerritoryId] = useState<string | null>(null);
  const [sort, setSort] = useState<string>('updatedAt:desc');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const canApprove = useHasPermission('data.approve');
  const [period, setPeriod] = useState('');
  const [debouncedPeriod] = useDebouncedValue(period.trim(), 300);
  const [offset, setOffset] = useState(0);
  const periodValid = debouncedPeriod === '' || isPeriodId(debouncedPeriod);
  const chosenSort = sortChoices.find((c) => c.value === sort) ?? sortChoices[0]!;
  const query: ApprovalListQuery = {
    status: status ?? undefined,
    agencyId: agencyId ?? undefined,
    territoryId: territoryId ?? undefined,
    sort: chosenSort.sort,
    order: chosenSort.order,
    period: periodValid && debouncedPeriod !== '' ? debouncedPeriod : undefined,
    limit: pageSize,
    offset,
  };
  const list = useApprovalList(query);
  const items = list.data?.items ?? [];
  // A selection covers the rows shown: changing filters or page starts a new one.
  const selectedItems = items.filter((r) => selected.has(reportKey(r)));
  const reset =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setOffset(0);
      setSelected(new Set());
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
        <Select
          label={t('approvals.filters.territory')}
          placeholder={t('approvals.filters.anyTerritory')}
          data={names.territoryOptions}
          value={territoryId}
          onChange={reset(setTerritoryId)}
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
        <Select
          label={t('approvals.sort.label')}
          data={sortChoices.map((c) => ({
            value: c.value,
            label: t(`approvals.sort.${c.sort}_${c.order}`),
          }))}
          value={sort}
          onChange={(value) => reset(setSort)(value ?? 'updatedAt:desc')}
          allowDeselect={false}
          w={240}
          data-testid="approvals-sort"
        />
      </Group>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      {canApprove ? <BulkApprovalBar selected={selectedItems} onDone={() => setSelected(new Set())} /> : null}
      <Paper withBorder radius="md" p="xs">
        <ApprovalQueueTable
          items={items}
          isLoading={list.isPending}
          {...(canApprove ? { selection: { keys: selected, onChange: setSelected } } : {})}
        />
      </Paper>
      <Pager
        total={list.data?.total ?? 0}
        limit={pageSize}
        offset={offset}
        onOffsetChange={reset(setOffset)}
        formatCount={(value) => formatNumber(value, locale)}
      />
    </>
  );
}

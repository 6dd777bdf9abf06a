import { useCallback, useMemo, useState } from 'react';
import { Accordion, Group, Paper, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type {
  CompletenessGrouping,
  CompletenessQuery,
  CompletenessRow,
} from '#shared/contracts/approval.contract';
import {
  formatPeriod,
  lastNPeriods,
  parsePeriod,
  periodOfDate,
  periodTypes,
  previousPeriod,
  type PeriodType,
} from '#shared/domain/period';
import { CompletenessChart } from '#web/modules/approvals/components/CompletenessChart';
import { CompletenessDetails } from '#web/modules/approvals/components/CompletenessDetails';
import { CompletenessTable } from '#web/modules/approvals/components/CompletenessTable';
import { DeadlinesPanel } from '#web/modules/approvals/components/DeadlinesPanel';
import { useCompleteness } from '#web/modules/approvals/hooks/useApprovals';
import { useNames } from '#web/modules/approvals/hooks/useNames';
import { ErrorAlert } from '#web/ui/ErrorAlert';
import { formatPeriodLabel } from '#shared/format/locale-format';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { PageHeader } from '#web/ui/PageHeader';

const defaultSpan: Record<PeriodType, number> = { month: 12, quarter: 8, year: 5 };

/** The last finished periods of a type: 12 months, 8 quarters or 5 years up to the previous one. */
function defaultRange(type: PeriodType): { from: string; to: string } {
  const current = periodOfDate(new Date().toISOString().slice(0, 10), type);
  const periods = lastNPeriods(type, defaultSpan[type], previousPeriod(current));
  return {
    from: formatPeriod(periods[0] ?? current),
    to: formatPeriod(periods[periods.length - 1] ?? current),
  };
}

const isOfType = (id: string, type: PeriodType) => {
  const parsed = parsePeriod(id);
  return parsed.ok && parsed.value.type === type;
};

/** Completeness (values present of those expected) and timeliness (reports on time) as a chart and a table. */
export function CompletenessPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const names = useNames();
  const [periodType, setPeriodType] = useState<PeriodType>('month');
  const [range, setRange] = useState(() => defaultRange('month'));
  const [groupBy, setGroupBy] = useState<CompletenessGrouping>('agency');
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [territoryId, setTerritoryId] = useState<string | null>(null);
  const [debouncedRange] = useDebouncedValue(range, 300);
  const valid = isOfType(debouncedRange.from, periodType) && isOfType(debouncedRange.to, periodType);
  // Memoised: the detail list restarts at its first page when, and only when, the selection changes.
  const query = useMemo<CompletenessQuery | null>(
    () =>
      valid
        ? {
            from: debouncedRange.from,
            to: debouncedRange.to,
            groupBy,
            agencyId: agencyId ?? undefined,
            territoryId: territoryId ?? undefined,
          }
        : null,
    [valid, debouncedRange.from, debouncedRange.to, groupBy, agencyId, territoryId],
  );
  const report = useCompleteness(query);
  const labelOf = useCallback(
    (key: CompletenessRow['key']) =>
      key.period
        ? formatPeriodLabel(key.period, locale)
        : key.agencyId
          ? names.agency(key.agencyId)
          : names.territory(key.territoryId),
    [names, locale],
  );

  return (
    <>
      <PageHeader title={t('completeness.title')} description={t('completeness.subtitle')} />
      <Stack gap="md">
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t('completeness.periodType')}
            data={periodTypes.map((type) => ({ value: type, label: t(`completeness.periodTypes.${type}`) }))}
            value={periodType}
            onChange={(value) => {
              if (!value) return;
              const type = value;
              setPeriodType(type);
              setRange(defaultRange(type));
            }}
            allowDeselect={false}
            w={160}
          />
          <TextInput
            label={t('completeness.from')}
            value={range.from}
            onChange={(event) => setRange({ ...range, from: event.currentTarget.value.trim() })}
            error={isOfType(range.from, periodType) ? undefined : t('completeness.invalidPeriod')}
            w={140}
            data-testid="completeness-from"
          />
          <TextInput
            label={t('completeness.to')}
            value={range.to}
            onChange={(event) => setRange({ ...range, to: event.currentTarget.value.trim() })}
            error={isOfType(range.to, periodType) ? undefined : t('completeness.invalidPeriod')}
            w={140}
            data-testid="completeness-to"
          />
          <Select
            label={t('completeness.agency')}
            placeholder={t('completeness.allAgencies')}
            data={names.agencyOptions}
            value={agencyId}
            onChange={setAgencyId}
            clearable
            searchable
            w={220}
          />
          <Select
            label={t('completeness.territory')}
            placeholder={t('completeness.wholeCountry')}
            data={names.territoryOptions}
            value={territoryId}
            onChange={setTerritoryId}
            clearable
            searchable
            w={220}
            data-testid="completeness-territory"
          />
        </Group>
        <Group gap="sm">
          <Text size="sm" fw={500} id="completeness-group-label">
            {t('completeness.groupBy')}
          </Text>
          <SegmentedControl
            aria-labelledby="completeness-group-label"
            data-testid="completeness-group"
            value={groupBy}
            onChange={(value) => setGroupBy(value)}
            data={(['agency', 'territory', 'period'] as const).map((g) => ({
              value: g,
              label: t(`completeness.group.${g}`),
            }))}
          />
        </Group>
        {report.error ? <ErrorAlert error={report.error} /> : null}
        {report.data ? (
          <Text size="sm" c="dimmed">
            {t('completeness.reportingTerritories', { count: report.data.territories })}
          </Text>
        ) : null}
        {report.data && report.data.rows.length > 0 ? (
          <Paper withBorder radius="md" p="sm">
            <CompletenessChart report={report.data} labelOf={labelOf} />
          </Paper>
        ) : null}
        <Paper withBorder radius="md" p="xs">
          <CompletenessTable
            report={report.data}
            labelOf={labelOf}
            isLoading={report.isFetching && !report.data}
          />
        </Paper>
        <Accordion variant="contained" radius="md">
          <Accordion.Item value="details">
            <Accordion.Control>{t('completeness.details.title')}</Accordion.Control>
            <Accordion.Panel>
              <CompletenessDetails query={query} />
            </Accordion.Panel>
          </Accordion.Item>
          <Accordion.Item value="deadlines">
            <Accordion.Control>{t('completeness.deadlines.title')}</Accordion.Control>
            <Accordion.Panel>
              <DeadlinesPanel />
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      </Stack>
    </>
  );
}

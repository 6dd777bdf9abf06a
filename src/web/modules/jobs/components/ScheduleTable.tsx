import { Button, Code, Group, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { JobSchedule } from '#shared/contracts/jobs.contract';
import { formatDateTime } from '#shared/format/locale-format';
import { useRenderMessage } from '#web/lib/messages';
import { DataTable, type DataColumn } from '#web/ui/DataTable';
import { useErrorMessage } from '#web/ui/useErrorMessage';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { useRunSchedule, useSetScheduleEnabled } from '../hooks/useSchedules';
import { JobErrorMessage } from './JobErrorMessage';
import { JobStatusBadge } from './JobStatusBadge';

type ScheduleTableProps = { schedules: JobSchedule[]; isLoading: boolean; canManage: boolean };

/** Recurring schedules: when each runs, its next and last run with the result; administrators switch and run them. */
export function ScheduleTable({ schedules, isLoading, canManage }: ScheduleTableProps) {
  const { t } = useTranslation();
  const render = useRenderMessage();
  const locale = useLocale();
  const describe = useErrorMessage();
  const setEnabled = useSetScheduleEnabled();
  const run = useRunSchedule();
  const time = (value: string | null) => (value ? formatDateTime(value, locale) : '—');

  const when = (schedule: JobSchedule): string => {
    if (schedule.cron !== null)
      return t('jobs.schedules.cron', { expression: schedule.cron, timezone: schedule.timezone });
    const seconds = schedule.intervalSeconds ?? 0;
    if (seconds % 3600 === 0) return t('jobs.schedules.everyHours', { count: seconds / 3600 });
    if (seconds % 60 === 0) return t('jobs.schedules.everyMinutes', { count: seconds / 60 });
    return t('jobs.schedules.everySeconds', { count: seconds });
  };

  const runNow = (schedule: JobSchedule) =>
    run.mutate(schedule.id, {
      onSuccess: (result) =>
        notifications.show({
          color: result.isNew ? 'teal' : 'yellow',
          message: result.isNew ? t('jobs.schedules.queued') : t('jobs.schedules.alreadyActive'),
        }),
      onError: (error) => notifications.show({ color: 'red', message: describe(error).message }),
    });

  const columns: DataColumn<JobSchedule>[] = [
    {
      key: 'name',
      header: t('jobs.schedules.name'),
      render: (schedule) => (
        <Stack gap={0}>
          <Code>{schedule.name}</Code>
          <Text size="xs" c="dimmed">
            {render({ key: `job.${schedule.jobName}` }, schedule.jobName)} v{schedule.jobVersion}
          </Text>
        </Stack>
      ),
    },
    { key: 'when', header: t('jobs.schedules.when'), render: when },
    {
      key: 'enabled',
      header: t('jobs.schedules.enabled'),
      width: 90,
      render: (schedule) => (
        <Switch
          checked={schedule.enabled}
          disabled={!canManage || setEnabled.isPending}
          aria-label={t('jobs.schedules.toggle', { name: schedule.name })}
          onChange={(event) =>
            setEnabled.mutate(
              { id: schedule.id, enabled: event.currentTarget.checked },
              { onError: (error) => notifications.show({ color: 'red', message: describe(error).message }) },
            )
          }
        />
      ),
    },
    {
      key: 'next',
      header: t('jobs.schedules.nextRun'),
      noWrap: true,
      render: (schedule) => (schedule.enabled ? time(schedule.nextRunAt) : '—'),
    },
    { key: 'last', header: t('jobs.schedules.lastRun'), noWrap: true, render: (s) => time(s.lastRunAt) },
    {
      key: 'result',
      header: t('jobs.schedules.lastResult'),
      render: (schedule) =>
        schedule.lastJob ? (
          <Stack gap={4}>
            <JobStatusBadge status={schedule.lastJob.status} />
            {schedule.lastJob.error ? <JobErrorMessage error={schedule.lastJob.error} /> : null}
          </Stack>
        ) : (
          '—'
        ),
    },
  ];
  if (canManage) {
    columns.push({
      key: 'actions',
      pinned: 'right',
      header: t('common.actions'),
      width: 160,
      render: (schedule) => (
        <Group gap="xs" wrap="nowrap">
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconPlayerPlay size={14} />}
            loading={run.isPending && run.variables === schedule.id}
            onClick={() => runNow(schedule)}
          >
            {t('jobs.schedules.runNow')}
          </Button>
        </Group>
      ),
    });
  }

  return (
    <DataTable
      caption={t('jobs.tabs.schedules')}
      columns={columns}
      rows={schedules}
      rowKey={(schedule) => schedule.id}
      isLoading={isLoading}
      emptyText={t('jobs.schedules.empty')}
      rowProps={(schedule) => ({ 'data-schedule': schedule.name })}
    />
  );
}

import { useState } from 'react';
import { Group, Paper, Select, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { jobStatuses, type JobStatus } from '#shared/contracts/jobs.contract';
import { formatNumber } from '#shared/format/locale-format';
import { JobTable } from '#web/modules/jobs/components/JobTable';
import { ScheduleTable } from '#web/modules/jobs/components/ScheduleTable';
import { useSchedules } from '#web/modules/jobs/hooks/useSchedules';
import { useHasPermission } from '#web/modules/auth/hooks/useSession';
import { useJobs } from '#web/modules/jobs/hooks/useJobs';
import { isJobActive } from '#web/modules/jobs/job-status';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { ErrorAlert } from '#web/ui/ErrorAlert';
import { PageHeader } from '#web/ui/PageHeader';
import { Pager } from '#web/ui/Pager';

const pageSize = 50;

/**
 * Background jobs (the list refreshes by itself while any job is queued or running) and the recurring
 * schedules that queue them.
 */
export function JobsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [status, setStatus] = useState<JobStatus | null>(null);
  const [name, setName] = useState('');
  const [debouncedName] = useDebouncedValue(name, 300);
  const [offset, setOffset] = useState(0);
  const jobs = useJobs({
    status: status ?? undefined,
    name: debouncedName.trim() || undefined,
    limit: pageSize,
    offset,
  });
  const isRefreshing = jobs.data?.items.some(isJobActive) ?? false;
  const schedules = useSchedules();
  const canManage = useHasPermission('jobs.manage');

  return (
    <>
      <PageHeader
        title={t('jobs.title')}
        description={t('jobs.subtitle')}
        actions={
          isRefreshing ? (
            <Group gap={6} role="status">
              <IconRefresh size={16} aria-hidden />
              <Text size="sm" c="dimmed">
                {t('jobs.autoRefresh')}
              </Text>
            </Group>
          ) : null
        }
      />
      <Tabs defaultValue="jobs" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="jobs">{t('jobs.tabs.jobs')}</Tabs.Tab>
          <Tabs.Tab value="schedules">{t('jobs.tabs.schedules')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="jobs">
          <Group mb="md" gap="sm" align="flex-end">
            <Select
              label={t('jobs.status')}
              placeholder={t('jobs.allStatuses')}
              data={jobStatuses.map((value) => ({ value, label: t(`jobs.statuses.${value}`) }))}
              value={status}
              onChange={(value) => {
                setStatus(value);
                setOffset(0);
              }}
              clearable
              w={200}
            />
            <TextInput
              label={t('jobs.name')}
              placeholder="territories.import-population"
              value={name}
              onChange={(event) => {
                setName(event.currentTarget.value);
                setOffset(0);
              }}
              w={280}
            />
          </Group>
          {jobs.error ? <ErrorAlert error={jobs.error} /> : null}
          <Paper withBorder radius="md" p="xs">
            <JobTable jobs={jobs.data?.items ?? []} isLoading={jobs.isPending} />
          </Paper>
          <Pager
            total={jobs.data?.total ?? 0}
            limit={pageSize}
            offset={offset}
            onOffsetChange={setOffset}
            formatCount={(value) => formatNumber(value, locale)}
          />
        </Tabs.Panel>
        <Tabs.Panel value="schedules">
          <Text size="sm" c="dimmed" mb="sm">
            {t('jobs.schedules.subtitle')}
          </Text>
          {schedules.error ? <ErrorAlert error={schedules.error} /> : null}
          <Paper withBorder radius="md" p="xs">
            <ScheduleTable
              schedules={schedules.data?.items ?? []}
              isLoading={schedules.isPending}
              canManage={canManage}
            />
          </Paper>
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

import { Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Job } from '#shared/contracts/jobs.contract';
import { formatDateTime, formatPercent } from '#shared/format/locale-format';
import { useRenderMessage } from '#web/lib/messages';
import { DataTable, type DataColumn } from '#web/ui/DataTable';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { JobResult } from './JobResult';
import { JobStatusBadge } from './JobStatusBadge';

type JobTableProps = { jobs: Job[]; isLoading: boolean };

/** Background jobs with status, attempts, progress and timing; a row expands to the result or error. */
export function JobTable({ jobs, isLoading }: JobTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const render = useRenderMessage();
  const time = (value: string | null) => (value ? formatDateTime(value, locale) : '—');

  const columns: DataColumn<Job>[] = [
    {
      key: 'name',
      header: t('jobs.name'),
      render: (job) => (
        <Group gap={6} wrap="nowrap">
          <Text size="sm" title={job.name} data-testid="job-name">
            {render({ key: `job.${job.name}` }, job.name)}
          </Text>
          <Text size="xs" c="dimmed">
            v{job.version}
          </Text>
        </Group>
      ),
    },
    { key: 'status', header: t('jobs.status'), render: (job) => <JobStatusBadge status={job.status} /> },
    {
      key: 'progress',
      header: t('jobs.progress'),
      width: 140,
      render: (job) =>
        job.progress === null ? (
          <Text size="xs" c="dimmed">
            —
          </Text>
        ) : (
          <Group gap={6} wrap="nowrap">
            <Progress value={job.progress * 100} w={70} size="sm" aria-label={t('jobs.progress')} />
            <Text size="xs">{formatPercent(job.progress, locale)}</Text>
          </Group>
        ),
    },
    {
      key: 'attempts',
      header: t('jobs.attempts'),
      align: 'right',
      render: (job) => `${job.attempts} / ${job.maxAttempts}`,
    },
    { key: 'created', header: t('jobs.created'), noWrap: true, render: (job) => time(job.createdAt) },
    { key: 'started', header: t('jobs.started'), noWrap: true, render: (job) => time(job.startedAt) },
    { key: 'finished', header: t('jobs.finished'), noWrap: true, render: (job) => time(job.finishedAt) },
  ];

  return (
    <DataTable
      caption={t('jobs.title')}
      columns={columns}
      rows={jobs}
      rowKey={(job) => job.id}
      isLoading={isLoading}
      emptyText={t('jobs.empty')}
      renderExpanded={(job) => <JobResult job={job} />}
      rowProps={(job) => ({ 'data-job-status': job.status })}
    />
  );
}

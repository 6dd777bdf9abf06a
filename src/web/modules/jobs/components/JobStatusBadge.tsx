import { Badge, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { JobStatus } from '#shared/contracts/jobs.contract';
import { jobStatusColor } from '../job-status';

/** Coloured status label; a running job shows a small spinner. */
export function JobStatusBadge({ status }: { status: JobStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={jobStatusColor[status]}
      variant="light"
      leftSection={status === 'running' ? <Loader size={10} color="blue" /> : null}
      data-status={status}
    >
      {t(`jobs.statuses.${status}`)}
    </Badge>
  );
}

import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApprovalStatus } from '#shared/contracts/data-values.contract';

const colors: Record<ApprovalStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  approved: 'teal',
  returned: 'orange',
};

/** The approval state as a coloured badge; the text, not the colour, carries the meaning. */
export function ApprovalStatusBadge({ status }: { status: ApprovalStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={colors[status]}
      variant="light"
      style={{ overflow: 'visible' }}
      styles={{ label: { overflow: 'visible' } }}
      data-testid="approval-status"
      data-status={status}
    >
      {t(`approvals.status.${status}`)}
    </Badge>
  );
}

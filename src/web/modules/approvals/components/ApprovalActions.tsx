import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '#shared/format/locale-format';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { ErrorAlert } from '#web/ui/ErrorAlert';
import { useApproval } from '../hooks/useApprovals';
import { ApprovalStatusBadge } from './ApprovalStatusBadge';
import { ApprovalStepButtons } from './ApprovalStepButtons';

type ApprovalActionsProps = { agencyId: string; territoryId: string; period: string };

/**
 * The approval state of an entry form (agency, territory, period) with the steps the user may take:
 * officers submit, analysts approve, return or unlock. Compact, for the entry form's header; the form itself
 * shows the deadline and whether it is locked.
 */
export function ApprovalActions({ agencyId, territoryId, period }: ApprovalActionsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const approval = useApproval(agencyId, territoryId, period);

  if (approval.error) return <ErrorAlert error={approval.error} />;
  const data = approval.data;
  if (!data) return null;

  return (
    <Stack gap={4} align="flex-end" data-testid="approval-actions">
      <Group gap="sm" wrap="wrap" justify="flex-end">
        <Text size="sm" fw={500}>
          {t('approvals.badgeLabel')}
        </Text>
        <ApprovalStatusBadge status={data.status} />
        <ApprovalStepButtons approval={data} />
      </Group>
      {data.submittedAt && data.status !== 'returned' ? (
        <Text size="xs" c="dimmed">
          {t('approvals.submittedBy', {
            name: data.submittedBy ?? '—',
            date: formatDateTime(data.submittedAt, locale),
          })}
        </Text>
      ) : null}
      {data.status === 'returned' && data.reason ? (
        <Text size="sm" c="orange.8" maw={480} ta="right" data-testid="approval-reason-shown">
          {t('approvals.returnedWith', { reason: data.reason })}
        </Text>
      ) : null}
    </Stack>
  );
}

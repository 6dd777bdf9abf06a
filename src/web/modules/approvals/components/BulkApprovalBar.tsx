import { useState } from 'react';
import { Alert, Button, Group, List, Paper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type {
  ApprovalBulkAction,
  ApprovalBulkResult,
  ApprovalListItem,
} from '#shared/contracts/approval.contract';
import { formatPeriodLabel } from '#shared/format/locale-format';
import { useServerText } from '#web/lib/messages';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { ConfirmDialog } from '#web/ui/ConfirmDialog';
import { useErrorMessage } from '#web/ui/useErrorMessage';
import { useApprovalBulk } from '../hooks/useApprovals';
import { useNames } from '../hooks/useNames';
import { ReasonDialog } from './ReasonDialog';

type BulkApprovalBarProps = {
  selected: ApprovalListItem[];
  onDone: () => void;
};

/**
 * Approve or return the selected reports with one confirmation (one reason for a return). Reports the server
 * refuses are listed with its reason; the others are done.
 */
export function BulkApprovalBar({ selected, onDone }: BulkApprovalBarProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const names = useNames();
  const serverText = useServerText();
  const describe = useErrorMessage();
  const mutation = useApprovalBulk();
  const [confirming, setConfirming] = useState(false);
  const [asking, setAsking] = useState(false);
  const [refused, setRefused] = useState<ApprovalBulkResult['results']>([]);
  const count = selected.length;

  const run = async (action: ApprovalBulkAction, reason?: string) => {
    const items = selected.map(({ agencyId, territoryId, period }) => ({ agencyId, territoryId, period }));
    const result = await mutation.mutateAsync({ action, reason, items });
    setRefused(result.results.filter((r) => !r.ok));
    notifications.show({
      color: result.failed === 0 ? 'teal' : 'orange',
      message: t(`approvals.bulk.done.${action}`, { count: result.succeeded, failed: result.failed }),
    });
    onDone();
  };

  const approve = async () => {
    try {
      await run('approve');
    } catch (error) {
      const { message, hint } = describe(error);
      notifications.show({ color: 'red', title: message, message: hint ?? message });
    }
  };

  return (
    <>
      <Paper withBorder radius="md" p="xs" mb="sm" data-testid="bulk-bar">
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" data-testid="bulk-count">
            {t('approvals.bulk.selected', { count })}
          </Text>
          <Group gap="xs">
            <Button
              size="xs"
              color="teal"
              disabled={count === 0}
              onClick={() => setConfirming(true)}
              data-testid="bulk-approve"
            >
              {t('approvals.bulk.approve', { count })}
            </Button>
            <Button
              size="xs"
              color="orange"
              variant="light"
              disabled={count === 0}
              onClick={() => setAsking(true)}
              data-testid="bulk-return"
            >
              {t('approvals.bulk.return', { count })}
            </Button>
          </Group>
        </Group>
      </Paper>
      {refused.length > 0 ? (
        <Alert
          color="orange"
          mb="sm"
          title={t('approvals.bulk.refusedTitle', { count: refused.length })}
          withCloseButton
          onClose={() => setRefused([])}
          data-testid="bulk-refused"
        >
          <List size="sm">
            {refused.map((r) => (
              <List.Item key={`${r.agencyId}/${r.territoryId}/${r.period}`}>
                {names.agency(r.agencyId)} · {names.territory(r.territoryId)} ·{' '}
                {formatPeriodLabel(r.period, locale)}: {r.error ? serverText(r.error) : ''}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      <ConfirmDialog
        opened={confirming}
        title={t('approvals.bulk.approveTitle', { count })}
        message={t('approvals.confirm.approveMessage')}
        confirmLabel={t('approvals.bulk.approve', { count })}
        color="teal"
        onConfirm={approve}
        onClose={() => setConfirming(false)}
      />
      <ReasonDialog
        opened={asking}
        title={t('approvals.bulk.returnTitle', { count })}
        description={t('approvals.reason.returnMessage')}
        confirmLabel={t('approvals.bulk.return', { count })}
        onConfirm={(reason) => run('return', reason)}
        onClose={() => setAsking(false)}
      />
    </>
  );
}

import { useState } from 'react';
import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Approval } from '#shared/contracts/data-values.contract';
import { useHasPermission } from '#web/modules/auth/hooks/useSession';
import { ConfirmDialog } from '#web/ui/ConfirmDialog';
import { useErrorMessage } from '#web/ui/useErrorMessage';
import type { ApprovalStep } from '../api/approvals.api';
import { useApprovalStep } from '../hooks/useApprovals';
import { ReasonDialog } from './ReasonDialog';

type Key = Pick<Approval, 'agencyId' | 'territoryId' | 'period' | 'status'>;

const doneKey = {
  submit: 'approvals.done.submitted',
  approve: 'approvals.done.approved',
  return: 'approvals.done.returned',
  unlock: 'approvals.done.unlocked',
} as const;

/**
 * The workflow buttons the user may press now: Submit (data.submit, from draft or returned), Approve and
 * Return (data.approve, when submitted), Unlock (data.approve, when approved). The server decides; this only
 * hides what would be refused.
 */
export function ApprovalStepButtons({ approval, size = 'sm' }: { approval: Key; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const canSubmit = useHasPermission('data.submit');
  const canApprove = useHasPermission('data.approve');
  const mutation = useApprovalStep();
  const [confirming, setConfirming] = useState<'submit' | 'approve' | null>(null);
  const [asking, setAsking] = useState<'return' | 'unlock' | null>(null);
  const { agencyId, territoryId, period, status } = approval;

  const run = (step: ApprovalStep, reason?: string) =>
    mutation.mutateAsync({ step, request: { agencyId, territoryId, period, reason } }).then((result) => {
      notifications.show({ color: 'teal', message: t(doneKey[step]) });
      return result;
    });

  const runConfirmed = async (step: 'submit' | 'approve') => {
    try {
      await run(step);
    } catch (error) {
      const { message, hint } = describe(error);
      notifications.show({ color: 'red', title: message, message: hint ?? message });
    }
  };

  const showSubmit = canSubmit && (status === 'draft' || status === 'returned');
  const showDecide = canApprove && status === 'submitted';
  const showUnlock = canApprove && status === 'approved';
  if (!showSubmit && !showDecide && !showUnlock) return null;

  return (
    <Group gap="xs" wrap="nowrap">
      {showSubmit ? (
        <Button size={size} onClick={() => setConfirming('submit')} data-testid="approval-submit">
          {t('approvals.actions.submit')}
        </Button>
      ) : null}
      {showDecide ? (
        <>
          <Button
            size={size}
            color="teal"
            onClick={() => setConfirming('approve')}
            data-testid="approval-approve"
          >
            {t('approvals.actions.approve')}
          </Button>
          <Button
            size={size}
            color="orange"
            variant="light"
            onClick={() => setAsking('return')}
            data-testid="approval-return"
          >
            {t('approvals.actions.return')}
          </Button>
        </>
      ) : null}
      {showUnlock ? (
        <Button
          size={size}
          color="orange"
          variant="light"
          onClick={() => setAsking('unlock')}
          data-testid="approval-unlock"
        >
          {t('approvals.actions.unlock')}
        </Button>
      ) : null}
      <ConfirmDialog
        opened={confirming !== null}
        title={
          confirming === 'approve' ? t('approvals.confirm.approveTitle') : t('approvals.confirm.submitTitle')
        }
        message={
          confirming === 'approve'
            ? t('approvals.confirm.approveMessage')
            : t('approvals.confirm.submitMessage')
        }
        confirmLabel={
          confirming === 'approve' ? t('approvals.actions.approve') : t('approvals.actions.submit')
        }
        color={confirming === 'approve' ? 'teal' : 'blue'}
        onConfirm={() => (confirming ? runConfirmed(confirming) : undefined)}
        onClose={() => setConfirming(null)}
      />
      <ReasonDialog
        opened={asking !== null}
        title={asking === 'unlock' ? t('approvals.reason.unlockTitle') : t('approvals.reason.returnTitle')}
        description={
          asking === 'unlock' ? t('approvals.reason.unlockMessage') : t('approvals.reason.returnMessage')
        }
        confirmLabel={asking === 'unlock' ? t('approvals.actions.unlock') : t('approvals.actions.return')}
        onConfirm={(reason) => run(asking ?? 'return', reason)}
        onClose={() => setAsking(null)}
      />
    </Group>
  );
}

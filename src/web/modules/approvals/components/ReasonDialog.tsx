import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '#web/ui/useErrorMessage';

type ReasonDialogProps = {
  opened: boolean;
  title: string;
  description: string;
  confirmLabel: string;
  color?: string;
  /** Runs with the trimmed reason; the dialog closes when it resolves and shows the error when it fails. */
  onConfirm: (reason: string) => Promise<unknown>;
  onClose: () => void;
};

/** A dialog that asks why (returning or unlocking figures must give a reason) and refuses a blank one. */
export function ReasonDialog({
  opened,
  title,
  description,
  confirmLabel,
  color = 'orange',
  onConfirm,
  onClose,
}: ReasonDialogProps) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setIsBusy] = useState(false);
  const isBlank = reason.trim() === '';

  const close = () => {
    setReason('');
    setTouched(false);
    setError(null);
    onClose();
  };

  const confirm = async () => {
    setTouched(true);
    if (isBlank) return;
    setIsBusy(true);
    setError(null);
    try {
      await onConfirm(reason.trim());
      close();
    } catch (caught) {
      setError(caught);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={title} centered>
      <Stack gap="sm">
        <Text size="sm">{description}</Text>
        <Textarea
          label={t('approvals.reasonLabel')}
          description={t('approvals.reasonHint')}
          required
          autosize
          minRows={3}
          maxLength={2000}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          onBlur={() => setTouched(true)}
          error={touched && isBlank ? t('approvals.reasonRequired') : undefined}
          data-autofocus
          data-testid="approval-reason"
        />
        {error ? (
          <Alert color="red" role="alert">
            {describe(error).hint ?? describe(error).message}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={isBusy}>
            {t('common.cancel')}
          </Button>
          <Button
            color={color}
            loading={isBusy}
            onClick={() => void confirm()}
            data-testid="approval-reason-confirm"
          >
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

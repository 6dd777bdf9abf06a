import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CopyField } from '#web/ui/CopyField';

type GeneratedPasswordModalProps = {
  /** Null closes the modal. */
  credentials: { username: string; password: string } | null;
  onClose: () => void;
};

/** Shows a generated password exactly once, with a copy button and a warning that it will not be shown again. */
export function GeneratedPasswordModal({ credentials, onClose }: GeneratedPasswordModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={credentials !== null}
      onClose={onClose}
      title={t('users.generatedTitle')}
      centered
      closeOnClickOutside={false}
    >
      {credentials ? (
        <Stack gap="md" data-testid="generated-password">
          <Text size="sm">{t('users.generatedBody', { username: credentials.username })}</Text>
          <CopyField value={credentials.password} label={t('users.generatedTitle')} />
          <Alert color="yellow" variant="light" icon={<IconAlertCircle size={18} />}>
            {t('users.generatedWarning')}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('common.done')}</Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}

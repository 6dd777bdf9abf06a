import { useState, type FormEvent } from 'react';
import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '#web/ui/ErrorAlert';
import { useChangePassword } from '../hooks/useAuthActions';

/** Current password, new password twice; the server judges strength (PASSWORD_TOO_WEAK). */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const mutation = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const mismatch = repeat.length > 0 && repeat !== newPassword;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mismatch) return;
    mutation.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrentPassword('');
          setNewPassword('');
          setRepeat('');
          notifications.show({ color: 'teal', message: t('auth.passwordChanged') });
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('auth.changePassword')}>
      <Stack gap="sm" maw={420}>
        {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
        <PasswordInput
          label={t('auth.currentPassword')}
          autoComplete="current-password"
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.currentTarget.value)}
          required
        />
        <PasswordInput
          label={t('auth.newPassword')}
          description={t('auth.newPasswordHint')}
          autoComplete="new-password"
          value={newPassword}
          onChange={(event) => setNewPassword(event.currentTarget.value)}
          required
        />
        <PasswordInput
          label={t('auth.repeatPassword')}
          autoComplete="new-password"
          value={repeat}
          onChange={(event) => setRepeat(event.currentTarget.value)}
          error={mismatch ? t('auth.passwordsDoNotMatch') : undefined}
          required
        />
        <Group>
          <Button
            type="submit"
            loading={mutation.isPending}
            disabled={!currentPassword || !newPassword || repeat !== newPassword}
          >
            {t('auth.changePassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconLock, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SessionResponse } from '#shared/contracts/auth.contract';
import { ErrorAlert } from '#web/ui/ErrorAlert';
import { useLogin } from '../hooks/useAuthActions';

type SignInFormProps = {
  /** Called after a successful sign-in (e.g. to go back where the user came from). */
  onSignedIn: (session: SessionResponse) => void;
};

/** Username and password form; shows wrong-credential, lock-out and rate-limit errors inline. */
export function SignInForm({ onSignedIn }: SignInFormProps) {
  const { t } = useTranslation();
  const loginMutation = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    loginMutation.mutate(
      { username: username.trim(), password },
      {
        onSuccess: (session) => onSignedIn(session),
        onError: () => setPassword(''),
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('auth.signInTitle')}>
      <Stack gap="md">
        {loginMutation.error ? (
          <ErrorAlert error={loginMutation.error} title={t('auth.signInFailed')} />
        ) : null}
        <TextInput
          label={t('auth.username')}
          name="username"
          autoComplete="username"
          leftSection={<IconUser size={16} aria-hidden />}
          value={username}
          onChange={(event) => setUsername(event.currentTarget.value)}
          required
          autoFocus
        />
        <PasswordInput
          label={t('auth.password')}
          name="password"
          autoComplete="current-password"
          leftSection={<IconLock size={16} aria-hidden />}
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          required
        />
        <Button type="submit" fullWidth loading={loginMutation.isPending} disabled={!username || !password}>
          {t('auth.signIn')}
        </Button>
      </Stack>
    </form>
  );
}

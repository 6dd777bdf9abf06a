import { Alert, Anchor } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../hooks/useSession';

/** Prompts users whose password was set by an administrator to choose their own. */
export function MustChangePasswordBanner() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (!user.mustChangePassword) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconKey size={18} />}
      title={t('auth.mustChangeTitle')}
      mb="md"
    >
      {t('auth.mustChangeBody')}{' '}
      <Anchor component={Link} to="/profile#password" fw={600}>
        {t('auth.changePassword')}
      </Anchor>
    </Alert>
  );
}

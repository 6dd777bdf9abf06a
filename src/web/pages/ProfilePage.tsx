import { useEffect } from 'react';
import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { ChangePasswordForm } from '#web/modules/auth/components/ChangePasswordForm';
import { useCurrentUser } from '#web/modules/auth/hooks/useSession';
import { LanguageSwitcher } from '#web/modules/preferences/components/LanguageSwitcher';
import { PageHeader } from '#web/ui/PageHeader';

/** The signed-in user's account: role, language, password change. */
export function ProfilePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const location = useLocation();

  useEffect(() => {
    if (location.hash === '#password') {
      document.getElementById('password')?.scrollIntoView({ behavior: 'smooth' });
    }
  }, [location.hash]);

  return (
    <>
      <PageHeader title={t('profile.title')} description={t('profile.subtitle')} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Card withBorder padding="lg" radius="md">
          <Title order={2} size="h4" mb="md">
            {t('profile.account')}
          </Title>
          <Stack gap="sm">
            <Group justify="space-between">
              <Text c="dimmed" size="sm">
                {t('users.username')}
              </Text>
              <Text size="sm" fw={500}>
                {user.username}
              </Text>
            </Group>
            <Group justify="space-between">
              <Text c="dimmed" size="sm">
                {t('users.displayName')}
              </Text>
              <Text size="sm" fw={500}>
                {user.displayName}
              </Text>
            </Group>
            <Group justify="space-between">
              <Text c="dimmed" size="sm">
                {t('users.role')}
              </Text>
              <Badge variant="light">{t(`roles.${user.role}`)}</Badge>
            </Group>
            <Group justify="space-between">
              <Text c="dimmed" size="sm">
                {t('common.language')}
              </Text>
              <LanguageSwitcher />
            </Group>
          </Stack>
        </Card>
        <Card withBorder padding="lg" radius="md" id="password">
          <Title order={2} size="h4" mb="md">
            {t('auth.changePassword')}
          </Title>
          <ChangePasswordForm />
        </Card>
      </SimpleGrid>
    </>
  );
}

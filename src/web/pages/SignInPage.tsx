import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import type { Role } from '#shared/domain/access';
import { SignInForm } from '#web/modules/auth/components/SignInForm';
import { homeOf } from '#web/modules/auth/home';
import { useSession } from '#web/modules/auth/hooks/useSession';
import { LanguageSwitcher } from '#web/modules/preferences/components/LanguageSwitcher';
import { LoadingState } from '#web/ui/LoadingState';
import { BrandMark } from '#web/ui/BrandMark';

/** Where the user came from (a page that asked them to sign in), else their home page. */
function targetAfterSignIn(state: unknown, role: Role): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/sign-in') && from !== '/'
    ? from
    : homeOf(role);
}

/** Sign-in screen: brand, language switcher, username and password. */
export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();

  if (session.isPending) return <LoadingState label={t('common.loading')} minHeight={400} />;
  if (session.data)
    return <Navigate to={targetAfterSignIn(location.state, session.data.user.role)} replace />;

  return (
    <Box
      mih="100vh"
      style={{
        background:
          'linear-gradient(160deg, var(--mantine-color-blue-9) 0%, var(--mantine-color-indigo-8) 45%, var(--mantine-color-gray-1) 45.1%)',
      }}
    >
      <Group justify="flex-end" p="md">
        <Box bg="white" style={{ borderRadius: 'var(--mantine-radius-md)' }}>
          <LanguageSwitcher />
        </Box>
      </Group>
      <Center px="md" pb="xl">
        <Stack w="100%" maw={420} gap="lg">
          <Stack gap={4} align="center">
            <BrandMark size={56} inverted />
            <Title order={1} c="white" fz={34}>
              Kuzot
            </Title>
            <Text c="blue.1" ta="center" size="sm">
              {t('app.tagline')}
            </Text>
          </Stack>
          <Paper withBorder shadow="md" p="xl" radius="md" component="main">
            <Title order={2} size="h3" mb={4}>
              {t('auth.signInTitle')}
            </Title>
            <Text size="sm" c="dimmed" mb="lg">
              {t('auth.signInSubtitle')}
            </Text>
            <SignInForm
              onSignedIn={(signedIn) =>
                void navigate(targetAfterSignIn(location.state, signedIn.user.role), { replace: true })
              }
            />
          </Paper>
          <Text size="xs" c="dimmed" ta="center">
            {t('app.footer')}
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}

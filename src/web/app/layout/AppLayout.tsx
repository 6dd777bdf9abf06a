import { AppShell, Burger, Group, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { MustChangePasswordBanner } from '#web/modules/auth/components/MustChangePasswordBanner';
import { useCurrentUser } from '#web/modules/auth/hooks/useSession';
import { DemoDataBanner } from '#web/modules/demo/components/DemoDataBanner';
import { UserMenu } from '#web/modules/auth/components/UserMenu';
import { LanguageSwitcher } from '#web/modules/preferences/components/LanguageSwitcher';
import { BrandMark } from '#web/ui/BrandMark';
import { AppNavbar } from './AppNavbar';

/** The signed-in frame: header (brand, language, user menu), navigation, and the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const [isNavOpen, { toggle, close }] = useDisclosure(false);
  // Until the password is changed the server answers nothing but the account's own routes.
  const { mustChangePassword } = useCurrentUser();

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !isNavOpen } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={isNavOpen}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.toggle')}
            />
            <UnstyledButton component={Link} to="/territories" aria-label={t('app.home')}>
              <Group gap={10} wrap="nowrap">
                <BrandMark size={30} />
                <Text fw={750} fz={20} style={{ letterSpacing: '-0.01em' }}>
                  Kuzot
                </Text>
                <Text size="sm" c="dimmed" visibleFrom="md">
                  {t('app.tagline')}
                </Text>
              </Group>
            </UnstyledButton>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitcher />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <AppNavbar onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main bg="var(--mantine-color-gray-0)">
        <div>
          <MustChangePasswordBanner />
          {mustChangePassword ? null : <DemoDataBanner />}
          <Outlet />
        </div>
      </AppShell.Main>
    </AppShell>
  );
}

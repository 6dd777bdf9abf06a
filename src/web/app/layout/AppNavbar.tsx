import { NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import {
  IconBook2,
  IconBuildingCommunity,
  IconChartBar,
  IconChecklist,
  IconFileImport,
  IconTableOptions,
  IconTablePlus,
  IconHistory,
  IconListCheck,
  IconMap2,
  IconTableImport,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import type { Permission } from '#shared/domain/access';
import { useSession } from '#web/modules/auth/hooks/useSession';

type NavItem = {
  to: string;
  labelKey:
    | 'territories'
    | 'populationImport'
    | 'agencies'
    | 'catalogue'
    | 'users'
    | 'audit'
    | 'jobs'
    | 'approvals'
    | 'completeness'
    | 'explorer'
    | 'dataImport'
    | 'entry';
  icon: Icon;
  permission: Permission;
};

const sections: { titleKey: 'reference' | 'data' | 'administration'; items: NavItem[] }[] = [
  {
    titleKey: 'reference',
    items: [
      { to: '/territories', labelKey: 'territories', icon: IconMap2, permission: 'territories.read' },
      { to: '/agencies', labelKey: 'agencies', icon: IconBuildingCommunity, permission: 'agencies.read' },
      { to: '/catalogue', labelKey: 'catalogue', icon: IconBook2, permission: 'catalogue.read' },
    ],
  },
  {
    titleKey: 'data',
    items: [
      { to: '/approvals', labelKey: 'approvals', icon: IconChecklist, permission: 'data.read' },
      { to: '/completeness', labelKey: 'completeness', icon: IconChartBar, permission: 'data.read' },
      { to: '/explorer', labelKey: 'explorer', icon: IconTableOptions, permission: 'explorer.use' },
      { to: '/entry', labelKey: 'entry', icon: IconTablePlus, permission: 'data.enter' },
      { to: '/data-import', labelKey: 'dataImport', icon: IconFileImport, permission: 'data.enter' },
    ],
  },
  {
    titleKey: 'administration',
    items: [
      { to: '/users', labelKey: 'users', icon: IconUsers, permission: 'users.read' },
      {
        to: '/territories/import',
        labelKey: 'populationImport',
        icon: IconTableImport,
        permission: 'population.import',
      },
      { to: '/audit', labelKey: 'audit', icon: IconHistory, permission: 'audit.read' },
      { to: '/jobs', labelKey: 'jobs', icon: IconListCheck, permission: 'jobs.read' },
    ],
  },
];

function isActive(pathname: string, to: string): boolean {
  if (to === '/territories')
    return pathname === to || (pathname.startsWith('/territories/') && pathname !== '/territories/import');
  return pathname === to || pathname.startsWith(`${to}/`);
}

/** Main navigation; shows only the items the user's permissions allow. */
export function AppNavbar({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { data } = useSession();
  const { pathname } = useLocation();
  const permissions = (data?.user.permissions ?? []) as readonly string[];

  return (
    <ScrollArea type="auto" style={{ flex: 1 }}>
      <nav aria-label={t('nav.main')}>
        <Stack gap="lg">
          {sections.map((section) => {
            const items = section.items.filter((item) => permissions.includes(item.permission));
            if (items.length === 0) return null;
            return (
              <Stack gap={2} key={section.titleKey}>
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4}>
                  {t(`nav.sections.${section.titleKey}`)}
                </Text>
                {items.map((item) => (
                  <NavLink
                    key={item.to}
                    component={RouterNavLink}
                    to={item.to}
                    end
                    label={t(`nav.${item.labelKey}`)}
                    leftSection={<item.icon size={18} stroke={1.6} aria-hidden />}
                    active={isActive(pathname, item.to)}
                    onClick={onNavigate}
                    style={{ borderRadius: 'var(--mantine-radius-md)' }}
                  />
                ))}
              </Stack>
            );
          })}
        </Stack>
      </nav>
    </ScrollArea>
  );
}

import { ActionIcon, Badge, Group, Menu, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconKey, IconLock, IconPencil, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '#shared/contracts/users.contract';
import { formatDateTime } from '#shared/format/locale-format';
import { localName } from '#web/lib/format';
import { DataTable, type DataColumn } from '#web/ui/DataTable';
import { useErrorMessage } from '#web/ui/useErrorMessage';
import { useAgencies } from '#web/modules/agencies/hooks/useAgencies';
import { useCurrentUser } from '#web/modules/auth/hooks/useSession';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { useTerritories } from '#web/modules/territories/hooks/useTerritories';
import { useResetPassword, useUpdateUser } from '../hooks/useUsers';
import { ConfirmDialog } from '#web/ui/ConfirmDialog';

type UserTableProps = {
  users: User[];
  isLoading: boolean;
  onEdit: (user: User) => void;
  onPasswordGenerated: (credentials: { username: string; password: string }) => void;
};

type PendingAction = { kind: 'disable' | 'enable' | 'reset'; user: User };

/** Users with role, scope, status and last sign-in; a row menu edits, resets the password, disables or enables. */
export function UserTable({ users, isLoading, onEdit, onPasswordGenerated }: UserTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useCurrentUser();
  const describe = useErrorMessage();
  const agencies = useAgencies();
  const territories = useTerritories();
  const update = useUpdateUser();
  const reset = useResetPassword();
  const [pending, setPending] = useState<PendingAction | null>(null);

  const agencyName = (id: string) => {
    const agency = agencies.data?.items.find((item) => item.id === id);
    return agency ? localName(agency.shortName, locale) : '…';
  };
  const territoryName = (id: string) => {
    const territory = territories.data?.items.find((item) => item.id === id);
    return territory ? localName(territory.name, locale) : '…';
  };

  const runPending = async () => {
    if (!pending) return;
    const { kind, user } = pending;
    try {
      if (kind === 'reset') {
        const result = await reset.mutateAsync(user.id);
        if (result.generatedPassword) {
          onPasswordGenerated({ username: result.user.username, password: result.generatedPassword });
        }
      } else {
        await update.mutateAsync({ id: user.id, request: { isDisabled: kind === 'disable' } });
        notifications.show({
          color: 'teal',
          message:
            kind === 'disable'
              ? t('users.disabledDone', { username: user.username })
              : t('users.enabledDone', { username: user.username }),
        });
      }
    } catch (error) {
      notifications.show({ color: 'red', message: describe(error).message });
    }
  };

  const columns: DataColumn<User>[] = [
    {
      key: 'user',
      header: t('users.user'),
      render: (user) => (
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {user.displayName}
          </Text>
          <Text size="xs" c="dimmed">
            {user.username}
            {user.email ? ` · ${user.email}` : ''}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'role',
      header: t('users.role'),
      render: (user) => <Badge variant="light">{t(`roles.${user.role}`)}</Badge>,
    },
    {
      key: 'scope',
      header: t('users.scope'),
      render: (user) =>
        user.agencyId ? (
          agencyName(user.agencyId)
        ) : user.territoryId ? (
          territoryName(user.territoryId)
        ) : (
          <Text size="sm" c="dimmed">
            {t('users.noScope')}
          </Text>
        ),
    },
    {
      key: 'status',
      header: t('common.status'),
      render: (user) => (
        <Group gap={4}>
          {user.isDisabled ? (
            <Badge color="gray" variant="filled">
              {t('users.disabled')}
            </Badge>
          ) : (
            <Badge color="teal" variant="light">
              {t('common.active')}
            </Badge>
          )}
          {user.isLocked ? (
            <Badge color="orange" variant="light" leftSection={<IconLock size={10} />}>
              {t('users.locked')}
            </Badge>
          ) : null}
          {user.mustChangePassword ? (
            <Badge color="yellow" variant="outline">
              {t('users.mustChange')}
            </Badge>
          ) : null}
        </Group>
      ),
    },
    {
      key: 'lastLogin',
      header: t('users.lastLogin'),
      noWrap: true,
      render: (user) =>
        user.lastLoginAt ? (
          formatDateTime(user.lastLoginAt, locale)
        ) : (
          <Text size="sm" c="dimmed">
            {t('users.never')}
          </Text>
        ),
    },
    {
      key: 'actions',
      pinned: 'right',
      header: <span aria-label={t('common.actions')} />,
      width: 56,
      render: (user) => (
        <Menu position="bottom-end" withArrow shadow="md">
          <Menu.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t('users.actionsFor', { username: user.username })}
            >
              <IconDots size={18} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => onEdit(user)}>
              {t('common.edit')}
            </Menu.Item>
            <Menu.Item
              leftSection={<IconKey size={16} />}
              onClick={() => setPending({ kind: 'reset', user })}
            >
              {t('users.resetPassword')}
            </Menu.Item>
            <Menu.Divider />
            {user.isDisabled ? (
              <Menu.Item
                color="teal"
                leftSection={<IconUserCheck size={16} />}
                onClick={() => setPending({ kind: 'enable', user })}
              >
                {t('users.enable')}
              </Menu.Item>
            ) : (
              <Menu.Item
                color="red"
                leftSection={<IconUserOff size={16} />}
                disabled={user.id === me.id}
                onClick={() => setPending({ kind: 'disable', user })}
              >
                {t('users.disable')}
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      ),
    },
  ];

  const dialogText = pending
    ? {
        disable: {
          title: t('users.disable'),
          body: t('users.disableConfirm', { username: pending.user.username }),
          color: 'red',
        },
        enable: {
          title: t('users.enable'),
          body: t('users.enableConfirm', { username: pending.user.username }),
          color: 'teal',
        },
        reset: {
          title: t('users.resetPassword'),
          body: t('users.resetConfirm', { username: pending.user.username }),
          color: 'orange',
        },
      }[pending.kind]
    : null;

  return (
    <>
      <DataTable
        caption={t('users.title')}
        columns={columns}
        rows={users}
        rowKey={(user) => user.id}
        isLoading={isLoading}
        emptyText={t('users.empty')}
        rowProps={(user) => ({ 'data-username': user.username })}
      />
      <ConfirmDialog
        opened={pending !== null}
        title={dialogText?.title ?? ''}
        message={dialogText?.body ?? ''}
        color={dialogText?.color ?? 'red'}
        confirmLabel={dialogText?.title ?? ''}
        onConfirm={runPending}
        onClose={() => setPending(null)}
      />
    </>
  );
}

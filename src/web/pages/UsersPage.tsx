import { useState } from 'react';
import { Button, Checkbox, Group, Paper, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { User } from '#shared/contracts/users.contract';
import { roles, type Role } from '#shared/domain/access';
import { formatNumber } from '#shared/format/locale-format';
import { GeneratedPasswordModal } from '#web/modules/users/components/GeneratedPasswordModal';
import { UserFormModal } from '#web/modules/users/components/UserFormModal';
import { UserTable } from '#web/modules/users/components/UserTable';
import { useUsers } from '#web/modules/users/hooks/useUsers';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { ErrorAlert } from '#web/ui/ErrorAlert';
import { PageHeader } from '#web/ui/PageHeader';
import { Pager } from '#web/ui/Pager';

const pageSize = 25;

/** User administration: search, role filter, add, edit role and scope, disable, reset password. */
export function UsersPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, 300);
  const [role, setRole] = useState<Role | null>(null);
  const [includeDisabled, setIncludeDisabled] = useState(true);
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [credentials, setCredentials] = useState<{ username: string; password: string } | null>(null);

  const users = useUsers({
    search: debouncedSearch.trim() || undefined,
    role: role ?? undefined,
    includeDisabled,
    limit: pageSize,
    offset,
  });

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.subtitle')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('users.add')}
          </Button>
        }
      />
      <Group mb="md" gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('common.search')}
          placeholder={t('users.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setOffset(0);
          }}
          w={{ base: '100%', sm: 300 }}
          type="search"
        />
        <Select
          label={t('users.role')}
          placeholder={t('users.allRoles')}
          data={roles.map((value) => ({ value, label: t(`roles.${value}`) }))}
          value={role}
          onChange={(value) => {
            setRole(value);
            setOffset(0);
          }}
          clearable
          w={{ base: '100%', sm: 240 }}
        />
        <Checkbox
          label={t('users.includeDisabled')}
          checked={includeDisabled}
          onChange={(event) => {
            setIncludeDisabled(event.currentTarget.checked);
            setOffset(0);
          }}
          mb={8}
        />
      </Group>
      {users.error ? <ErrorAlert error={users.error} /> : null}
      <Paper withBorder radius="md" p="xs">
        <UserTable
          users={users.data?.items ?? []}
          isLoading={users.isPending}
          onEdit={setEditing}
          onPasswordGenerated={setCredentials}
        />
      </Paper>
      <Pager
        total={users.data?.total ?? 0}
        limit={pageSize}
        offset={offset}
        onOffsetChange={setOffset}
        formatCount={(value) => formatNumber(value, locale)}
      />
      {editing ? (
        <UserFormModal
          user={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onCreated={(result) => {
            setEditing(null);
            if (result.generatedPassword) {
              setCredentials({ username: result.user.username, password: result.generatedPassword });
            }
          }}
        />
      ) : null}
      <GeneratedPasswordModal credentials={credentials} onClose={() => setCredentials(null)} />
    </>
  );
}

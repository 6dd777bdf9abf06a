import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { User, UserWithPassword } from '#shared/contracts/users.contract';
import { optionalScopeOfRole, requiredScopeOfRole, roles, type Role } from '#shared/domain/access';
import { locales, type Locale } from '#shared/domain/locale';
import { localeNames } from '#web/lib/i18n';
import { ErrorAlert } from '#web/ui/ErrorAlert';
import { useFieldError } from '#web/ui/useFieldError';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { useCreateUser, useUpdateUser } from '../hooks/useUsers';
import { ScopeFields } from './ScopeFields';

type UserFormModalProps = {
  /** The user to edit, or null to add one. */
  user: User | null;
  onClose: () => void;
  /** After creation, with the generated password (null when the administrator typed one). */
  onCreated: (result: UserWithPassword) => void;
};

type FormState = {
  username: string;
  displayName: string;
  email: string;
  role: Role;
  agencyId: string | null;
  territoryId: string | null;
  locale: Locale;
  password: string;
};

/** Adds a user or edits role, scope and contact details; the scope field follows the role. */
export function UserFormModal({ user, onClose, onCreated }: UserFormModalProps) {
  const { t } = useTranslation();
  const interfaceLocale = useLocale();
  const create = useCreateUser();
  const update = useUpdateUser();
  const mutation = user ? update : create;
  const errorOf = useFieldError(mutation.error);
  const [form, setForm] = useState<FormState>({
    username: user?.username ?? '',
    displayName: user?.displayName ?? '',
    email: user?.email ?? '',
    role: user?.role ?? 'analyst',
    agencyId: user?.agencyId ?? null,
    territoryId: user?.territoryId ?? null,
    locale: user?.locale ?? interfaceLocale,
    password: '',
  });
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((state) => ({ ...state, [key]: value }));

  const scope = requiredScopeOfRole(form.role);
  const optionalScope = optionalScopeOfRole(form.role);
  const agencyId = scope === 'agency' || optionalScope === 'agency' ? form.agencyId : null;
  const territoryId = scope === 'territory' || optionalScope === 'territory' ? form.territoryId : null;
  const isScopeMissing = (scope === 'agency' && !agencyId) || (scope === 'territory' && !territoryId);
  const isComplete =
    form.displayName.trim() !== '' &&
    (user !== null || /^[a-zA-Z0-9._-]{3,64}$/.test(form.username)) &&
    !isScopeMissing;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const email = form.email.trim() === '' ? null : form.email.trim();
    if (user) {
      update.mutate(
        {
          id: user.id,
          request: { displayName: form.displayName.trim(), email, role: form.role, agencyId, territoryId },
        },
        {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: t('users.saved') });
            onClose();
          },
        },
      );
      return;
    }
    create.mutate(
      {
        username: form.username.trim(),
        displayName: form.displayName.trim(),
        email,
        role: form.role,
        agencyId,
        territoryId,
        locale: form.locale,
        ...(form.password ? { password: form.password } : {}),
      },
      {
        onSuccess: (result) => {
          notifications.show({
            color: 'teal',
            message: t('users.created', { username: result.user.username }),
          });
          onCreated(result);
        },
      },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={user ? t('users.editTitle', { username: user.username }) : t('users.addTitle')}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('users.username')}
              error={errorOf('username')}
              description={user ? undefined : t('users.usernameHint')}
              value={form.username}
              onChange={(event) => set('username', event.currentTarget.value)}
              disabled={user !== null}
              required={user === null}
              autoComplete="off"
              name="username"
            />
            <TextInput
              label={t('users.displayName')}
              error={errorOf('displayName')}
              value={form.displayName}
              onChange={(event) => set('displayName', event.currentTarget.value)}
              required
              name="displayName"
            />
          </SimpleGrid>
          <TextInput
            label={t('users.email')}
            error={errorOf('email')}
            type="email"
            value={form.email}
            onChange={(event) => set('email', event.currentTarget.value)}
            name="email"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('users.role')}
              error={errorOf('role')}
              data={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
              value={form.role}
              onChange={(value) => value && set('role', value)}
              allowDeselect={false}
              required
              name="role"
            />
            {user === null ? (
              <Select
                label={t('users.locale')}
                error={errorOf('locale')}
                data={locales.map((locale) => ({ value: locale, label: localeNames[locale] }))}
                value={form.locale}
                onChange={(value) => value && set('locale', value)}
                allowDeselect={false}
              />
            ) : null}
          </SimpleGrid>
          <ScopeFields
            role={form.role}
            agencyId={form.agencyId}
            territoryId={form.territoryId}
            onAgencyChange={(id) => set('agencyId', id)}
            onTerritoryChange={(id) => set('territoryId', id)}
            errors={{ agencyId: errorOf('agencyId'), territoryId: errorOf('territoryId') }}
          />
          {user === null ? (
            <PasswordInput
              label={t('users.initialPassword')}
              error={errorOf('password')}
              description={t('users.initialPasswordHint')}
              value={form.password}
              onChange={(event) => set('password', event.currentTarget.value)}
              autoComplete="new-password"
            />
          ) : null}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={!isComplete}>
              {user ? t('common.save') : t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

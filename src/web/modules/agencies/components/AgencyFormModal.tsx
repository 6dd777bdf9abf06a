import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Agency } from '#shared/contracts/agencies.contract';
import type { LocalisedName } from '#shared/contracts/common.contract';
import { locales } from '#shared/domain/locale';
import { localeNames } from '#web/lib/i18n';
import { ErrorAlert } from '#web/ui/ErrorAlert';
import { useCreateAgency, useUpdateAgency } from '../hooks/useAgencies';

type AgencyFormModalProps = {
  /** The agency to edit, or null to add a new one. */
  agency: Agency | null;
  onClose: () => void;
};

const emptyName: LocalisedName = { ky: '', ru: '', en: '' };

function isFilled(name: LocalisedName): boolean {
  return locales.every((locale) => name[locale].trim() !== '');
}

function trimmed(name: LocalisedName): LocalisedName {
  return { ky: name.ky.trim(), ru: name.ru.trim(), en: name.en.trim() };
}

/** Adds an agency (code, full and short names in three languages) or edits its names. */
export function AgencyFormModal({ agency, onClose }: AgencyFormModalProps) {
  const { t } = useTranslation();
  const create = useCreateAgency();
  const update = useUpdateAgency();
  const mutation = agency ? update : create;
  const [code, setCode] = useState(agency?.code ?? '');
  const [name, setName] = useState<LocalisedName>(agency?.name ?? emptyName);
  const [shortName, setShortName] = useState<LocalisedName>(agency?.shortName ?? emptyName);
  const isCodeValid = /^[A-Z0-9_]{2,32}$/.test(code);
  const isComplete = isFilled(name) && isFilled(shortName) && (agency !== null || isCodeValid);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const done = () => {
      notifications.show({ color: 'teal', message: agency ? t('agencies.saved') : t('agencies.created') });
      onClose();
    };
    if (agency) {
      update.mutate(
        { id: agency.id, request: { name: trimmed(name), shortName: trimmed(shortName) } },
        { onSuccess: done },
      );
    } else {
      create.mutate({ code, name: trimmed(name), shortName: trimmed(shortName) }, { onSuccess: done });
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={agency ? t('agencies.editTitle') : t('agencies.addTitle')}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
          <TextInput
            label={t('agencies.code')}
            description={t('agencies.codeHint')}
            value={code}
            onChange={(event) => setCode(event.currentTarget.value.toUpperCase().replace(/[^A-Z0-9_]/g, ''))}
            disabled={agency !== null}
            required={agency === null}
            maxLength={32}
            w={240}
            error={code !== '' && !isCodeValid ? t('agencies.codeInvalid') : undefined}
          />
          <Text fw={600} size="sm" mt="xs">
            {t('agencies.name')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {locales.map((locale) => (
              <TextInput
                key={locale}
                lang={locale}
                label={`${t('agencies.name')} — ${localeNames[locale]}`}
                value={name[locale]}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  setName((state) => ({ ...state, [locale]: value }));
                }}
                required
              />
            ))}
          </SimpleGrid>
          <Text fw={600} size="sm" mt="xs">
            {t('agencies.shortName')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {locales.map((locale) => (
              <TextInput
                key={locale}
                lang={locale}
                label={`${t('agencies.shortName')} — ${localeNames[locale]}`}
                value={shortName[locale]}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  setShortName((state) => ({ ...state, [locale]: value }));
                }}
                required
              />
            ))}
          </SimpleGrid>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={!isComplete}>
              {agency ? t('common.save') : t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

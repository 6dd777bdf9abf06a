import { useState, type FormEvent } from 'react';
import {
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Territory } from '#shared/contracts/territories.contract';
import type { TerritoryLevel } from '#shared/domain/territory-level';
import { localName } from '#web/lib/format';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { ErrorAlert } from '#web/ui/ErrorAlert';
import { useFieldError } from '#web/ui/useFieldError';
import { useCreateTerritory, useUpdateTerritory } from '../hooks/useTerritories';
import { childLevelsOf } from '../territory-tree';

type TerritoryFormModalProps = {
  opened: boolean;
  onClose: () => void;
  /** Edit this territory, or (with `parent`) create a child of it. */
  mode: { kind: 'edit'; territory: Territory } | { kind: 'create'; parent: Territory };
  onCreated?: (territory: Territory) => void;
};

type FormState = {
  code: string;
  level: TerritoryLevel | null;
  isoCode: string;
  nameKy: string;
  nameRu: string;
  nameEn: string;
  variants: string[];
  adminCenter: string;
  notes: string;
};

function initialState(mode: TerritoryFormModalProps['mode']): FormState {
  if (mode.kind === 'edit') {
    const { territory } = mode;
    return {
      code: territory.code,
      level: territory.level,
      isoCode: territory.isoCode ?? '',
      nameKy: territory.name.ky,
      nameRu: territory.name.ru,
      nameEn: territory.name.en,
      variants: territory.variants,
      adminCenter: territory.adminCenter ?? '',
      notes: territory.notes ?? '',
    };
  }
  const levels = childLevelsOf(mode.parent.level);
  return {
    code: '',
    level: levels[0] ?? null,
    isoCode: '',
    nameKy: '',
    nameRu: '',
    nameEn: '',
    variants: [],
    adminCenter: '',
    notes: '',
  };
}

const emptyToNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** Edits a territory's codes, names, variants and notes, or adds a child territory (administrators). */
export function TerritoryFormModal({ opened, onClose, mode, onCreated }: TerritoryFormModalProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form, setForm] = useState<FormState>(() => initialState(mode));
  const editId = mode.kind === 'edit' ? mode.territory.id : '';
  const update = useUpdateTerritory(editId);
  const create = useCreateTerritory();
  const mutation = mode.kind === 'edit' ? update : create;
  const errorOf = useFieldError(mutation.error, {
    'name.ky': 'nameKy',
    'name.ru': 'nameRu',
    'name.en': 'nameEn',
  });
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((state) => ({ ...state, [key]: value }));

  const names = { ky: form.nameKy.trim(), ru: form.nameRu.trim(), en: form.nameEn.trim() };
  const isComplete =
    names.ky !== '' &&
    names.ru !== '' &&
    names.en !== '' &&
    (mode.kind === 'edit' || (form.code !== '' && form.level));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const common = {
      isoCode: emptyToNull(form.isoCode)?.toUpperCase() ?? null,
      name: names,
      variants: form.variants.map((v) => v.trim()).filter(Boolean),
      adminCenter: emptyToNull(form.adminCenter),
      notes: emptyToNull(form.notes),
    };
    if (mode.kind === 'edit') {
      update.mutate(common, {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('territories.saved') });
          onClose();
        },
      });
    } else if (form.level) {
      create.mutate(
        { ...common, code: form.code.trim(), level: form.level, parentId: mode.parent.id },
        {
          onSuccess: (territory) => {
            notifications.show({ color: 'teal', message: t('territories.created') });
            onCreated?.(territory);
            onClose();
          },
        },
      );
    }
  };

  const levelOptions =
    mode.kind === 'create'
      ? childLevelsOf(mode.parent.level).map((level) => ({ value: level, label: t(`levels.${level}`) }))
      : [];

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={
        mode.kind === 'edit'
          ? t('territories.editTitle', { name: localName(mode.territory.name, locale) })
          : t('territories.addChildTitle')
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('territories.soate')}
              error={errorOf('code')}
              description={t('territories.soateHint')}
              value={form.code}
              onChange={(event) => set('code', event.currentTarget.value.replace(/\D/g, ''))}
              disabled={mode.kind === 'edit'}
              required={mode.kind === 'create'}
              maxLength={14}
            />
            {mode.kind === 'create' ? (
              <Select
                label={t('territories.level')}
                error={errorOf('level')}
                data={levelOptions}
                value={form.level}
                onChange={(value) => set('level', value)}
                allowDeselect={false}
                required
              />
            ) : null}
            <TextInput
              label={t('territories.iso')}
              error={errorOf('isoCode')}
              description={t('territories.isoHint')}
              value={form.isoCode}
              onChange={(event) => set('isoCode', event.currentTarget.value)}
              maxLength={6}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('territories.nameKy')}
              error={errorOf('nameKy')}
              lang="ky"
              value={form.nameKy}
              onChange={(event) => set('nameKy', event.currentTarget.value)}
              required
            />
            <TextInput
              label={t('territories.nameRu')}
              error={errorOf('nameRu')}
              lang="ru"
              value={form.nameRu}
              onChange={(event) => set('nameRu', event.currentTarget.value)}
              required
            />
            <TextInput
              label={t('territories.nameEn')}
              error={errorOf('nameEn')}
              lang="en"
              value={form.nameEn}
              onChange={(event) => set('nameEn', event.currentTarget.value)}
              required
            />
          </SimpleGrid>
          <TagsInput
            label={t('territories.variants')}
            error={errorOf('variants')}
            description={t('territories.variantsHint')}
            value={form.variants}
            onChange={(value) => set('variants', value)}
            clearable
          />
          <TextInput
            label={t('territories.adminCenter')}
            error={errorOf('adminCenter')}
            value={form.adminCenter}
            onChange={(event) => set('adminCenter', event.currentTarget.value)}
          />
          <Textarea
            label={t('territories.notes')}
            error={errorOf('notes')}
            value={form.notes}
            onChange={(event) => set('notes', event.currentTarget.value)}
            autosize
            minRows={2}
            maxRows={6}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={!isComplete}>
              {mode.kind === 'edit' ? t('common.save') : t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { useMemo, useState } from 'react';
import { Button, Group, NumberInput, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DataElement } from '#shared/contracts/catalogue.contract';
import type { ValueBound } from '#shared/contracts/data-values.contract';
import { formatNumber } from '#shared/format/locale-format';
import { localName } from '#web/lib/format';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { useTerritories } from '#web/modules/territories/hooks/useTerritories';
import { ConfirmButton } from '#web/ui/ConfirmButton';
import { DataTable, type DataColumn } from '#web/ui/DataTable';
import { ErrorAlert } from '#web/ui/ErrorAlert';
import { useErrorMessage } from '#web/ui/useErrorMessage';
import { useDeleteValueBound, useSaveValueBound, useValueBounds } from '../hooks/useValueBounds';

/** The Select value standing for "every territory" (a bound with territoryId null). */
const everywhere = '';

type Draft = { territoryId: string; min: number | string; max: number | string };
const emptyDraft: Draft = { territoryId: everywhere, min: '', max: '' };

const asNumber = (value: number | string): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/**
 * The min/max a value of this element may take: one bound for every territory and, where figures differ much
 * (the capital, a border district), bounds for single territories, which then win over the general one.
 */
export function ValueBoundsSection({ element, canManage }: { element: DataElement; canManage: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const describe = useErrorMessage();
  const bounds = useValueBounds(element.id);
  const territories = useTerritories();
  const save = useSaveValueBound(element.id);
  const remove = useDeleteValueBound(element.id);
  const [draft, setDraft] = useState<Draft>(emptyDraft);

  const territoryName = useMemo(() => {
    const byId = new Map((territories.data?.items ?? []).map((item) => [item.id, item]));
    return (id: string | null) => {
      if (id === null) return t('catalogue.bounds.everywhere');
      const territory = byId.get(id);
      return territory ? localName(territory.name, locale) : id;
    };
  }, [territories.data, locale, t]);

  const territoryOptions = [
    { value: everywhere, label: t('catalogue.bounds.everywhere') },
    ...(territories.data?.items ?? []).map((item) => ({
      value: item.id,
      label: `${localName(item.name, locale)} (${item.code})`,
    })),
  ];

  const min = asNumber(draft.min);
  const max = asNumber(draft.max);
  const isOrdered = min === null || max === null || min <= max;
  const canSave = (min !== null || max !== null) && isOrdered;

  const submit = () =>
    save.mutate(
      { dataElementId: element.id, territoryId: draft.territoryId || null, minValue: min, maxValue: max },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('catalogue.bounds.saved') });
          setDraft(emptyDraft);
        },
      },
    );

  const show = (value: number | null) => (value === null ? '—' : formatNumber(value, locale));
  const columns: DataColumn<ValueBound>[] = [
    {
      key: 'territory',
      header: t('catalogue.bounds.territory'),
      render: (b) => territoryName(b.territoryId),
    },
    { key: 'min', header: t('catalogue.bounds.min'), align: 'right', render: (b) => show(b.minValue) },
    { key: 'max', header: t('catalogue.bounds.max'), align: 'right', render: (b) => show(b.maxValue) },
  ];
  if (canManage)
    columns.push({
      key: 'actions',
      pinned: 'right',
      header: t('common.actions'),
      render: (b) => (
        <Group gap="xs" wrap="nowrap">
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconPencil size={14} />}
            onClick={() =>
              setDraft({
                territoryId: b.territoryId ?? everywhere,
                min: b.minValue ?? '',
                max: b.maxValue ?? '',
              })
            }
          >
            {t('common.edit')}
          </Button>
          <ConfirmButton
            size="compact-sm"
            variant="subtle"
            color="red"
            confirmTitle={t('catalogue.bounds.remove')}
            confirmMessage={t('catalogue.bounds.removeConfirm', { territory: territoryName(b.territoryId) })}
            confirmLabel={t('catalogue.bounds.remove')}
            onConfirm={() =>
              remove.mutateAsync(b.id, {
                onError: (error) => notifications.show({ color: 'red', message: describe(error).message }),
              })
            }
          >
            {t('catalogue.bounds.remove')}
          </ConfirmButton>
        </Group>
      ),
    });

  return (
    <Stack gap="sm" data-testid="value-bounds">
      <div>
        <Title order={3} size="h5">
          {t('catalogue.bounds.title')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('catalogue.bounds.hint')}
        </Text>
      </div>
      {bounds.error ? <ErrorAlert error={bounds.error} /> : null}
      <DataTable
        caption={t('catalogue.bounds.title')}
        columns={columns}
        rows={bounds.data ?? []}
        rowKey={(b) => b.id}
        isLoading={bounds.isPending}
        emptyText={t('catalogue.bounds.empty')}
        minWidth={480}
      />
      {canManage ? (
        <Stack gap="xs">
          {save.error ? <ErrorAlert error={save.error} /> : null}
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select
              label={t('catalogue.bounds.territory')}
              data={territoryOptions}
              value={draft.territoryId}
              onChange={(value) => setDraft((d) => ({ ...d, territoryId: value ?? everywhere }))}
              searchable
              allowDeselect={false}
              w={280}
            />
            <NumberInput
              label={t('catalogue.bounds.min')}
              value={draft.min}
              onChange={(value) => setDraft((d) => ({ ...d, min: value }))}
              w={140}
            />
            <NumberInput
              label={t('catalogue.bounds.max')}
              value={draft.max}
              onChange={(value) => setDraft((d) => ({ ...d, max: value }))}
              error={isOrdered ? undefined : t('catalogue.bounds.minAboveMax')}
              w={140}
            />
            <Button onClick={submit} disabled={!canSave} loading={save.isPending}>
              {t('catalogue.bounds.save')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Stack>
  );
}
